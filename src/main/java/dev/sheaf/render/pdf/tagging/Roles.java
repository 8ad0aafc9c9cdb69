package dev.sheaf.render.pdf.tagging;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.Set;

/**
 * The standard structure type (ISO 32000-1, 14.8.4) of an element of Sheaf's print document, or null when the
 * element only groups or styles content and its text belongs to the nearest ancestor that has a type.
 *
 * <p>The print document is Sheaf's own XHTML (see {@code PrintDocument}), so classes name what a block is: a
 * chapter opener, a piece, the contents. A chapter becomes a {@code Part} that also holds the pieces laid out
 * after its opener (see {@link StructureTree}); pieces, front and back matter become {@code Sect}.
 */
final class Roles {

    /** Blocks that hold a whole section of the book. */
    private static final Set<String> SECTIONS = Set.of("half-title", "title-page", "copyright-page", "contents",
            "piece", "back-matter", "colophon", "handout-cover", "handout-sources", "index");

    private Roles() { }

    static String of(Element e) {
        String name = e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
        String cls = " " + e.getAttribute("class") + " ";
        switch (name) {
            case "html":
                return "Document";
            case "h1": case "h2": case "h3": case "h4": case "h5": case "h6":
                return heading(e, name.charAt(1) - '0');
            case "p":
                return "P";
            case "pre":
                return "P";
            case "blockquote":
                return "BlockQuote";
            case "ul": case "ol":
                return "L";
            case "li":
                return "LI";
            case "table":
                return cls.contains(" toc ") ? "TOC" : "Table";
            case "thead":
                return "THead";
            case "tbody":
                return "TBody";
            case "tfoot":
                return "TFoot";
            case "tr":
                return insideToc(e) ? "TOCI" : "TR";
            case "th":
                return insideToc(e) ? null : "TH";
            case "td":
                return insideToc(e) ? null : "TD";
            case "img":
                return e.getAttribute("alt").isBlank() ? null : "Figure";
            case "figure":
                return "Div";
            case "figcaption":
                return "Caption";
            case "a":
                if (!e.hasAttribute("href")) {
                    return null;
                }
                return cls.contains(" noteref ") || insideToc(e) ? "Reference" : "Link";
            case "aside":
                return cls.contains(" footnote ") ? "Note" : "Sect";
            case "section": case "article": case "nav":
                return "Sect";
            case "code":
                return "Code";
            case "div":
                if (cls.contains(" opener ")) {
                    return "Part";
                }
                for (String s : SECTIONS) {
                    if (cls.contains(" " + s + " ")) {
                        return "Sect";
                    }
                }
                return cls.contains(" headnote ") ? "Div" : null;
            default:
                return null;
        }
    }

    /**
     * Heading levels follow the book's outline, not the tags: a piece's title ({@code h1}) sits under its
     * chapter's title, so inside a chapter every level goes one down.
     */
    private static String heading(Element e, int level) {
        for (Node n = e.getParentNode(); n instanceof Element p; n = p.getParentNode()) {
            if ((" " + p.getAttribute("class") + " ").contains(" pieces ")) {
                return "H" + Math.min(6, level + 1);
            }
        }
        return "H" + level;
    }

    private static boolean insideToc(Element e) {
        for (Node n = e.getParentNode(); n instanceof Element p; n = p.getParentNode()) {
            if ("table".equals(p.getLocalName())) {
                return (" " + p.getAttribute("class") + " ").contains(" toc ");
            }
        }
        return false;
    }
}
