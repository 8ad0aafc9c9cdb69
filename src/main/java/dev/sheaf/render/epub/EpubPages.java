package dev.sheaf.render.epub;

import dev.sheaf.model.Book;
import dev.sheaf.model.BookMeta;
import dev.sheaf.model.Chapter;
import dev.sheaf.model.Piece;
import dev.sheaf.model.ReferenceList;
import dev.sheaf.render.Labels;
import dev.sheaf.render.LongDates;
import dev.sheaf.render.xhtml.ContentRenderer;
import dev.sheaf.render.pagelist.PageBreak;
import dev.sheaf.render.pagelist.PageMarkers;
import dev.sheaf.render.pagelist.PrintPageBreaks;
import dev.sheaf.render.xhtml.Direction;
import dev.sheaf.render.xhtml.PieceHeader;
import dev.sheaf.render.xhtml.TextPlaces;
import dev.sheaf.render.xhtml.Xml;


/** The XHTML content documents of the EPUB: cover, title page, copyright page, chapter openers, pieces. */
final class EpubPages {

    static final String TEXT_DIR = "text/";

    private final Book book;
    private final BookMeta meta;
    private final Labels labels;
    private final ContentRenderer content;
    private final PieceHeader pieceHeader;
    /** The print edition's pages, marked in the pieces and chapter openers. */
    private final PrintPageBreaks printPages;

    EpubPages(Book book, Labels labels) {
        this(book, labels, PrintPageBreaks.NONE, id -> true);
    }

    /** @param indexAnchors the index anchors to write in the pieces: those the index document links to */
    EpubPages(Book book, Labels labels, PrintPageBreaks printPages, java.util.function.Predicate<String> indexAnchors) {
        this.printPages = printPages;
        this.book = book;
        this.meta = book.meta();
        this.labels = labels;
        java.util.Map<String, Piece> byId = new java.util.HashMap<>();
        book.pieces().forEach(p -> byId.put(p.id(), p));
        // Each piece is its own content document; ids inside it are written without a prefix.
        this.content = new ContentRenderer(EpubPages::imageHref, 0, "").withPieceLinks((id, fragment) -> {
            Piece p = byId.get(id);
            return p == null ? null : EpubRenderer.pieceFile(p) + (fragment == null ? "" : "#" + fragment);
        }).withIndexAnchors(indexAnchors);
        this.pieceHeader = new PieceHeader(labels, meta, content);
    }

    /** Where an image of the book lives inside the EPUB, relative to a content document. */
    static String imageHref(String bookRelative) {
        return "../" + EpubRenderer.imagePath(bookRelative);
    }

    String cover(String coverHref) {
        Xml x = start(labels.get("cover"), "cover");
        x.open("section", "epub:type", "cover", "class", "cover").nl();
        x.empty("img", "src", "../" + coverHref, "alt",
                labels.get("cover.alt", meta.title(), meta.authorLine()), "class", "cover-image").nl();
        x.close("section").nl();
        return end(x);
    }

    String titlePage() {
        Xml x = start(meta.title(), "titlepage");
        x.open("section", "epub:type", "titlepage", "class", "titlepage").nl();
        x.element("h1", meta.title(), "class", "book-title").nl();
        if (meta.subtitle() != null) {
            x.element("p", meta.subtitle(), "class", "book-subtitle").nl();
        }
        x.element("p", meta.authorLine(), "class", "book-author").nl();
        if (meta.publisher() != null) {
            x.element("p", meta.publisher(), "class", "book-publisher").nl();
        }
        x.close("section").nl();
        return end(x);
    }

    String copyrightPage() {
        Xml x = start(labels.get("copyright"), "copyright");
        x.open("section", "epub:type", "copyright-page", "class", "copyright").nl();
        x.element("p", meta.title() + (meta.subtitle() == null ? "" : ": " + meta.subtitle()), "class", "colophon-title").nl();
        x.element("p", meta.authorLine()).nl();
        if (meta.rights() != null) {
            x.element("p", meta.rights()).nl();
        }
        if (meta.publisher() != null) {
            x.element("p", meta.publisher()).nl();
        }
        x.element("p", labels.get("colophon.edition", LongDates.format(meta.date(), meta.locale()))).nl();
        x.element("p", meta.identifier(), "class", "identifier").nl();
        if (!book.citeAs().isEmpty()) {
            x.open("p", "class", "cite-book").element("span", labels.get("cite.book"), "class", "cite-as-label").text(" ");
            content.inlines(x, book.citeAs());
            x.close("p").nl();
        }
        if (meta.description() != null) {
            x.element("p", meta.description(), "class", "description").nl();
        }
        x.element("p", labels.get("colophon.made"), "class", "made-with").nl();
        x.close("section").nl();
        return end(x);
    }

