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

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fonts' kerning (Noto Serif keeps it in GPOS only) reaches the PDF: PDFBox finds the second letter of a
 * kerned pair closer to the first than the first letter's width, an unkerned pair exactly at it, and the text
 * reads back as written.
 */
class PdfKerningTest {

    @TempDir
    static Path tmp;

    static final List<TextPosition> glyphs = new ArrayList<>();
    static String text;

    @BeforeAll
    static void build() throws Exception {
        Path book = tmp.resolve("book");
        Files.createDirectories(book.resolve("chapters/01-one"));
        Files.writeString(book.resolve("book.yaml"),
                "title: Kerning\nauthor: A. Writer\nlanguage: en-GB\ndate: \"2024-01-01\"\n");
        Files.writeString(book.resolve("chapters/01-one/piece.md"), "---\ntitle: Pairs\ndate: \"2021-01-01\"\n---\n\n"
                + "An AVATAR walked To Hmm with Wavy yellow Tea, quite "
                + "unremarkably, and the Travellers saw it all on a very long day in the Vale of Tyrol "
                + "where AVATARS are Today a Very common sight.\n\nShort AVOWAL of HHH.\n");
        BuildResult result = new Sheaf().build(BuildRequest.of(book, tmp.resolve("out")).withFormats(List.of("pdf")));
        assertThat(result.success()).as(result.diagnostics().toString()).isTrue();
        try (PDDocument doc = Loader.loadPDF(result.written().get(0).toFile())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String s, List<TextPosition> positions) {
                    glyphs.addAll(positions);
                }
            };
            stripper.setSortByPosition(true);
            stripper.writeText(doc, new StringWriter());
            text = new PDFTextStripper().getText(doc);
        }
    }

    /** Where {@code second} starts after {@code first} starts, less {@code first}'s width, for each such pair. */
    static List<Float> offsets(String first, String second) {
        List<Float> out = new ArrayList<>();
        for (int i = 0; i + 1 < glyphs.size(); i++) {
            TextPosition a = glyphs.get(i);
            TextPosition b = glyphs.get(i + 1);
            if (a.getUnicode().equals(first) && b.getUnicode().equals(second) && a.getYDirAdj() == b.getYDirAdj()) {
                out.add(b.getXDirAdj() - a.getXDirAdj() - a.getWidthDirAdj());
            }
        }
        return out;
    }

    @Test
    void kernedPairsAreSetCloser() {
        // Noto Serif: A-V −80, T-o −50 thousandths of an em; at 10 pt and more that is 0.5 pt and more
        assertThat(offsets("A", "V")).isNotEmpty().allMatch(d -> d < -0.5f);
        assertThat(offsets("T", "o")).isNotEmpty().allMatch(d -> d < -0.3f);
        // the last line of a paragraph is not justified: an unkerned pair sits exactly at the letter's width
        assertThat(offsets("H", "H")).isNotEmpty().allMatch(d -> Math.abs(d) < 0.3f);
    }

    @Test
    void textReadsBackAsWritten() {
        String flat = text.replaceAll("\\s+", " ");
        assertThat(flat).contains("An AVATAR walked To Hmm with Wavy yellow Tea", "AVATARS are Today a Very common sight.",
                "Short AVOWAL of HHH.");
    }
}
