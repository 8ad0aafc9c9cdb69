package dev.sheaf.render.pdf;

import dev.sheaf.model.Book;
import dev.sheaf.model.BookIndex;
import dev.sheaf.model.Piece;
import dev.sheaf.render.Labels;
import dev.sheaf.render.xhtml.ContentRenderer;
import dev.sheaf.render.xhtml.Xml;
import org.xhtmlrenderer.pdf.ITextRenderer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The PDF edition's typesetting for other printed products, such as handouts: the book's fonts and print
 * stylesheet at any page size, its pieces as the edition prints them, and Flying Saucer set up as for the
 * edition (fonts embedded as subsets, resources loaded only from the book folder, images fitted to the text
 * block, reproducible bytes). A kit lays out one document at a time, parsing the fonts once for all of them: a
 * product made on several threads at once needs a kit for each thread.
 */
public final class PrintKit {

    /**
     * A page: size and margins in millimetres (the inner margin is at the spine, mirrored between versos and
     * rectos), and the size of the running text in points.
     */
    public record Page(double width, double height, double top, double bottom, double inner, double outer,
                       double fontSize) {

        /** The PDF edition's page for a trim as named in book.yaml: a5, 6x9, a4 or letter. */
        public static Page trim(String id) {
            TrimSize t = TrimSize.of(id);
            return new Page(t.width, t.height, t.top, t.bottom, t.inner, t.outer, t.fontSize);
        }

        /** The same margins and text on paper of another size. */
        public Page withSize(double newWidth, double newHeight) {
            return new Page(newWidth, newHeight, top, bottom, inner, outer, fontSize);
        }

        public Page withFontSize(double points) {
            return new Page(width, height, top, bottom, inner, outer, points);
        }

        /** Width of the text block. */
        public double measure() {
            return width - inner - outer;
        }

        /** Height of the text block. */
        public double textHeight() {
            return height - top - bottom;
        }
    }

    private final Book book;
    private final PrintFonts fonts;
    private final PrintDocument pieces;
    /** The faces, parsed once for every document laid out with this kit, one after the other (see KeptFonts). */
    private final KeptFonts faces = new KeptFonts();
    /** The pictures of data URLs (the cover's thumbnail, QR codes), decoded once for all the kit's layouts. */
    private final Map<String, org.xhtmlrenderer.resource.ImageResource> pictures =
            new java.util.concurrent.ConcurrentHashMap<>();

    public PrintKit(Book book, Labels labels) throws IOException {
        this.book = book;
        this.fonts = PrintFonts.of(book, TextScan.of(book).all(labels));
        this.pieces = new PrintDocument(book, labels, "", null, null, fonts);
    }

    /**
     * The edition's stylesheet ({@code print.css}) for {@code page}: the book's fonts, page size, mirrored
     * margins, running heads ({@code .rh-book} on versos, {@code .rh-piece} on rectos) and folios, the named
     * pages {@code plain} and {@code blank} without either, and every style of a piece.
     */
    public String stylesheet(Page page) {
        return PrintStyle.css(page.width(), page.height(), page.top(), page.bottom(), page.inner(), page.outer(),
                page.fontSize(), fonts);
    }

    /** The family the running text is set in (margin boxes inherit no font and must name it). */
    public String bodyFamily() {
        return fonts.body();
    }

    /** The family titles and headings are set in. */
    public String headingFamily() {
        return fonts.headings();
    }

    /** A piece as the edition prints it, in a {@code div.piece} with the id {@link #pieceId}. */
    public void piece(Xml x, Piece p) {
        pieces.piece(x, p);
    }

    /**
     * The running elements of the blocks that follow: the book's short title for versos, {@code title} for
     * rectos, both left off the page where they are set.
     */
    public void runningHeads(Xml x, String title) {
        pieces.runningHeads(x, title);
    }

    public static String pieceId(Piece p) {
        return PrintDocument.pieceId(p);
    }

    /** Renders model content as the edition does (images relative to the book folder); ids get {@code idPrefix}. */
    public static ContentRenderer content(String idPrefix) {
        return new ContentRenderer(BookPaths::href, 0, idPrefix);
    }

