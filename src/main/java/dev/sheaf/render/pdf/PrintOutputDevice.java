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

    /** The cover as vector shapes (see {@link VectorCover}), any other picture as it is. */
    @Override
    protected void drawPicture(org.xhtmlrenderer.extend.FSImage image, int x, int y) {
        if (!VectorCover.painted(image, getCurrentPage())) {
            super.drawPicture(image, x, y);
        }
    }
}
