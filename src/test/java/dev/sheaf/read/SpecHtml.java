package dev.sheaf.read;

import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CommonMark spec's HTML normalisation ({@code test/normalize.py} of commonmark-spec), so that two renderings
 * that differ only where the spec's own test runner does not look compare equal: whitespace runs collapse (not in
 * {@code pre}), whitespace around block tags goes, {@code <br />} becomes {@code <br>}, attributes are sorted and
 * re-escaped, and character references become characters (but {@code < > & "}).
 *
 * <p>It follows Python's {@code html.parser} as that script drives it: text is handed over in pieces split at
 * {@code &} and {@code <} (which decides where whitespace is trimmed), {@code script} and {@code style} hold raw
 * text, a {@code <} with no {@code >} after it is dropped, CDATA passes verbatim. Python resolves only HTML 4's
 * named references in text; this resolves HTML5's, which can only make two equal renderings compare equal.
 */
final class SpecHtml {

    private SpecHtml() { }

    private static final Set<String> BLOCK_TAGS = Set.of("article", "header", "aside", "hgroup", "blockquote",
            "hr", "iframe", "body", "li", "map", "button", "object", "canvas", "ol", "caption", "output", "col", "p",
            "colgroup", "pre", "dd", "progress", "div", "section", "dl", "table", "td", "dt", "tbody", "embed",
            "textarea", "fieldset", "tfoot", "figcaption", "th", "figure", "thead", "footer", "tr", "form", "ul",
            "h1", "h2", "h3", "h4", "h5", "h6", "video", "script", "style");

    private static final Pattern TAG_NAME = Pattern.compile("[a-zA-Z][^\\t\\n\\r\\f />\\x00]*");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "((?<=['\"\\s/])[^\\s/>][^\\s/=>]*)(\\s*=+\\s*('[^']*'|\"[^\"]*\"|(?!['\"])[^>\\s]*))?(?:\\s|/(?!>))*");
    private static final Pattern TAG_SPACE = Pattern.compile("(?:\\s|/(?!>))*");
    private static final Pattern SCRIPT_END = Pattern.compile("</script\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_END = Pattern.compile("</style\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern START_TAG_END = Pattern.compile("\\s*(/?)>");
    private static final Pattern CHARREF = Pattern.compile("&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]");
    private static final Pattern ENTITYREF = Pattern.compile("&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\x1c-\\x1f\\x85\\p{Z}]+",
            Pattern.UNICODE_CHARACTER_CLASS);

    static String normalise(String html) {
        return new Run(dropUnclosedLt(html)).run();
    }

    /** normalize.py feeds the parser the chunks its regex finds: a {@code <} with no {@code >} after it is none. */
    private static String dropUnclosedLt(String html) {
        int lastGt = html.lastIndexOf('>');
        StringBuilder sb = new StringBuilder(html.length());
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c != '<' || i < lastGt) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final class Run {
        private final String s;
        private final StringBuilder out = new StringBuilder();
        private String last = "starttag";
        private String lastTag = "";
        private boolean inPre;
        private String cdataElement;

        Run(String s) {
            this.s = s;
        }

        String run() {
            int i = 0;
            int n = s.length();
            while (i < n) {
                if (cdataElement != null) {
                    Matcher end = (cdataElement.equals("script") ? SCRIPT_END : STYLE_END).matcher(s);
                    int j = end.find(i) ? end.start() : n;
                    if (j > i) {
                        data(s.substring(i, j));
                    }
                    cdataElement = null;
                    i = j;
                    continue;
                }
                int j = i;
                while (j < n && s.charAt(j) != '<' && s.charAt(j) != '&') {
                    j++;
                }
                if (j > i) {
                    data(s.substring(i, j));
                }
                i = j;
                if (i >= n) {
                    break;
                }
                i = s.charAt(i) == '<' ? markup(i) : reference(i);
            }
            return out.toString();
        }

        /** At a {@code <}: returns where to go on. */
        private int markup(int i) {
            if (s.startsWith("<![CDATA[", i)) {
                int end = s.indexOf("]]>", i);
                if (end >= 0) {
                    out.append(s, i, end + 3);
                    return end + 3;
                }
            }
            if (i + 1 < s.length() && Character.isLetter(s.charAt(i + 1)) && s.charAt(i + 1) < 128) {
                int next = startTag(i);
                if (next > 0) {
                    return next;
                }
            } else if (s.startsWith("</", i)) {
                return endTag(i);
            } else if (s.startsWith("<!--", i)) {
                int end = s.indexOf("-->", i + 4);
                if (end < 0) {
                    data(s.substring(i));
                    return s.length();
                }
                comment(s.substring(i + 4, end));
                return end + 3;
            } else if (s.startsWith("<?", i)) {
                int end = s.indexOf('>', i);
                append("<?" + s.substring(i + 2, end) + ">", "pi");
                return end + 1;
            } else if (s.startsWith("<!", i)) {
                int end = s.indexOf('>', i);
                String body = s.substring(i + 2, end);
                if (s.startsWith("<![", i) || s.regionMatches(true, i, "<!doctype", 0, 9)) {
                    append("<!" + body + ">", "decl");
                } else {
                    comment(body);
                }
                return end + 1;
            }
            data("<");
            return i + 1;
        }

        private int startTag(int i) {
            Matcher name = TAG_NAME.matcher(s).region(i + 1, s.length());
            if (!name.lookingAt()) {
                return -1;
            }
            String tag = name.group().toLowerCase(Locale.ROOT);
            int k = name.end();
            Matcher space = TAG_SPACE.matcher(s).region(k, s.length());
            if (space.lookingAt()) {
                k = space.end();
            }
            List<String[]> attrs = new ArrayList<>();
            Matcher attr = ATTRIBUTE.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
            while (k < s.length()) {
                attr.region(k, s.length());
                if (!attr.lookingAt() || attr.end() == k) {
                    break;
                }
                String value = attr.group(3);
                if (value != null && value.length() >= 2 && (value.charAt(0) == '\'' || value.charAt(0) == '"')
                        && value.charAt(value.length() - 1) == value.charAt(0)) {
                    value = value.substring(1, value.length() - 1);
                }
                if (value != null && !value.isEmpty()) {
                    value = Parser.unescapeEntities(value, true);
                }
                attrs.add(new String[] {attr.group(1).toLowerCase(Locale.ROOT), attr.group(2) == null ? null : value});
                k = attr.end();
            }
            Matcher end = START_TAG_END.matcher(s).region(k, s.length());
            if (!end.lookingAt()) {
                return -1;
            }
            startTag(tag, attrs);
            if (end.group(1).isEmpty()) {
                if (tag.equals("script") || tag.equals("style")) {
                    cdataElement = tag;
                }
            } else {
                lastTag = tag;
                last = "endtag";
            }
            return end.end();
        }

        private int endTag(int i) {
            int gt = s.indexOf('>', i);
            if (gt < 0) {
                data(s.substring(i));
                return s.length();
            }
            Matcher name = TAG_NAME.matcher(s).region(i + 2, s.length());
            if (name.lookingAt()) {
                endTag(name.group().toLowerCase(Locale.ROOT));
            } else if (gt != i + 2) {
                comment(s.substring(i + 2, gt));
            }
            return gt + 1;
        }

        /** At a {@code &}: a character reference, or the character itself. */
        private int reference(int i) {
            Matcher charref = CHARREF.matcher(s).region(i, s.length());
            if (charref.lookingAt()) {
                String name = charref.group().substring(2, charref.group().length() - 1);
                Integer cp = null;
                try {
                    cp = name.startsWith("x") ? Integer.parseInt(name.substring(1), 16) : Integer.parseInt(name);
                } catch (NumberFormatException e) {
                    // Python gives up on "X41" and on numbers too large: the reference stays as written
                }
                String c = cp != null && cp >= 0 && cp <= Character.MAX_CODE_POINT ? Character.toString(cp) : null;
                character(c, "&" + name + ";");
                return s.charAt(charref.end() - 1) == ';' ? charref.end() : charref.end() - 1;
            }
            if (s.startsWith("&#", i)) {
                data("&#");
                return i + 2;
            }
            Matcher entity = ENTITYREF.matcher(s).region(i, s.length());
            if (entity.lookingAt()) {
                String name = entity.group(1);
                String c = Entities.isNamedEntity(name) ? Entities.getByName(name) : null;
                character(c == null || c.isEmpty() ? null : c, "&" + name + ";");
                return s.charAt(entity.end() - 1) == ';' ? entity.end() : entity.end() - 1;
            }
            data("&");
            return i + 1;
        }

        private void data(String text) {
            String d = text;
            boolean afterTag = last.equals("endtag") || last.equals("starttag");
            boolean afterBlockTag = afterTag && BLOCK_TAGS.contains(lastTag);
            if (afterTag && lastTag.equals("br")) {
                d = d.replaceFirst("^\\n+", "");
            }
            if (!inPre) {
                d = WHITESPACE.matcher(d).replaceAll(" ");
            }
            if (afterBlockTag && !inPre) {
                if (last.equals("starttag")) {
                    d = stripLeading(d);
                } else if (last.equals("endtag")) {
                    d = stripTrailing(stripLeading(d));
                }
            }
            out.append(d);
            last = "data";
        }

        private void startTag(String tag, List<String[]> attrs) {
            if (tag.equals("pre")) {
                inPre = true;
            }
            if (BLOCK_TAGS.contains(tag)) {
                rstripOutput();
            }
            out.append('<').append(tag);
            attrs.sort(Comparator.<String[], String>comparing(a -> a[0])
                    .thenComparing(a -> a[1], Comparator.nullsFirst(Comparator.naturalOrder())));
            for (String[] a : attrs) {
                out.append(' ').append(a[0]);
                if (a[1] != null) {
                    out.append("=\"").append(escape(a[1])).append('"');
                }
            }
            out.append('>');
            lastTag = tag;
            last = "starttag";
        }

        private void endTag(String tag) {
            if (tag.equals("pre")) {
                inPre = false;
            } else if (BLOCK_TAGS.contains(tag)) {
                rstripOutput();
            }
            out.append("</").append(tag).append('>');
            lastTag = tag;
            last = "endtag";
        }

        private void comment(String body) {
            append("<!--" + body + "-->", "comment");
        }

        private void append(String text, String kind) {
            out.append(text);
            last = kind;
        }

        private void character(String c, String fallback) {
            if (c == null) {
                out.append(fallback);
            } else {
                out.append(switch (c) {
                    case "<" -> "&lt;";
                    case ">" -> "&gt;";
                    case "&" -> "&amp;";
                    case "\"" -> "&quot;";
                    default -> c;
                });
            }
            last = "ref";
        }

        private void rstripOutput() {
            int end = out.length();
            while (end > 0 && isPythonSpace(out.charAt(end - 1))) {
                end--;
            }
            out.setLength(end);
        }
    }

    /** Python's {@code html.escape(v, quote=True)}. */
    private static String escape(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#x27;");
    }

    /** Python's {@code str.isspace()}: Java's whitespace plus the no-break spaces and NEL. */
    private static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    private static String stripLeading(String d) {
        int i = 0;
        while (i < d.length() && isPythonSpace(d.charAt(i))) {
            i++;
        }
        return d.substring(i);
    }

    private static String stripTrailing(String d) {
        int end = d.length();
        while (end > 0 && isPythonSpace(d.charAt(end - 1))) {
            end--;
        }
        return d.substring(0, end);
    }
}
