package dev.sheaf.render.pdf.tagging;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfStructureTreeRoot;
import com.lowagie.text.pdf.PdfWriter;
import org.w3c.dom.Element;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The logical structure of the PDF, built while Flying Saucer paints: a node per element that has a structure
 * type ({@link Roles}), created when its first content is painted, with the marked-content sequences
 * (page and MCID) and link annotations that hold its content. Kids are put in document order (the order of
 * the elements and text nodes in the print document) when the tree is written, so the reading order is the
 * logical order whatever order Flying Saucer paints in (backgrounds, then floats, list markers, text, images).
 *
 * <p>OpenPDF keeps the parent tree private: pages get their {@code /StructParents} key from OpenPDF when the
 * writer is tagged, and the arrays behind those keys are filled here through reflection (OpenPDF 2.0.5).
 */
final class StructureTree {

    /** A structure element. */
    static final class Node {
        final String role;
        /** The element, until its document has been painted; then what it carries is in {@link #attributes}. */
        Element element;
        PdfDictionary attributes;
        final Node parent;
        final long key;
        final PdfIndirectReference ref;
        final List<Kid> kids = new ArrayList<>();
        /** For an LI its LBody, for a Reference its Link: where content and child elements go. */
        Node body;
        String lang;

        Node(String role, Element element, Node parent, long key, PdfIndirectReference ref) {
            this.role = role;
            this.element = element;
            this.parent = parent;
            this.key = key;
            this.ref = ref;
        }

        Node container() {
            return body != null ? body : this;
        }
    }

    /** A kid of a node: a child node, marked content on a page, or an annotation; sorted by key, then seq. */
    record Kid(long key, long seq, Node node, PdfIndirectReference page, int mcid, PdfIndirectReference annotation) { }

    private final PdfWriter writer;
    private final Node root;
    private final Map<Element, Node> nodes = new IdentityHashMap<>();
    /** Per page (writing order, 1-based), the node of each MCID. */
    private final Map<Integer, List<Node>> pageMcids = new HashMap<>();
    /** Position of every node of the document being painted, for sorting. */
    private final Map<org.w3c.dom.Node, Integer> preorder = new IdentityHashMap<>();
    private long document;
    private long documents;
    private long seq;
    private Node lastPart;

    StructureTree(PdfWriter writer, String language) {
        this.writer = writer;
        this.root = new Node("Document", null, null, 0, writer.getPdfIndirectReference());
        this.root.lang = language;
    }

    /**
     * A new print document is about to be painted; its content sorts after that of earlier documents, or before
     * every other document when {@code first} (the front matter of a book laid out in parts is painted last).
     */
    void startDocument(Element html, boolean first) {
        release();
        documents++;
        document = first ? 0 : documents;
        preorder.clear();
        int[] n = {0};
        number(html, n);
    }


    /**
     * Lets go of the elements of the documents painted so far (no later document paints them), keeping what
     * their structure elements need: a book laid out in parts would otherwise keep the DOM of every part.
     */
    private void release() {
        for (Node n : nodes.values()) {
            if (n.element != null) {
                n.attributes = new PdfDictionary();
                Attributes.add(n, n.attributes);
                n.element = null;
            }
        }
        nodes.clear();
    }

    private void number(org.w3c.dom.Node n, int[] next) {
        preorder.put(n, next[0]++);
        for (org.w3c.dom.Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            number(c, next);
        }
    }

    /** The sort key of a DOM node: document, then position in it. */
    long key(org.w3c.dom.Node n) {
        Integer i = n == null ? null : preorder.get(n);
        return (document << 40) | ((long) (i == null ? 0 : i) << 1);
    }

    /** The node that content painted for {@code e} belongs to. */
    Node nodeFor(Element e) {
        if (e == null) {
            return root;
        }
        Node known = nodes.get(e);
        if (known != null) {
            return known.container();
        }
        String role = "html".equals(e.getLocalName()) ? "Document" : Roles.of(e);
        String lang = ownLanguage(e);
        if (role == null && lang != null) {
            role = "Span";
        }
        if (role == null) {
            Node n = parentFor(e);
            return n;
        }
        if ("Document".equals(role)) {
            nodes.put(e, root);
            return root;
        }
        Node parent = parentFor(e);
        Node n = new Node(role, e, parent, key(e), writer.getPdfIndirectReference());
        n.lang = lang;
        parent.kids.add(new Kid(n.key, seq++, n, null, -1, null));
        if ("LI".equals(role)) {
            n.body = child(n, "LBody");
        } else if ("Reference".equals(role)) {
            n.body = child(n, "Link");
        } else if ("Part".equals(role)) {
            lastPart = n;
        }
        nodes.put(e, n);
        return n.container();
    }

    /** The node under which {@code e}'s node goes: its parent element's, except for a chapter's pieces. */
    private Node parentFor(Element e) {
        if ((" " + e.getAttribute("class") + " ").contains(" pieces ")) {
            // The pieces after a chapter opener belong to the chapter's Part (in a later document when the book
            // is laid out in parts).
            Node prev = null;
            for (org.w3c.dom.Node s = e.getPreviousSibling(); s != null; s = s.getPreviousSibling()) {
                if (s instanceof Element p && (" " + p.getAttribute("class") + " ").contains(" opener ")) {
                    prev = nodeFor(p);
                    break;
                }
            }
            if (prev != null) {
                return prev;
            }
            if (lastPart != null) {
                return lastPart;
            }
        }
        org.w3c.dom.Node p = e.getParentNode();
        return p instanceof Element pe ? nodeFor(pe) : root;
    }

