package dev.sheaf.render.pdf;

import dev.sheaf.model.Book;
import dev.sheaf.model.BookMeta;
import dev.sheaf.model.Chapter;
import dev.sheaf.model.Piece;
import dev.sheaf.model.ReferenceList;
import dev.sheaf.render.Labels;
import dev.sheaf.render.pagelist.PrintPageBreaks;
import dev.sheaf.render.xhtml.ContentRenderer;
import dev.sheaf.render.xhtml.Direction;
import dev.sheaf.render.xhtml.PieceHeader;
import dev.sheaf.render.xhtml.Xml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * The whole book as one XHTML document for the print engine: front matter, chapter openers and pieces,
 * back matter and colophon, with the PDF outline in {@code <bookmarks>}. Pieces are rendered with the same
 * {@link ContentRenderer} and {@link PieceHeader} as the EPUB.
 *
 * <p>Chapter openers and back-matter lists start on a recto. Where that makes Flying Saucer insert an
 * empty verso, the verso takes the previous page's running head and folio; {@link #rectoStarts()} tells
 * where to look for such pages once the document is laid out, so that they can be left empty.
 */
final class PrintDocument {

    private final Book book;
    private final BookMeta meta;
    private final Labels labels;
    private final String css;
    private final String coverUrl;
    private final CoverFit coverFit;
    private final PrintFonts fonts;
    /** The index, when the book has one, and its pages (empty: the heading alone, while pages are counted). */
    private PrintIndex index;
    private List<List<List<PrintIndex.Line>>> indexPages = List.of();
    /** Where the index's mentions are in the text written by {@link #start}'s documents (see {@link MentionPages}). */
    private final MentionPages mentions = new MentionPages();

    /**
     * @param css          the print stylesheet, fonts and page size already filled in
     * @param coverUrl     the cover image: relative to the book folder, or a data URL
     * @param coverFit     where the cover image goes on its page
     * @param fonts        the faces: runs of characters the text families lack are put in spans naming
     *                     faces that have them, and the colophon names the families
     */
    PrintDocument(Book book, Labels labels, String css, String coverUrl, CoverFit coverFit, PrintFonts fonts) {
        this.book = book;
        this.meta = book.meta();
        this.labels = labels;
        this.css = css;
        this.coverUrl = coverUrl;
        this.coverFit = coverFit;
        this.fonts = fonts;
    }

    /** Where the index's mentions are in the pieces this document has written. */
    MentionPages mentions() {
        return mentions;
    }

    /** Prints {@code index} after the back matter, set in {@code pages}. */
    void index(PrintIndex index, List<List<List<PrintIndex.Line>>> pages) {
        this.index = index;
        this.indexPages = pages;
    }

    /** Prints the index's pages, when the book has an index. */
    void index(Xml x) {
        if (index != null) {
            index.write(x, this, indexPages);
        }
    }

    static String chapterId(Chapter c) {
        return PrintPageBreaks.unit(c);
    }

    static String pieceId(Piece p) {
        return PrintPageBreaks.unit(p);
    }

    static String backMatterId(ReferenceList list) {
        return PrintPageBreaks.unit(list);
    }

    /** A list's own title, else the label named by its slug ("sources"), else the slug. */
    static String title(ReferenceList list, Labels labels) {
        if (list.title() != null) {
            return list.title();
        }
        try {
            return labels.get(list.slug());
        } catch (MissingResourceException e) {
            return list.slug();
        }
    }

    /** The reference lists printed after the last chapter; empty ones are left out. */
    static List<ReferenceList> backMatter(Book book) {
        return book.backMatter().stream().filter(l -> !l.isEmpty()).toList();
    }

    /**
     * Every block that must start on a recto and can follow a page with a running head, mapped to the id of
     * the block before it.
     */
    Map<String, String> rectoStarts() {
        Map<String, String> out = new LinkedHashMap<>();
        String previous = FrontMatter.CONTENTS_ID;
        for (Chapter c : book.chapters()) {
            out.put(chapterId(c), previous);
            previous = c.pieces().isEmpty() ? chapterId(c) : pieceId(c.pieces().get(c.pieces().size() - 1));
        }
        for (ReferenceList list : backMatter(book)) {
            out.put(backMatterId(list), previous);
            previous = backMatterId(list);
        }
        if (index != null) {
            out.put(PrintIndex.ID, previous);
        }
        return out;
    }