    String chapterOpener(Chapter chapter, int number) {
        Xml x = start(chapter.title(), "chapter-opener");
        x.open("section", "epub:type", "part", "role", "doc-part", "class", "opener",
                "aria-labelledby", "chapter-title").nl();
        TextPlaces places = markers(x, PrintPageBreaks.unit(chapter));
        x.element("p", Integer.toString(number), "class", "chapter-number").nl();
        x.element("h1", chapter.title(), "id", "chapter-title", "class", "chapter-title").nl();
        if (!chapter.intro().isEmpty()) {
            x.open("div", "class", "chapter-intro").nl();
            content.blocks(x, chapter.intro());
            x.close("div").nl();
        }
        PageMarkers.end(x, places);
        x.open("ol", "class", "chapter-contents").nl();
        for (Piece p : chapter.pieces()) {
            x.open("li").open("a", "href", EpubRenderer.pieceFile(p)).text(p.title()).close("a")
                    .close("li").nl();
        }
        x.close("ol").nl();
        x.close("section").nl();
        return end(x);
    }

    String piece(Piece piece) {
        Xml x = start(piece.title(), "piece");
        x.open("section", "epub:type", "chapter", "role", "doc-chapter", "class", "piece",
                "aria-labelledby", "piece-title", "xml:lang", piece.meta().language(),
                "lang", piece.meta().language(), "dir", Direction.of(piece.meta().language())).nl();
        TextPlaces places = markers(x, PrintPageBreaks.unit(piece));
        pieceHeader.header(x, piece, "piece-title");
        x.open("div", "class", "piece-body").nl();
        content.blocks(x, piece.body());
        x.close("div").nl();
        pieceHeader.footer(x, piece);
        PageMarkers.end(x, places);
        x.close("section").nl();
        return end(x);
    }

    /** Marks the print edition's page breaks in unit {@code unit}, written into {@code x} from now on. */
    private TextPlaces markers(Xml x, String unit) {
        return PageMarkers.start(x, printPages, unit, EpubPages::pageBreak);
    }

    /** The id of the marker of the print edition's page {@code label}. */
    static String pageId(String label) {
        return "page-" + label;
    }

    /** A page break marker as EPUB 3 and DPUB-ARIA define it, named by the printed page number. */
    private static void pageBreak(Xml x, PageBreak b) {
        x.empty("span", "epub:type", "pagebreak", "role", "doc-pagebreak", "id", pageId(b.label()),
                "aria-label", b.label(), "title", b.label());
    }

    /** A back-matter list (sources, references) on its own page. */
    String referencePage(ReferenceList list, String title) {
        Xml x = start(title, "back-matter");
        x.open("section", "epub:type", "bibliography", "role", "doc-bibliography", "class", "back-matter",
                "aria-label", title).nl();
        TextPlaces places = markers(x, PrintPageBreaks.unit(list));
        x.element("h1", title, "class", "back-matter-title").nl();
        content.referenceEntries(x, list);
        PageMarkers.end(x, places);
        x.close("section").nl();
        return end(x);
    }

    /** The XHTML prologue every content document shares. */
    /**
     * The index, its locators linking to the anchors placed in the pieces: one document, or several of about
     * {@code limit} characters each (the print edition's page breaks marked in them as in one).
     */
    java.util.List<dev.sheaf.render.xhtml.IndexXhtml.Part> indexPages(dev.sheaf.render.xhtml.IndexXhtml index, int limit) {
        PageMarkers.RunOn runOn = new PageMarkers.RunOn();
        return index.write(new dev.sheaf.render.xhtml.IndexXhtml.Documents() {
            @Override
            public Xml start(int n, String title, boolean indexBody) {
                Xml x = EpubPages.this.start(title, "back-matter index-page", indexBody ? "index" : null);
                runOn.document(x, n, y -> markers(y, PrintPageBreaks.INDEX));
                return x;
            }

            @Override
            public String end(Xml x, boolean last) {
                runOn.end(x, last);
                return EpubPages.end(x);
            }

            @Override
            public String file(int n) {
                return EpubRenderer.indexFile(n);
            }
        }, limit);
    }

    Xml start(String title, String bodyClass) {
        return start(title, bodyClass, null);
    }

    /** @param epubType the body's {@code epub:type}, or null for none */
    Xml start(String title, String bodyClass, String epubType) {
        Xml x = new Xml();
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n");
        x.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "xmlns:epub", "http://www.idpf.org/2007/ops",
                "xml:lang", meta.language(), "lang", meta.language()).nl();
        x.open("head").nl();
        x.empty("meta", "charset", "UTF-8").nl();
        x.element("title", title).nl();
        x.empty("link", "rel", "stylesheet", "type", "text/css", "href", "../" + EpubRenderer.CSS).nl();
        x.close("head").nl();
        x.open("body", "epub:type", epubType, "class", bodyClass).nl();
        return x;
    }

    static String end(Xml x) {
        return x.close("body").nl().close("html").nl().toString();
    }

    Book book() {
        return book;
    }
}