    private Node child(Node n, String role) {
        Node c = new Node(role, null, n, n.key + 1, writer.getPdfIndirectReference());
        n.kids.add(new Kid(c.key, seq++, c, null, -1, null));
        return c;
    }

    /** The language of {@code e} when it differs from its parent's. */
    private static String ownLanguage(Element e) {
        String lang = language(e);
        if (lang == null) {
            return null;
        }
        org.w3c.dom.Node p = e.getParentNode();
        String outer = p instanceof Element pe ? inherited(pe) : null;
        return lang.equals(outer) ? null : lang;
    }

    private static String inherited(Element e) {
        for (org.w3c.dom.Node n = e; n instanceof Element x; n = x.getParentNode()) {
            String l = language(x);
            if (l != null) {
                return l;
            }
        }
        return null;
    }

    private static String language(Element e) {
        String l = e.getAttribute("xml:lang");
        if (l.isEmpty()) {
            l = e.getAttribute("lang");
        }
        return l.isEmpty() ? null : l;
    }

    /** Records marked content {@code mcid} on page {@code pageNumber} (1-based) as content of {@code n}. */
    void content(Node n, org.w3c.dom.Node source, int pageNumber, PdfIndirectReference page, int mcid) {
        n.kids.add(new Kid(key(source) | 1, seq++, null, page, mcid, null));
        List<Node> mcids = pageMcids.computeIfAbsent(pageNumber, k -> new ArrayList<>());
        while (mcids.size() <= mcid) {
            mcids.add(null);
        }
        mcids.set(mcid, n);
    }

    /** Records a link annotation as content of {@code n}; returns the annotation's /StructParent key. */
    int annotation(Node n, org.w3c.dom.Node source, PdfIndirectReference page, PdfIndirectReference annotation) {
        n.kids.add(new Kid(key(source) | 1, seq++, null, page, -1, annotation));
        return writer.getStructureTreeRoot().addExistingObject(n.ref);
    }

    /** Writes every node and fills the parent tree; called before the document is closed. */
    void write() throws IOException {
        PdfStructureTreeRoot treeRoot = writer.getStructureTreeRoot();
        PdfArray top = new PdfArray();
        top.add(root.ref);
        treeRoot.put(PdfName.K, top);
        write(root, treeRoot.getReference());
        fillParentTree(treeRoot);
    }

    private void write(Node n, PdfIndirectReference parent) throws IOException {
        n.kids.sort(Comparator.comparingLong(Kid::key).thenComparingLong(Kid::seq));
        PdfDictionary d = new PdfDictionary(new PdfName("StructElem"));
        d.put(PdfName.S, new PdfName(n.role));
        d.put(PdfName.P, parent);
        PdfIndirectReference pg = null;
        for (Kid k : n.kids) {
            if (k.page() != null) {
                pg = k.page();
                break;
            }
        }
        if (pg != null) {
            d.put(PdfName.PG, pg);
        }
        PdfArray kids = new PdfArray();
        for (Kid k : n.kids) {
            if (k.node() != null) {
                kids.add(k.node().ref);
            } else if (k.annotation() != null) {
                PdfDictionary objr = new PdfDictionary(PdfName.OBJR);
                objr.put(PdfName.OBJ, k.annotation());
                objr.put(PdfName.PG, k.page());
                kids.add(objr);
            } else if (k.page().equals(pg)) {
                kids.add(new PdfNumber(k.mcid()));
            } else {
                PdfDictionary mcr = new PdfDictionary(PdfName.MCR);
                mcr.put(PdfName.PG, k.page());
                mcr.put(PdfName.MCID, new PdfNumber(k.mcid()));
                kids.add(mcr);
            }
        }
        d.put(PdfName.K, kids);
        if (n.lang != null) {
            d.put(PdfName.LANG, new PdfString(n.lang, PdfObject.TEXT_UNICODE));
        }
        if (n.attributes != null) {
            d.merge(n.attributes);
        }
        Attributes.add(n, d);
        writer.addToBody(d, n.ref);
        for (Kid k : n.kids) {
            if (k.node() != null) {
                write(k.node(), n.ref);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void fillParentTree(PdfStructureTreeRoot treeRoot) {
        try {
            Method pageKey = PdfStructureTreeRoot.class.getDeclaredMethod("getOrCreatePageKey", int.class);
            pageKey.setAccessible(true);
            Field field = PdfStructureTreeRoot.class.getDeclaredField("parentTree");
            field.setAccessible(true);
            Map<Integer, PdfObject> parentTree = (Map<Integer, PdfObject>) field.get(treeRoot);
            for (Map.Entry<Integer, List<Node>> e : pageMcids.entrySet()) {
                int key = (int) pageKey.invoke(treeRoot, e.getKey() - 1);
                PdfArray refs = (PdfArray) parentTree.get(key);
                for (Node n : e.getValue()) {
                    refs.add(n == null ? root.ref : n.ref);
                }
            }
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("OpenPDF's structure tree is not as expected (OpenPDF 2.0.5)", e);
        }
    }
}