    /** Lays out a whole XHTML document (as {@link Xml} writes it) on pages of {@code page}. */
    public Layout layout(String xhtml, Page page) {
        return new Layout(fonts.runs(xhtml), page, false, null, null);
    }

    /**
     * Lays out a document that holds {@code index}: its page numbers link to the lines of the mentions, as in
     * the PDF edition.
     */
    public Layout layout(String xhtml, Page page, IndexPages index) {
        return layout(xhtml, page, index, null);
    }

    /**
     * As {@link #layout(String, Page, IndexPages)}, with {@code adjust} (or null) to change the document when a
     * check of the hyphenation has it laid out again anyway.
     */
    public Layout layout(String xhtml, Page page, IndexPages index, Adjustment adjust) {
        return new Layout(fonts.runs(xhtml), page, index != null, null, adjust);
    }

    /**
     * A change to a document between two of its layouts, made only when a layout is redone anyway (a check of the
     * hyphenation took break points out), so that it costs no layout of its own: a booklet's blank pages, counted
     * from the pages just laid out. Elements it adds must be as the document's writer would have written them after
     * {@link PrintFonts#runs} (no runs of other faces).
     */
    @FunctionalInterface
    public interface Adjustment {
        /**
         * Called with the document and the number of pages it was just laid out on; returns true when it changed
         * the document's elements.
         */
        boolean change(org.w3c.dom.Document doc, int pages);
    }

    /**
     * The index of a printed product other than the edition (a handout), set as the edition sets its own:
     * two columns, page numbers of the mentions, ranges collapsed, cross-references in italics.
     *
     * @param index the entries to print, with the mentions in this product's pieces only
     */
    public IndexPages index(BookIndex index, Labels labels, Page page) {
        return new IndexPages(new PrintIndex(book.withIndex(book.chapters(), index), labels, page.measure()), page);
    }

    /** The product's document with {@code css} added to its stylesheet and {@code body} as its body. */
    @FunctionalInterface
    public interface MeasuringDocument {
        String of(String css, Consumer<Xml> body);
    }

    /**
     * An index being set: written with its heading alone until {@link #number} has read the pages of the
     * mentions off a layout of the document, then with its columns.
     */
    public final class IndexPages {

        private final PrintIndex index;
        private final Page page;
        private List<List<List<PrintIndex.Line>>> columns = List.of();

        private IndexPages(PrintIndex index, Page page) {
            this.index = index;
            this.page = page;
        }

        /** The id of the index's block in the document. */
        public String id() {
            return PrintIndex.ID;
        }

        public String title() {
            return index.title();
        }

        /** The index: heading, running heads and, once numbered, its pages of two columns. */
        public void write(Xml x) {
            index.write(x, pieces, columns);
        }

        /**
         * The pages the index takes once {@link #number numbered}, as its columns were packed: at least one, the
         * page of its heading.
         */
        public int pages() {
            return Math.max(1, columns.size());
        }

        /**
         * Numbers the index from {@code layout} (the document with this index unnumbered), where the folio of a
         * page is its place in the document counted from 1, and measures its lines in a document that
         * {@code document} makes from a stylesheet to add and a body.
         */
        public void number(Layout layout, MeasuringDocument document) {
            List<String> anchors = PrintIndex.anchorsByPiece(index.book()).values().stream()
                    .flatMap(List::stream).toList();
            Map<String, Integer> folios = new HashMap<>();
            PrintIndex.spots(layout.renderer, anchors).forEach((id, spot) -> folios.put(id, spot.page() + 1));
            int columnHeight = PrintIndex.columnHeight(layout.renderer, layout.firstPage(PrintIndex.ID));
            List<PrintIndex.Line> lines = index.lines(folios);
            String tall = PrintIndex.tallPage(page.width(), index.book());
            PrintIndex.Measures measures = PrintIndex.measure(lines,
                    some -> document.of(tall, x -> index.measuringBody(x, some)),
                    xhtml -> new Layout(fonts.runs(xhtml), page, false, null, null).renderer);
            columns = PrintIndex.pack(lines, measures, columnHeight);
        }
    }

