package dev.sheaf.fonts;

/**
 * Splits the text of an XHTML document into runs per face: every run of characters that the primary families
 * lack goes into {@code <span class="font-…">} naming the face of the {@link FontChain} that has them. The
 * print engine sets a text run in one face only, so the face has to be chosen per run, by markup.
 */
public final class FontRuns {

    private static final String CLOSE = "</span>";

    private FontRuns() { }

    /**
     * Wraps the runs in text content after {@code <body}; markup is copied as is. The document must escape
     * {@code <} and {@code >} in text and attributes (as {@code dev.sheaf.render.xhtml.Xml} does), so that a
     * {@code <} always opens a tag and the next {@code >} closes it. Spaces between two characters of one run
     * stay in it when its face has them, so that a phrase makes one run, not one per word.
     */
    public static String wrap(String xhtml, FontChain chain) {
        int body = xhtml.indexOf("<body");
        if (body < 0) {
            return xhtml;
        }
        StringBuilder out = new StringBuilder(xhtml.length() + 1024).append(xhtml, 0, body);
        // Spaces after a run wait here until the next character shows whether the run goes on.
        StringBuilder pending = new StringBuilder();
        int run = FontChain.PRIMARY;
        int i = body;
        int n = xhtml.length();
        while (i < n) {
            char c = xhtml.charAt(i);
            if (c == '<') {
                int end = xhtml.indexOf('>', i);
                end = end < 0 ? n : end + 1;
                run = close(out, run);
                out.append(pending).append(xhtml, i, end);
                pending.setLength(0);
                i = end;
                continue;
            }
            int next;
            int cp;
            if (c == '&') {
                int semi = xhtml.indexOf(';', i);
                next = semi < 0 || semi - i > 12 ? i + 1 : semi + 1;
                cp = entity(xhtml.substring(i, next));
            } else {
                cp = xhtml.codePointAt(i);
                next = i + Character.charCount(cp);
            }
            if (run >= 0 && FontChain.needsNoGlyph(cp) && chain.links().get(run).coverage().covers(cp)) {
                pending.append(xhtml, i, next);
                i = next;
                continue;
            }
            int link = chain.linkFor(cp);
            int wanted = link >= 0 ? link : FontChain.PRIMARY;
            if (wanted != run) {
                run = close(out, run);
                out.append(pending);
                pending.setLength(0);
                if (wanted >= 0) {
                    out.append("<span class=\"").append(chain.links().get(wanted).cssClass()).append("\">");
                    run = wanted;
                }
            }
            out.append(pending).append(xhtml, i, next);
            pending.setLength(0);
            i = next;
        }
        close(out, run);
        return out.append(pending).toString();
    }

    private static int close(StringBuilder out, int run) {
        if (run >= 0) {
            out.append(CLOSE);
        }
        return FontChain.PRIMARY;
    }

    /** The character an entity stands for; named entities other than the XML five count as a space. */
    private static int entity(String e) {
        try {
            if (e.startsWith("&#x") || e.startsWith("&#X")) {
                return Integer.parseInt(e.substring(3, e.length() - 1), 16);
            }
            if (e.startsWith("&#")) {
                return Integer.parseInt(e.substring(2, e.length() - 1));
            }
        } catch (NumberFormatException ex) {
            return ' ';
        }
        return switch (e) {
            case "&amp;" -> '&';
            case "&lt;" -> '<';
            case "&gt;" -> '>';
            case "&quot;" -> '"';
            case "&apos;" -> '\'';
            default -> ' ';
        };
    }
}
