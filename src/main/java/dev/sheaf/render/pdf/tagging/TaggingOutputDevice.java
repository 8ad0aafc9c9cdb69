package dev.sheaf.render.pdf.tagging;

import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfBorderArray;
import com.lowagie.text.pdf.PdfBorderDictionary;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import org.w3c.dom.Element;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.extend.FSImage;
import org.xhtmlrenderer.extend.NamespaceHandler;
import org.xhtmlrenderer.layout.SharedContext;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.InlineLayoutBox;
import org.xhtmlrenderer.render.InlineText;
import org.xhtmlrenderer.render.JustificationInfo;
import org.xhtmlrenderer.render.PageBox;
import org.xhtmlrenderer.render.RenderingContext;

import java.awt.Shape;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Flying Saucer's PDF output device, made to write a text layer that is exactly what is printed and, when the
 * writer is tagged, a tagged PDF: marked content around everything painted, a structure tree from the print
 * document's elements ({@link StructureTree}), link annotations in it, and everything else marked as an artifact.
 *
 * <p>Text layer: Flying Saucer paints every line box whose bounds touch a page, on that page, and hides the part
 * outside the page's content area with a clipping path. Text extraction, search, copy and screen readers ignore
 * clipping, so the first line of a page was also "on" the page before it. This device draws a string of the
 * document's content only on the page whose content area holds its baseline. Margin boxes (running heads,
 * folios) are painted before the content area is clipped; they are artifacts.
 *
 * <p>Tagging: each page's content stream is an artifact by default; text of the document is wrapped in a
 * marked-content sequence with an MCID of the structure element of its nearest element that has a structure
 * type, images with alternate text likewise as a Figure. Backgrounds, borders, rules, list markers and margin
 * boxes stay artifacts.
 */
public class TaggingOutputDevice extends ITextOutputDevice {

    private static final PdfName ARTIFACT = new PdfName("Artifact");
    private static final PdfName SPAN = new PdfName("Span");
    private static final PdfName ACTUAL_TEXT = new PdfName("ActualText");

    private enum Mode { NONE, ARTIFACT, PAGINATION, CONTENT }

    private List<PageBox> pages = List.of();
    private int pageInDocument = -1;
    /** Whether the page's content area is being painted (Flying Saucer clips to it first), not its margins. */
    private boolean inContent;

    private StructureTree tree;
    private Element newDocument;
    private boolean firstDocumentNext;
    private Mode mode = Mode.NONE;
    private StructureTree.Node openNode;
    private int nextMcid;
    private InlineText paintingText;
    /** What the next string drawn stands for ({@link #nextStringReads}), or null. */
    private String actualText;
    private BlockBox paintingReplaced;
    private final Set<String> linkAreas = new HashSet<>();
    private NamespaceHandler quietLinks;
    private NamespaceHandler quietLinksFor;

    public TaggingOutputDevice(float dotsPerPoint) {
        super(dotsPerPoint);
    }

    /** The next document painted comes first in the structure tree (for a front matter painted last). */
    public void nextDocumentFirst() {
        firstDocumentNext = true;
    }

    /** Writes the structure tree; call once, after the last page and before the PDF is closed. */
    public void writeStructure() throws IOException {
        if (tree != null) {
            tree.write();
        }
    }

    /** Where a link to {@code id}, a block of another document, leads; null when unknown. */
    protected PdfDestination destinationElsewhere(PdfWriter writer, String id) {
        return null;
    }

    @Override
    public void setRoot(Box root) {
        super.setRoot(root);
        // Called once per laid-out document, just before its first page is initialised.
        pages = root.getLayer().getPages();
        pageInDocument = -1;
        newDocument = root.getElement();
    }

    @Override
    public void initializePage(PdfContentByte currentPage, float height) {
        super.initializePage(currentPage, height);
        pageInDocument++;
        // Flying Saucer hands over the writer only after the root, so the document's structure starts here.
        PdfWriter writer = getWriter();
        if (newDocument != null && writer.isTagged()) {
            if (tree == null) {
                tree = new StructureTree(writer, language(newDocument));
            }
            tree.startDocument(newDocument, firstDocumentNext);
            firstDocumentNext = false;
        }
        newDocument = null;
        inContent = false;
        mode = Mode.NONE;
        nextMcid = 0;
        linkAreas.clear();
    }

    @Override
    public void finishPage() {
        close();
        super.finishPage();
    }

    @Override
    public void clip(Shape s) {
        super.clip(s);
        inContent = true;
    }

    @Override
    public void drawText(RenderingContext c, InlineText inlineText) {
        paintingText = inlineText;
        try {
            super.drawText(c, inlineText);
        } finally {
            paintingText = null;
        }
    }

