package dev.sheaf.render.xhtml;

/**
 * A minimal XML text builder: every string that goes through it is escaped, and characters XML 1.0
 * cannot carry (NUL and other C0 controls, lone surrogates) are dropped, so output is always
 * well-formed.
 */
public final class Xml {

    private final StringBuilder sb;
    /** Sees the text written into text containers (see {@link TextPlaces}); null for none. */
    private TextPlaces places;

    public Xml() {
        this(4096);
    }

    public Xml(int capacity) {
        this.sb = new StringBuilder(capacity);
    }

    /** Appends markup as is: only for literal tags written in code. */
    public Xml raw(String markup) {
        sb.append(markup);
        return this;
    }

    /** Opens {@code tag} with attribute name/value pairs; null values are left out. */
    public Xml open(String tag, String... attrs) {
        sb.append('<').append(tag);
        attrs(attrs);
        sb.append('>');
        return this;
    }

    /** An empty element, e.g. {@code <img .../>}. */
    public Xml empty(String tag, String... attrs) {
        sb.append('<').append(tag);
        attrs(attrs);
        sb.append("/>");
        return this;
    }

    public Xml close(String tag) {
        sb.append("</").append(tag).append('>');
        return this;
    }

    /** {@code <tag attrs>text</tag>}. */
    public Xml element(String tag, String text, String... attrs) {
        return open(tag, attrs).text(text).close(tag);
    }

    public Xml text(String text) {
        if (places != null && places.inside()) {
            places.text(this, text);
        } else {
            escape(text, false);
        }
        return this;
    }

    /** Text escaped as by {@link #text}, but never seen by the {@link TextPlaces}: for its own markers. */
    public Xml plain(String text) {
        escape(text, false);
        return this;
    }

    /** Lets {@code places} number the text containers written from now on and see their text. */
    public Xml places(TextPlaces places) {
        this.places = places;
        return this;
    }

    /** The {@link TextPlaces} watching this document, or null. */
    public TextPlaces places() {
        return places;
    }

    /** {@code text} escaped for element content. */
    public static String escape(String text) {
        return new Xml(text.length() + 16).text(text).toString();
    }

    public Xml nl() {
        sb.append('\n');
        return this;
    }

    private void attrs(String[] attrs) {
        for (int i = 0; i + 1 < attrs.length; i += 2) {
            if (attrs[i + 1] != null) {
                sb.append(' ').append(attrs[i]).append("=\"");
                escape(attrs[i + 1], true);
                sb.append('"');
            }
        }
    }

    private void escape(String s, boolean attribute) {
        if (s == null) {
            return;
        }
        // Runs of ordinary characters are copied at once; only the others go through the switch below.
        int n = s.length();
        int plain = 0;
        while (plain < n && ordinary(s.charAt(plain))) {
            plain++;
        }
        sb.append(s, 0, plain);
        for (int i = plain; i < n; i++) {
            char c = s.charAt(i);
            if (ordinary(c)) {
                int run = i + 1;
                while (run < n && ordinary(s.charAt(run))) {
                    run++;
                }
                sb.append(s, i, run);
                i = run - 1;
                continue;
            }
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                case '\n', '\t' -> sb.append(attribute ? ' ' : c);
                case '\r' -> sb.append(attribute ? " " : "\n");
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        continue;
                    }
                    if (Character.isHighSurrogate(c)) {
                        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                            sb.append(c).append(s.charAt(++i));
                        }
                        continue;
                    }
                    if (Character.isLowSurrogate(c)) {
                        continue;
                    }
                    sb.append(c);
                }
            }
        }
    }

    /** A character written as it is in text and attributes alike. */
    private static boolean ordinary(char c) {
        return c >= 0x20 && c != '<' && c != '>' && c != '&' && c != '"' && c < Character.MIN_SURROGATE
                || c > Character.MAX_SURROGATE && c < 0xFFFE;
    }

    public int length() {
        return sb.length();
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
