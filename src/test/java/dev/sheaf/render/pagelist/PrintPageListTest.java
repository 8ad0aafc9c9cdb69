package dev.sheaf.render.pagelist;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.testing.EpubText;
import dev.sheaf.testing.EpubValidator;
import dev.sheaf.testing.PageListCheck;
import dev.sheaf.testing.PdfText;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The print edition's page numbers in the EPUB: markers where the PDF's pages begin, the page list, metadata. */
class PrintPageListTest {

    private static final String PARTS = "sheaf.pdf.piecesPerPart";

    @TempDir
    Path tmp;

    private Path build(Path book, String out, String... formats) {
        BuildResult r = new Sheaf().build(BuildRequest.of(book, tmp.resolve(out)).withFormats(List.of(formats)));
        assertThat(r.success()).as("%s", r.diagnostics()).isTrue();
        return tmp.resolve(out);
    }

    private static Path file(Path dir, String ext) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(ext)).findFirst().orElseThrow();
        }
    }

    @Test
    void every_entry_of_the_page_list_begins_where_the_pdf_page_begins() throws Exception {
        Path book = TestBooks.copy("kitchen-sink", tmp);
        Path out = build(book, "out", "epub", "pdf");
        Path epub = file(out, ".epub");
        assertThat(EpubValidator.problems(epub)).isEmpty();
        EpubText text = new EpubText(epub);
        try (PdfText pdf = new PdfText(file(out, ".pdf"))) {
            List<PageListCheck.Entry> entries = PageListCheck.entries(text, pdf);
            assertThat(entries).hasSizeGreaterThan(3);
            assertThat(PageListCheck.mismatches(text, pdf)).isEmpty();
            // Page numbers only grow, each once.
            List<Integer> numbers = entries.stream().map(e -> Integer.parseInt(e.label())).toList();
            assertThat(numbers).isSorted().doesNotHaveDuplicates();
        }
        String opf = text.entry("EPUB/package.opf");
        assertThat(opf).contains("property=\"pageBreakSource\"", "<dc:source id=\"print-source\">",
                ">pagination</meta>", ">pageBreakMarkers</meta>", ">pageNavigation</meta>");
        String anyPiece = text.names().stream().filter(n -> n.contains("/text/") && text.entry(n).contains("doc-pagebreak"))
                .findFirst().map(text::entry).orElseThrow();
        assertThat(anyPiece).containsPattern("<span epub:type=\"pagebreak\" role=\"doc-pagebreak\" id=\"page-\\d+\" "
                + "aria-label=\"\\d+\" title=\"\\d+\"/>");
    }

    @Test
    void an_epub_alone_has_print_page_numbers_only_when_always_and_then_the_pdfs() throws Exception {
        Path book = TestBooks.copy("kitchen-sink", tmp);
        Path both = build(book, "both", "epub", "pdf");
        String withPdf = nav(both);

        // auto (the default): an EPUB alone is not laid out for print, and claims no print page numbers.
        Path auto = file(build(book, "auto", "epub"), ".epub");
        assertThat(EpubValidator.problems(auto)).isEmpty();
        assertNoPrintPages(new EpubText(auto));

        Files.writeString(book.resolve("book.yaml"), "print-page-numbers: always\n", StandardOpenOption.APPEND);
        Path always = file(build(book, "always", "epub"), ".epub");
        assertThat(EpubValidator.problems(always)).isEmpty();
        assertThat(nav(always.getParent())).isEqualTo(withPdf);
        EpubText text = new EpubText(always);
        try (PdfText pdf = new PdfText(file(both, ".pdf"))) {
            assertThat(PageListCheck.entries(text, pdf)).hasSizeGreaterThan(3);
            assertThat(PageListCheck.mismatches(text, pdf)).isEmpty();
        }
        assertThat(text.entry("EPUB/package.opf")).contains("property=\"pageBreakSource\"", ">pageNavigation</meta>",
                "listed for navigation");

        String yaml = Files.readString(book.resolve("book.yaml")).replace("print-page-numbers: always", "print-page-numbers: never");
        Files.writeString(book.resolve("book.yaml"), yaml);
        Path never = file(build(book, "never", "epub", "pdf"), ".epub");
        assertThat(EpubValidator.problems(never)).isEmpty();
        assertNoPrintPages(new EpubText(never));
    }

    /** No marker, no page list, no metadata or summary claiming them. */
    private static void assertNoPrintPages(EpubText text) {
        assertThat(text.entry("EPUB/text/nav.xhtml")).doesNotContain("page-list");
        assertThat(text.names().stream().filter(n -> n.endsWith(".xhtml")).map(text::entry))
                .noneMatch(doc -> doc.contains("pagebreak"));
        assertThat(text.entry("EPUB/package.opf")).doesNotContain("pageBreakSource", "pageBreakMarkers", "pageNavigation",
                "pagination", "listed for navigation");
    }

    @Test
    void a_book_laid_out_in_parts_marks_its_own_pages() throws Exception {
        Path book = TestBooks.copy("kitchen-sink", tmp);
        String before = System.getProperty(PARTS);
        System.setProperty(PARTS, "1");
        try {
            // One piece a part: each part starts on a recto, so pages differ from the single layout's.
            Path out = build(book, "parts", "epub", "pdf");
            EpubText text = new EpubText(file(out, ".epub"));
            try (PdfText pdf = new PdfText(file(out, ".pdf"))) {
                assertThat(PageListCheck.entries(text, pdf)).hasSizeGreaterThan(3);
                assertThat(PageListCheck.mismatches(text, pdf)).isEmpty();
            }
        } finally {
            if (before == null) {
                System.clearProperty(PARTS);
            } else {
                System.setProperty(PARTS, before);
            }
        }
    }

    private static String nav(Path out) throws Exception {
        String nav = new EpubText(file(out, ".epub")).entry("EPUB/text/nav.xhtml");
        return nav.substring(nav.indexOf("epub:type=\"page-list\""));
    }
}
