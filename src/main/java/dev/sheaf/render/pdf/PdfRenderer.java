package dev.sheaf.render.pdf;

import dev.sheaf.diag.MessageId;
import dev.sheaf.model.Book;
import dev.sheaf.model.SourceRef;
import dev.sheaf.render.OutputSink;
import dev.sheaf.render.RenderContext;
import dev.sheaf.render.Renderer;
import dev.sheaf.render.cover.TypographicCover;
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.ITextTextRenderer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
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

    @Override
    public String id() {
        return "pdf";
    }

    @Override
    public String description() {
        return "PDF edition for print and screen";
    }

    @Override
    public void render(Book drawn, RenderContext ctx, OutputSink out) throws IOException {
        Book book = PrintImages.drawable(drawn);
        TextScan text = TextScan.of(book);
        PrintFonts fonts = PrintFonts.of(book, text.all(ctx.labels()));
        reportUnprintable(ctx, fonts, text);
        TrimSize trim = TrimSize.of(book.meta().trim());
        byte[] cover = book.meta().cover() != null ? Files.readAllBytes(book.root().resolve(book.meta().cover()))
                : TypographicCover.png(book);
        String coverUrl = book.meta().cover() != null ? BookPaths.href(book.meta().cover())
                : "data:image/png;base64," + Base64.getEncoder().encodeToString(cover);
        String css = PrintStyle.css(trim, fonts);
        if (PdfParts.applies(book, css)) {
            // A large book is laid out part by part, which keeps memory bounded (see PdfParts).
            try (OutputStream os = out.create(ctx.baseName() + ".pdf")) {
                new PdfParts(book, ctx.labels(), css, coverUrl, CoverFit.of(cover, trim), fonts, trim,
                        book.meta().language(), ctx.timestamp(), pages -> { }).write(os);
            }
            return;
        }
        PrintDocument doc = new PrintDocument(book, ctx.labels(), css, coverUrl, CoverFit.of(cover, trim), fonts);
        String xhtml = doc.render();
        String bookUrl = book.root().toUri().toString();
        PrintOutputDevice device = new PrintOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT);
        float dotsPerMm = ITextRenderer.DEFAULT_DOTS_PER_POINT * 72 / 25.4f;
        ITextRenderer renderer = new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT,
                ITextRenderer.DEFAULT_DOTS_PER_PIXEL, device,
                new PrintUserAgent(device, ITextRenderer.DEFAULT_DOTS_PER_PIXEL, bookUrl), new ITextFontResolver(),
                new FittingImages(device, (int) (trim.measure() * dotsPerMm), (int) (trim.imageHeight() * dotsPerMm)),
                new ITextTextRenderer());
        renderer.setDocumentFromString(xhtml, bookUrl);
        renderer.layout();
        Pages pages = new Pages(renderer);
        device.blankPages(pages.insertedBlanks(doc.rectoStarts()));
        byte[] identity = FixedOutput.sha256(book.meta().identifier(), xhtml.getBytes(StandardCharsets.UTF_8), 32);
        renderer.setListener(new FixedOutput(book.meta().language(), ctx.timestamp(), identity,
                pages.first(doc.firstBodyId())));
        try (OutputStream os = out.create(ctx.baseName() + ".pdf")) {
            renderer.createPDF(os);
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
