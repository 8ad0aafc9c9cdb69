package dev.sheaf.render.handout;

import dev.sheaf.render.pdf.PrintKit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The blank pages a booklet's document holds before its sources, so that its page count comes to a multiple of four
 * ({@link Booklet#padding}) while the sources keep the last page. A booklet is laid out before its page count is
 * known; when the hyphenation's checks have it laid out again anyway, the blank pages are set in the document
 * then ({@link PrintKit.Adjustment}), from the pages just laid out, and the layout that would have added them
 * afterwards is spared. Only when that layout moved the page count (or there was none) is the document laid out
 * once more with the right number (see {@link HandoutRenderer}).
 *
 * <p>The blank pages are the elements {@link HandoutDocument#render} writes for them: each a {@code div} of class
 * {@value #CLASS} holding a no-break space (a page name applies only to a block with inline content).
 */
final class BookletBlanks implements PrintKit.Adjustment {

    static final String CLASS = "handout-blank";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private final HandoutDocument document;
    /** The blank pages of the document being laid out. */
    private int blanks;

    BookletBlanks(HandoutDocument document) {
        this.document = document;
    }

    /** The document with {@code count} blank pages before its sources. */
    String render(int count) {
        blanks = count;
        return document.render(count);
    }

    /** The blank pages of the document last laid out. */
    int blanks() {
        return blanks;
    }

    /** The blank pages a document that took {@code pages} pages with {@link #blanks()} of them blank needs. */
    int needed(int pages) {
        return Booklet.padding(pages - blanks);
    }

    @Override
    public boolean change(Document doc, int pages) {
        int wanted = needed(pages);
        if (wanted == blanks) {
            return false;
        }
        Element sources = byId(doc.getDocumentElement(), HandoutDocument.SOURCES_ID);
        if (sources == null) {
            return false;
        }
        // The blank pages there are, right before the sources (with the line breaks between them), go first.
        Node before = sources.getPreviousSibling();
        while (before != null && (before.getNodeType() == Node.TEXT_NODE && before.getNodeValue().isBlank()
                || before instanceof Element e && CLASS.equals(e.getAttribute("class")))) {
            Node previous = before.getPreviousSibling();
            if (before instanceof Element) {
                before.getParentNode().removeChild(before);
            }
            before = previous;
        }
        for (int i = 0; i < wanted; i++) {
            Element blank = doc.createElementNS(XHTML, "div");
            blank.setAttribute("class", CLASS);
            blank.appendChild(doc.createTextNode("\u00a0"));
            sources.getParentNode().insertBefore(blank, sources);
        }
        blanks = wanted;
        return true;
    }

    /** The element whose {@code id} is {@code id} (a document parsed without a DTD knows no ids of its own). */
    private static Element byId(Element from, String id) {
        if (id.equals(from.getAttribute("id"))) {
            return from;
        }
        for (Node n = from.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                Element found = byId(e, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
