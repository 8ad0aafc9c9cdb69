package dev.sheaf.render.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPageLabels;
import com.lowagie.text.pdf.PdfWriter;
import dev.sheaf.model.Book;
import dev.sheaf.model.Chapter;
import dev.sheaf.model.Piece;
import dev.sheaf.model.ReferenceList;
import dev.sheaf.render.Labels;
import dev.sheaf.render.xhtml.Xml;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.css.style.CssContext;
import org.xhtmlrenderer.pdf.DefaultPDFCreationListener;
import org.xhtmlrenderer.pdf.ITextFontContext;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.PageBox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import dev.sheaf.render.pagelist.PageBreak;
import dev.sheaf.render.pagelist.PrintPageBreaks;

/**
 * The PDF edition of a large book, laid out one part at a time so that memory stays bounded: Flying Saucer
 * holds the boxes of everything it lays out until the PDF is written, about 100 KB a page, so a book of
 * 8,000 pages needs most of a gigabyte in one layout. Here each part (a chapter opener with up to
 * {@link #piecesPerPart()} pieces, further pieces of the chapter, the back matter) is its own XHTML document,
 * laid out and appended to the same PDF ({@code writeNextDocument}); the front matter goes last, once every
 * page number is known, and its pages are then moved to the front.
 *
 * <p>The result is the same book as the single layout of {@link PdfRenderer}: the same pages, folios, running
 * heads, blank versos, contents with page numbers (written out instead of {@code target-counter()}), outline,
 * contents links and page labels. What makes that work:
 * <ul>
 *   <li>A part starts on a recto. Chapters and the back matter start on rectos anyway (an empty page is put
 *       in front when needed, as Flying Saucer does); within a chapter, a part ends just before the last of
 *       its pieces that starts on a recto, and that piece begins the next part.</li>
 *   <li>The first page of a document is a {@code :first} page, which the {@code @page :right} rules do not
 *       reach; parts get a copy of that rule as {@code @page :first}.</li>
 *   <li>Folios continue from part to part ({@code writeNextDocument(initialPageNo)}).</li>
 *   <li>The book's fonts are loaded once for all parts, so each face is embedded once.</li>
 *   <li>The outline, the contents links (which point into other parts) and the page labels are written here;
 *       links inside a part are Flying Saucer's as usual. A link from one part to another part's block other
 *       than a chapter, piece or list is not made.</li>
 * </ul>
 */
final class PdfParts {

    /** Pieces laid out at once; a book with no more pieces is laid out in one go by {@link PdfRenderer}. */
    static final int DEFAULT_PIECES_PER_PART = 40;

    /** Pages of the index to a document after the first (an even number: each document starts on a recto). */
    static final int DEFAULT_INDEX_PAGES_PER_PART = 8;

    private static final String TOC_RULE = "\n.toc-page a.fixed::after { content: none; }\n";

    /**
     * A part starts on a page of its own already; a page break before its first block would make Flying Saucer
     * begin with an empty page.
     */
    private static final String PART_RULE = "\nbody > .opener:first-child, body > .pieces:first-child,"
            + " body > .back-matter:first-child { page-break-before: auto; }\n";

    private final Book book;
    private final Labels labels;
    private final PrintDocument front;
    private final PrintDocument parts;
    private final int piecesPerPart;
    private final String bookUrl;
    private final TrimSize trim;
    private final String language;
    private final Instant timestamp;
    private final IntConsumer pagesDone;
    private PartsOutputDevice device;
    /** The index (null when the book has none), and a document to measure its lines in. */
    private final PrintIndex index;
    private final PrintDocument tall;
    /** The index's pages after the first few, in documents whose first pages have running heads. */
    private final PrintDocument indexMore;
    /**
     * The page of every mention laid out so far (one {@link Target}, the top of its page, for all the mentions on
     * a page), and the height of a page's text.
     */
    private final Map<String, Target> anchorTargets = new HashMap<>();
    private int columnHeight = -1;
    /** Where the body's pages begin (page indexes in writing order until the front matter is moved). */
    private final List<PageBreak> breaks = new ArrayList<>();
    /** The back matter's page breaks, in their final places (the back matter is written last). */
    private final List<PageBreak> backBreaks = new ArrayList<>();
    private PrintPageBreaks pageBreaks = PrintPageBreaks.NONE;