    /**
     * The next string drawn stands for {@code letters} (a ligature for the letters it joins): it is written in a
     * {@code Span} marked-content sequence whose {@code /ActualText} is {@code letters}, inside the marked content
     * the string belongs to, so copying, search and assistive technology read the letters (ISO 32000-1, 14.9.4).
     */
    public void nextStringReads(String letters) {
        this.actualText = letters;
    }

    @Override
    public void drawString(String s, float x, float y, JustificationInfo info) {
        String actual = actualText;
        actualText = null;
        if (inContent && !onThisPage(y)) {
            return;
        }
        if (tree != null) {
            if (!inContent) {
                artifact(Mode.PAGINATION);
            } else if (paintingText == null || s.replace('\u00a0', ' ').isBlank()) {
                // List markers and white space: the list's structure and the text around say it all.
                artifact(Mode.ARTIFACT);
            } else {
                content(element(paintingText.getParent()), paintingText.getTextNode());
            }
        }
        if (actual == null) {
            super.drawString(s, x, y, info);
            return;
        }
        PdfDictionary props = new PdfDictionary();
        props.put(ACTUAL_TEXT, new PdfString(actual, PdfObject.TEXT_UNICODE));
        PdfContentByte cb = getCurrentPage();
        cb.beginMarkedContentSequence(SPAN, props, true);
        super.drawString(s, x, y, info);
        cb.endMarkedContentSequence();
    }

    @Override
    public void paintReplacedElement(RenderingContext c, BlockBox box) {
        paintingReplaced = box;
        try {
            super.paintReplacedElement(c, box);
        } finally {
            paintingReplaced = null;
        }
    }

    @Override
    public void drawImage(FSImage image, int x, int y) {
        if (tree != null) {
            Element e = paintingReplaced == null ? null : paintingReplaced.getElement();
            if (inContent && e != null && "Figure".equals(Roles.of(e))) {
                content(e, e);
            } else {
                artifact(inContent ? Mode.ARTIFACT : Mode.PAGINATION);
            }
        }
        drawPicture(image, x, y);
    }

    /** Paints a picture once it has its place in the structure; a subclass may paint it some other way. */
    protected void drawPicture(FSImage image, int x, int y) {
        super.drawImage(image, x, y);
    }

    @Override
    public void fill(Shape s) {
        artifactIfTagged();
        super.fill(s);
    }

    @Override
    public void draw(Shape s) {
        artifactIfTagged();
        super.draw(s);
    }

    @Override
    public void fillRect(int x, int y, int width, int height) {
        artifactIfTagged();
        super.fillRect(x, y, width, height);
    }

    @Override
    public void drawRect(int x, int y, int width, int height) {
        artifactIfTagged();
        super.drawRect(x, y, width, height);
    }

    @Override
    public void fillOval(int x, int y, int width, int height) {
        artifactIfTagged();
        super.fillOval(x, y, width, height);
    }

    @Override
    public void drawOval(int x, int y, int width, int height) {
        artifactIfTagged();
        super.drawOval(x, y, width, height);
    }

    @Override
    protected void drawLine(int x1, int y1, int x2, int y2) {
        artifactIfTagged();
        super.drawLine(x1, y1, x2, y2);
    }

    @Override
    public void drawBorderLine(Shape bounds, int side, int lineWidth, boolean solid) {
        artifactIfTagged();
        super.drawBorderLine(bounds, side, lineWidth, solid);
    }

    /**
     * Backgrounds are painted by Flying Saucer, links by this device: Flying Saucer's own link annotations cannot
     * be put in the structure tree, and it knows nothing of blocks in other documents.
     */
    @Override
    public void paintBackground(RenderingContext c, Box box) {
        SharedContext shared = getSharedContext();
        NamespaceHandler handler = shared.getNamespaceHandler();
        shared.setNamespaceHandler(quiet(handler));
        try {
            super.paintBackground(c, box);
        } finally {
            shared.setNamespaceHandler(handler);
        }
        link(c, box, handler);
    }

