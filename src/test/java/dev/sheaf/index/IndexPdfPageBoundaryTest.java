package dev.sheaf.index;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.testing.PdfText;
import dev.sheaf.testing.TestBooks;
import dev.sheaf.testing.VisibleTextStripper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The printed index's numbers where mentions meet page breaks: a name of two words broken between two pages, a
 * term hyphenated at the end of a line, several mentions in one paragraph that runs over a page. The pages are
 * worked out from the PDF's own text (each body page's text in turn, and where each occurrence of a term begins),
 * and every entry must list exactly the pages where one of its mentions begins; each number links to its page.
 */
class IndexPdfPageBoundaryTest {

    @TempDir
    Path tmp;

    private static final double MM = 72 / 25.4;
    /** A5's text block (TrimSize.A5: 18 mm at the top, 21 mm at the bottom), without running heads and folios. */
    private static final float BODY_TOP = (float) (17 * MM);
    private static final float BODY_BOTTOM = (float) ((210 - 20) * MM);

    /** Each entry's printed heading, and a pattern that finds its printed mentions in the pages' text. */
    private static final Map<String, Pattern> MENTIONS = new LinkedHashMap<>();

    static {
        MENTIONS.put("Nursultan Nazarbayev", Pattern.compile("(?<!\\p{L})(?:" + hyphenable("Nursultan") + "\\s+)?"
                + hyphenable("Nazarbayev") + "(?!\\p{L})"));
        MENTIONS.put("Sino-Russian", Pattern.compile("(?<!\\p{L})" + hyphenable("Sino") + "-\\s*" + hyphenable("Russian")
                + "(?!\\p{L})"));
        MENTIONS.put("internationalisation", Pattern.compile("(?<!\\p{L})" + hyphenable("internationalisation")
                + "(?!\\p{L})"));
    }

