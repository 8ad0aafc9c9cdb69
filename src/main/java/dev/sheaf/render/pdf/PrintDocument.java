package dev.sheaf.render.pdf;

import dev.sheaf.model.Book;
import dev.sheaf.model.BookMeta;
import dev.sheaf.model.Chapter;
import dev.sheaf.model.Piece;
import dev.sheaf.render.Labels;
import dev.sheaf.render.xhtml.ContentRenderer;
import dev.sheaf.render.xhtml.PieceHeader;
import dev.sheaf.render.xhtml.Xml;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The whole book as one XHTML document for the print engine: cover, half-title, title and copyright
 * pages, printed contents, chapter openers and pieces, with the PDF outline in {@code <bookmarks>}.
 * Pieces are rendered with the same {@link ContentRenderer} and {@link PieceHeader} as the EPUB.
 */
final class PrintDocument {

    private final Book book;
    private final BookMeta meta;
    private final Labels labels;
    private final String css;
    private final String coverHref;

    /**
     * @param css       the print stylesheet, fonts and page size already filled in
     * @param coverHref the cover image URL (relative to the book folder, or a data URL)
     */
    PrintDocument(Book book, Labels labels, String css, String coverHref) {
        this.book = book;
        this.meta = book.meta();
        this.labels = labels;
        this.css = css;
        this.coverHref = coverHref;
    }

    static String chapterId(Chapter c) {
        return "ch-" + c.slug();
    }

    static String pieceId(Piece p) {
        return "p-" + p.slug();
    }

    String render() {
        Xml x = new Xml(1 << 16);
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "xml:lang", meta.language(),
                "lang", meta.language()).nl();
        head(x);
        x.open("body").nl();
        frontMatter(x);
        contents(x);
        List<Chapter> chapters = book.chapters();
        for (int i = 0; i < chapters.size(); i++) {
            chapter(x, chapters.get(i), i + 1);
        }
        x.close("body").nl().close("html").nl();
        return x.toString();
    }

    private void head(Xml x) {
        x.open("head").nl();
        x.element("title", meta.title()).nl();
        x.empty("meta", "name", "author", "content", meta.authorLine()).nl();
        if (meta.description() != null) {
            x.empty("meta", "name", "subject", "content", meta.description()).nl();
        }
        x.empty("meta", "name", "keywords", "content", String.join(", ", keywords())).nl();
        x.open("style", "type", "text/css").text(css).close("style").nl();
        x.open("bookmarks").nl();
        x.empty("bookmark", "name", labels.get("contents"), "href", "#contents").nl();
        for (Chapter c : book.chapters()) {
            x.open("bookmark", "name", c.title(), "href", "#" + chapterId(c)).nl();
            for (Piece p : c.pieces()) {
                x.empty("bookmark", "name", p.title(), "href", "#" + pieceId(p)).nl();
            }
            x.close("bookmark").nl();
        }
        x.close("bookmarks").nl();
        x.close("head").nl();
    }

    private List<String> keywords() {
        return book.pieces().stream().flatMap(p -> p.meta().tags().stream()).distinct().sorted().toList();
    }

    private void frontMatter(Xml x) {
        x.open("div", "class", "cover-page").empty("img", "src", coverHref, "alt",
                labels.get("cover.alt", meta.title(), meta.authorLine()), "class", "cover-image").close("div").nl();
        x.open("div", "class", "half-title").element("p", meta.title(), "class", "half-title-text").close("div").nl();
        x.open("div", "class", "title-page").nl();
        x.element("h1", meta.title(), "class", "book-title").nl();
        if (meta.subtitle() != null) {
            x.element("p", meta.subtitle(), "class", "book-subtitle").nl();
        }
        x.element("p", meta.authorLine(), "class", "book-author").nl();
        if (meta.publisher() != null) {
            x.element("p", meta.publisher(), "class", "book-publisher").nl();
        }
        x.close("div").nl();
        x.open("div", "class", "copyright-page").nl();
        x.element("p", meta.title() + (meta.subtitle() == null ? "" : ": " + meta.subtitle()), "class", "colophon-title").nl();
        x.element("p", meta.authorLine()).nl();
        if (meta.rights() != null) {
            x.element("p", meta.rights()).nl();
        }
        if (meta.publisher() != null) {
            x.element("p", meta.publisher()).nl();
        }
        x.element("p", labels.get("colophon.edition", meta.date().format(
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(meta.locale())))).nl();
        x.element("p", meta.identifier(), "class", "identifier").nl();
        if (meta.description() != null) {
            x.element("p", meta.description(), "class", "description").nl();
        }
        x.element("p", labels.get("colophon.made"), "class", "made-with").nl();
        x.close("div").nl();
    }

    private void contents(Xml x) {
        x.open("div", "class", "contents", "id", "contents").nl();
        x.element("h1", labels.get("contents"), "class", "contents-title").nl();
        for (Chapter c : book.chapters()) {
            x.open("p", "class", "toc-chapter").open("a", "href", "#" + chapterId(c)).text(c.title())
                    .close("a").close("p").nl();
            for (Piece p : c.pieces()) {
                x.open("p", "class", "toc-piece").open("a", "href", "#" + pieceId(p)).text(p.title())
                        .close("a").close("p").nl();
            }
        }
        x.close("div").nl();
    }

    private void chapter(Xml x, Chapter c, int number) {
        ContentRenderer introRenderer = new ContentRenderer(PrintDocument::imageHref, 1, chapterId(c) + "-");
        x.open("div", "class", "opener", "id", chapterId(c)).nl();
        x.element("p", Integer.toString(number), "class", "chapter-number").nl();
        x.element("h1", c.title(), "class", "chapter-title").nl();
        if (!c.intro().isEmpty()) {
            x.open("div", "class", "chapter-intro").nl();
            introRenderer.blocks(x, c.intro());
            x.close("div").nl();
        }
        x.close("div").nl();
        for (Piece p : c.pieces()) {
            piece(x, p, c);
        }
    }

    private void piece(Xml x, Piece p, Chapter c) {
        ContentRenderer content = new ContentRenderer(PrintDocument::imageHref, 0, pieceId(p) + "-");
        PieceHeader header = new PieceHeader(labels, meta, content);
        x.open("div", "class", "piece", "id", pieceId(p), "lang", p.meta().language(),
                "xml:lang", p.meta().language()).nl();
        header.header(x, p, pieceId(p) + "-title");
        // The running head must follow the heading that starts the page (see docs/PDF-ENGINE.md).
        x.element("div", p.title(), "class", "running-title").nl();
        x.open("div", "class", "piece-body").nl();
        content.blocks(x, p.body());
        x.close("div").nl();
        header.footer(x, p);
        content.notes(x, p.footnotes(), labels.get("notes"));
        x.close("div").nl();
    }

    /** Images are resolved against the book folder, which is the document's base URL. */
    static String imageHref(String bookRelative) {
        return bookRelative;
    }
}
