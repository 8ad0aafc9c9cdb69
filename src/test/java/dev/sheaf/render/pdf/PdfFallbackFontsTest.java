package dev.sheaf.render.pdf;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.Severity;
import dev.sheaf.fonts.ShippedFonts;
import dev.sheaf.testing.PdfText;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A book without fonts/ is set in Liberation, and every character Liberation lacks in one of the shipped
 * fallback faces; a book's own fonts still win; only a character no face has is reported.
 */
class PdfFallbackFontsTest {

    private static final String MIXED = "Xi Jinping (习近平) spoke in 北京 about Дmitri, Казахстан and Ελλάδα, "
            + "*İstanbul* and **Zürich**; 東京では「ひらがな」と「カタカナ」、서울에서는 한국어. "
            + "Signs: ★ ♥ ✓ → ∑ ⚖ and emoji 🙂 😀 🌍 👍🏽 ❤️.";

    @Test
    void should_print_every_script_of_a_book_without_fonts_in_embedded_faces(@TempDir Path tmp) throws Exception {
        // given
        Path book = TestBooks.minimal(tmp.resolve("book"), "chapters/one/piece.md", TestBooks.piece(
                "title: 北京 and Москва\ndate: 2021-03-01", MIXED + "\n\n## 中国 — Россия\n\n`код 代码`"));
        // when
        BuildResult result = new Sheaf().build(BuildRequest.of(book, tmp.resolve("out")).withFormats(List.of("pdf")));
        // then
        assertThat(result.success()).as(result.diagnostics().toString()).isTrue();
        assertThat(result.diagnostics()).extracting(Diagnostic::format).isEmpty();
        try (PdfText pdf = new PdfText(result.written().get(0))) {
            assertThat(pdf.fonts()).allMatch(f -> f.endsWith(" embedded"))
                    .anyMatch(f -> f.contains("+LiberationSerif"))
                    .anyMatch(f -> f.contains("+DroidSansFallback"))
                    .anyMatch(f -> f.contains("+NanumSquare"))
                    .anyMatch(f -> f.contains("+NotoEmoji"));
            String all = text(pdf);
            for (String s : List.of("Xi Jinping (习近平) spoke in 北京 about Дmitri, Казахстан and Ελλάδα, İstanbul and Zürich;",
                    "★ ♥ ✓ → ∑ ⚖", "🙂 😀 🌍 👍", "中国 — Россия", "код 代码", "北京 and Москва")) {
                assertThat(all).contains(s);
            }
            // CJK text may break between any two characters, even inside a Korean word
            assertThat(all.replace(" ", "")).contains("東京では「ひらがな」と「カタカナ」、서울에서는한국어.");
            // drawn in the faces that have them, not only present in the text layer
            Map<String, String> faces = faceOf(pdf);
            assertThat(faces).containsEntry("习", "DroidSansFallback").containsEntry("한", "NanumSquareR")
                    .containsEntry("🙂", "NotoEmoji-Regular").containsEntry("🌍", "NotoEmoji-Regular")
                    .containsEntry("Д", "LiberationSerif").containsEntry("★", "DejaVuSans");
        }
    }

    /** Each character drawn, with the face (subset tag removed) that draws it. */
    private static Map<String, String> faceOf(PdfText pdf) throws IOException {
        Map<String, String> out = new TreeMap<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                positions.forEach(p -> out.putIfAbsent(p.getUnicode(), p.getFont().getName().replaceAll("^[A-Z]{6}\\+", "")));
            }
        };
        stripper.getText(pdf.document());
        return out;
    }

    @Test
    void should_keep_the_books_own_fonts_and_fall_back_only_for_what_they_lack(@TempDir Path tmp) throws Exception {
        // given: a book set in DejaVu Sans, which has Cyrillic but no Chinese
        Path book = TestBooks.minimal(tmp.resolve("book"), "chapters/one/piece.md", TestBooks.piece(
                "title: Names\ndate: 2021-03-01", "Казахстан and 北京."));
        TestBooks.write(book, "fonts/DejaVuSans.ttf",
                ShippedFonts.bytes(ShippedFonts.fallbacks().stream().filter(f -> f.family().equals("DejaVu Sans"))
                        .findFirst().orElseThrow()));
        // when
        BuildResult result = new Sheaf().build(BuildRequest.of(book, tmp.resolve("out")).withFormats(List.of("pdf")));
        // then
        assertThat(result.success()).as(result.diagnostics().toString()).isTrue();
        try (PdfText pdf = new PdfText(result.written().get(0))) {
            assertThat(pdf.fonts()).allMatch(f -> f.endsWith(" embedded"))
                    .anyMatch(f -> f.contains("+DejaVuSans"))
                    .anyMatch(f -> f.contains("+DroidSansFallback"))
                    .noneMatch(f -> f.contains("Liberation"));
            assertThat(text(pdf)).contains("Казахстан and 北京.");
        }
    }

    @Test
    void should_report_only_characters_that_no_face_has(@TempDir Path tmp) throws Exception {
        // given: Tangut, which no shipped face covers
        Path book = TestBooks.minimal(tmp.resolve("book"), "chapters/one/piece.md", TestBooks.piece(
                "title: Names\ndate: 2021-03-01", "习近平 and \uD81C\uDC00."));
        // when
        BuildResult result = new Sheaf().build(BuildRequest.of(book, tmp.resolve("out")).withFormats(List.of("pdf")));
        // then
        assertThat(result.success()).as(result.diagnostics().toString()).isTrue();
        assertThat(result.diagnostics()).filteredOn(d -> d.severity() == Severity.WARNING)
                .extracting(Diagnostic::format).singleElement().asString()
                .startsWith("chapters/one/piece.md: warning: the PDF edition cannot print \uD81C\uDC00");
    }

    private static String text(PdfText pdf) {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < pdf.pages(); i++) {
            all.append(pdf.page(i)).append('\n');
        }
        return all.toString().replaceAll("\\s+", " ");
    }
}
