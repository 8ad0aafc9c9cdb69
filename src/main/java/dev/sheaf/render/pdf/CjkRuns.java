package dev.sheaf.render.pdf;

/**
 * Puts every run of Chinese, Japanese or Korean characters in the document's body into
 * {@code <span class="cjk">}. Flying Saucer sets a whole text run in the first font family that resolves
 * and silently drops the glyphs that font lacks, so the CJK face has to be chosen per run, by markup.
 */
final class CjkRuns {

    static final String OPEN = "<span class=\"cjk\">";
    static final String CLOSE = "</span>";

    private CjkRuns() { }

    static boolean isCjk(int cp) {
        if (cp < 0x2E80) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY;
    }

    static boolean hasCjk(String s) {
        return s != null && s.codePoints().anyMatch(CjkRuns::isCjk);
    }

    /**
     * Wraps the runs in text content after {@code <body}; markup is copied as is. The document comes from
     * {@link dev.sheaf.render.xhtml.Xml}, which escapes {@code <} and {@code >} in text and attributes,
     * so a {@code <} always opens a tag and the next {@code >} always closes it.
     */
    static String wrap(String xhtml) {
        int body = xhtml.indexOf("<body");
        if (body < 0 || !hasCjk(xhtml.substring(body))) {
            return xhtml;
        }
        StringBuilder out = new StringBuilder(xhtml.length() + 1024).append(xhtml, 0, body);
        boolean inTag = false;
        boolean inRun = false;
        for (int i = body; i < xhtml.length(); ) {
            int cp = xhtml.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (inTag) {
                inTag = cp != '>';
            } else if (cp == '<') {
                inTag = true;
            }
            boolean cjk = !inTag && isCjk(cp);
            if (cjk != inRun) {
                out.append(cjk ? OPEN : CLOSE);
                inRun = cjk;
            }
            out.appendCodePoint(cp);
            i = next;
        }
        return out.toString();
    }
}
