package dev.sheaf.render.pdf.tagging;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** What a structure element carries besides its content: alternate text, note ids, table header scope. */
final class Attributes {

    private Attributes() { }

    static void add(StructureTree.Node n, PdfDictionary d) {
        Element e = n.element;
        if (e == null) {
            return;
        }
        switch (n.role) {
            case "Figure" -> d.put(PdfName.ALT, new PdfString(e.getAttribute("alt").strip(), PdfObject.TEXT_UNICODE));
            case "Note" -> {
                // PDF/UA-1 7.9: every Note has an ID unique in the file.
                String id = e.getAttribute("id");
                d.put(PdfName.ID, new PdfString(id.isEmpty() ? "note-" + n.ref.getNumber() : id));
            }
            case "TH" -> {
                PdfDictionary a = new PdfDictionary();
                a.put(PdfName.O, new PdfName("Table"));
                a.put(new PdfName("Scope"), new PdfName(columnHeader(e) ? "Column" : "Row"));
                d.put(PdfName.A, a);
            }
            default -> { }
        }
    }

    /** A header in the table head, or in a row of headers only, heads a column; otherwise it heads its row. */
    private static boolean columnHeader(Element th) {
        Node row = th.getParentNode();
        if (row != null && row.getParentNode() instanceof Element group && "thead".equals(group.getLocalName())) {
            return true;
        }
        for (Node c = row == null ? null : row.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element cell && "td".equals(cell.getLocalName())) {
                return false;
            }
        }
        return true;
    }
}
