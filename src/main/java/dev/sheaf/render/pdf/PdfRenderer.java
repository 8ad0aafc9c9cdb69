package dev.sheaf.render.pdf;

import dev.sheaf.buildcache.BuildCache;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.Book;
import dev.sheaf.model.SourceRef;
import dev.sheaf.render.LongDates;
import dev.sheaf.render.OutputSink;
import dev.sheaf.render.RenderContext;
import dev.sheaf.render.Renderer;
import dev.sheaf.render.cover.Covers;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfWriter;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;

import dev.sheaf.diag.Diagnostics;
import dev.sheaf.render.pagelist.PrintLayouts;
import dev.sheaf.render.pagelist.PrintPageBreaks;
import dev.sheaf.model.PrintPageNumbers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The print edition: one PDF at the book's trim size, laid out by Flying Saucer from {@link PrintDocument}
 * and the stylesheet {@code print.css}, written by OpenPDF with fonts embedded as subsets.
 *
 * <p>The whole book is laid out at once. Where Flying Saucer inserted an empty verso before a chapter
 * opener, {@link PrintOutputDevice} keeps the running head and folio it would inherit off the page.
 */
public final class PdfRenderer implements Renderer {

    /** The format's id. */
    public static final String ID = "pdf";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "PDF edition for print and screen";
    }

    @Override
    public boolean laidOutForPrint() {
        return true;
    }

    @Override
    public boolean showsCover() {
        return true;
    }

    /** Begins the colophon's date (the language's CLDR data). */
    @Override
    public void begin(Book preview, BuildCache cache) {
        LongDates.begin(preview.meta().locale());
    }

    @Override
    public void render(Book drawn, RenderContext ctx, OutputSink out) throws IOException {
        PrintPageBreaks breaks;
        try (OutputStream os = out.create(ctx.baseName() + ".pdf")) {
            breaks = write(drawn, ctx, os);
        }
        ctx.layouts().remember(drawn, breaks);
    }

    /**
     * Where the pages of the PDF edition of {@code book} begin in its pieces and chapter openers, and the page of
     * every index anchor, for the editions that print these page numbers (the EPUB's page list, the site's
     * margins), as book.yaml's {@code print-page-numbers} asks:
     * <ul>
     *   <li>{@code never}: none;</li>
     *   <li>when the PDF edition was written for this very {@code book} object in this build: its breaks;</li>
     *   <li>{@code auto} (the default), when the build does not make the PDF edition: none, so that an EPUB or a
     *       site alone costs no print layout;</li>
     *   <li>in the quick step of a build, which writes the EPUB and the site before the PDF: the breaks of the
     *       latest layout of the session, minus those of units changed since (see {@link PrintLayouts#earlier});
     *       the full build that follows writes the exact ones;</li>
     *   <li>otherwise ({@code always} without the PDF edition) the book is laid out as the PDF edition would be,
     *       without painting or writing a page ({@link #layoutOnly}).</li>
     * </ul>
     * The PDF edition's warnings are not repeated; when the book cannot be laid out, there are no page breaks
     * (and the PDF edition, when it is built, reports why).
     */
    public static PrintPageBreaks pageBreaks(Book book, RenderContext ctx) {
        PrintPageNumbers setting = book.meta().printPageNumbers();
        if (setting == PrintPageNumbers.NEVER) {
            return PrintPageBreaks.NONE;
        }
        PrintPageBreaks made = ctx.layouts().of(book);
        if (made != null) {
            return made;
        }
        if (setting == PrintPageNumbers.AUTO && !ctx.builds(ID)) {
            return PrintPageBreaks.NONE;
        }
        if (ctx.quickStep()) {
            return ctx.layouts().earlier(book);
        }
        PrintPageBreaks breaks;
        try {
            breaks = layoutOnly(book, ctx.reportingTo(new Diagnostics()));
        } catch (IOException | RuntimeException e) {
            // The other editions do without page numbers; the PDF edition, when asked for, reports the problem.
            breaks = PrintPageBreaks.NONE;
        }
        ctx.layouts().remember(book, breaks);
        return breaks;
    }

    /** The page breaks of {@code book}'s PDF edition, from a layout that writes nothing. */
    static PrintPageBreaks layoutOnly(Book book, RenderContext ctx) throws IOException {
        return write(book, ctx, null);
    }

    /**
     * Lays out {@code drawn} and writes it to {@code os}, or only lays it out when {@code os} is null: then nothing
     * is painted or tagged, and what comes after the last page break (the index's lines) is not measured.
     */
    static PrintPageBreaks write(Book drawn, RenderContext ctx, OutputStream os) throws IOException {
        Book book = PrintImages.drawable(drawn);
        TextScan text = TextScan.of(book);
        PrintFonts fonts = PrintFonts.of(book, text.all(ctx.labels()));
        reportUnprintable(ctx, fonts, text);
        TrimSize trim = TrimSize.of(book.meta().trim());
        // an SVG cover drawn once per build (or taken from an earlier one) for the PDF, the EPUB and the site
        byte[] cover = Covers.raster(book, ctx.cache());
        // An SVG cover is laid out as a pixel and painted as vector shapes (see VectorCover).
        String coverUrl = Covers.isSvg(book) ? VectorCover.URI
                : book.meta().cover() != null ? BookPaths.href(book.meta().cover())
                : "data:image/png;base64," + Base64.getEncoder().encodeToString(cover);
        reportSmallCover(book, ctx, cover, TrimSize.of(book.meta().trim()));
        String css = PrintStyle.css(trim, fonts);
        if (PdfParts.applies(book, css)) {
            // A large book is laid out part by part, which keeps memory bounded (see PdfParts).
            PdfParts parts = new PdfParts(book, ctx.labels(), css, coverUrl, CoverFit.of(cover, trim), fonts, trim,
                    book.meta().language(), ctx.timestamp(), pages -> { });
            if (os != null) {
                parts.write(os);
            } else {
                parts.layoutOnly();
            }
            return parts.pageBreaks();
        }
        PrintDocument doc = new PrintDocument(book, ctx.labels(), css, coverUrl, CoverFit.of(cover, trim), fonts);
        String bookUrl = book.root().toUri().toString();
        // The faces are parsed once for the layouts below (see KeptFonts).
        KeptFonts faces = new KeptFonts();
        Typesetting.Corrections counted = null;
        if (PrintIndex.applies(book) && os == null) {
            // The body's pages are the same with the index's heading alone (see indexPages): no need to measure it.
            doc.index(new PrintIndex(book, ctx.labels(), trim), List.of());
        } else if (PrintIndex.applies(book)) {
            counted = indexPages(book, ctx, doc, css, trim, bookUrl, coverUrl, CoverFit.of(cover, trim), fonts, faces);
        }
        String xhtml = doc.render();
        Set<Integer> blanks = new HashSet<>();
        // The page of every mention, for the links from the index's numbers (see MentionPages).
        Map<String, Integer> anchors = new HashMap<>();
        float[] pageTop = {0};
        // With an index, the device links its numbers to the anchors (see PrintIndex); without, Flying Saucer's own.
        ITextOutputDevice device = PrintIndex.applies(book)
                ? new PartsOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT, blanks,
                        (writer, id) -> destination(writer, anchors, pageTop[0], id), true)
                : new PrintOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT);
        ITextRenderer renderer = renderer(device, trim, bookUrl, faces, VectorCover.of(book, trim));
        // the body as the layout that counted the index's pages left it (see Typesetting.Corrections)
        Typesetting.layout(renderer, xhtml, bookUrl, book.meta().hyphenate(), counted);
        Pages pages = new Pages(renderer);
        Set<Integer> inserted = pages.insertedBlanks(doc.rectoStarts());
        if (device instanceof PrintOutputDevice print) {
            print.blankPages(inserted);
        } else {
            blanks.addAll(inserted);
        }
        int firstBody = pages.first(doc.firstBodyId());
        List<PageStarts.Start> starts = PageStarts.starts(renderer, page -> page,
                page -> page >= firstBody ? Integer.toString(page - firstBody + 1) : null);
        anchors.putAll(doc.mentions().pages(renderer, starts, doc.mentions().units(), page -> page));
        pageTop[0] = MentionPages.pageTop(renderer, firstBody);
        Map<String, String> anchorPages = new HashMap<>();
        anchors.forEach((id, page) -> {
            if (page >= firstBody) {
                anchorPages.put(id, Integer.toString(page - firstBody + 1));
            }
        });
        PrintPageBreaks breaks = new PrintPageBreaks(starts.stream().map(PageStarts.Start::pageBreak).toList(),
                anchorPages);
        if (os == null) {
            return breaks;
        }
        byte[] identity = FixedOutput.sha256(book.meta().identifier(), xhtml.getBytes(StandardCharsets.UTF_8), 32);
        renderer.setListener(new FixedOutput(book.meta().language(), ctx.timestamp(), identity,
                firstBody, book.meta().pdfA()));
        renderer.createPDF(os);
        return breaks;
    }

    private static ITextRenderer renderer(ITextOutputDevice device, TrimSize trim, String bookUrl, KeptFonts faces) {
        return renderer(device, trim, bookUrl, faces, null);
    }

    /** A renderer whose layout paints {@code cover} (null: none, or not painted) as vector shapes. */
    private static ITextRenderer renderer(ITextOutputDevice device, TrimSize trim, String bookUrl, KeptFonts faces,
                                          VectorCover cover) {
        float dotsPerMm = ITextRenderer.DEFAULT_DOTS_PER_POINT * 72 / 25.4f;
        return Typesetting.prepare(new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT,
                ITextRenderer.DEFAULT_DOTS_PER_PIXEL, device,
                new PrintUserAgent(device, ITextRenderer.DEFAULT_DOTS_PER_PIXEL, bookUrl).cover(cover), faces,
                new FittingImages(device, (int) (trim.measure() * dotsPerMm), (int) (trim.imageHeight() * dotsPerMm)),
                faces.measurer()));
    }

    /**
     * Sets the index into {@code doc}: the book is laid out once with the index's heading alone (which takes
     * the same place in the contents), the page of every mention read off that layout, which is then
     * dropped; the index's lines are measured and packed into two columns. The body's pages cannot change
     * when the index is filled in, since nothing before it depends on it. Returns the hyphenation rules'
     * corrections to the body, which the layout with the index filled in starts from.
     */
    private static Typesetting.Corrections indexPages(Book book, RenderContext ctx, PrintDocument doc, String css, TrimSize trim,
                                   String bookUrl, String coverUrl, CoverFit coverFit, PrintFonts families,
                                   KeptFonts faces) {
        PrintIndex index = new PrintIndex(book, ctx.labels(), trim);
        doc.index(index, List.of());
        Map<String, Integer> folios = new HashMap<>();
        int columnHeight;
        Typesetting.Corrections counted;
        {
            PrintOutputDevice device = new PrintOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT);
            ITextRenderer counting = renderer(device, trim, bookUrl, faces);
            counted = Typesetting.layout(counting, doc.render(), bookUrl, book.meta().hyphenate());
            int firstBody = new Pages(counting).first(doc.firstBodyId());
            List<PageStarts.Start> starts = PageStarts.starts(counting, page -> page,
                    page -> page >= firstBody ? Integer.toString(page - firstBody + 1) : null);
            doc.mentions().pages(counting, starts, doc.mentions().units(), page -> page)
                    .forEach((id, page) -> folios.put(id, page - firstBody + 1));
            columnHeight = PrintIndex.columnHeight(counting, new Pages(counting).first(PrintIndex.ID));
        }
        List<PrintIndex.Line> lines = index.lines(folios);
        PrintDocument tall = new PrintDocument(book, ctx.labels(), css + PrintIndex.tallPage(trim, book), coverUrl, coverFit,
                families);
        ITextRenderer measuring = renderer(new PrintOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT), trim, bookUrl,
                faces);
        PrintIndex.Measures measures = PrintIndex.measure(lines, some -> index.measuringDocument(tall, some), xhtml -> {
            Typesetting.layout(measuring, xhtml, bookUrl, book.meta().hyphenate());
            return measuring;
        });
        doc.index(index, PrintIndex.pack(lines, measures, columnHeight));
        return counted;
    }

    /** Where an index number leads: the top of the page of the mention. */
    private static PdfDestination destination(PdfWriter writer, Map<String, Integer> anchors, float pageTop,
                                              String id) {
        if (!id.startsWith(PrintIndex.LINK)) {
            return null;
        }
        Integer page = anchors.get(id.substring(PrintIndex.LINK.length()));
        if (page == null) {
            return null;
        }
        PdfDestination d = new PdfDestination(PdfDestination.XYZ, 0, pageTop, 0);
        d.addPage(writer.getPageReference(page + 1));
        return d;
    }

    /** A JPEG or PNG cover that would print at less than 300 dpi on the trim gets a warning. */
    private static void reportSmallCover(Book book, RenderContext ctx, byte[] raster, TrimSize trim) {
        if (book.meta().cover() == null || Covers.isSvg(book)) {
            return;
        }
        int[] px = pixels(raster);
        int needW = (int) Math.ceil(trim.width / 25.4 * 300);
        int needH = (int) Math.ceil(trim.height / 25.4 * 300);
        if (px != null && (px[0] < needW || px[1] < needH)) {
            ctx.diagnostics().report(MessageId.COVER_001, SourceRef.of(Path.of("book.yaml")),
                    book.meta().cover().toString().replace('\\', '/'), px[0] + " \u00d7 " + px[1],
                    needW + " \u00d7 " + needH, book.meta().trim());
        }
    }

    private static int[] pixels(byte[] image) {
        try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(
                new java.io.ByteArrayInputStream(image))) {
            var readers = javax.imageio.ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            var reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Flying Saucer drops characters its fonts lack without a word; tell the author which ones, and in which
     * piece, so that a name never vanishes unnoticed.
     */
    private static void reportUnprintable(RenderContext ctx, PrintFonts fonts, TextScan text) {
        Map<SourceRef, String> found = new LinkedHashMap<>();
        text.byPiece().forEach((p, s) -> found.put(p.source(), fonts.unprintable(s)));
        found.put(SourceRef.of(Path.of("book.yaml")), fonts.unprintable(text.bookText()));
        found.forEach((where, missing) -> {
            if (!missing.isEmpty()) {
                ctx.diagnostics().report(MessageId.OUT_004, where, missing, fonts.body());
            }
        });
    }
}