    /** Where each chapter, piece and list landed: 0-based page in writing order, and the top of its block. */
    private final Map<String, Target> targets = new HashMap<>();
    private final Set<Integer> blankPages = new HashSet<>();
    /** Pages written so far, and those of them that belong to the body (chapters and back matter). */
    private int written;
    private int bodyWritten;

    /** A block's first page in writing order (0-based), its folio (body pages only) and the top of the block. */
    private record Target(int page, int folio, float top) { }

    /**
     * @param css       the print stylesheet, as for the single layout
     * @param pagesDone hears the number of pages written so far
     */
    PdfParts(Book book, Labels labels, String css, String coverUrl, CoverFit coverFit, PrintFonts fonts,
             TrimSize trim, String language, Instant timestamp, IntConsumer pagesDone) {
        this.book = book;
        this.labels = labels;
        this.front = new PrintDocument(book, labels, css + TOC_RULE, coverUrl, coverFit, fonts);
        this.parts = new PrintDocument(book, labels, css + firstPageRule(css) + TOC_RULE + PART_RULE, coverUrl, coverFit,
                fonts);
        this.piecesPerPart = piecesPerPart();
        this.bookUrl = book.root().toUri().toString();
        this.trim = trim;
        this.language = language;
        this.timestamp = timestamp;
        this.pagesDone = pagesDone;
        this.index = PrintIndex.applies(book) ? new PrintIndex(book, labels, trim) : null;
        this.tall = index == null ? null
                : new PrintDocument(book, labels, css + PrintIndex.tallPage(trim, book), coverUrl, coverFit, fonts);
        // The heads are set on the document's first page, where "last-except" would leave them off.
        this.indexMore = index == null ? null : new PrintDocument(book, labels,
                css + firstPageRule(css).replace("last-except", "first") + PART_RULE, coverUrl, coverFit, fonts);
    }

    /** Pieces per part: {@value #DEFAULT_PIECES_PER_PART}, or the system property {@code sheaf.pdf.piecesPerPart}. */
    static int piecesPerPart() {
        return Math.max(0, Integer.getInteger("sheaf.pdf.piecesPerPart", DEFAULT_PIECES_PER_PART));
    }

    /**
     * Index pages to a document: {@value #DEFAULT_INDEX_PAGES_PER_PART}, or the system property
     * {@code sheaf.pdf.indexPagesPerPart} made even.
     */
    static int indexPagesPerPart() {
        int n = Integer.getInteger("sheaf.pdf.indexPagesPerPart", DEFAULT_INDEX_PAGES_PER_PART);
        return Math.max(2, n - n % 2);
    }

    /** Whether {@code book} is laid out in parts: it has more pieces than a part holds, and the stylesheet allows it. */
    static boolean applies(Book book, String css) {
        int n = piecesPerPart();
        return n > 0 && book.pieces().size() > n && !firstPageRule(css).isEmpty();
    }

    /** The stylesheet's {@code @page :right} rule as an {@code @page :first} rule, or empty when there is none. */
    static String firstPageRule(String css) {
        int at = css.indexOf("@page :right");
        int open = at < 0 ? -1 : css.indexOf('{', at);
        if (open < 0) {
            return "";
        }
        int depth = 0;
        for (int i = open; i < css.length(); i++) {
            char ch = css.charAt(i);
            if (ch == '{') {
                depth++;
            } else if (ch == '}' && --depth == 0) {
                return "\n@page :first " + css.substring(open, i + 1) + "\n";
            }
        }
        return "";
    }

    /** Where the pages written by {@link #write} begin in the text, and the pages of the index's anchors. */
    PrintPageBreaks pageBreaks() {
        return pageBreaks;
    }

