package dev.sheaf.render.pdf.tagging;

import com.lowagie.text.pdf.PdfContentByte;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.JustificationInfo;
import org.xhtmlrenderer.render.PageBox;

import java.awt.Shape;
import java.util.List;

/**
 * Flying Saucer's PDF output device, made to write a text layer that is exactly what is printed.
 *
 * <p>Flying Saucer paints every line box whose bounds touch a page, on that page, and hides the part outside
 * the page's content area with a clipping path. Text extraction, search, copy and screen readers ignore
 * clipping, so the first line of a page was also "on" the page before it. This device draws a string of the
 * document's content only on the page whose content area holds its baseline. Margin boxes (running heads,
 * folios) are painted before the content area is clipped and are left alone.
 */
public class TaggingOutputDevice extends ITextOutputDevice {

    private List<PageBox> pages = List.of();
    private int pageInDocument = -1;
    /** Whether the page's content area is being painted (Flying Saucer clips to it first), not its margins. */
    private boolean inContent;

    public TaggingOutputDevice(float dotsPerPoint) {
        super(dotsPerPoint);
    }

    @Override
    public void setRoot(Box root) {
        super.setRoot(root);
        // Called once per laid-out document, just before its first page is initialised.
        pages = root.getLayer().getPages();
        pageInDocument = -1;
    }

    @Override
    public void initializePage(PdfContentByte currentPage, float height) {
        super.initializePage(currentPage, height);
        pageInDocument++;
        inContent = false;
    }

    @Override
    public void clip(Shape s) {
        super.clip(s);
        inContent = true;
    }

    @Override
    public void drawString(String s, float x, float y, JustificationInfo info) {
        if (inContent && !onThisPage(y)) {
            return;
        }
        super.drawString(s, x, y, info);
    }

    /** Whether document position {@code y} (a baseline) lies in the content area of the page being painted. */
    private boolean onThisPage(float y) {
        if (pageInDocument < 0 || pageInDocument >= pages.size()) {
            return true;
        }
        PageBox page = pages.get(pageInDocument);
        return y >= page.getTop() && y < page.getBottom();
    }
}
