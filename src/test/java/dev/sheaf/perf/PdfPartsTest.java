package dev.sheaf.perf;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.testing.PdfText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large book's PDF is laid out part by part (to bound memory); it must be the same book as the single layout
 * of a small one: same pages, text, folios, running heads, contents numbers, outline, links and labels.
 */
class PdfPartsTest {

    private static final String PARTS = "sheaf.pdf.piecesPerPart";

    @TempDir
    static Path tmp;

    static PdfText whole;
    static PdfText parts;
    static Path partsPdf;
    static Path again;

    @BeforeAll
    static void build() throws Exception {
        Path book = GeneratedBook.write(tmp.resolve("book"), 40, 7, true);
        String before = System.getProperty(PARTS);
        try {
            System.setProperty(PARTS, "0");
            whole = new PdfText(build(book, "whole"));
            System.setProperty(PARTS, "6");
            partsPdf = build(book, "parts");
            parts = new PdfText(partsPdf);
            again = build(book, "again");
        } finally {
            if (before == null) {
                System.clearProperty(PARTS);
            } else {
                System.setProperty(PARTS, before);
            }
        }
    }

    private static Path build(Path book, String out) {
        BuildResult r = new Sheaf().build(BuildRequest.of(book, tmp.resolve(out)).withFormats(List.of("pdf")));
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        return r.written().get(0);
    }

    @AfterAll
    static void close() throws Exception {
        whole.close();
        parts.close();
    }

    @Test
    void should_pass_pdf_ua_1_and_pdf_a_2u_when_laid_out_in_parts() {
        assertThat(dev.sheaf.testing.PdfValidator.pdfUa1(partsPdf)).isEmpty();
        assertThat(dev.sheaf.testing.PdfValidator.pdfA2u(partsPdf)).isEmpty();
    }

    @Test
    void should_keep_the_reading_order_when_the_front_matter_is_laid_out_last() throws Exception {
        // The contents is painted after the chapters but read before them.
        List<String> top = dev.sheaf.testing.PdfStructure.of(parts.document()).topLevelTypes();
        assertThat(top.indexOf("Part")).isGreaterThan(top.lastIndexOf("Sect") < 0 ? -1 : 0);
        assertThat(String.join(" ", top)).matches("(Figure )?(Sect )+(Part )+(Sect ?)*");
    }

    @Test
    void should_print_the_same_pages_with_the_same_text_when_laid_out_in_parts() {
        // setup
        int pages = whole.pages();
        // when
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < Math.min(pages, parts.pages()); i++) {
            if (!whole.page(i).equals(parts.page(i))) {
                differing.add(i + ": [" + whole.page(i).strip().replace('\n', '|') + "] vs ["
                        + parts.page(i).strip().replace('\n', '|') + "]");
            }
        }
        // then
        assertThat(parts.pages()).isEqualTo(pages);
        assertThat(differing).as("pages whose text differs").isEmpty();
    }

    @Test
    void should_keep_labels_outline_and_links_when_laid_out_in_parts() throws Exception {
        // setup
        int firstBodyPage = whole.labels().indexOf("1");
        // when / then
        assertThat(parts.labels()).isEqualTo(whole.labels());
        assertThat(parts.outline()).isEqualTo(whole.outline());
        for (int i = 0; i < whole.pages(); i++) {
            if (i < firstBodyPage) {
                // The contents link into every part.
                assertThat(parts.linkTargets(i)).as("links on page %d", i)
                        .containsExactlyInAnyOrderElementsOf(whole.linkTargets(i));
            } else {
                // Links within a piece are Flying Saucer's own (a back link to an inline note reference may
                // point at the first page of the document, which is another page in each layout).
                assertThat(parts.linkTargets(i)).as("links on page %d", i).hasSameSizeAs(whole.linkTargets(i));
            }
        }
    }

    @Test
    void should_list_the_back_matter_and_rebuild_the_same_bytes_when_laid_out_in_parts() throws Exception {
        // then
        assertThat(parts.outline()).extracting(PdfText.Bookmark::title).endsWith("References", "Sources");
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(partsPdf));
    }

    @Test
    void should_embed_each_font_once_when_laid_out_in_parts() throws Exception {
        // when
        List<String> fonts = parts.fonts().stream().map(f -> f.replaceFirst("^[A-Z]{6}\\+", "")).toList();
        // then
        assertThat(fonts).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(whole.fonts().stream().map(f -> f.replaceFirst("^[A-Z]{6}\\+", "")).toList());
        assertThat(Files.size(partsPdf)).isLessThan(Files.size(partsPdf.getParent().getParent()
                .resolve("whole").resolve(partsPdf.getFileName())) * 3 / 2);
    }
}
