package dev.sheaf.cite;

/**
 * A title quoted inside a style's own quotation marks keeps its quotes, so ‘The Over-Hyphenation of
 * ‘China-Russia’’ needs its inner pair alternated (“China-Russia”), as typesetters do. citeproc-java
 * does not, so this runs over its output. Apostrophes (a ’ between letters) are left alone.
 */
final class NestedQuotes {

    private NestedQuotes() { }

    static String alternate(String s) {
        if (s.indexOf('\u2018') < 0 && s.indexOf('\u201c') < 0 && s.indexOf("&lsquo;") < 0 && s.indexOf("&ldquo;") < 0) {
            return s;
        }
        String t = s.replace("&lsquo;", "\u2018").replace("&rsquo;", "\u2019")
                .replace("&ldquo;", "\u201c").replace("&rdquo;", "\u201d");
        StringBuilder out = new StringBuilder(t);
        // Each stack entry: index of the opening mark in out; depth-based alternation.
        int[] stack = new int[64];
        char[] kind = new char[64];
        int depth = 0;
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c == '\u2018' || c == '\u201c') {
                if (depth < stack.length) {
                    char want = depth > 0 && kind[depth - 1] == c ? alt(c) : c;
                    out.setCharAt(i, want);
                    stack[depth] = i;
                    kind[depth++] = want;
                }
            } else if ((c == '\u2019' || c == '\u201d') && depth > 0 && !apostrophe(out, i)) {
                char open = kind[depth - 1];
                if (c == close(open) || c == close(alt(open))) {
                    out.setCharAt(i, close(open));
                    depth--;
                }
            }
        }
        return out.toString();
    }

    private static boolean apostrophe(CharSequence s, int i) {
        return s.charAt(i) == '\u2019' && i > 0 && i + 1 < s.length()
                && Character.isLetter(s.charAt(i - 1)) && Character.isLetter(s.charAt(i + 1));
    }

    private static char alt(char open) {
        return open == '\u2018' ? '\u201c' : '\u2018';
    }

    private static char close(char open) {
        return open == '\u2018' ? '\u2019' : '\u201d';
    }
}
