package dev.sheaf.render.site;

/**
 * Turns the XHTML that the shared {@code xhtml} renderers write into HTML5 served as {@code text/html}:
 * EPUB-only attributes ({@code epub:type}, {@code xml:lang}) are dropped and void elements lose their
 * XML slash. Only tags are touched, never text: {@link dev.sheaf.render.xhtml.Xml} escapes every
 * {@code <} and {@code >} in text and attribute values, so each {@code <…>} run is one tag.
 */
final class Html5 {

    private static final String[] DROPPED = {"epub:type", "xml:lang"};

    private Html5() { }

    static String of(String xhtml) {
        StringBuilder out = new StringBuilder(xhtml.length());
        int i = 0;
        while (i < xhtml.length()) {
            int lt = xhtml.indexOf('<', i);
            if (lt < 0) {
                out.append(xhtml, i, xhtml.length());
                break;
            }
            int gt = xhtml.indexOf('>', lt);
            if (gt < 0) {
                out.append(xhtml, i, xhtml.length());
                break;
            }
            out.append(xhtml, i, lt);
            out.append(tag(xhtml.substring(lt, gt + 1)));
            i = gt + 1;
        }
        return out.toString();
    }

    private static String tag(String tag) {
        String t = tag;
        for (String name : DROPPED) {
            String start = " " + name + "=\"";
            int at = t.indexOf(start);
            while (at >= 0) {
                int end = t.indexOf('"', at + start.length());
                t = t.substring(0, at) + t.substring(end + 1);
                at = t.indexOf(start);
            }
        }
        if (t.endsWith("/>")) {
            t = t.substring(0, t.length() - 2) + ">";
        }
        return t;
    }
}
