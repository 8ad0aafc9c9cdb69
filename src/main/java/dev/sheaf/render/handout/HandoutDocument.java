package dev.sheaf.render.handout;

import dev.sheaf.model.Book;
import dev.sheaf.model.BookMeta;
import dev.sheaf.model.Handout;
import dev.sheaf.model.Inline;
import dev.sheaf.model.Piece;
import dev.sheaf.model.ReferenceList;
import dev.sheaf.render.Labels;
import dev.sheaf.render.pdf.PrintKit;
import dev.sheaf.render.xhtml.Xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One handout as an XHTML document for the print engine: a cover sheet (the event, the handout's title, the
 * book it comes from, the link to the full book as text and QR code, and what the handout holds), the
 * pieces exactly as the PDF edition prints them, the index of those pieces when the handout asks for it
 * ({@code index: true}), and a last page with the sources of those pieces.
 *
 * <p>Folios count every page from the cover sheet (page 1, which shows none), so the number printed on a
 * page is its place in the handout, and in a booklet its place in the folded stack. Running heads are the
 * edition's: the book's short title on versos, the piece's title on rectos, none on a piece's first page.
 */
final class HandoutDocument {

    static final String COVER_ID = "cover";
    static final String SOURCES_ID = "sources";
    /** The widest the QR code may be, as a share of the text block's width. */
    static final double QR_SHARE = 0.3;
    static final double QR_MAX_MM = 40;
    /** The book's cover beside the line naming the book: this wide at most, drawn at 300 dpi. */
    static final double THUMBNAIL_MM = 25;
    static final int THUMBNAIL_PX = (int) Math.round(THUMBNAIL_MM / 25.4 * 300);

    private static final String CSS = load("handout.css");
    private static final String LARGE_TYPE_CSS = load("large-type.css");

    private final Book book;
    private final BookMeta meta;
    private final Handout handout;
    private final List<Piece> pieces;
    private final List<List<Inline>> sources;
    private final Labels labels;
    private final PrintKit kit;
    private final PrintKit.Page page;
    private final String link;
    private final QrCode qr;
    private final PrintKit.IndexPages index;
    private final byte[] thumbnail;

    /**
     * @param link the address of the full book, or null
     * @param qr   {@code link} as a QR code, or null to print the address as text only
     * @param index the index of the handout's pieces, printed after them, or null
     * @param thumbnail the book's cover as a JPEG or PNG (see {@code Covers.thumbnail}), or null for none
     */
    HandoutDocument(Book book, Handout handout, List<Piece> pieces, List<List<Inline>> sources, Labels labels,
                    PrintKit kit, PrintKit.Page page, String link, QrCode qr, PrintKit.IndexPages index,
                    byte[] thumbnail) {
        this.book = book;
        this.meta = book.meta();
        this.handout = handout;
        this.pieces = pieces;
        this.sources = sources;
        this.labels = labels;
        this.kit = kit;
        this.page = page;
        this.link = link;
        this.qr = qr;
        this.index = index;
        this.thumbnail = thumbnail;
    }

    /**
     * The document, with {@code blankPages} empty pages (no head, no folio) before the sources, so that a
     * booklet's page count comes to a multiple of four while the sources keep the last page.
     */
    String render(int blankPages) {
        Xml x = new Xml(1 << 16);
        start(x, "");
        cover(x);
        for (Piece p : pieces) {
            kit.piece(x, p);
        }
        if (index != null) {
            index.write(x);
        }
        for (int i = 0; i < blankPages; i++) {
            x.element("div", "\u00a0", "class", BookletBlanks.CLASS).nl();
        }
        sourcesPage(x);
        x.close("body").nl().close("html").nl();
        return x.toString();
    }

    /**
     * A document with the handout's stylesheet, {@code css} added to it, and {@code body} as its body: where the
     * index's lines are measured.
     */
    String measuring(String css, java.util.function.Consumer<Xml> body) {
        Xml x = new Xml(1 << 16);
        start(x, css);
        body.accept(x);
        x.close("body").nl().close("html").nl();
        return x.toString();
    }

