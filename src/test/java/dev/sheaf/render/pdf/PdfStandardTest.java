package dev.sheaf.render.pdf;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.MessageId;
import dev.sheaf.testing.PdfStructure;
import dev.sheaf.testing.PdfText;
import dev.sheaf.testing.PdfValidator;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code pdf-standard:} in book.yaml: PDF/UA-1 always, PDF/A-2u unless the author asks for PDF/UA-1 alone. */
class PdfStandardTest {

    @TempDir
    Path tmp;

    private Path book(String standard) {
        Path dir = TestBooks.minimal(tmp.resolve("book"), "chapters/one/a.md",
                "---\ntitle: A Piece\ndate: 2021-05-01\n---\n\nA paragraph with a [link](https://example.org).\n");
        TestBooks.write(dir, "book.yaml", "title: Test Book\nauthor: Test Author\nlanguage: en\npdf-standard: "
                + standard + "\n");
        return dir;
    }

    @Test
    void should_claim_pdf_ua_1_alone_when_asked() throws Exception {
        BuildResult r = new Sheaf().build(BuildRequest.of(book("ua-1"), tmp.resolve("out")).withFormats(List.of("pdf")));
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        Path pdf = r.written().get(0);
        assertThat(PdfValidator.pdfUa1(pdf)).isEmpty();
        try (PdfText text = new PdfText(pdf)) {
            String xmp = PdfStructure.of(text.document()).xmp();
            assertThat(xmp).contains("<pdfuaid:part>1</pdfuaid:part>").doesNotContain("pdfaid:part");
            assertThat(text.document().getDocumentCatalog().getOutputIntents()).isEmpty();
        }
    }

    @Test
    void should_refuse_an_unknown_standard_with_its_position() {
        BuildResult r = new Sheaf().build(BuildRequest.of(book("pdf/x"), tmp.resolve("out")).withFormats(List.of("pdf")));
        assertThat(r.success()).isFalse();
        Diagnostic d = r.diagnostics().stream().filter(x -> x.id() == MessageId.BOOK_004).findFirst().orElseThrow();
        assertThat(d.where().line()).isEqualTo(4);
        assertThat(d.message()).contains("pdf-standard", "a-2u", "ua-1");
        assertThat(r.written()).isEmpty();
    }
}
