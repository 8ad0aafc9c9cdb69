package dev.sheaf.render.pdf;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import dev.sheaf.render.pdf.tagging.TaggingOutputDevice;
import org.xhtmlrenderer.render.FSFont;
import org.xhtmlrenderer.render.JustificationInfo;

import java.util.Set;

/**
 * Writes no text on the pages given to {@link #blankPages}. Those are the empty versos Flying Saucer inserts
 * for {@code page-break-before: right}: they take the previous page's name and so its running head and
 * folio, which a book leaves off a blank page. Silencing them while painting spares a second layout with
 * a named blank page put in by hand.
 *
 * <p>It also writes text in the pieces {@link DrawnPieces} describes: characters outside the Basic Multilingual
 * Plane whole in justified lines, format characters invisibly.
 */
final class PrintOutputDevice extends TaggingOutputDevice {

    private Set<Integer> blankPages = Set.of();
    private int page = -1;
    private FSFont font;
    private dev.sheaf.model.Book coverBook;
    private java.nio.file.Path coverSvg;
    private float coverWidth;
    private float coverHeight;

    PrintOutputDevice(float dotsPerPoint) {
        super(dotsPerPoint);
    }

    /** 0-based indexes of the pages to leave empty. */
    void blankPages(Set<Integer> pages) {
        this.blankPages = Set.copyOf(pages);
    }

    @Override
    public void initializePage(PdfContentByte currentPage, float height) {
        page++;
        super.initializePage(currentPage, height);
    }

    @Override
    public void setFont(FSFont font) {
        this.font = font;
        super.setFont(font);
    }

    /** Text as drawn (see {@link SoftHyphens#drawn}), in the pieces {@link DrawnPieces} needs. */
    @Override
    public void drawString(String text, float x, float y, JustificationInfo justification) {
        if (blankPages.contains(page)) {
            return;
        }
        SoftHyphens.Drawn drawn = SoftHyphens.drawn(text, justification, baseFont());
        DrawnPieces.draw(this, font, drawn.text(), x, drawn.info(), DrawnPieces.kerns(font, text), (s, at, info) -> super.drawString(s, at, y, info));
    }

    /** The font strings are drawn in now. */
    private BaseFont baseFont() {
        return font instanceof org.xhtmlrenderer.pdf.ITextFSFont f ? f.getFontDescription().getFont() : null;
    }

    /**
     * Draws the cover page from {@code svg} as vector shapes instead of the picture laid out for it;
     * {@code width} and {@code height} are the page's, in points.
     */
    void vectorCover(dev.sheaf.model.Book book, java.nio.file.Path svg, float width, float height) {
        this.coverBook = book;
        this.coverSvg = svg;
        this.coverWidth = width;
        this.coverHeight = height;
    }

    @Override
    public void drawImage(org.xhtmlrenderer.extend.FSImage image, int x, int y) {
        if (coverSvg == null || page != 0) {
            super.drawImage(image, x, y);
            return;
        }
        PdfContentByte cb = getCurrentPage();
        cb.saveState();
        java.awt.Graphics2D g = cb.createGraphicsShapes(coverWidth, coverHeight);
        try {
            dev.sheaf.render.cover.SvgCover.paint(coverBook, coverSvg, g, coverWidth, coverHeight);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            g.dispose();
            cb.restoreState();
        }
    }
}
