package dev.sheaf.render.pdf;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.testing.PdfValidator;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Standard ligatures in the PDF (Noto Serif has ff, fi, fl, ffi, ffl in {@code GSUB liga} and as presentation
 * forms): the ligature glyphs are drawn, each inside a marked-content sequence whose {@code /ActualText} gives
 * its letters; the text reads back as plain letters; none spans a soft hyphen (broken at a line's end or not) nor
 * an element's edge; the PDF still passes PDF/UA-1 and PDF/A-2u.
 */
class PdfLigaturesTest {

    @TempDir
    static Path tmp;

    static Path pdf;
    static final List<TextPosition> glyphs = new ArrayList<>();
    /** Each marked-content sequence with an {@code /ActualText}: that text, then the characters drawn in it. */
    static final List<Object[]> actual = new ArrayList<>();
    static String text;

    @BeforeAll
    static void build() throws Exception {
        Path book = tmp.resolve("book");
        Files.createDirectories(book.resolve("chapters/01-one"));
        Files.createDirectories(book.resolve("fonts"));
        for (String face : List.of("NotoSerif-Regular.ttf", "NotoSerif-Italic.ttf")) {
            Files.copy(Path.of("fonts", face), book.resolve("fonts").resolve(face));
        }
        Files.writeString(book.resolve("book.yaml"),
                "title: Ligatures\nauthor: A. Writer\nlanguage: en-GB\ndate: \"2024-01-01\"\nhyphenate: false\n");
        StringBuilder differ = new StringBuilder();
        String[] before = {"a", "an", "one", "some", "these", "thirty", "several", "everyone", "everything"};
        for (int i = 0; i < 60; i++) {
            differ.append(before[i % before.length]).append(" dif\u00ADfer ");
        }
        Files.writeString(book.resolve("chapters/01-one/piece.md"), "---\ntitle: Pairs\ndate: \"2021-01-01\"\n---\n\n"
                + "The office of the fluffy affine map was flawless in its effect, and the waffle shuffled off. "
                + "A staff of fifty fine officials fled the field.\n\n"
                + differ + "end.\n\n"
                + "Split f*i*ne and *f*lat.\n");
        BuildResult result = new Sheaf().build(BuildRequest.of(book, tmp.resolve("out")).withFormats(List.of("pdf")));
        assertThat(result.success()).as(result.diagnostics().toString()).isTrue();
        pdf = result.written().get(0);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String s, List<TextPosition> positions) {
                    glyphs.addAll(positions);
                }
            };
            stripper.setSortByPosition(true);
            stripper.writeText(doc, new StringWriter());
            text = new PDFTextStripper().getText(doc);
            for (var page : doc.getPages()) {
                PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
                extractor.processPage(page);
                extractor.getMarkedContents().forEach(PdfLigaturesTest::collect);
            }
        }
    }

    private static void collect(PDMarkedContent mc) {
        if (mc.getActualText() != null) {
            List<String> drawn = new ArrayList<>();
            for (Object o : mc.getContents()) {
                if (o instanceof TextPosition t) {
                    drawn.add(t.getUnicode());
                }
            }
            actual.add(new Object[] {mc.getActualText(), drawn});
        }
        for (Object o : mc.getContents()) {
            if (o instanceof PDMarkedContent inner) {
                collect(inner);
            }
        }
    }

    /**
     * How many single glyphs were drawn for {@code letters}: PDFBox maps a ligature glyph (whose ToUnicode is its
     * presentation form) to its letters, one text position for all of them.
     */
    static long drawn(String letters) {
        return glyphs.stream().filter(t -> t.getUnicode().equals(letters)).count();
    }

    @Test
    void theFontsLigaturesAreDrawn() {
        // office, affine, officials: ffi; waffle, shuffled: ffl; fluffy, effect, off, staff: ff; fluffy,
        // flawless, fled: fl; fifty, fine, field: fi (the split words and the sixty "dif-fer"s add none)
        assertThat(drawn("ffi")).isEqualTo(3);
        assertThat(drawn("ffl")).isEqualTo(2);
        assertThat(drawn("ff")).isEqualTo(4);
        assertThat(drawn("fl")).isEqualTo(3);
        assertThat(drawn("fi")).isEqualTo(3);
    }

    @Test
    void everyLigatureReadsAsItsLetters() {
        // one glyph in each sequence (its presentation form, here), whose /ActualText is its letters
        assertThat(actual).hasSize(15).allSatisfy(a -> {
            List<?> drawn = (List<?>) a[1];
            assertThat(drawn).hasSize(1);
            String glyph = (String) drawn.get(0);
            assertThat(glyph).hasSize(1);
            assertThat(Ligatures.isLigature(glyph.charAt(0))).isTrue();
            assertThat(Ligatures.letters(glyph.charAt(0))).isEqualTo(a[0]);
        });
        assertThat(actual).extracting(a -> a[0]).containsOnly("ff", "fi", "fl", "ffi", "ffl");
    }

    @Test
    void textReadsBackAsPlainLetters() {
        String flat = text.replaceAll("\\s+", " ");
        assertThat(flat).contains("The office of the fluffy affine map was flawless in its effect",
                "A staff of fifty fine officials fled the field.");
        assertThat(flat.chars().filter(c -> Ligatures.isLigature((char) c))).isEmpty();
    }

    @Test
    void noLigatureAcrossABreakAnElementOrInCode() {
        // lines ending on the soft hyphen of "dif-fer": a plain f before the hyphen (and a plain f on the next line:
        // no "ff" glyph is drawn for any of them, see above)
        long broken = 0;
        for (int i = 0; i + 1 < glyphs.size(); i++) {
            String c = glyphs.get(i + 1).getUnicode();
            if ((c.equals("\u00AD") || c.equals("-")) && glyphs.get(i).getUnicode().equals("f")) {
                broken++;
            }
        }
        assertThat(broken).as("lines broken at dif-").isPositive();
    }

    @Test
    void stillPassesPdfUaAndPdfA() {
        assertThat(PdfValidator.pdfUa1(pdf)).isEmpty();
        assertThat(PdfValidator.pdfA2u(pdf)).isEmpty();
    }
}
