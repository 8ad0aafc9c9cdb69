package dev.sheaf.render.epub;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.testing.EpubText;
import dev.sheaf.testing.EpubValidator;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds the kitchen-sink book once and reads the EPUB back. */
class EpubRendererTest {

    @TempDir
    static Path tmp;

    static Path epub;
    static EpubText text;

    @BeforeAll
    static void build() throws Exception {
        Path book = TestBooks.copy("kitchen-sink", tmp);
        BuildResult result = new Sheaf().build(BuildRequest.of(book, tmp.resolve("out")).withFormats(List.of("epub")));
        assertThat(result.success()).as(result.diagnostics().toString()).isTrue();
        epub = result.written().get(0);
        text = new EpubText(epub);
    }

    @Test
    void should_pass_epubcheck_with_no_errors_and_no_warnings() {
        assertThat(EpubValidator.problems(epub)).isEmpty();
    }

    @Test
    void should_name_the_file_after_the_short_title() {
        assertThat(epub.getFileName().toString()).isEqualTo("kitchen-sink.epub");
    }

    @Test
    void should_store_mimetype_first_and_uncompressed() throws Exception {
        byte[] head = Files.readAllBytes(epub);
        assertThat(new String(head, 30, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("mimetype");
        assertThat(new String(head, 38, 20, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("application/epub+zip");
    }

    @Test
    void should_hold_every_word_of_every_piece_in_any_script() {
        assertThat(text.text()).contains(
                "Names: Казахстан, Ελλάδα, İstanbul, 习近平 and Nur-Sultan.",
                "\u201cStraight quotes\u201d become curly\u2026 and so on.",
                "The first note, with emphasis.", "Sir, the argument in your editorial is wrong.",
                "This one came first, so it is ordered first.", "I wrote this after a long trip.");
    }

    @Test
    void should_print_first_published_lines_with_estimated_dates_marked() {
        String steppe = text.entry("EPUB/text/steppe-notes.xhtml");
        assertThat(EpubText.fold(steppe)).contains(
                "First published in <a href=\"https://example.org/steppe\"><cite>The Example Review</cite></a>, c.\u00a0March 2021.");
        assertThat(EpubText.fold(text.entry("EPUB/text/a-letter.xhtml")))
                .contains("First published as a letter to <cite>Financial Example</cite>, 2 May 2020.");
    }

    @Test
    void should_link_footnotes_both_ways_as_epub3_notes() {
        String steppe = text.entry("EPUB/text/steppe-notes.xhtml");
        assertThat(steppe).contains("<a epub:type=\"noteref\" role=\"doc-noteref\" id=\"fnref-1\" href=\"#fn-1\"")
                .contains("<aside epub:type=\"footnote\" role=\"doc-footnote\" id=\"fn-1\"")
                .contains("href=\"#fnref-1\" role=\"doc-backlink\"");
    }

    @Test
    void should_list_chapters_and_pieces_in_order_in_nav_and_ncx() {
        String nav = text.entry("EPUB/text/nav.xhtml");
        assertThat(nav).containsSubsequence("Essays and Commentaries", "An Earlier Piece", "Notes from the Steppe",
                "Letters", "Letter: On Grey Zones");
        assertThat(nav).contains("epub:type=\"landmarks\"");
        assertThat(text.entry("EPUB/toc.ncx")).containsSubsequence("An Earlier Piece", "Notes from the Steppe");
    }

    @Test
    void should_embed_fonts_images_and_accessibility_metadata() {
        assertThat(text.names()).contains("EPUB/images/cover.png", "EPUB/images/images-map.png");
        String opf = text.entry("EPUB/package.opf");
        assertThat(opf).contains("schema:accessMode", "schema:accessibilityFeature", "schema:accessibilityHazard",
                "schema:accessibilitySummary", "properties=\"cover-image\"", "xml:lang=\"en-GB\"",
                "<meta property=\"dcterms:modified\">2024-05-01T00:00:00Z</meta>",
                "<meta property=\"dcterms:conformsTo\">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta>",
                "<meta property=\"a11y:certifiedBy\">Sheaf Test Press</meta>");
    }

    @Test
    void should_claim_wcag_conformance_only_when_every_image_has_a_text_alternative() throws Exception {
        Path dir = TestBooks.minimal(tmp.resolve("undescribed"), "chapters/one/a.md",
                "---\ntitle: A Piece\ndate: 2021-05-01\n---\n\nA map:\n\n![](map.png)\n");
        TestBooks.write(dir, "chapters/one/map.png",
                Files.readAllBytes(tmp.resolve("kitchen-sink").resolve("images/map.png")));
        BuildResult r = new Sheaf().build(BuildRequest.of(dir, tmp.resolve("undescribed-out")).withFormats(List.of("epub")));
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        assertThat(EpubValidator.problems(r.written().get(0))).isEmpty();
        assertThat(new EpubText(r.written().get(0)).entry("EPUB/package.opf")).contains("schema:accessibilitySummary")
                .doesNotContain("dcterms:conformsTo", "a11y:certifiedBy");
    }

    @Test
    void should_write_identical_bytes_when_rebuilt() throws Exception {
        Path book = tmp.resolve("kitchen-sink");
        BuildResult again = new Sheaf().build(BuildRequest.of(book, tmp.resolve("out2")).withFormats(List.of("epub")));
        assertThat(Files.readAllBytes(again.written().get(0))).isEqualTo(Files.readAllBytes(epub));
    }
}
