package dev.sheaf.index;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.testing.PdfText;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;

import java.awt.geom.Rectangle2D;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The printed index, read back with PDFBox: every page number it gives (ranges included) is a page where its
 * entry is printed, and every number links to such a page; in the single layout and in the layout by parts.
 */
class IndexPdfTest {

    @TempDir
    Path tmp;

    /** What counts as the printed mention of each entry of {@link IndexedBook}, by the heading printed. */
    private static final Map<String, List<String>> FORMS = new LinkedHashMap<>();

    static {
        FORMS.put("CSTO", List.of("CSTO", "Collective Security Treaty Organization"));
        FORMS.put("and China", List.of("Sino-Russian"));
        FORMS.put("oil", List.of("Russian oil"));
        FORMS.put("Öcalan", List.of("Öcalan"));
        FORMS.put("Orenburg", List.of("Orenburg"));
        FORMS.put("Russia", List.of("Russia"));
        FORMS.put("Tokayev", List.of("Tokayev", "the president"));
        FORMS.put("Xi Jinping", List.of("Xi", "习近平"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void everyPageNumberIsAPageWhereTheEntryIsPrinted(int piecesPerPart) throws IOException {
        Path book = IndexedBook.write(tmp.resolve("book"), 14);
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
        String all = verifiedIndex(pdf, "Index of Names", FORMS);
        assertThat(all).contains("Muscovy. See Russia").contains("See also Soviet Union").doesNotContain("Kabul");
        // Öcalan is listed under O, before Orenburg (English collation: the umlaut is a secondary difference).
        assertThat(all).containsPattern("\\bO Öcalan, \\d");
        assertThat(all.indexOf("Öcalan")).isLessThan(all.indexOf("Orenburg"));
        // "See" and "See also" are in italics, the entries they name are not.
        List<String> italic = italicRuns(pdf, "Index of Names");
        assertThat(italic).contains("See", "See also").noneMatch(run -> run.contains("Russia") || run.contains("Soviet"));
    }

    /** The runs of text set in an italic face on the pages of the index titled {@code title}. */
    static List<String> italicRuns(Path pdf, String title) throws IOException {
        try (PdfText text = new PdfText(pdf)) {
            int first = text.outline().stream().filter(b -> b.title().equals(title)).findFirst().orElseThrow().page();
            List<String> runs = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String s, List<TextPosition> positions) {
                    for (TextPosition t : positions) {
                        var font = t.getFont();
                        boolean italic = font.getName() != null && font.getName().matches("(?i).*(italic|oblique).*")
                                || font.getFontDescriptor() != null && font.getFontDescriptor().isItalic();
                        if (italic) {
                            run.append(t.getUnicode());
                        } else if (!t.getUnicode().isBlank() && run.length() > 0) {
                            runs.add(run.toString().strip());
                            run.setLength(0);
                        } else if (run.length() > 0) {
                            run.append(' ');
                        }
                    }
                }
            };
            stripper.setStartPage(first + 1);
            stripper.setEndPage(text.pages() - 1);
            stripper.getText(text.document());
            if (run.length() > 0) {
                runs.add(run.toString().strip());
            }
            return runs;
        }
    }

    /**
     * The text of the index titled {@code title} (from its bookmark to the page before the last) in {@code pdf},
     * having checked that each entry of {@code forms} is listed with page numbers, every page a number or a
     * range names prints one of the entry's forms, and the entry's numbers link to such pages, one link each.
     */
    static String verifiedIndex(Path pdf, String title, Map<String, List<String>> forms) throws IOException {
        try (PdfText text = new PdfText(pdf)) {
            int first = text.outline().stream().filter(b -> b.title().equals(title)).findFirst()
                    .orElseThrow().page();
            List<String> labels = text.labels();
            StringBuilder index = new StringBuilder();
            List<Integer> linked = new ArrayList<>();
            for (int p = first; p < text.pages() - 1; p++) {
                index.append(inStreamOrder(text, p)).append(' ');
                linked.addAll(text.linkTargets(p));
            }
            String all = index.toString().replaceAll("\\s+", " ");
            assertThat(all).contains(title);
            int numbers = 0;
            for (Map.Entry<String, List<String>> e : forms.entrySet()) {
                Matcher m = Pattern.compile("(?<![\\p{L}-])" + Pattern.quote(e.getKey())
                        + ", (\\d+(?:–\\d+)?(?:, \\d+(?:–\\d+)?)*)").matcher(all);
                assertThat(m.find()).as(e.getKey() + " in " + all).isTrue();
                for (String locator : m.group(1).split(",")) {
                    if (locator.isBlank()) {
                        continue;
                    }
                    numbers++;
                    String[] range = locator.strip().split("–");
                    int from = Integer.parseInt(range[0]);
                    int to = Integer.parseInt(range[range.length - 1]);
                    assertThat(to).isGreaterThanOrEqualTo(from);
                    for (int folio = from; folio <= to; folio++) {
                        int page = labels.indexOf(Integer.toString(folio));
                        String printed = text.page(page).replaceAll("\\s+", " ");
                        assertThat(e.getValue()).as(e.getKey() + " on page " + folio + ": " + printed)
                                .anyMatch(printed::contains);
                    }
                }
            }
            assertThat(numbers).isGreaterThanOrEqualTo(forms.size());
            // Each number links to a page printing a mention (the page the number names, or the first of its range).
            assertThat(linked).hasSize(numbers);
            for (int target : linked) {
                String printed = text.page(target).replaceAll("\\s+", " ");
                assertThat(forms.values().stream().flatMap(List::stream)).as("link to page " + target)
                        .anyMatch(printed::contains);
            }
            return all;
        }
    }

    /** The text of page {@code p}, the left column, then the right (split at the widest gap near the middle). */
    static String inStreamOrder(PdfText text, int p) throws IOException {
        PDPage page = text.document().getPage(p);
        float width = page.getMediaBox().getWidth();
        float height = page.getMediaBox().getHeight();
        boolean[] used = new boolean[(int) width + 1];
        PDFTextStripper probe = new PDFTextStripper() {
            @Override
            protected void writeString(String s, List<TextPosition> positions) {
                for (TextPosition t : positions) {
                    for (int x = (int) t.getXDirAdj(); x <= (int) (t.getXDirAdj() + t.getWidthDirAdj()) && x < used.length; x++) {
                        used[Math.max(0, x)] = true;
                    }
                }
            }
        };
        probe.setStartPage(p + 1);
        probe.setEndPage(p + 1);
        probe.getText(text.document());
        int bestStart = (int) (width / 2);
        int bestLength = 0;
        for (int x = (int) (width * 0.3); x < width * 0.7; x++) {
            int y = x;
            while (y < width * 0.7 && !used[y]) {
                y++;
            }
            if (y - x > bestLength) {
                bestLength = y - x;
                bestStart = x;
            }
            x = y;
        }
        float split = bestStart + bestLength / 2f;
        PDFTextStripperByArea areas = new PDFTextStripperByArea();
        areas.setSortByPosition(true);
        areas.addRegion("left", new Rectangle2D.Float(0, 0, split, height));
        areas.addRegion("right", new Rectangle2D.Float(split, 0, width - split, height));
        areas.extractRegions(page);
        return areas.getTextForRegion("left") + " " + areas.getTextForRegion("right");
    }
}
