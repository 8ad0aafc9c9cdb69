package dev.sheaf.render.pdf;

import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfWriter;
import dev.sheaf.render.pdf.tagging.TaggingOutputDevice;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.JustificationInfo;
import org.xhtmlrenderer.render.RenderingContext;

import java.util.Set;

/**
 * Flying Saucer's output device for a PDF made of several documents ({@link PdfParts}): no text on the empty
 * versos before blocks that start on a recto (as {@link PrintOutputDevice}), no outline per document (the book's
 * is written at the end), and links to blocks laid out in another document.
 */
final class PartsOutputDevice extends TaggingOutputDevice {

    /** Where a block of another document is, or null when it is not known. */
    @FunctionalInterface
    interface Destinations {
        PdfDestination of(PdfWriter writer, String id);
    }

    private final Set<Integer> blankPages;
    private final Destinations destinations;
    private final boolean ownOutline;
    private int page = -1;
    private org.xhtmlrenderer.render.FSFont font;

    /**
     * @param blankPages   pages (0-based, in writing order) to leave without text; read as pages are written
     * @param destinations where links to blocks of other documents lead
     */
    PartsOutputDevice(float dotsPerPoint, Set<Integer> blankPages, Destinations destinations) {
        this(dotsPerPoint, blankPages, destinations, false);
    }

    /**
     * @param ownOutline write the outline of the document's {@code <bookmarks>} (a book laid out in one
     *                   document whose links lead to places Flying Saucer cannot find, such as the index's)
     */
    PartsOutputDevice(float dotsPerPoint, Set<Integer> blankPages, Destinations destinations, boolean ownOutline) {
        super(dotsPerPoint);
        this.blankPages = blankPages;
        this.destinations = destinations;
        this.ownOutline = ownOutline;
    }

    @Override
    public void initializePage(PdfContentByte currentPage, float height) {
        page++;
        super.initializePage(currentPage, height);
    }

    @Override
    public void setFont(org.xhtmlrenderer.render.FSFont newFont) {
        this.font = newFont;
        super.setFont(newFont);
    }

    @Override
    public void drawString(String s, float x, float y, JustificationInfo info) {
        if (!blankPages.contains(page)) {
            SoftHyphens.Drawn drawn = SoftHyphens.drawn(s, info, baseFont());
            DrawnPieces.draw(this, font, drawn.text(), x, drawn.info(), DrawnPieces.kerns(font, s), (t, at, i) -> super.drawString(t, at, y, i));
        }
    }

    /** The cover as vector shapes (see {@link VectorCover}), any other picture as it is. */
    @Override
    protected void drawPicture(org.xhtmlrenderer.extend.FSImage image, int x, int y) {
        if (!VectorCover.painted(image, getCurrentPage())) {
            super.drawPicture(image, x, y);
        }
    }

    @Override
    public void finish(RenderingContext c, Box root) {
        // The outline of the whole book is written once every part has been laid out.
        if (ownOutline) {
            super.finish(c, root);
        }
    }

    @Override
    protected PdfDestination destinationElsewhere(PdfWriter writer, String id) {
        return destinations.of(writer, id);
    }

    /** The font strings are drawn in now. */
    private com.lowagie.text.pdf.BaseFont baseFont() {
        return font instanceof org.xhtmlrenderer.pdf.ITextFSFont f ? f.getFontDescription().getFont() : null;
    }
}