    /** The namespace handler as it is, except that it knows no links. */
    private NamespaceHandler quiet(NamespaceHandler handler) {
        if (quietLinksFor != handler) {
            quietLinksFor = handler;
            quietLinks = (NamespaceHandler) Proxy.newProxyInstance(NamespaceHandler.class.getClassLoader(),
                    new Class<?>[] {NamespaceHandler.class}, (proxy, method, args) -> {
                        if ("getLinkUri".equals(method.getName())) {
                            return null;
                        }
                        try {
                            return method.invoke(handler, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
        return quietLinks;
    }

    private void link(RenderingContext c, Box box, NamespaceHandler handler) {
        Element elem = box.getElement();
        if (elem == null || !inContent || !onThisPage(box.getAbsY())) {
            return;
        }
        String uri = handler.getLinkUri(elem);
        if (uri == null || uri.isEmpty()) {
            return;
        }
        PdfWriter writer = getWriter();
        PdfAction action;
        if (uri.charAt(0) == '#') {
            if (uri.length() < 2) {
                return;
            }
            String id = uri.substring(1);
            Box target = getSharedContext().getBoxById(id);
            PdfDestination destination = target != null ? destination(c, target) : destinationElsewhere(writer, id);
            if (destination == null) {
                return;
            }
            action = new PdfAction();
            action.put(PdfName.S, PdfName.GOTO);
            action.put(PdfName.D, destination);
        } else {
            action = new PdfAction(uri);
        }
        com.lowagie.text.Rectangle area = linkArea(c, box);
        String key = area.getLeft() + ":" + area.getBottom() + ":" + area.getRight() + ":" + area.getTop();
        if (!linkAreas.add(key)) {
            return;
        }
        PdfAnnotation annot = new PdfAnnotation(writer, area.getLeft(), area.getBottom(), area.getRight(),
                area.getTop(), action);
        annot.put(PdfName.SUBTYPE, PdfName.LINK);
        annot.put(PdfName.F, new PdfNumber(PdfAnnotation.FLAGS_PRINT));
        annot.setBorderStyle(new PdfBorderDictionary(0.0f, 0));
        annot.setBorder(new PdfBorderArray(0.0f, 0.0f, 0));
        if (tree != null) {
            annot.put(PdfName.CONTENTS, new PdfString(LinkText.of(elem, uri), PdfObject.TEXT_UNICODE));
            StructureTree.Node node = tree.nodeFor(elem);
            int key2 = tree.annotation(node, elem, writer.getCurrentPage(), annot.getIndirectReference());
            annot.put(PdfName.STRUCTPARENT, new PdfNumber(key2));
        }
        writer.addAnnotation(annot);
    }

    /** As Flying Saucer places a link's destination: the top of the target block on its page. */
    private PdfDestination destination(RenderingContext c, Box target) {
        PageBox page = at(target.getAbsY());
        if (page == null) {
            return null;
        }
        int fromTop = page.getMarginBorderPadding(c, CalculatedStyle.Edge.TOP)
                + (int) (target.getAbsY() + target.getMargin(c).top() - page.getTop());
        float dpp = getDotsPerPoint();
        PdfDestination d = new PdfDestination(PdfDestination.XYZ, 0, page.getHeight(c) / dpp - fromTop / dpp, 0);
        d.addPage(getWriter().getPageReference(getStartPageNo() + page.getPageNo() + 1));
        return d;
    }

    private PageBox at(int y) {
        for (PageBox p : pages) {
            if (y >= p.getTop() && y < p.getBottom()) {
                return p;
            }
        }
        return null;
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

    private void artifactIfTagged() {
        if (tree != null) {
            artifact(inContent ? Mode.ARTIFACT : Mode.PAGINATION);
        }
    }

    private void artifact(Mode wanted) {
        if (mode == wanted) {
            return;
        }
        close();
        PdfContentByte cb = getCurrentPage();
        if (wanted == Mode.PAGINATION) {
            PdfDictionary props = new PdfDictionary();
            props.put(PdfName.TYPE, new PdfName("Pagination"));
            cb.beginMarkedContentSequence(ARTIFACT, props, true);
        } else {
            cb.beginMarkedContentSequence(ARTIFACT);
        }
        mode = wanted;
    }

    /** Opens marked content for {@code e}'s structure element, unless the open sequence already belongs to it. */
    private void content(Element e, org.w3c.dom.Node source) {
        StructureTree.Node node = tree.nodeFor(e);
        if (mode == Mode.CONTENT && openNode == node) {
            return;
        }
        close();
        PdfWriter writer = getWriter();
        int mcid = nextMcid++;
        PdfDictionary props = new PdfDictionary();
        props.put(PdfName.MCID, new PdfNumber(mcid));
        getCurrentPage().beginMarkedContentSequence(new PdfName(node.role), props, true);
        tree.content(node, source == null ? e : source, writer.getCurrentPageNumber(), writer.getCurrentPage(), mcid);
        mode = Mode.CONTENT;
        openNode = node;
    }

    private void close() {
        if (mode != Mode.NONE) {
            getCurrentPage().endMarkedContentSequence();
            mode = Mode.NONE;
            openNode = null;
        }
    }

    private static Element element(Box box) {
        for (Box b = box; b != null; b = b.getParent()) {
            if (b.getElement() != null) {
                return b.getElement();
            }
        }
        return null;
    }

    private static String language(Element html) {
        String l = html.getAttribute("xml:lang");
        return l.isEmpty() ? html.getAttribute("lang") : l;
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