    /** The id of the block whose first page is page 1 of the body. */
    String firstBodyId() {
        return book.chapters().isEmpty() ? "colophon" : chapterId(book.chapters().get(0));
    }

    /** The document, ready for Flying Saucer. */
    String render() {
        Xml x = new Xml(1 << 20);
        start(x, true);
        frontMatter(x, null);
        List<Chapter> chapters = book.chapters();
        for (int i = 0; i < chapters.size(); i++) {
            chapter(x, chapters.get(i), i + 1);
        }
        for (ReferenceList list : backMatter(book)) {
            backMatter(x, list);
        }
        index(x);
        colophon(x);
        return end(x);
    }

    /*
     * The parts of the document, also used one group at a time by PagedPdf (large books are laid out in
     * parts, see there).
     */

    /** The prologue, {@code <head>} (with the outline when {@code withBookmarks}) and the opening body tag. */
    void start(Xml x, boolean withBookmarks) {
        // No DOCTYPE: for one, Flying Saucer reads the whole XHTML DTD (its entities) before every layout, 3 to 4 ms a
        // document warm, and this text names no entity but XML's own (the writer escapes; nothing is passed raw).
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "xmlns:epub", "http://www.idpf.org/2007/ops",
                "xml:lang", meta.language(), "lang", meta.language()).nl();
        head(x, withBookmarks);
        x.open("body").nl();
        // Text containers carry their number, so that the pages can be found in the text (PageStarts), and so can
        // the index's mentions (a book without an index has none to note).
        x.places(new PrintPlaces(book.index().present() ? mentions : null));
    }

    /** Closes what {@link #start} opened and returns the document. */
    String end(Xml x) {
        x.close("body").nl().close("html").nl();
        return fonts.runs(x.toString());
    }

    /**
     * Cover, inside of the cover, half-title, title and copyright pages, contents. The contents take their
     * page numbers from {@code target-counter()}, or from {@code pageNumbers} (target id to folio) when given.
     */
    void frontMatter(Xml x, Map<String, Integer> pageNumbers) {
        FrontMatter front = new FrontMatter(book, labels, contentRenderer("front-"));
        front.cover(x, coverUrl, coverFit);
        // The inside of the cover is written out: Flying Saucer ignores page-break-before: right on the half-title.
        x.element("div", "\u00a0", "class", "blank-page").nl();
        front.halfTitle(x);
        front.titlePage(x);
        front.copyrightPage(x);
        front.contents(x, pageNumbers);
    }

    void backMatter(Xml x, ReferenceList list) {
        x.open("div", "class", "back-matter", "id", backMatterId(list)).nl();
        // A unit of its own, the entries its containers: the EPUB and the site write the same entries.
        unit(x, backMatterId(list));
        runningHeads(x, title(list, labels));
        contentRenderer("back-list-").referenceList(x, list, "h1", title(list, labels));
        endUnit(x);
        x.close("div").nl();
    }

    void colophon(Xml x) {
        new FrontMatter(book, labels, contentRenderer("front-")).colophon(x, fonts.textFamilies());
    }

    private void head(Xml x, boolean withBookmarks) {
        x.open("head").nl();
        x.empty("meta", "charset", "UTF-8").nl();
        x.element("title", meta.title()).nl();
        x.empty("meta", "name", "author", "content", meta.authorLine()).nl();
        if (meta.description() != null) {
            x.empty("meta", "name", "subject", "content", meta.description()).nl();
        }
        List<String> keywords = keywords();
        if (!keywords.isEmpty()) {
            x.empty("meta", "name", "keywords", "content", String.join(", ", keywords)).nl();
        }
        x.open("style", "type", "text/css").text(css).close("style").nl();
        if (withBookmarks) {
            bookmarks(x);
        }
        x.close("head").nl();
    }

    /** The outline mirrors the printed contents, with the contents page itself first. */
    private void bookmarks(Xml x) {
        x.open("bookmarks").nl();
        x.empty("bookmark", "name", labels.get("contents"), "href", "#" + FrontMatter.CONTENTS_ID).nl();
        for (Chapter c : book.chapters()) {
            x.open("bookmark", "name", c.title(), "href", "#" + chapterId(c)).nl();
            for (Piece p : c.pieces()) {
                x.empty("bookmark", "name", p.title(), "href", "#" + pieceId(p)).nl();
            }
            x.close("bookmark").nl();
        }
        for (ReferenceList list : backMatter(book)) {
            x.empty("bookmark", "name", title(list, labels), "href", "#" + backMatterId(list)).nl();
        }
        if (index != null) {
            x.empty("bookmark", "name", index.title(), "href", "#" + PrintIndex.ID).nl();
        }
        x.close("bookmarks").nl();
    }

    private List<String> keywords() {
        return book.pieces().stream().flatMap(p -> p.meta().tags().stream()).distinct().sorted().toList();
    }

    private void chapter(Xml x, Chapter c, int number) {
        opener(x, c, number);
        pieces(x, c.pieces());
    }

    void opener(Xml x, Chapter c, int number) {
        String classes = number == 1 ? "opener first-opener" : "opener";
        x.open("div", "class", classes, "id", chapterId(c)).nl();
        unit(x, chapterId(c));
        x.element("p", Integer.toString(number), "class", "chapter-number").nl();
        x.element("h1", c.title(), "class", "chapter-title").nl();
        if (!c.intro().isEmpty()) {
            x.open("div", "class", "chapter-intro").nl();
            // The chapter title is the h1 here, so the introduction's headings start one level lower.
            new ContentRenderer(BookPaths::href, 1, chapterId(c) + "-").withPieceLinks(this::pieceHref).blocks(x, c.intro());
            x.close("div").nl();
        }
        endUnit(x);
        x.close("div").nl();
    }

    private static void unit(Xml x, String id) {
        if (x.places() != null) {
            x.places().unit(x, id);
        }
    }

    private static void endUnit(Xml x) {
        if (x.places() != null) {
            x.places().endUnit(x);
        }
    }

    /** Pieces of one chapter, in their container (which starts on a recto). */
    void pieces(Xml x, List<Piece> pieces) {
        // Painting a page visits every block whose bounds meet it, level by level: a container for each
        // chapter's pieces keeps that from visiting every piece of the book for every page.
        if (!pieces.isEmpty()) {
            x.open("div", "class", "pieces").nl();
            for (Piece p : pieces) {
                piece(x, p);
            }
            x.close("div").nl();
        }
    }

    /** One piece as the edition prints it: running heads, header, body, footer and notes, ids prefixed per piece. */
    void piece(Xml x, Piece p) {
        ContentRenderer content = contentRenderer(pieceId(p) + "-");
        PieceHeader header = new PieceHeader(labels, meta, content);
        x.open("div", "class", "piece", "id", pieceId(p),
                "lang", p.meta().language(), "xml:lang", p.meta().language(),
                "dir", Direction.of(p.meta().language())).nl();
        unit(x, pieceId(p));
        runningHeads(x, p.title());
        header.header(x, p, pieceId(p) + "-title");
        x.open("div", "class", "piece-body").nl();
        content.blocks(x, p.body());
        x.close("div").nl();
        header.footer(x, p);
        endUnit(x);
        x.close("div").nl();
    }

    /**
     * Running elements: the book's short title for versos, {@code title} for rectos. Both are left off the
     * page where they are set ({@code last-except}), the first page of a piece.
     */
    void runningHeads(Xml x, String title) {
        x.element("div", shortTitle(), "class", "rh-book").nl();
        x.element("div", title, "class", "rh-piece").nl();
    }

    private String shortTitle() {
        int colon = meta.title().indexOf(':');
        return colon > 0 ? meta.title().substring(0, colon).trim() : meta.title();
    }

    /** Ids get {@code idPrefix}, so that notes and headings of different pieces never clash in one document. */
    private ContentRenderer contentRenderer(String idPrefix) {
        return new ContentRenderer(BookPaths::href, 0, idPrefix).withPieceLinks(this::pieceHref);
    }

    /** Pieces share one document, so a link to one is a link to its prefixed id. */
    private String pieceHref(String pieceId, String fragment) {
        if (piecesById == null) {
            piecesById = new java.util.HashMap<>();
            book.pieces().forEach(p -> piecesById.put(p.id(), p));
        }
        Piece p = piecesById.get(pieceId);
        return p == null ? null : "#" + pieceId(p) + (fragment == null ? "" : "-" + fragment);
    }

    private java.util.Map<String, Piece> piecesById;
}
