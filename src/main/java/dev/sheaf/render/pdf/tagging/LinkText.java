package dev.sheaf.render.pdf.tagging;

import org.w3c.dom.Element;

/** The alternate description of a link annotation (PDF/UA-1 7.18.5): its text, or where it leads. */
final class LinkText {

    private LinkText() { }

    static String of(Element a, String uri) {
        String text = a.getTextContent().replaceAll("\\s+", " ").strip();
        if ((" " + a.getAttribute("class") + " ").contains(" noteref ")) {
            return "Note " + text;
        }
        if (text.isEmpty()) {
            String title = a.getAttribute("title").strip();
            return title.isEmpty() ? uri : title;
        }
        return text;
    }
}
