package dev.sheaf.render.site;

import dev.sheaf.model.Book;
import dev.sheaf.model.BookMeta;
import dev.sheaf.model.Chapter;
import dev.sheaf.model.Inline;
import dev.sheaf.model.Piece;
import dev.sheaf.model.PieceMeta;
import dev.sheaf.model.ReferenceList;
import dev.sheaf.render.Labels;
import dev.sheaf.render.xhtml.ContentRenderer;
import dev.sheaf.render.xhtml.Direction;
import dev.sheaf.render.xhtml.IndexXhtml;
import dev.sheaf.render.pagelist.PageBreak;
import dev.sheaf.render.pagelist.PageMarkers;
import dev.sheaf.render.pagelist.PrintPageBreaks;
import dev.sheaf.render.xhtml.PieceHeader;
import dev.sheaf.render.xhtml.TextPlaces;
import dev.sheaf.render.xhtml.Xml;

import java.util.ArrayList;
import java.util.List;

/**
 * The site's HTML pages: the landing page and one page per chapter, piece and back-matter list, all
 * sharing one header, footer and previous/next bar. Piece text goes through the same
 * {@link ContentRenderer} and {@link PieceHeader} as the EPUB and PDF, then {@link Html5}.
 */
final class SitePages {

    /** A page of the site in reading order: its path inside {@code site/} and its title. */
    record Page(String path, String title) { }

    /** The cover as the landing page shows it. */
    record Cover(String href, int width, int height) { }

    static final String INDEX = "index.html";

    private final Book book;
    private final BookMeta meta;
    private final Labels labels;
    private final List<Downloads.Item> downloads;
    private final Cover cover;
    private final ContentRenderer content;
    private final PieceHeader pieceHeader;
    private final List<Page> order = new ArrayList<>();
    private final PrintPageBreaks printPages;

    SitePages(Book book, Labels labels, List<Downloads.Item> downloads, Cover cover) {
        this(book, labels, downloads, cover, PrintPageBreaks.NONE);
    }

    /** @param printPages the print edition's pages, whose numbers are shown in the margin where they begin */
    SitePages(Book book, Labels labels, List<Downloads.Item> downloads, Cover cover, PrintPageBreaks printPages) {
        this.printPages = printPages;
        this.book = book;
        this.meta = book.meta();
        this.labels = labels;
        this.downloads = downloads;
        this.cover = cover;
        // Every page but the landing page is one folder down.
        java.util.Map<String, Piece> byId = new java.util.HashMap<>();
        book.pieces().forEach(p -> byId.put(p.id(), p));
        // Every page that shows content lies one folder deep (pieces/, chapters/, back/).
        // Numbered like the print edition when the site shows its page numbers, else by piece title; the pieces
        // get anchors only where a locator links (the first mention on a page, or in a piece).
        this.index = !book.index().present() ? null : new IndexXhtml(book.index(), labels, printPages.isEmpty()
                ? IndexXhtml.byPiece(book, p -> "../" + piecePath(p))
                : IndexXhtml.byPrintPage(book, p -> "../" + piecePath(p), printPages::pageOf));
        this.linked = index == null ? java.util.Set.of() : index.linkedAnchors();
        this.content = new ContentRenderer(path -> "../" + SiteRenderer.imagePath(path), 0, "").withPieceLinks(
                (id, fragment) -> {
                    Piece p = byId.get(id);
                    return p == null ? null : "../" + piecePath(p) + (fragment == null ? "" : "#" + fragment);
                }).withIndexAnchors(linked::contains);
        this.pieceHeader = new PieceHeader(labels, meta, content);
        order.add(new Page(INDEX, meta.title()));
        for (Chapter c : book.chapters()) {
            order.add(new Page(chapterPath(c), c.title()));
            for (Piece p : c.pieces()) {
                order.add(new Page(piecePath(p), p.title()));
            }
        }
        for (ReferenceList list : book.backMatter()) {
            order.add(new Page(backPath(list), backTitle(list)));
        }
        if (index != null) {
            indexParts = writeIndex();
            for (int i = 0; i < indexParts.size(); i++) {
                order.add(new Page(indexPage(i), indexTitle(i)));
            }
        }
    }