    /** A laid-out document: where its blocks landed, and its PDF. */
    public final class Layout {

        private final String xhtml;
        private final Page page;
        private final ITextRenderer renderer;
        private final Pages pages;
        /** What the hyphenation rules corrected in this layout's texts (null when not hyphenated). */
        private final Typesetting.Corrections corrections;

        /** Where the mentions the index links to are, found when the first link is written. */
        private final Map<String, PrintIndex.Spot> spots = new HashMap<>();

        private Layout(String xhtml, Page page, boolean indexLinks, Typesetting.Corrections earlier,
                       Adjustment adjust) {
            this.xhtml = xhtml;
            this.page = page;
            String bookUrl = book.root().toUri().toString();
            // Links to the mentions go to ids no element has (see PrintIndex); a device that knows them makes them.
            org.xhtmlrenderer.pdf.ITextOutputDevice device = indexLinks
                    ? new PartsOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT, Set.of(), this::destination, true)
                    : new PrintOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT);
            float dotsPerMm = ITextRenderer.DEFAULT_DOTS_PER_POINT * 72 / 25.4f;
            double imageHeight = page.textHeight() * 0.6;
            renderer = new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT,
                    ITextRenderer.DEFAULT_DOTS_PER_PIXEL, device,
                    new PrintUserAgent(device, ITextRenderer.DEFAULT_DOTS_PER_PIXEL, bookUrl).sharing(pictures), faces,
                    new FittingImages(device, (int) (page.measure() * dotsPerMm), (int) (imageHeight * dotsPerMm)),
                    faces.measurer());
            Typesetting.prepare(renderer);
            corrections = Typesetting.layout(renderer, xhtml, bookUrl, book.meta().hyphenate(), earlier, adjust);
            pages = new Pages(renderer);
        }

        /**
         * The same product laid out again, on the same pages, after a change that leaves everything before it as it
         * was (its index filled in, blank pages put in before its sources): the hyphenation rules' corrections to
         * this layout's texts are made before the new layout, which spares the layouts that found them, and keeps
         * the pages before the change as they are here (see {@code Typesetting.Corrections}).
         */
        public Layout again(String changed, IndexPages index) {
            return again(changed, index, null);
        }

        /** As {@link #again(String, IndexPages)}, with {@code adjust} (or null) as in {@link PrintKit#layout}. */
        public Layout again(String changed, IndexPages index, Adjustment adjust) {
            return new Layout(fonts.runs(changed), page, index != null, corrections, adjust);
        }

        private com.lowagie.text.pdf.PdfDestination destination(com.lowagie.text.pdf.PdfWriter writer, String id) {
            if (!id.startsWith(PrintIndex.LINK)) {
                return null;
            }
            String anchor = id.substring(PrintIndex.LINK.length());
            PrintIndex.Spot spot = spots.computeIfAbsent(anchor, a -> PrintIndex.spots(renderer, List.of(a)).get(a));
            if (spot == null) {
                return null;
            }
            var d = new com.lowagie.text.pdf.PdfDestination(com.lowagie.text.pdf.PdfDestination.XYZ, 0, spot.top(), 0);
            d.addPage(writer.getPageReference(spot.page() + 1));
            return d;
        }

        public int pages() {
            return renderer.getRootBox().getLayer().getPages().size();
        }

        /** The 0-based page holding the top of the block with id {@code id}. */
        public int firstPage(String id) {
            return pages.first(id);
        }

        /** The 0-based page holding the bottom of the block with id {@code id}. */
        public int lastPage(String id) {
            return pages.last(id);
        }

        /**
         * Writes the PDF: /Lang, page labels 1, 2, 3…, dates from {@code timestamp}, and an /ID and font subset
         * tags that depend only on the document, so the same document gives the same bytes.
         */
        public void write(OutputStream out, Instant timestamp) throws IOException {
            byte[] identity = FixedOutput.sha256(book.meta().identifier(), xhtml.getBytes(StandardCharsets.UTF_8), 32);
            renderer.setListener(new FixedOutput(book.meta().language(), timestamp, identity, 0, book.meta().pdfA()));
            renderer.createPDF(out);
        }
    }
}
