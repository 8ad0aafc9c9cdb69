package dev.sheaf.index;

import dev.sheaf.diag.Diagnostics;
import dev.sheaf.model.Book;
import dev.sheaf.model.BookIndex;
import dev.sheaf.read.BookReader;
import dev.sheaf.render.xhtml.IndexXhtml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Locators of editions without pages of their own: by piece, or by the print edition's page numbers when the
 * edition carries them (ranges collapsed, each linked to the first mention on its first page).
 */
class IndexLocatorsTest {

    @TempDir
    Path tmp;

    @Test
    void byPrintPageNumbersLikeThePrintEditionAndFallsBackToPieces() {
        Diagnostics diags = new Diagnostics();
        Book book = new IndexProcessor(diags).process(
                new BookReader(IndexedBook.write(tmp, 0), diags).read().orElseThrow());
        BookIndex.Entry tokayev = entry(book, "Tokayev");
        List<String> anchors = tokayev.mentions().stream().map(BookIndex.Mention::anchor).toList();
        assertThat(anchors).hasSize(3); // first piece: text and footnote (a mark); second piece: text
        Map<String, String> pages = new HashMap<>();
        pages.put(anchors.get(0), "7");
        pages.put(anchors.get(1), "8");
        pages.put(anchors.get(2), "12");
        var locators = IndexXhtml.byPrintPage(book, p -> p.slug() + ".xhtml", pages::get).apply(tokayev);
        assertThat(locators).extracting(IndexXhtml.Locator::label).containsExactly("7\u20138", "12");
        assertThat(locators).extracting(IndexXhtml.Locator::anchor).containsExactly(anchors.get(0), anchors.get(2));
        // In a page of its own, the anchor's id needs no piece's name to be unique.
        assertThat(locators).extracting(IndexXhtml.Locator::href).containsExactly(
                "first.xhtml#" + IndexXhtml.pageId(anchors.get(0)), "second.xhtml#" + IndexXhtml.pageId(anchors.get(2)));
        assertThat(anchors.get(2)).matches("ix[0-9]+-second");
        assertThat(IndexXhtml.pageId(anchors.get(2))).isEqualTo("ix_" + anchors.get(2).replaceAll("[^0-9]", ""));

        // The same page twice is one number, linked to the first mention there.
        pages.put(anchors.get(1), "7");
        assertThat(IndexXhtml.byPrintPage(book, p -> p.slug() + ".xhtml", pages::get).apply(tokayev))
                .extracting(IndexXhtml.Locator::label).containsExactly("7", "12");

        // Mentions the print edition did not place (no page) are located by piece title.
        assertThat(IndexXhtml.byPrintPage(book, p -> p.slug() + ".xhtml", a -> null).apply(tokayev))
                .extracting(IndexXhtml.Locator::label).containsExactly("First Piece", "Second, With Comma");
    }

    private static BookIndex.Entry entry(Book book, String term) {
        return book.index().entries().stream().filter(e -> e.term().equals(term)).findFirst().orElseThrow();
    }
}