    /** {@code word}, possibly hyphenated at a line end (a soft hyphen and the line break in the extracted text). */
    private static String hyphenable(String word) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            sb.append(word.charAt(i));
            if (i + 1 < word.length()) {
                sb.append("(?:\u00AD\\s*)?");
            }
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3})
    void everyNumberIsThePageWhereAMentionBegins(int piecesPerPart) throws IOException {
        Path book = book(tmp.resolve("book"));
        String before = System.getProperty("sheaf.pdf.piecesPerPart");
        System.setProperty("sheaf.pdf.piecesPerPart", Integer.toString(piecesPerPart));
        BuildResult r;
        try {
            r = new Sheaf().build(BuildRequest.of(book, tmp.resolve("out")).withFormats(List.of("pdf")));
        } finally {
            if (before == null) {
                System.clearProperty("sheaf.pdf.piecesPerPart");
            } else {
                System.setProperty("sheaf.pdf.piecesPerPart", before);
            }
        }
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        Path pdf = r.written().stream().filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();

        try (PdfText text = new PdfText(pdf)) {
            int indexPage = text.outline().stream().filter(b -> b.title().equals("Index")).findFirst()
                    .orElseThrow().page();
            List<String> labels = text.labels();
            // The body's text, page after page, and where each page's text begins in it.
            StringBuilder body = new StringBuilder();
            TreeSet<Integer> starts = new TreeSet<>();
            Map<Integer, String> labelAt = new LinkedHashMap<>();
            for (int p = 0; p < indexPage; p++) {
                if (!labels.get(p).matches("\\d+")) {
                    continue;
                }
                starts.add(body.length());
                labelAt.put(body.length(), labels.get(p));
                VisibleTextStripper stripper = new VisibleTextStripper(BODY_TOP, BODY_BOTTOM);
                stripper.setSortByPosition(true);
                stripper.setStartPage(p + 1);
                stripper.setEndPage(p + 1);
                body.append(stripper.getText(text.document())).append('\n');
            }
            StringBuilder index = new StringBuilder();
            List<Integer> linked = new ArrayList<>();
            for (int p = indexPage; p < text.pages() - 1; p++) {
                index.append(IndexPdfTest.inStreamOrder(text, p)).append(' ');
                linked.addAll(text.linkTargets(p));
            }
            String all = PdfText.joined(index.toString()).replaceAll("\\s+", " ");

            int acrossPages = 0;
            int hyphenated = 0;
            TreeSet<Integer> firstPages = new TreeSet<>();
            for (Map.Entry<String, Pattern> e : MENTIONS.entrySet()) {
                TreeSet<Integer> expected = new TreeSet<>();
                Matcher m = e.getValue().matcher(body);
                while (m.find()) {
                    int page = Integer.parseInt(labelAt.get(starts.floor(m.start())));
                    expected.add(page);
                    Integer next = starts.higher(m.start());
                    if (next != null && next < m.end()) {
                        acrossPages++;
                    }
                    if (m.group().indexOf('\u00AD') >= 0) {
                        hyphenated++;
                    }
                }
                Matcher listed = Pattern.compile(Pattern.quote(e.getKey())
                        + ", (\\d+(?:–\\d+)?(?:, \\d+(?:–\\d+)?)*)").matcher(all);
                assertThat(listed.find()).as(e.getKey() + " in " + all).isTrue();
                TreeSet<Integer> pages = new TreeSet<>();
                for (String locator : listed.group(1).split(", ")) {
                    String[] range = locator.split("–");
                    int from = Integer.parseInt(range[0]);
                    firstPages.add(from);
                    for (int folio = from; folio <= Integer.parseInt(range[range.length - 1]); folio++) {
                        pages.add(folio);
                    }
                }
                assertThat(pages).as("the pages of " + e.getKey()).isEqualTo(expected);
            }
            assertThat(acrossPages).as("mentions that begin on one page and end on the next").isGreaterThan(0);
            assertThat(hyphenated).as("mentions hyphenated at a line end").isGreaterThan(0);
            // Each number links to the page it names (a range: its first page).
            TreeSet<Integer> targets = new TreeSet<>();
            linked.forEach(page -> targets.add(Integer.parseInt(labels.get(page))));
            assertThat(linked).hasSize(firstPagesCount(all));
            assertThat(targets).isEqualTo(firstPages);
        }
    }

    /** The locators printed for the entries of {@link #MENTIONS}. */
    private static int firstPagesCount(String index) {
        int n = 0;
        for (String term : MENTIONS.keySet()) {
            Matcher m = Pattern.compile(Pattern.quote(term) + ", (\\d+(?:–\\d+)?(?:, \\d+(?:–\\d+)?)*)").matcher(index);
            if (m.find()) {
                n += m.group(1).split(", ").length;
            }
        }
        return n;
    }

    /**
     * Pieces of one paragraph each: the same filler, then, a word later in each piece than in the one before, a
     * run of mentions, then a little more, so that across the pieces the first page ends at every point of the
     * run: between the two words of a name, inside a compound, after a hyphenated term.
     */
    private static Path book(Path dir) {
        Random random = new Random(7);
        String[] words = "the council met again and spoke about roads prices winter harbour long before anyone noticed quiet grain ledger market"
                .split(" ");
        List<String> filler = new ArrayList<>();
        for (int i = 0; i < 420; i++) {
            String w = words[random.nextInt(words.length)];
            filler.add((i % 12 == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w) + (i % 12 == 11 ? "." : ""));
        }
        List<String> files = new ArrayList<>();
        for (int k = 0; k < 24; k++) {
            int at = 322 + k;
            String text = String.join(" ", filler.subList(0, at))
                    + " Nursultan Nazarbayev spoke of the Sino-Russian internationalisation of the grain market, "
                    + String.join(" ", filler.subList(at, at + 25))
                    + " and Nazarbayev again.";
            files.add("chapters/01-hearings/piece-" + (k < 10 ? "0" : "") + k + ".md");
            files.add(TestBooks.piece("title: Hearing " + (k + 1) + "\ndate: 2021-03-01", text));
        }
        TestBooks.minimal(dir, files.toArray(String[]::new));
        TestBooks.write(dir, "index.yaml", """
                entries:
                  Nursultan Nazarbayev: [Nazarbayev]
                  Sino-Russian:
                  internationalisation:
                """);
        return dir;
    }
}