    /** The index's first page, when the book has an index. */
    static final String INDEX_PAGE = "back/index.html";
    private final IndexXhtml index;
    /**
     * The index's pages, split as the EPUB's documents are ({@link IndexXhtml#DOCUMENT_CHARS}): a browser, too, lays
     * out a whole page before it can be read, and the index of the 2,000-piece benchmark book was 19 MB in one. The
     * markup holds {@link #PARTS_NAV} and {@link #PAGER}, filled in when the pages' order is known.
     */
    private List<IndexXhtml.Part> indexParts = List.of();
    private static final String PARTS_NAV = "\uE001";
    private static final String PAGER = "\uE002";
    /** The index anchors the index's page links to: the only ones the pieces' pages carry. */
    private final java.util.Set<String> linked;

    /** The index anchors the index's pages link to. */
    java.util.Set<String> linked() {
        return linked;
    }

    /** The index anchors piece {@code p}'s page carries. */
    List<String> indexAnchorsIn(Piece p) {
        return IndexXhtml.anchorsIn(p, linked);
    }

    /** The path of the index's page {@code n} (0 is the first): back/index.html, back/index-2.html … */
    static String indexPage(int n) {
        return n == 0 ? INDEX_PAGE : "back/index-" + (n + 1) + ".html";
    }

    /** The title of the index's page {@code n}: "Index", or "Index (A–C)" when it has several. */
    private String indexTitle(int n) {
        return indexParts.size() == 1 ? index.title() : index.title() + " (" + indexParts.get(n).label() + ")";
    }

