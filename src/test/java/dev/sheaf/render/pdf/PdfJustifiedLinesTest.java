package dev.sheaf.render.pdf;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Justified lines that end just before an inline element (emphasis, a link, an index entry's anchor) reach the
 * measure like every other line of their paragraph. Read back with PDFBox: every line of a paragraph but its
 * last (the only line ending on a full stop) ends within 1 pt of the right edge of the text.
 */
class PdfJustifiedLinesTest {

    @TempDir
    static Path tmp;

    /** Prose without full stops; {@code %s} marks the words set in an inline element. */
    static final String[] WORDS = ("the delegations met again in spring and nobody expected much of %s talks that had "
            + "stalled twice over the summer while ministers flew in with other %s things on their minds such as an "
            + "election at home or a currency losing value by the week and a %s neighbour whose troops were still "
            + "camped along a river that both sides claimed yet by evening a draft was on the %s table saying "
            + "little that was new but saying it in a way each capital could read as a concession by the %s other "
            + "which was enough for observers who had followed the region for %s decades and remained cautious "
            + "about agreements of this kind").split(" ");

    static List<List<Line>> paragraphs = new ArrayList<>();

    /** A line of text as PDFBox reads it: where it ends, and whether it ends its paragraph. */
    record Line(int page, float right, String text) {
        boolean last() {
            return text.strip().endsWith(".");
        }
    }

    @BeforeAll
    static void build() throws Exception {
        Path book = tmp.resolve("book");
        Files.createDirectories(book.resolve("chapters/01-one"));
        Files.writeString(book.resolve("book.yaml"),
                "title: Measure\nauthor: A. Writer\nlanguage: en-GB\ndate: \"2024-01-01\"\nhyphenate: false\n");
        // an index entry for every word in an element, so that each paragraph of plain words gets anchors
        Files.writeString(book.resolve("index.yaml"), """
                title: Index
                entries:
                  Tajikistan: {kind: place}
                  Ukraine: {kind: place}
                  China: {kind: place}
                """);
        String[] names = {"Tajikistan", "Ukraine", "China"};
        StringBuilder md = new StringBuilder("---\ntitle: Lines\ndate: \"2021-01-01\"\n---\n\n");
        for (int variant = 0; variant < 7; variant++) {
            md.append(paragraph(variant, "*%s*")).append("\n\n");
            md.append(paragraph(variant, "[%s](https://example.org/%s)")).append("\n\n");
            md.append(paragraph(variant, "%s", names)).append("\n\n");
        }
        Files.writeString(book.resolve("chapters/01-one/piece.md"), md);
        BuildResult result = new Sheaf().build(BuildRequest.of(book, tmp.resolve("out")).withFormats(List.of("pdf")));
        assertThat(result.success()).as(result.diagnostics().toString()).isTrue();
        paragraphs = paragraphs(result.written().get(0));
    }

    /** The prose, shifted by {@code variant} words so that lines break in other places, with marked words. */
    static String paragraph(int variant, String element, String... names) {
        StringBuilder p = new StringBuilder();
        int marked = 0;
        for (int i = 0; i < WORDS.length * 2; i++) {
            String w = WORDS[(i + variant) % WORDS.length];
            if (w.equals("%s")) {
                String name = names.length > 0 ? names[marked % names.length] : "something" + "ly".repeat(marked % 2);
                w = element.formatted(name, name.toLowerCase());
                marked++;
            }
            p.append(p.isEmpty() ? "" : " ").append(w);
        }
        return p.append('.').toString();
    }

    /** The body lines of the PDF, in paragraphs (a paragraph ends on a line ending with a full stop). */
    static List<List<Line>> paragraphs(Path pdf) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                int p = page;
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<TextPosition> positions) {
                        float right = 0;
                        for (TextPosition t : positions) {
                            if (!t.getUnicode().isBlank()) {
                                right = Math.max(right, t.getXDirAdj() + t.getWidthDirAdj());
                            }
                        }
                        lines.add(new Line(p, right, text));
                    }
                };
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                stripper.setSortByPosition(true);
                stripper.writeText(doc, new StringWriter());
            }
        }
        List<List<Line>> result = new ArrayList<>();
        List<Line> current = new ArrayList<>();
        for (Line line : lines) {
            if (!prose(line.text())) {
                continue;   // running heads, folios, front matter, the index
            }
            current.add(line);
            if (line.last()) {
                result.add(current);
                current = new ArrayList<>();
            }
        }
        return result;
    }

    /** A line of the paragraphs: all its words from the prose, four or more unless it ends a paragraph. */
    static boolean prose(String text) {
        Set<String> vocabulary = new HashSet<>(Arrays.asList(WORDS));
        vocabulary.addAll(List.of("Tajikistan", "Ukraine", "China", "something", "somethingly"));
        String[] words = text.strip().replaceAll("\\.$", "").split("\\s+");
        return (words.length >= 4 || text.strip().endsWith(".")) && vocabulary.containsAll(Arrays.asList(words));
    }

    @Test
    void everyLineButAParagraphsLastReachesTheMeasure() {
        assertThat(paragraphs).hasSizeGreaterThanOrEqualTo(21);
        // the right edge of the text on each page (rectos and versos have different margins)
        Map<Integer, Float> edge = new HashMap<>();
        paragraphs.stream().flatMap(List::stream).forEach(l -> edge.merge(l.page(), l.right(), Math::max));
        List<String> short_ = new ArrayList<>();
        int checked = 0;
        for (List<Line> paragraph : paragraphs) {
            for (Line line : paragraph.subList(0, paragraph.size() - 1)) {
                checked++;
                float missing = edge.get(line.page()) - line.right();
                if (missing > 1f) {
                    short_.add("p" + line.page() + " " + missing + " pt short: " + line.text());
                }
            }
        }
        assertThat(checked).isGreaterThan(150);
        assertThat(short_).isEmpty();
    }
}