    private void start(Xml x, String css) {
        // No DOCTYPE, as in the print edition's document (PrintDocument.start): no XHTML DTD read per layout.
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        // Pieces carry the EPUB's note semantics (epub:type), so the prefix must be bound.
        x.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "xmlns:epub", "http://www.idpf.org/2007/ops",
                "xml:lang", meta.language(), "lang", meta.language(),
                "class", handout.largeType() ? "large-type" : null).nl();
        head(x, css);
        x.open("body").nl();
    }

    private void head(Xml x, String extraCss) {
        x.open("head").nl();
        x.empty("meta", "charset", "UTF-8").nl();
        x.element("title", handout.title()).nl();
        x.empty("meta", "name", "author", "content", meta.authorLine()).nl();
        String event = eventLine();
        if (!event.isEmpty()) {
            x.empty("meta", "name", "subject", "content", event).nl();
        }
        String keywords = pieces.stream().flatMap(p -> p.meta().tags().stream()).distinct().sorted()
                .collect(Collectors.joining(", "));
        if (!keywords.isEmpty()) {
            x.empty("meta", "name", "keywords", "content", keywords).nl();
        }
        x.open("style", "type", "text/css").text(kit.stylesheet(page)).text(CSS);
        if (handout.largeType()) {
            x.text(LARGE_TYPE_CSS.replace("${BODY_FONT}", cssString(kit.bodyFamily()))
                    .replace("${HEADING_FONT}", cssString(kit.headingFamily())));
        }
        x.text(extraCss);
        x.close("style").nl();
        x.open("bookmarks").nl();
        x.empty("bookmark", "name", handout.title(), "href", "#" + COVER_ID).nl();
        for (Piece p : pieces) {
            x.empty("bookmark", "name", p.title(), "href", "#" + PrintKit.pieceId(p)).nl();
        }
        if (index != null) {
            x.empty("bookmark", "name", index.title(), "href", "#" + index.id()).nl();
        }
        x.empty("bookmark", "name", labels.get("sources"), "href", "#" + SOURCES_ID).nl();
        x.close("bookmarks").nl();
        x.close("head").nl();
    }

    /** "Panel discussion, 10 February 2022, London": what the PDF's subject says. */
    private String eventLine() {
        return Stream.of(handout.event(), handout.eventDate(), handout.place()).filter(Objects::nonNull)
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.joining(", "));
    }

    private void cover(Xml x) {
        x.open("div", "class", "handout-cover", "id", COVER_ID).nl();
        if (present(handout.event())) {
            x.element("p", handout.event().strip(), "class", "kicker handout-event").nl();
        }
        String when = Stream.of(handout.eventDate(), handout.place()).filter(HandoutDocument::present)
                .map(String::strip).collect(Collectors.joining(" \u00b7 "));
        if (!when.isEmpty()) {
            x.element("p", when, "class", "kicker handout-when").nl();
        }
        x.element("h1", handout.title(), "class", "handout-title").nl();
        book(x);
        if (link != null) {
            link(x);
        }
        contents(x);
        if (present(meta.rights())) {
            x.element("p", meta.rights(), "class", "handout-rights").nl();
        }
        x.close("div").nl();
    }

    /** The book's cover, small, beside the line naming the book; the line alone when there is no picture. */
    private void book(Xml x) {
        int[] px = null;
        try {
            px = thumbnail == null ? null : dev.sheaf.render.cover.Covers.pixels(thumbnail);
        } catch (java.io.IOException e) {
            // not a picture the engine can read: the line alone
        }
        if (px == null) {
            fromLine(x);
            return;
        }
        double width = Math.min(THUMBNAIL_MM, page.measure() * 0.25);
        double height = width * px[1] / px[0];
        String type = dev.sheaf.render.cover.Covers.mediaType(thumbnail);
        x.open("table", "class", "handout-book").open("tr");
        x.open("td", "class", "thumbnail-cell");
        x.empty("img", "src", "data:" + type + ";base64," + java.util.Base64.getEncoder().encodeToString(thumbnail),
                "alt", labels.get("cover.alt", meta.title(), meta.authorLine()), "class", "handout-thumbnail",
                "style", String.format(java.util.Locale.ROOT, "width: %.2fmm; height: %.2fmm;", width, height));
        x.close("td").open("td", "class", "from-cell");
        fromLine(x);
        x.close("td").close("tr").close("table").nl();
    }

    /** "From <cite>Book: Subtitle</cite> by Author". */
    private void fromLine(Xml x) {
        String marker = "\u0000";
        String line = labels.get("handout.from", marker, meta.authorLine());
        int at = line.indexOf(marker);
        String title = meta.subtitle() == null ? meta.title() : meta.title() + ": " + meta.subtitle();
        x.open("p", "class", "handout-from").text(line.substring(0, at)).element("cite", title)
                .text(line.substring(at + marker.length())).close("p").nl();
    }

    /** The QR code beside the address it encodes. */
    private void link(Xml x) {
        double maxMm = Math.min(QR_MAX_MM, page.measure() * QR_SHARE);
        x.open("table", "class", "handout-link").open("tr");
        if (qr != null) {
            x.open("td", "class", "qr-cell");
            qr.write(x, maxMm);
            x.close("td");
        }
        x.open("td", "class", "link-cell");
        x.element("p", labels.get("handout.link"), "class", "handout-link-label");
        x.open("p", "class", "handout-url").element("a", link, "href", link).close("p");
        x.close("td").close("tr").close("table").nl();
    }

    /** What the handout holds, with page numbers (Flying Saucer's target-counter, as in the edition's contents). */
    private void contents(Xml x) {
        x.open("div", "class", "handout-contents").nl();
        x.element("h2", labels.get("handout.contents"), "class", "handout-contents-title").nl();
        x.open("table", "class", "toc handout-toc").nl();
        for (Piece p : pieces) {
            entry(x, PrintKit.pieceId(p), p.title());
        }
        if (index != null) {
            entry(x, index.id(), index.title());
        }
        entry(x, SOURCES_ID, labels.get("sources"));
        x.close("table").nl();
        x.close("div").nl();
    }

    private static void entry(Xml x, String id, String title) {
        x.open("tr", "class", "handout-entry").open("td", "class", "toc-title").element("a", title, "href", "#" + id)
                .close("td").open("td", "class", "toc-page").element("a", "", "href", "#" + id).close("td")
                .close("tr").nl();
    }

    /** The sources of the pieces, then how to cite the book and where to find it. */
    private void sourcesPage(Xml x) {
        String title = labels.get("sources");
        x.open("div", "class", "handout-sources", "id", SOURCES_ID).nl();
        kit.runningHeads(x, title);
        var content = PrintKit.content("sources-");
        content.referenceList(x, new ReferenceList("sources", title, sources), "h1", title);
        if (!book.citeAs().isEmpty()) {
            x.open("p", "class", "cite-book");
            x.element("span", labels.get("cite.book"), "class", "cite-book-label").text(" ");
            content.inlines(x, book.citeAs());
            x.close("p").nl();
        }
        if (link != null) {
            x.open("p", "class", "handout-url").text(labels.get("handout.link") + " ")
                    .element("a", link, "href", link).close("p").nl();
        }
        x.close("div").nl();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /** A font family for inside a double-quoted CSS string. */
    private static String cssString(String family) {
        return family.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String load(String name) {
        try (InputStream in = HandoutDocument.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
