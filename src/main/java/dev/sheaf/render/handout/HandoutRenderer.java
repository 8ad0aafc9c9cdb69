package dev.sheaf.render.handout;

import dev.sheaf.buildcache.CacheKey;
import dev.sheaf.buildcache.Reuse;
import dev.sheaf.render.cover.Covers;
import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.MessageId;
import dev.sheaf.diag.Severity;
import dev.sheaf.model.Book;
import dev.sheaf.model.BookIndex;
import dev.sheaf.model.Handout;
import dev.sheaf.model.Piece;
import dev.sheaf.render.OutputSink;
import dev.sheaf.render.RenderContext;
import dev.sheaf.render.Renderer;
import dev.sheaf.render.pdf.PrintKit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Handouts for events ({@code handouts:} in book.yaml): each one a PDF, {@code handouts/<name>.pdf}, holding
 * a cover sheet, some of the book's pieces as the PDF edition prints them, and their sources. Laid out by
 * the PDF edition's engine ({@link PrintKit}) on A4 or Letter pages ({@code sheets}), or on A5 or half-letter
 * pages that {@link Booklet} imposes two-up on landscape sheets for a folded, saddle-stitched booklet.
 * A book without handouts gets no files.
 */
public final class HandoutRenderer implements Renderer {

    @Override
    public boolean laidOutForPrint() {
        return true;
    }

    /** Handouts need no other edition's layout, and lay out with a {@link PrintKit} of their own. */
    @Override
    public boolean runsBeside() {
        return true;
    }

    @Override
    public String id() {
        return "handouts";
    }

    @Override
    public String description() {
        return "printable handouts for events (A4/Letter sheets or folded A5 booklets), as book.yaml declares them";
    }

    @Override
    public void render(Book drawn, RenderContext ctx, OutputSink out) throws IOException {
        List<Handout> handouts = drawn.meta().handouts();
        if (handouts == null || handouts.isEmpty()) {
            return;
        }
        Book book = dev.sheaf.render.pdf.PrintImages.drawable(drawn);
        Map<String, Piece> byId = new LinkedHashMap<>();
        book.pieces().forEach(p -> byId.putIfAbsent(p.id(), p));
        PrintKit kit = new PrintKit(book, ctx.labels());
        HandoutSources sources = HandoutSources.of(book, ctx.labels());
        byte[] thumbnail = Covers.thumbnail(book, HandoutDocument.THUMBNAIL_PX);
        int total = 0;
        int reused = 0;
        for (Handout h : handouts) {
            List<Piece> pieces = h.pieceIds().stream().map(byId::get).filter(Objects::nonNull).toList();
            if (pieces.isEmpty()) {
                continue;
            }
            Made made = make(book, ctx, kit, h, pieces, sources, thumbnail);
            total++;
            reused += made.reused() ? 1 : 0;
            try (OutputStream os = out.create("handouts/" + h.name() + ".pdf")) {
                os.write(made.pdf());
            }
        }
        if (total > 0) {
            ctx.cache().count(new Reuse("handouts", "handouts", "laid out", total, reused));
        }
    }

    /** A handout's PDF, and whether it came from an earlier build. */
    private record Made(byte[] pdf, boolean reused) { }

    /**
     * One handout, from the build cache when an earlier build into the same folder made it from the same inputs
     * ({@link HandoutKey}), else laid out and kept there.
     */
    private static Made make(Book book, RenderContext ctx, PrintKit kit, Handout h, List<Piece> pieces,
                             HandoutSources sources, byte[] thumbnail) throws IOException {
        HandoutFormat format = HandoutFormat.of(h);
        String link = h.link() == null || h.link().isBlank() ? null : h.link().strip();
        QrCode qr = link == null ? null : qrCode(h, link, ctx);
        BookIndex own = h.index()
                ? book.index().forPieces(pieces.stream().map(Piece::id).collect(Collectors.toSet())) : null;
        PrintKit.IndexPages index = own != null && own.present() ? kit.index(own, ctx.labels(), format.page()) : null;
        HandoutDocument doc = new HandoutDocument(book, h, pieces, sources.entries(pieces), ctx.labels(), kit,
                format.page(), link, qr, index, thumbnail);
        String document = doc.render(0);
        Optional<CacheKey> key = ctx.cache().enabled()
                ? HandoutKey.of(book, format, document, index == null ? null : own, ctx.timestamp(), thumbnail, pieces)
                : Optional.empty();
        Optional<byte[]> earlier = key.flatMap(ctx.cache()::get);
        if (earlier.isPresent()) {
            return new Made(earlier.get(), true);
        }
        byte[] pdf = render(book, ctx, kit, format, doc, document, index);
        key.ifPresent(k -> ctx.cache().put(k, pdf));
        return new Made(pdf, false);
    }

    /**
     * One handout. With an index, the handout is laid out once with the index's heading alone, which is where
     * the page of every mention is read; nothing before the index changes when its columns are filled in. A
     * booklet gets blank pages before its sources, so that its page count is a multiple of four and every folio
     * is still the page's place in the booklet ({@link BookletBlanks}): set when the hyphenation has the document
     * laid out again anyway, or, with an index, from the pages its columns were packed into; laid out once more
     * only when those were not the pages the layout came to.
     */
    private static byte[] render(Book book, RenderContext ctx, PrintKit kit, HandoutFormat format,
                                 HandoutDocument doc, String document, PrintKit.IndexPages index) throws IOException {
        BookletBlanks blanks = format.booklet() ? new BookletBlanks(doc) : null;
        // With an index, the pages counted before its columns are filled in are not the handout's.
        PrintKit.Layout layout = kit.layout(document, format.page(), index, index == null ? blanks : null);
        if (index != null) {
            index.number(layout, doc::measuring);
            layout = blanks == null ? layout.again(doc.render(0), index)
                    : layout.again(blanks.render(blanks.needed(layout.pages() - 1 + index.pages())), index, blanks);
        }
        int needed = blanks == null ? 0 : blanks.needed(layout.pages());
        if (blanks != null && needed != blanks.blanks()) {
            layout = layout.again(blanks.render(needed), index);
        }
        ByteArrayOutputStream pages = new ByteArrayOutputStream(1 << 18);
        layout.write(pages, ctx.timestamp());
        if (!format.booklet()) {
            return pages.toByteArray();
        }
        return Booklet.impose(pages.toByteArray(), format.sheetWidth(), format.sheetHeight(),
                book.meta().language(), ctx.timestamp(), book.meta().pdfA());
    }

    /** The link as a QR code; an address too long for one is printed as text only, with a warning. */
    private static QrCode qrCode(Handout h, String link, RenderContext ctx) {
        try {
            return QrCode.of(link);
        } catch (IllegalArgumentException e) {
            ctx.diagnostics().add(new Diagnostic(MessageId.BOOK_004, Severity.WARNING, h.source(),
                    "book.yaml field \"link\" of handout \"" + h.name() + "\" is too long for a QR code ("
                            + link.length() + " characters)",
                    "the cover sheet prints the address as text only; give a shorter one"));
            return null;
        }
    }
}
