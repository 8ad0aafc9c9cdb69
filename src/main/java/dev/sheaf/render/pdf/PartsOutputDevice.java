package dev.sheaf.render.pdf;

import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfBorderArray;
import com.lowagie.text.pdf.PdfBorderDictionary;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfWriter;
import org.w3c.dom.Element;
import dev.sheaf.render.pdf.tagging.TaggingOutputDevice;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.JustificationInfo;
import org.xhtmlrenderer.render.RenderingContext;

import java.util.HashSet;
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
    private final Set<String> linkAreas = new HashSet<>();
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
        linkAreas.clear();
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
            super.drawString(drawn.text(), x, y, drawn.info());
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
    public void paintBackground(RenderingContext c, Box box) {
        super.paintBackground(c, box);
        Element elem = box.getElement();
        if (elem == null || !"a".equals(elem.getLocalName())) {
            return;
        }
        String uri = getSharedContext().getNamespaceHandler().getLinkUri(elem);
        if (uri == null || uri.length() < 2 || uri.charAt(0) != '#') {
            return;
        }
        String id = uri.substring(1);
        PdfDestination destination = getSharedContext().getBoxById(id) != null ? null
                : destinations.of(getWriter(), id);
        if (destination == null) {
            return;
        }
        com.lowagie.text.Rectangle area = linkArea(c, box);
        String key = area.getLeft() + ":" + area.getBottom() + ":" + area.getRight() + ":" + area.getTop();
        if (!linkAreas.add(key)) {
            return;
        }
        PdfWriter writer = getWriter();
        PdfAction action = new PdfAction();
        action.put(PdfName.S, PdfName.GOTO);
        action.put(PdfName.D, destination);
        PdfAnnotation annot = new PdfAnnotation(writer, area.getLeft(), area.getBottom(), area.getRight(),
                area.getTop(), action);
        annot.put(PdfName.SUBTYPE, PdfName.LINK);
        annot.put(PdfName.F, new PdfNumber(PdfAnnotation.FLAGS_PRINT));
        annot.setBorderStyle(new PdfBorderDictionary(0.0f, 0));
        annot.setBorder(new PdfBorderArray(0.0f, 0.0f, 0));
        writer.addAnnotation(annot);
    }

    /** As Flying Saucer: the boxes of the link's element next to each other, by their painted bounds. */
    private com.lowagie.text.Rectangle linkArea(RenderingContext c, Box box) {
        Box first = box;
        for (Box prev = first.getPreviousSibling(); prev != null && prev.getElement() == box.getElement();
             prev = first.getPreviousSibling()) {
            first = prev;
        }
        com.lowagie.text.Rectangle r = paintedArea(c, first);
        for (Box next = first.getNextSibling(); next != null && next.getElement() == box.getElement();
             next = next.getNextSibling()) {
            com.lowagie.text.Rectangle n = paintedArea(c, next);
            r = new com.lowagie.text.Rectangle(Math.min(r.getLeft(), n.getLeft()), Math.min(r.getBottom(), n.getBottom()),
                    Math.max(r.getRight(), n.getRight()), Math.max(r.getTop(), n.getTop()));
        }
        return r;
    }

    /** A box's painted bounds on the page, in PDF units, placed from its content area as Flying Saucer places it. */
    private com.lowagie.text.Rectangle paintedArea(RenderingContext c, Box box) {
        java.awt.Rectangle edge = box.getContentAreaEdge(box.getAbsX(), box.getAbsY(), c);
        java.awt.Rectangle bounds = box.getPaintingInfo() != null ? box.getPaintingInfo().getAggregateBounds() : edge;
        com.lowagie.text.Rectangle base = createLocalTargetArea(c, box);
        float dpp = getDotsPerPoint();
        float left = base.getLeft() + (bounds.x - edge.x) / dpp;
        float bottom = base.getBottom() - ((bounds.y + bounds.height) - (edge.y + edge.height)) / dpp;
        return new com.lowagie.text.Rectangle(left, bottom, left + bounds.width / dpp, bottom + bounds.height / dpp);
    }

    /** The font strings are drawn in now. */
    private com.lowagie.text.pdf.BaseFont baseFont() {
        return font instanceof org.xhtmlrenderer.pdf.ITextFSFont f ? f.getFontDescription().getFont() : null;
    }
}
