package dev.sheaf.render.pdf;

import dev.sheaf.model.Book;
import dev.sheaf.model.BookMeta;
import dev.sheaf.model.Chapter;
import dev.sheaf.model.Names;
import dev.sheaf.model.Piece;
import dev.sheaf.model.ReferenceList;
import dev.sheaf.render.Labels;
import dev.sheaf.render.LongDates;
import dev.sheaf.render.xhtml.ContentRenderer;
import dev.sheaf.render.xhtml.Xml;

import java.util.List;
import java.util.Map;

/**
 * The pages around the chapters: cover, half-title, title and copyright pages, the printed contents, and
 * the colophon on the last page.
 */
final class FrontMatter {

    static final String CONTENTS_ID = "contents";

    private final Book book;
    private final BookMeta meta;
    private final Labels labels;
    private final ContentRenderer content;

    FrontMatter(Book book, Labels labels, ContentRenderer content) {
        this.book = book;
        this.meta = book.meta();
        this.labels = labels;
        this.content = content;
    }

    /**
     * The cover fills the page and is cropped to it, as a bleed would be: {@code cover} gives the image's
     * size and offsets in millimetres.
     */
    void cover(Xml x, String coverUrl, CoverFit cover) {
        x.open("div", "class", "cover-page", "id", "cover").empty("img", "src", coverUrl, "alt",
                labels.get("cover.alt", meta.title(), meta.authorLine()), "class", "cover-image", "style",
                cover.css()).close("div").nl();
    }

    void halfTitle(Xml x) {
        x.open("div", "class", "half-title", "id", "half-title")
                .element("p", meta.title(), "class", "half-title-text").close("div").nl();
    }

    void titlePage(Xml x) {
        x.open("div", "class", "title-page", "id", "title-page").nl();
        x.element("h1", meta.title(), "class", "book-title").nl();
        if (meta.subtitle() != null) {
            x.element("p", meta.subtitle(), "class", "book-subtitle").nl();
        }
        x.element("p", meta.authorLine(), "class", "book-author").nl();
        if (meta.publisher() != null) {
            x.element("p", meta.publisher(), "class", "book-publisher").nl();
        }
        x.close("div").nl();
    }

    void copyrightPage(Xml x) {
        x.open("div", "class", "copyright-page", "id", "copyright").nl();
        x.element("p", meta.title() + (meta.subtitle() == null ? "" : ": " + meta.subtitle()), "class", "colophon-title").nl();
        x.element("p", meta.authorLine()).nl();
        if (meta.rights() != null) {
            x.element("p", meta.rights()).nl();
        }
        if (meta.publisher() != null && !meta.publisher().equals(meta.authorLine())) {
            x.element("p", meta.publisher()).nl();
        }
        x.element("p", labels.get("colophon.edition", LongDates.format(meta.date(), meta.locale()))).nl();
        x.element("p", meta.identifier(), "class", "identifier").nl();
        if (meta.description() != null) {
            x.element("p", meta.description(), "class", "description").nl();
        }
        if (!book.citeAs().isEmpty()) {
            x.open("p", "class", "cite-book");
            x.element("span", labels.get("cite.book"), "class", "cite-book-label").text(" ");
            content.inlines(x, book.citeAs());
            x.close("p").nl();
        }
        x.close("div").nl();
    }

    /**
     * Chapters with their pieces, then the back matter. Each entry is a table row: the title with a dot
     * leader, then the page number from {@code target-counter()} in a column of its own, so that a number
     * never wraps away from its leader.
     */
    void contents(Xml x) {
        contents(x, null);
    }

    /** @param pageNumbers the folio of each entry's target by id, written out instead of {@code target-counter()} */
    void contents(Xml x, Map<String, Integer> pageNumbers) {
        x.open("div", "class", "contents", "id", CONTENTS_ID).nl();
        x.element("h1", labels.get("contents"), "class", "contents-title").nl();
        x.open("table", "class", "toc").nl();
        List<Chapter> chapters = book.chapters();
        for (int i = 0; i < chapters.size(); i++) {
            Chapter c = chapters.get(i);
            entry(x, "toc-chapter", PrintDocument.chapterId(c), Integer.toString(i + 1), c.title(), pageNumbers);
            for (Piece p : c.pieces()) {
                entry(x, "toc-piece", PrintDocument.pieceId(p), null, p.title(), pageNumbers);
            }
        }
        for (ReferenceList list : PrintDocument.backMatter(book)) {
            entry(x, "toc-back", PrintDocument.backMatterId(list), null, PrintDocument.title(list, labels), pageNumbers);
        }
        if (PrintIndex.applies(book)) {
            entry(x, "toc-back", PrintIndex.ID, null, PrintIndex.title(book, labels), pageNumbers);
        }
        x.close("table").nl();
        x.close("div").nl();
    }

    private static void entry(Xml x, String kind, String id, String number, String title,
                              Map<String, Integer> pageNumbers) {
        x.open("tr", "class", kind).open("td", "class", "toc-title").open("a", "href", "#" + id);
        if (number != null) {
            x.element("span", number, "class", "toc-number");
        }
        x.text(title).close("a").close("td");
        if (pageNumbers == null) {
            x.open("td", "class", "toc-page").element("a", "", "href", "#" + id).close("td").close("tr").nl();
        } else {
            // class "fixed": the stylesheet then adds no target-counter() (see PagedPdf).
            x.open("td", "class", "toc-page").element("a", String.valueOf(pageNumbers.get(id)), "href", "#" + id,
                    "class", "fixed").close("td").close("tr").nl();
        }
    }

    /**
     * The last page. It also starts the last page sequence, which Flying Saucer needs after the last
     * {@code target-counter()} target (see docs/PDF-ENGINE.md), so it shows no folio.
     */
    void colophon(Xml x, List<String> families) {
        x.open("div", "class", "colophon", "id", "colophon").nl();
        x.element("p", labels.get("pdf.colophon.fonts", Names.join(families))).nl();
        x.element("p", labels.get("colophon.made")).nl();
        x.close("div").nl();
    }
}
