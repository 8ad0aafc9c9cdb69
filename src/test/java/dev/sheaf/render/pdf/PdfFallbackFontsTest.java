package dev.sheaf.render.pdf;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.Severity;
import dev.sheaf.testing.PdfText;
import dev.sheaf.testing.TestBooks;
import dev.sheaf.core.Sheaf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A book without fonts/ is set in the bundled Liberation faces; what they cannot print is reported. */
class PdfFallbackFontsTest {

    @Test
    void should_embed_bundled_fonts_and_report_characters_they_lack(@TempDir Path tmp) throws Exception {
        // given
        Path book = TestBooks.minimal(tmp.resolve("book"), "chapters/one/piece.md", TestBooks.piece(
                "title: Names\ndate: 2021-03-01", "Казахстан, Ελλάδα, İstanbul and *Zürich*; also 习近平."));
        // when
        BuildResult result = new Sheaf().build(BuildRequest.of(book, tmp.resolve("out")).withFormats(List.of("pdf")));
        // then
        assertThat(result.success()).as(result.diagnostics().toString()).isTrue();
        assertThat(result.diagnostics()).filteredOn(d -> d.severity() == Severity.WARNING)
                .extracting(Diagnostic::format).singleElement().asString()
                .startsWith("chapters/one/piece.md: warning: the PDF edition cannot print 习平近");
        try (PdfText pdf = new PdfText(result.written().get(0))) {
            assertThat(pdf.fonts()).isNotEmpty().allMatch(f -> f.matches("[A-Z]{6}\\+Liberation\\S+ embedded"));
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < pdf.pages(); i++) {
                all.append(pdf.page(i));
            }
            assertThat(all.toString().replaceAll("\\s+", " ")).contains("Казахстан, Ελλάδα, İstanbul and Zürich; also");
        }
    }
}
