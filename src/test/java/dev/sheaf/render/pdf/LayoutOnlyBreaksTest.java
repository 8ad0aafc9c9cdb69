package dev.sheaf.render.pdf;

import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.index.IndexedBook;
import dev.sheaf.model.Book;
import dev.sheaf.render.RenderContext;
import dev.sheaf.render.pagelist.PrintPageBreaks;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.OutputStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout made only for the print page numbers (an EPUB or a site with {@code print-page-numbers: always} and no
 * PDF edition) paints nothing and skips what follows the body, yet finds the very breaks and index anchor pages that
 * the PDF edition reports: laid out at once or in parts, with an index and without.
 */
class LayoutOnlyBreaksTest {

    private static final String PARTS = "sheaf.pdf.piecesPerPart";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}, pieces per part {1}")
    @CsvSource({"kitchen-sink, 0", "kitchen-sink, 1", "indexed, 0", "indexed, 1"})
    void the_breaks_of_the_layout_alone_are_those_of_the_pdf_edition(String name, int piecesPerPart) throws Exception {
        Path dir = name.equals("indexed") ? IndexedBook.write(tmp.resolve("book"), 14) : TestBooks.copy(name, tmp);
        Diagnostics diags = new Diagnostics();
        Book book = new Sheaf().book(dir, diags).orElseThrow();
        RenderContext ctx = RenderContext.of(book, diags, null);
        String before = System.getProperty(PARTS);
        System.setProperty(PARTS, Integer.toString(piecesPerPart));
        try {
            PrintPageBreaks printed = PdfRenderer.write(book, ctx, OutputStream.nullOutputStream());
            PrintPageBreaks laidOut = PdfRenderer.layoutOnly(book, ctx);
            assertThat(printed.breaks()).hasSizeGreaterThan(3);
            if (name.equals("indexed")) {
                assertThat(printed.anchors()).hasSizeGreaterThan(8);
            }
            assertThat(laidOut.breaks()).containsExactlyElementsOf(printed.breaks());
            assertThat(laidOut.anchors()).isEqualTo(printed.anchors());
        } finally {
            if (before == null) {
                System.clearProperty(PARTS);
            } else {
                System.setProperty(PARTS, before);
            }
        }
    }
}