    /**
     * The index: every entry with the pieces that mention it, each linked to the first mention; one page, or
     * several between letters, by path, each with links to the others and the pager.
     */
    java.util.Map<String, String> index() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < indexParts.size(); i++) {
            Xml pager = new Xml();
            pager(pager, indexPage(i));
            out.put(indexPage(i), indexParts.get(i).markup().replace(PARTS_NAV, partsNav(i))
                    .replace(PAGER, Html5.of(pager.toString())));
        }
        return out;
    }

    /** The index's pages, with a placeholder for what depends on the order of all pages. */
    private List<IndexXhtml.Part> writeIndex() {
        PageMarkers.RunOn runOn = new PageMarkers.RunOn();
        return index.write(new IndexXhtml.Documents() {
            @Override
            public Xml start(int n, String title, boolean indexBody) {
                Xml x = SitePages.this.start(title + " \u2014 " + meta.title(), "../", "back-page index-page", null);
                siteHeader(x);
                x.open("main", "id", "main").nl();
                x.raw(PARTS_NAV);
                // The print edition's page numbers run on from one page of the index to the next.
                runOn.document(x, n, y -> markers(y, PrintPageBreaks.INDEX));
                return x;
            }

            @Override
            public String end(Xml x, boolean last) {
                runOn.end(x, last);
                x.close("main").nl();
                x.raw(PAGER);
                return SitePages.this.end(x, "../");
            }

            @Override
            public String file(int n) {
                return indexPage(n).substring("back/".length());
            }
        }, IndexXhtml.DOCUMENT_CHARS);
    }

    /** Links to every page of an index that has several, by their letters ("A–C"), the current one marked. */
    private String partsNav(int current) {
        if (indexParts.size() < 2) {
            return "";
        }
        Xml x = new Xml();
        x.open("nav", "class", "index-parts", "aria-label", index.title()).nl().open("ul").nl();
        for (int i = 0; i < indexParts.size(); i++) {
            x.open("li").open("a", "href", indexPage(i).substring("back/".length()),
                    "aria-current", i == current ? "page" : null).text(indexParts.get(i).label()).close("a")
                    .close("li").nl();
        }
        x.close("ul").nl().close("nav").nl();
        return Html5.of(x.toString());
    }

    /** Every page in reading order, the landing page first. */
    List<Page> pages() {
        return List.copyOf(order);
    }

    static String chapterPath(Chapter c) {
        return "chapters/" + c.slug() + ".html";
    }

    static String piecePath(Piece p) {
        return "pieces/" + p.slug() + ".html";
    }

    static String backPath(ReferenceList list) {
        return "back/" + list.slug() + ".html";
    }

    String backTitle(ReferenceList list) {
        return list.title() != null ? list.title() : labels.get(list.slug());
    }

    // ---------------------------------------------------------------- landing page

    String landing() {
        Xml x = start(meta.title(), "", "landing", meta.description());
        x.open("header", "class", "book-hero").nl();
        x.open("div", "class", "hero-inner").nl();
        x.empty("img", "class", "cover", "src", cover.href(), "width", Integer.toString(cover.width()),
                "height", Integer.toString(cover.height()), "alt", labels.get("cover.alt", meta.title(), meta.authorLine())).nl();
        x.open("div", "class", "hero-text").nl();
        x.element("h1", meta.title(), "class", "book-title").nl();
        if (meta.subtitle() != null) {
            x.element("p", meta.subtitle(), "class", "book-subtitle").nl();
        }
        x.element("p", meta.authorLine(), "class", "book-author").nl();
        if (meta.description() != null) {
            x.element("p", meta.description(), "class", "book-description").nl();
        }
        x.open("p", "class", "hero-actions");
        if (order.size() > 1) {
            x.element("a", labels.get("site.start"), "class", "button primary", "href", order.get(1).path());
        }
        if (!downloads.isEmpty()) {
            x.text(" ").element("a", labels.get("site.downloads"), "class", "button", "href", "#downloads");
        }
        x.close("p").nl();
        x.close("div").nl();
        x.close("div").nl();
        x.close("header").nl();

        x.open("main", "id", "main", "class", "landing-main").nl();
        contents(x);
        if (!downloads.isEmpty()) {
            downloadList(x);
        }
        if (!book.citeAs().isEmpty()) {
            x.open("section", "class", "cite-book", "aria-labelledby", "cite-heading").nl();
            x.element("h2", labels.get("site.cite.heading"), "id", "cite-heading").nl();
            x.open("p");
            content.inlines(x, book.citeAs());
            x.close("p").nl();
            x.close("section").nl();
        }
        x.close("main").nl();
        return end(x, "");
    }

    private void contents(Xml x) {
        x.open("nav", "id", "contents", "class", "contents", "aria-labelledby", "contents-heading").nl();
        x.element("h2", labels.get("contents"), "id", "contents-heading").nl();
        x.open("ol", "class", "toc").nl();
        List<Chapter> chapters = book.chapters();
        for (int i = 0; i < chapters.size(); i++) {
            Chapter c = chapters.get(i);
            x.open("li", "class", "toc-chapter").nl();
            x.open("a", "class", "toc-chapter-title", "href", chapterPath(c))
                    .element("span", labels.get("site.chapter", i + 1), "class", "toc-number").text(" ")
                    .element("span", c.title(), "class", "toc-title").close("a").nl();
            pieceList(x, c.pieces(), "toc-pieces", "");
            x.close("li").nl();
        }
        for (ReferenceList list : book.backMatter()) {
            x.open("li", "class", "toc-back").open("a", "class", "toc-chapter-title", "href", backPath(list))
                    .element("span", backTitle(list), "class", "toc-title").close("a").close("li").nl();
        }
        if (index != null) {
            x.open("li", "class", "toc-back").open("a", "class", "toc-chapter-title", "href", INDEX_PAGE)
                    .element("span", index.title(), "class", "toc-title").close("a");
            if (indexParts.size() > 1) {
                // Its pages by their letters, as the EPUB's contents list its documents.
                x.nl().open("ol", "class", "toc-index-parts").nl();
                for (int i = 0; i < indexParts.size(); i++) {
                    x.open("li").open("a", "href", indexPage(i)).text(indexParts.get(i).label()).close("a")
                            .close("li").nl();
                }
                x.close("ol").nl();
            }
            x.close("li").nl();
        }
        x.close("ol").nl();
        x.close("nav").nl();
    }

    /** Pieces with where and when they first appeared. */
    private void pieceList(Xml x, List<Piece> pieces, String cssClass, String root) {
        x.open("ol", "class", cssClass).nl();
        for (Piece p : pieces) {
            PieceMeta m = p.meta();
            x.open("li").open("a", "href", root + piecePath(p)).text(p.title()).close("a");
            String when = m.date().display(meta.locale());
            x.text(" ").element("span", m.outlet() == null ? when : m.outlet() + ", " + when, "class", "toc-meta");
            x.close("li").nl();
        }
        x.close("ol").nl();
    }

    private void downloadList(Xml x) {
        x.open("section", "id", "downloads", "class", "downloads", "aria-labelledby", "downloads-heading").nl();
        x.element("h2", labels.get("site.downloads"), "id", "downloads-heading").nl();
        String group = null;
        for (Downloads.Item d : downloads) {
            if (!d.group().equals(group)) {
                if (group != null) {
                    x.close("ul").nl();
                }
                group = d.group();
                if (!group.equals("books")) {
                    x.element("h3", labels.get("site.download.group." + group)).nl();
                }
                x.open("ul", "class", "download-list " + group).nl();
            }
            x.open("li").open("a", "class", "download", "href", d.href(), "type", d.type(),
                    "download", d.save() ? d.fileName() : null);
            x.element("span", d.name(), "class", "download-name");
            if (!d.note().isEmpty()) {
                x.text(" ").element("span", d.note(), "class", "download-note");
            }
            x.text(" ").element("span", d.fileName() + " \u00b7 " + Downloads.size(d.bytes(), meta.locale(), labels),
                    "class", "download-size");
            x.close("a").close("li").nl();
        }
        if (group != null) {
            x.close("ul").nl();
        }
        x.close("section").nl();
    }

    // ---------------------------------------------------------------- chapters, pieces, back matter

    String chapter(Chapter c, int number) {
        String path = chapterPath(c);
        Xml x = start(c.title() + " \u2014 " + meta.title(), "../", "chapter-page", null);
        siteHeader(x);
        x.open("main", "id", "main").nl();
        x.open("article", "class", "chapter", "aria-labelledby", "chapter-title").nl();
        TextPlaces places = markers(x, PrintPageBreaks.unit(c));
        x.open("header", "class", "chapter-header").nl();
        x.element("p", labels.get("site.chapter", number), "class", "chapter-number").nl();
        x.element("h1", c.title(), "id", "chapter-title", "class", "chapter-title").nl();
        x.close("header").nl();
        if (!c.intro().isEmpty()) {
            x.open("div", "class", "chapter-intro").nl();
            content.blocks(x, c.intro());
            x.close("div").nl();
        }
        PageMarkers.end(x, places);
        x.element("h2", labels.get("site.chapter.pieces"), "class", "visually-hidden").nl();
        pieceList(x, c.pieces(), "chapter-contents", "../");
        x.close("article").nl();
        x.close("main").nl();
        pager(x, path);
        return end(x, "../");
    }

    /** Marks the print edition's page breaks in unit {@code unit}, written into {@code x} from now on. */
    private TextPlaces markers(Xml x, String unit) {
        return PageMarkers.start(x, printPages, unit, SitePages::pageBreak);
    }

    /**
     * Where a page of the print edition begins: an empty element whose number site.css shows in the margin
     * (written with an end tag: HTML5 has no empty span).
     */
    private static void pageBreak(Xml x, PageBreak b) {
        x.open("span", "class", "print-page", "id", "page-" + b.label(), "role", "doc-pagebreak",
                "aria-label", b.label(), "title", b.label(), "data-page", b.label()).close("span");
    }

    String piece(Chapter chapter, Piece p) {
        String path = piecePath(p);
        String description = p.meta().subtitle();
        Xml x = start(p.title() + " \u2014 " + meta.title(), "../", "piece-page", description);
        siteHeader(x);
        x.open("main", "id", "main").nl();
        x.open("article", "class", "piece", "aria-labelledby", "piece-title", "lang", p.meta().language(),
                "dir", Direction.of(p.meta().language())).nl();
        TextPlaces places = markers(x, PrintPageBreaks.unit(p));
        x.open("p", "class", "piece-chapter").open("a", "href", "../" + chapterPath(chapter)).text(chapter.title())
                .close("a").close("p").nl();
        pieceHeader.header(x, p, "piece-title");
        x.open("div", "class", "piece-body").nl();
        content.blocks(x, p.body());
        x.close("div").nl();
        pieceHeader.footer(x, p);
        PageMarkers.end(x, places);
        x.close("article").nl();
        x.close("main").nl();
        pager(x, path);
        return end(x, "../");
    }

    String back(ReferenceList list) {
        String title = backTitle(list);
        Xml x = start(title + " \u2014 " + meta.title(), "../", "back-page", null);
        siteHeader(x);
        x.open("main", "id", "main").nl();
        x.open("article", "class", "back-matter", "aria-labelledby", "back-title").nl();
        TextPlaces places = markers(x, PrintPageBreaks.unit(list));
        x.element("h1", title, "id", "back-title", "class", "back-matter-title").nl();
        content.referenceEntries(x, list);
        PageMarkers.end(x, places);
        x.close("article").nl();
        x.close("main").nl();
        pager(x, backPath(list));
        return end(x, "../");
    }

    /** Book title back to the landing page, and the way to the contents and downloads. */
    private void siteHeader(Xml x) {
        x.open("header", "class", "site-header").nl();
        x.open("div", "class", "bar").nl();
        x.element("a", meta.title(), "class", "site-title", "href", "../" + INDEX).nl();
        x.open("nav", "class", "site-nav", "aria-label", labels.get("site.nav")).nl();
        x.element("a", labels.get("contents"), "href", "../" + INDEX + "#contents").nl();
        if (!downloads.isEmpty()) {
            x.element("a", labels.get("site.downloads.short"), "href", "../" + INDEX + "#downloads").nl();
        }
        x.close("nav").nl();
        x.close("div").nl();
        x.close("header").nl();
    }

    /** Links to the pages before and after {@code path} in reading order. */
    private void pager(Xml x, String path) {
        int at = position().getOrDefault(path, -1);
        x.open("nav", "class", "pager", "aria-label", labels.get("site.pager")).nl();
        if (at > 0) {
            Page prev = order.get(at - 1);
            x.open("a", "class", "pager-prev", "rel", "prev", "href", "../" + prev.path())
                    .element("span", labels.get("site.previous"), "class", "pager-label").text(" ")
                    .element("span", prev.title(), "class", "pager-title").close("a").nl();
        }
        if (at >= 0 && at + 1 < order.size()) {
            Page next = order.get(at + 1);
            x.open("a", "class", "pager-next", "rel", "next", "href", "../" + next.path())
                    .element("span", labels.get("site.next"), "class", "pager-label").text(" ")
                    .element("span", next.title(), "class", "pager-title").close("a").nl();
        }
        x.close("nav").nl();
    }

    /** The pages before and after {@code path} in reading order (null at either end): what its pager shows. */
    Page[] neighbours(String path) {
        int at = position().getOrDefault(path, -1);
        return new Page[] {at > 0 ? order.get(at - 1) : null,
                at >= 0 && at + 1 < order.size() ? order.get(at + 1) : null};
    }

    /** Each page's place in reading order (the last, should a path repeat), made once: a search per page was quadratic. */
    private java.util.Map<String, Integer> position() {
        if (position == null) {
            java.util.Map<String, Integer> at = new java.util.HashMap<>();
            for (int i = 0; i < order.size(); i++) {
                at.put(order.get(i).path(), i);
            }
            position = at;
        }
        return position;
    }

    private java.util.Map<String, Integer> position;

    // ---------------------------------------------------------------- page frame

    private Xml start(String title, String root, String bodyClass, String description) {
        Xml x = new Xml(16384);
        x.raw("<!DOCTYPE html>\n");
        x.open("html", "lang", meta.language()).nl();
        x.open("head").nl();
        x.empty("meta", "charset", "utf-8").nl();
        x.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").nl();
        x.empty("meta", "name", "color-scheme", "content", "light dark").nl();
        x.element("title", title).nl();
        if (description != null && !description.isBlank()) {
            x.empty("meta", "name", "description", "content", description).nl();
        }
        x.empty("meta", "name", "author", "content", meta.authorLine()).nl();
        x.empty("meta", "name", "generator", "content", "Sheaf").nl();
        x.empty("link", "rel", "stylesheet", "href", root + SiteStyle.CSS).nl();
        // No favicon request that could fail: the site has no icon of its own.
        x.empty("link", "rel", "icon", "href", "data:,").nl();
        x.close("head").nl();
        x.open("body", "class", bodyClass).nl();
        x.element("a", labels.get("site.skip"), "class", "skip-link", "href", "#main").nl();
        return x;
    }

    private String end(Xml x, String root) {
        x.open("footer", "class", "site-footer").nl();
        x.open("p").open("a", "href", root + INDEX).open("cite").text(meta.title()).close("cite").close("a")
                .text(" \u00b7 " + meta.authorLine()).close("p").nl();
        if (meta.rights() != null) {
            x.element("p", meta.rights(), "class", "rights").nl();
        }
        x.element("p", labels.get("colophon.made"), "class", "made-with").nl();
        x.close("footer").nl();
        x.close("body").nl().close("html").nl();
        return Html5.of(x.toString());
    }
}
