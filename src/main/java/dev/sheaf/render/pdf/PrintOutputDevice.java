package dev.sheaf.render.pdf;

import com.lowagie.text.pdf.PdfContentByte;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.render.JustificationInfo;

import java.util.Set;

/**
 * Writes no text on the pages given to {@link #blankPages}. Those are the empty versos Flying Saucer inserts
 * for {@code page-break-before: right}: they take the previous page's name and so its running head and
 * folio, which a book leaves off a blank page. Silencing them while painting spares a second layout with
 * a named blank page put in by hand.
 */
final class PrintOutputDevice extends ITextOutputDevice {

    private Set<Integer> blankPages = Set.of();
    private int page = -1;

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
    public void drawString(String s, float x, float y, JustificationInfo info) {
        if (!blankPages.contains(page)) {
            SoftHyphens.Drawn drawn = SoftHyphens.drawn(s, info);
            super.drawString(drawn.text(), x, y, drawn.info());
        }
    }
}