    /**
     * Lays the book out part by part as {@link #write} does, for its page breaks alone: no page is painted, tagged
     * or written, the index's lines are not measured (the index has no breaks, and the lists before it do not
     * depend on it) and the back matter is laid out once; the front matter is laid out to count its pages. The
     * breaks are those {@link #write} reports.
     */
    void layoutOnly() throws IOException {
        write(null);
    }

    /** Writes the PDF to {@code os}, or only lays the book out ({@link #layoutOnly}) when it is null. */
    void write(OutputStream os) throws IOException {
        boolean painting = os != null;
        device = new PartsOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT, blankPages,
                this::destination);
        float dotsPerMm = ITextRenderer.DEFAULT_DOTS_PER_POINT * 72 / 25.4f;
        KeptFonts faces = new KeptFonts();
        ITextRenderer renderer = new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT,
                ITextRenderer.DEFAULT_DOTS_PER_PIXEL, device,
                new PrintUserAgent(device, ITextRenderer.DEFAULT_DOTS_PER_PIXEL, bookUrl)
                        .cover(VectorCover.of(book, trim)), faces,
                new FittingImages(device, (int) (trim.measure() * dotsPerMm), (int) (trim.imageHeight() * dotsPerMm)),
                faces.measurer());
        Typesetting.prepare(renderer);
        if (painting) {
            listen(renderer);
        }
        Writer w = new Writer(renderer, os);
        try {
            List<Chapter> chapters = book.chapters();
            for (int i = 0; i < chapters.size(); i++) {
                chapter(w, chapters.get(i), i + 1);
            }
            int bodyPages = written;
            if (!painting) {
                // The contents list the back matter's blocks: their pages (digits) can change its length. The index
                // starts where it would with its lines (its heading alone, as PdfRenderer's first layout has it).
                if (index != null) {
                    parts.index(index, List.of());
                }
                int blankBeforeBack = written % 2;
                w.layout(backMatterDocument(true));
                recordBackMatter(w, written + blankBeforeBack, bodyWritten + blankBeforeBack);
                // The lists' pages, as backMatter will find them after the front matter (whose pages are even).
                int folioBase = bodyWritten + blankBeforeBack;
                List<PageBreak> back0 = PageStarts.of(w.renderer, page -> page,
                        page -> Integer.toString(folioBase + page + 1));
                int frontPages = frontMatter(w, bodyPages, blankBeforeBack);
                int pageBase = bodyPages + frontPages + blankBeforeBack;
                back0.forEach(b -> backBreaks.add(new PageBreak(b.unit(), b.container(), b.offset(), b.label(),
                        pageBase + b.page())));
                pageBreaks = pageBreaks(frontPages);
                return;
            }
            List<List<List<PrintIndex.Line>>> indexPages = List.of();
            if (index != null) {
                // Every mention's page is known now: the index's lines are measured and set in columns.
                List<PrintIndex.Line> lines = index.lines(id -> {
                    Target t = anchorTargets.get(id);
                    return t == null ? null : t.folio();
                });
                PrintIndex.Measures measures = PrintIndex.measure(lines, some -> index.measuringDocument(tall, some),
                        xhtml -> {
                            w.layout(xhtml);
                            return w.renderer;
                        });
                indexPages = PrintIndex.pack(lines, measures, columnHeight);
                // Measured with its heading alone: nothing the contents list comes after the index's first page.
                parts.index(index, List.of());
            }
            // The back matter is measured first (the contents list it), written after the front matter.
            int blankBeforeBack = written % 2;
            w.layout(backMatterDocument(true));
            recordBackMatter(w, written + blankBeforeBack, bodyWritten + blankBeforeBack);
            int frontPages = frontMatter(w, bodyPages, blankBeforeBack);
            backMatter(w, indexPages);
            PdfWriter writer = renderer.getWriter();
            // The last page written joins the page tree when the document is closed, after the reordering.
            int inTree = writer.reorderPages(null);
            int[] order = new int[inTree];
            int k = 0;
            for (int i = 0; i < frontPages; i++) {
                order[k++] = bodyPages + i + 1;
            }
            for (int i = 0; i < bodyPages; i++) {
                order[k++] = i + 1;
            }
            for (int i = bodyPages + frontPages; i < inTree; i++) {
                order[k++] = i + 1;
            }
            writer.reorderPages(order);
            pageBreaks = pageBreaks(frontPages);
            outline(writer);
            PdfPageLabels pageLabels = new PdfPageLabels();
            pageLabels.addPageLabel(1, PdfPageLabels.LOWERCASE_ROMAN_NUMERALS);
            pageLabels.addPageLabel(frontPages + 1, PdfPageLabels.DECIMAL_ARABIC_NUMERALS, null, 1);
            writer.setPageLabels(pageLabels);
            renderer.finishPDF();
        } catch (DocumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Fixes the PDF's identity and time, and keeps its page tree flat, as the PDF is opened, written and closed. */
    private void listen(ITextRenderer renderer) {
        FixedOutput fixed = new FixedOutput(language, timestamp, identity(), 0, book.meta().pdfA());
        renderer.setListener(new DefaultPDFCreationListener() {
            @Override
            public void preOpen(ITextRenderer r) {
                fixed.preOpen(r);
                // The front matter is written last and moved to the front, which needs a flat page tree.
                r.getWriter().setLinearPageMode();
            }

            @Override
            public void preWrite(ITextRenderer r, int pageCount) {
                fixed.preWrite(r, pageCount);
            }

            @Override
            public void onClose(ITextRenderer r) {
                fixed.onClose(r);
            }
        });
    }

    /** The breaks found so far, their pages moved behind the {@code frontPages} of the front matter. */
    private PrintPageBreaks pageBreaks(int frontPages) {
        List<PageBreak> moved = new ArrayList<>();
        breaks.forEach(b -> moved.add(new PageBreak(b.unit(), b.container(), b.offset(), b.label(),
                b.page() + frontPages)));
        moved.addAll(backBreaks);
        Map<String, String> anchorPages = new HashMap<>();
        Map<Integer, String> labels = new HashMap<>();
        anchorTargets.forEach((id, t) -> anchorPages.put(id, labels.computeIfAbsent(t.folio(), String::valueOf)));
        return new PrintPageBreaks(moved, anchorPages);
    }

    /** A chapter: its opener with the first pieces, then the other pieces, part by part. */
    private void chapter(Writer w, Chapter c, int number) throws DocumentException {
        List<Piece> pending = c.pieces();
        boolean opener = true;
        while (opener || !pending.isEmpty()) {
            List<Piece> group = pending.subList(0, Math.min(piecesPerPart, pending.size()));
            boolean more = group.size() < pending.size();
            Xml x = new Xml(1 << 20);
            parts.start(x, false);
            if (opener) {
                parts.opener(x, c, number);
            }
            parts.pieces(x, group);
            if (opener) {
                w.toRecto(true);
            }
            Part part = new Part(w, c, opener, group, more);
            w.layout(parts.end(x), part);
            group = part.group;
            int keep = group.size();
            if (more) {
                keep = lastOnRecto(w.pages(), group);
                if (keep == 0 && part.done > 0) {
                    // Laid out whole, the part would have ended where it was cut (its last piece that starts on a
                    // recto): the rest is laid out again with the next part, as it would have been.
                    pending = pending.subList(part.done, pending.size());
                    opener = false;
                    continue;
                }
                if (keep == 0) {
                    keep = group.size();
                }
            }
            writeKept(w, c, part.opener, group, keep);
            if (keep == group.size() && more && written % 2 == 1) {
                // No piece of the part started on a recto (never seen): the next part starts on one.
                w.blank(true);
            }
            pending = pending.subList(part.done + keep, pending.size());
            opener = false;
        }
    }

    /**
     * Records and writes the first {@code keep} pieces of {@code group} (and the chapter's opener with them when
     * {@code opener}) from the document just laid out, whose first page is a recto.
     */
    private void writeKept(Writer w, Chapter c, boolean opener, List<Piece> group, int keep) throws DocumentException {
        if (opener) {
            w.record(PrintDocument.chapterId(c), written, bodyWritten);
        }
        for (Piece p : group.subList(0, keep)) {
            w.record(PrintDocument.pieceId(p), written, bodyWritten);
        }
        int pageCount = keep < group.size() ? w.pages().first(PrintDocument.pieceId(group.get(keep)))
                : w.pageCount();
        int pageBase = written;
        int folioBase = bodyWritten;
        List<PageStarts.Start> starts = PageStarts.starts(w.renderer, page -> pageBase + page,
                page -> page < pageCount ? Integer.toString(folioBase + page + 1) : null);
        starts.forEach(s -> breaks.add(s.pageBreak()));
        List<String> units = new ArrayList<>();
        if (opener) {
            units.add(PrintDocument.chapterId(c));
        }
        group.subList(0, keep).forEach(p -> units.add(PrintDocument.pieceId(p)));
        recordMentions(w, units, starts);
        w.write(pageCount, true);
    }

    /**
     * A part being laid out, which writes its leading pieces as soon as they are final. Each piece starts a page,
     * so a piece is laid out the same in any document that starts it on a page of the same side, and the
     * hyphenation rules' checks of a piece read only its own lines. When a check changes nothing before piece
     * {@code q}, and {@code q} starts on a recto, the pieces before it are final: the part writes them and goes on
     * with {@code q} and the pieces after it alone, from the same check on. Most checks after the first change a
     * word or two somewhere in the part (a word newly hyphenated across a page), and each would have laid the
     * whole part out again.
     */
    private final class Part implements Typesetting.Cut {
        private final Writer w;
        private final Chapter chapter;
        private final boolean more;
        /** Whether the document still holds the chapter's opener, and the pieces it still holds. */
        private boolean opener;
        private List<Piece> group;
        /** Pieces of the part written so far. */
        private int done;

        Part(Writer w, Chapter chapter, boolean opener, List<Piece> group, boolean more) {
            this.w = w;
            this.chapter = chapter;
            this.opener = opener;
            this.group = group;
            this.more = more;
        }

        @Override
        public boolean after(org.w3c.dom.Document doc, org.w3c.dom.Text firstChanged) {
            int changed = pieceOf(firstChanged);
            if (changed <= 0) {
                return false;
            }
            Pages pages = new Pages(w.renderer);
            int q = changed;
            while (q > 0 && pages.first(PrintDocument.pieceId(group.get(q))) % 2 != 0) {
                q--;
            }
            if (q == 0) {
                return false;
            }
            w.pages = pages;
            try {
                writeKept(w, chapter, opener, group, q);
            } catch (DocumentException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            // What stays is the document the part would have been had it begun with piece q.
            if (opener) {
                remove(doc, PrintDocument.chapterId(chapter));
            }
            for (Piece p : group.subList(0, q)) {
                remove(doc, PrintDocument.pieceId(p));
            }
            opener = false;
            group = group.subList(q, group.size());
            done += q;
            return true;
        }

        /** The index in {@link #group} of the piece holding {@code text}, or -1 (the opener). */
        private int pieceOf(org.w3c.dom.Node text) {
            for (org.w3c.dom.Node n = text; n != null; n = n.getParentNode()) {
                if (n instanceof org.w3c.dom.Element e && e.hasAttribute("id")
                        && e.getParentNode() instanceof org.w3c.dom.Element parent
                        && "pieces".equals(parent.getAttribute("class"))) {
                    String id = e.getAttribute("id");
                    for (int i = 0; i < group.size(); i++) {
                        if (PrintDocument.pieceId(group.get(i)).equals(id)) {
                            return i;
                        }
                    }
                    return -1;
                }
            }
            return -1;
        }

        private void remove(org.w3c.dom.Document doc, String id) {
            org.w3c.dom.Element body = (org.w3c.dom.Element) doc.getElementsByTagName("body").item(0);
            for (org.w3c.dom.Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof org.w3c.dom.Element e)) {
                    continue;
                }
                if (id.equals(e.getAttribute("id"))) {
                    body.removeChild(e);
                    return;
                }
                if ("pieces".equals(e.getAttribute("class"))) {
                    for (org.w3c.dom.Node m = e.getFirstChild(); m != null; m = m.getNextSibling()) {
                        if (m instanceof org.w3c.dom.Element piece && id.equals(piece.getAttribute("id"))) {
                            e.removeChild(piece);
                            return;
                        }
                    }
                }
            }
            throw new IllegalStateException("no block " + id + " to take out of the part");
        }
    }

    /**
     * Notes the pages of the index's mentions in {@code units} (of the document just laid out, whose pages begin
     * at {@code starts}), then forgets their places.
     */
    private void recordMentions(Writer w, List<String> units, List<PageStarts.Start> starts) {
        if (index == null) {
            return;
        }
        if (columnHeight < 0) {
            // The part's last page is a page of running text, whose margins the index's pages share.
            columnHeight = PrintIndex.columnHeight(w.renderer, w.pageCount() - 1);
        }
        int pageBase = written;
        int folioBase = bodyWritten;
        float top = MentionPages.pageTop(w.renderer, 0);
        Map<Integer, Target> onPage = new HashMap<>();
        MentionPages mentions = parts.mentions();
        mentions.pages(w.renderer, starts, units, page -> pageBase + page).forEach((id, page) ->
                // Kept by the anchor's own id (the model's string): a dense index has half a million of them.
                anchorTargets.put(id, onPage.computeIfAbsent(page,
                        p -> new Target(p, folioBase + (p - pageBase) + 1, top))));
        mentions.forget(units);
    }

    /** How many pieces of {@code group} to keep: up to the last piece after the first that starts on a recto. */
    private static int lastOnRecto(Pages pages, List<Piece> group) {
        for (int k = group.size() - 1; k > 0; k--) {
            if (pages.first(PrintDocument.pieceId(group.get(k))) % 2 == 0) {
                return k;
            }
        }
        return 0;
    }

    /** The lists, the index as {@link #parts} has it, and the colophon when {@code colophon}. */
    private String backMatterDocument(boolean colophon) {
        Xml x = new Xml(1 << 20);
        parts.start(x, false);
        for (ReferenceList list : PrintDocument.backMatter(book)) {
            parts.backMatter(x, list);
        }
        parts.index(x);
        if (colophon) {
            parts.colophon(x);
        }
        return parts.end(x);
    }

    private void recordBackMatter(Writer w, int pageBase, int folioBase) {
        backIds().forEach(id -> w.record(id, pageBase, folioBase));
    }

    /** The blocks of the back matter that start on a recto: the lists, then the index. */
    private List<String> backIds() {
        List<String> ids = new java.util.ArrayList<>(PrintDocument.backMatter(book).stream()
                .map(PrintDocument::backMatterId).toList());
        if (index != null) {
            ids.add(PrintIndex.ID);
        }
        return ids;
    }

    /**
     * The back matter, laid out again (as when it was measured, now with the index's pages) and written; its
     * lists start on rectos. The index's pages go {@link #indexPagesPerPart} to a document, as the body's
     * pieces go in parts: a dense index has some 150,000 linked numbers, more than a 1 GB heap lays out at once.
     */
    private void backMatter(Writer w, List<List<List<PrintIndex.Line>>> indexPages) throws DocumentException {
        List<String> ids = backIds();
        if (!ids.isEmpty()) {
            w.toRecto(true);
        }
        int perPart = indexPagesPerPart();
        int first = Math.min(indexPages.size(), perPart);
        if (index != null) {
            parts.index(index, indexPages.subList(0, first));
        }
        w.layout(backMatterDocument(first == indexPages.size()));
        recordBackMatter(w, written, bodyWritten);
        // Written after the front matter, so these pages are where they will stay (unlike the body's).
        int pageBase = written;
        int folioBase = bodyWritten;
        backBreaks.addAll(PageStarts.of(w.renderer, page -> pageBase + page,
                page -> Integer.toString(folioBase + page + 1)));
        Map<String, String> rectoStarts = new LinkedHashMap<>();
        for (int i = 1; i < ids.size(); i++) {
            rectoStarts.put(ids.get(i), ids.get(i - 1));
        }
        for (int blank : w.pages().insertedBlanks(rectoStarts)) {
            blankPages.add(written + blank);
        }
        w.write(w.pageCount(), true);
        for (int from = first; from < indexPages.size(); from += perPart) {
            int to = Math.min(indexPages.size(), from + perPart);
            // An even number of index pages, each one page, began on a recto: this document does too, as its
            // first page's style (a recto's) says. Should a page of the index ever run over, a blank keeps it so.
            w.toRecto(true);
            Xml x = new Xml(1 << 20);
            indexMore.start(x, false);
            index.writeMore(x, indexMore, indexPages.subList(from, to));
            if (to == indexPages.size()) {
                indexMore.colophon(x);
            }
            w.layout(indexMore.end(x));
            w.write(w.pageCount(), true);
        }
    }

    /**
     * Cover to contents, with every page number now known; followed by an empty verso when it ends on a
     * recto. Returns the number of pages written.
     */
    private int frontMatter(Writer w, int bodyPages, int blankBeforeBack) throws DocumentException {
        Map<String, Integer> folios = new HashMap<>();
        targets.forEach((id, t) -> folios.put(id, t.folio()));
        Xml x = new Xml(1 << 20);
        front.start(x, false);
        front.frontMatter(x, folios);
        w.layout(parts.end(x));
        int count = w.pageCount();
        int padded = count + count % 2;
        // The back matter will be written after these pages: move its targets there before the contents link to them.
        int shift = bodyPages + padded + blankBeforeBack;
        for (String id : backIds()) {
            Target t = targets.get(id);
            targets.put(id, new Target(shift + t.page() - (bodyPages + blankBeforeBack), t.folio(), t.top()));
        }
        w.record(FrontMatter.CONTENTS_ID, written, 0);
        // Written last, read first: its structure goes before the chapters'.
        device.nextDocumentFirst();
        w.write(count, false);
        if (count % 2 == 1) {
            w.blank(false);
        }
        return padded;
    }

    /** The outline mirrors the printed contents, with the contents page itself first. */
    private void outline(PdfWriter writer) {
        PdfOutline root = writer.getRootOutline();
        new PdfOutline(root, destination(writer, FrontMatter.CONTENTS_ID), labels.get("contents"));
        for (Chapter c : book.chapters()) {
            PdfOutline chapter = new PdfOutline(root, destination(writer, PrintDocument.chapterId(c)), c.title());
            for (Piece p : c.pieces()) {
                new PdfOutline(chapter, destination(writer, PrintDocument.pieceId(p)), p.title());
            }
        }
        for (ReferenceList list : PrintDocument.backMatter(book)) {
            new PdfOutline(root, destination(writer, PrintDocument.backMatterId(list)), PrintDocument.title(list, labels));
        }
        if (index != null) {
            new PdfOutline(root, destination(writer, PrintIndex.ID), index.title());
        }
    }

    /**
     * Where {@code id} is, by its page in writing order (the page reference follows the page when it is moved),
     * or null when it is not (yet) known.
     */
    private PdfDestination destination(PdfWriter writer, String id) {
        Target t = id.startsWith(PrintIndex.LINK) ? anchorTargets.get(id.substring(PrintIndex.LINK.length()))
                : targets.get(id);
        if (t == null) {
            return null;
        }
        PdfDestination d = new PdfDestination(PdfDestination.XYZ, 0, t.top(), 0);
        d.addPage(writer.getPageReference(t.page() + 1));
        return d;
    }

    /** The digest of every part of the document, for the PDF's /ID and font subset tags. */
    private byte[] identity() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            Xml x = new Xml(1 << 16);
            front.start(x, true);
            front.frontMatter(x, null);
            md.update(x.toString().getBytes(StandardCharsets.UTF_8));
            List<Chapter> chapters = book.chapters();
            for (int i = 0; i < chapters.size(); i++) {
                x = new Xml(1 << 16);
                parts.opener(x, chapters.get(i), i + 1);
                md.update(x.toString().getBytes(StandardCharsets.UTF_8));
                for (Piece p : chapters.get(i).pieces()) {
                    x = new Xml(1 << 16);
                    parts.piece(x, p);
                    md.update(x.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
            x = new Xml(1 << 16);
            for (ReferenceList list : PrintDocument.backMatter(book)) {
                parts.backMatter(x, list);
            }
            parts.colophon(x);
            md.update(x.toString().getBytes(StandardCharsets.UTF_8));
            return FixedOutput.sha256(book.meta().identifier(), md.digest(), 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lays out one document after another and appends their pages to the PDF. */
    private final class Writer {
        private final ITextRenderer renderer;
        private final OutputStream os;
        private boolean started;
        private Pages pages;

        Writer(ITextRenderer renderer, OutputStream os) {
            this.renderer = renderer;
            this.os = os;
        }

        void layout(String xhtml) {
            layout(xhtml, null);
        }

        /** Lays out {@code xhtml}, letting {@code cut} (or null) write what is final before each layout again. */
        void layout(String xhtml, Typesetting.Cut cut) {
            Typesetting.layout(renderer, xhtml, bookUrl, book.meta().hyphenate(), Typesetting.PASSES, null, cut, null);
            pages = new Pages(renderer);
        }

        Pages pages() {
            return pages;
        }

        int pageCount() {
            return renderer.getRootBox().getLayer().getPages().size();
        }

        /**
         * Notes where block {@code id} of the document just laid out will be: {@code pageBase} is the page (in
         * writing order) and {@code folioBase} the folio before the document's first page.
         */
        void record(String id, int pageBase, int folioBase) {
            int page = pages.first(id);
            PageBox pageBox = renderer.getRootBox().getLayer().getPages().get(page);
            Box box = renderer.getSharedContext().getBoxById(id);
            CssContext c = renderer.getSharedContext().newLayoutContextInstance(new ITextFontContext());
            float dpp = ITextRenderer.DEFAULT_DOTS_PER_POINT;
            int fromTop = pageBox.getMarginBorderPadding(c, CalculatedStyle.Edge.TOP)
                    + box.getAbsY() + (int) box.getMargin(c).top() - pageBox.getTop();
            targets.put(id, new Target(pageBase + page, folioBase + page + 1,
                    pageBox.getHeight(c) / dpp - fromTop / dpp));
        }

        /**
         * Writes the first {@code count} pages of the document just laid out. Body folios continue from the
         * body's last page; the front matter counts from 1.
         */
        void write(int count, boolean body) throws DocumentException {
            List<PageBox> list = renderer.getRootBox().getLayer().getPages();
            while (list.size() > count) {
                renderer.getRootBox().getLayer().removeLastPage();
            }
            int firstFolio = body ? bodyWritten + 1 : written - bodyWritten + 1;
            if (os == null) {
                // Laid out for the page breaks only: the pages are counted, not painted.
            } else if (!started) {
                renderer.createPDF(os, false, firstFolio);
                started = true;
            } else {
                renderer.writeNextDocument(firstFolio);
            }
            written += count;
            if (body) {
                bodyWritten += count;
            }
            pagesDone.accept(written);
        }

        /** Puts in an empty page when the next page would be a verso. */
        void toRecto(boolean body) throws DocumentException {
            if (written % 2 == 1) {
                blank(body);
            }
        }

        /** An empty page (no head, no folio), as Flying Saucer puts in before a block that starts on a recto. */
        void blank(boolean body) throws DocumentException {
            Xml x = new Xml();
            parts.start(x, false);
            x.element("div", "\u00a0", "class", "blank-page").nl();
            layout(parts.end(x));
            blankPages.add(written);
            write(1, body);
        }
    }
}
