package dev.sheaf.render.pdf;

import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

import java.text.Bidi;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Arabic-script and Hebrew text for a print engine that knows neither joining nor direction (Flying Saucer
 * lays out and OpenPDF writes characters one after another, left to right).
 *
 * <ul>
 *   <li>Before layout, Arabic letters are replaced by their joined forms (Unicode's presentation forms, chosen
 *       by the letters' joining types, as Unicode's Arabic shaping rules describe), still in logical order: initial, medial, final or isolated as their neighbours
 *       ask, lam-alef as one ligature. The shipped Noto Naskh Arabic has those forms, Persian ones
 *       included. Line breaking then works on the text in reading order, as it should.</li>
 *   <li>When a line's text is drawn, each run is put in visual order by the Unicode bidirectional algorithm
 *       ({@link java.text.Bidi}): right-to-left stretches are reversed (with mirrored brackets), numbers in
 *       them stay left to right. A right-to-left paragraph has {@code dir="rtl"} and is set ragged left.</li>
 * </ul>
 * Text extraction (PDFBox, poppler) turns the visual order back into reading order and the presentation
 * forms back into letters.
 */
final class RightToLeft {

    private RightToLeft() {
    }

    /** Replaces the Arabic letters of every text in {@code doc} by their joined forms. */
    static void shape(Document doc) {
        shape(doc.getDocumentElement());
    }

    private static void shape(Node node) {
        for (Node n = node == null ? null : node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE) {
                Text t = (Text) n;
                String data = t.getData();
                if (hasArabic(data)) {
                    // zero-width (non-)joiners stay: the output device writes them as invisible text
                    String shaped = shape(data);
                    if (!shaped.equals(data)) {
                        t.setData(shaped);
                    }
                }
            } else if (n.getNodeType() == Node.ELEMENT_NODE) {
                shape(n);
            }
        }
    }

    /** Joined form of a letter: isolated, final, initial, medial. */
    private static final int ISOLATED = 0;
    private static final int FINAL = 1;
    private static final int INITIAL = 2;
    private static final int MEDIAL = 3;
    private static final String[] FORM_NAMES = {" ISOLATED FORM", " FINAL FORM", " INITIAL FORM", " MEDIAL FORM"};

    /** Letter → its four forms (0 where the letter has none), read from Unicode's character names. */
    private static final Map<Character, char[]> FORMS = forms();
    /** Lam-alef ligatures: the alef (plain, madda, hamza above, hamza below) → isolated and final forms. */
    private static final Map<Character, char[]> LAM_ALEF = Map.of(
            '\u0627', new char[] {'\uFEFB', '\uFEFC'}, '\u0622', new char[] {'\uFEF5', '\uFEF6'},
            '\u0623', new char[] {'\uFEF7', '\uFEF8'}, '\u0625', new char[] {'\uFEF9', '\uFEFA'});
    private static final char LAM = '\u0644';

    private static Map<Character, char[]> forms() {
        Map<Character, char[]> out = new HashMap<>();
        int[][] ranges = {{0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}};
        for (int[] range : ranges) {
            for (int cp = range[0]; cp <= range[1]; cp++) {
                String name = Character.getName(cp);
                if (name == null || name.contains("LIGATURE")) {
                    continue;
                }
                String base = Normalizer.normalize(String.valueOf((char) cp), Normalizer.Form.NFKC);
                if (base.length() != 1) {
                    continue;
                }
                for (int f = 0; f < FORM_NAMES.length; f++) {
                    if (name.endsWith(FORM_NAMES[f])) {
                        char[] forms = out.computeIfAbsent(base.charAt(0), k -> new char[4]);
                        if (forms[f] == 0) {
                            forms[f] = (char) cp;
                        }
                    }
                }
            }
        }
        return out;
    }

    /** A letter that joins on both sides (it has an initial form). */
    private static boolean dual(char c) {
        char[] f = FORMS.get(c);
        return f != null && f[INITIAL] != 0;
    }

    /** A letter that joins to the letter before it (it has a final form). */
    private static boolean joining(char c) {
        char[] f = FORMS.get(c);
        return f != null && f[FINAL] != 0;
    }

    /** Marks (harakat and the like) sit on a letter and do not break joining. */
    private static boolean transparent(char c) {
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }

    /** The text with its Arabic letters joined (logical order kept). */
    static String shape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char[] forms = FORMS.get(c);
            if (forms == null) {
                out.append(c);
                continue;
            }
            int p = i - 1;
            while (p >= 0 && transparent(text.charAt(p))) {
                p--;
            }
            int q = i + 1;
            while (q < n && transparent(text.charAt(q))) {
                q++;
            }
            boolean joinsBefore = p >= 0 && dual(text.charAt(p)) && joining(c);
            // lam followed by alef: one ligature
            if (c == LAM && q < n && LAM_ALEF.containsKey(text.charAt(q))) {
                out.append(LAM_ALEF.get(text.charAt(q))[joinsBefore ? 1 : 0]);
                out.append(text, i + 1, q);   // marks on the lam
                i = q;
                continue;
            }
            boolean joinsAfter = q < n && dual(c) && joining(text.charAt(q));
            int form = joinsBefore ? (joinsAfter ? MEDIAL : FINAL) : (joinsAfter ? INITIAL : ISOLATED);
            char shaped = forms[form] != 0 ? forms[form] : forms[ISOLATED] != 0 ? forms[ISOLATED] : c;
            out.append(shaped);
        }
        return out.toString();
    }

    /** The text of a run as it is drawn, left to right. */
    static String visual(String text) {
        if (!hasRightToLeft(text)) {
            return text;
        }
        Bidi bidi = new Bidi(text, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        if (bidi.isLeftToRight()) {
            return text;
        }
        int count = bidi.getRunCount();
        byte[] levels = new byte[count];
        Integer[] runs = new Integer[count];
        for (int i = 0; i < count; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            runs[i] = i;
        }
        Bidi.reorderVisually(levels, 0, runs, 0, count);
        StringBuilder out = new StringBuilder(text.length());
        for (Integer r : runs) {
            int start = bidi.getRunStart(r);
            int limit = bidi.getRunLimit(r);
            if ((bidi.getRunLevel(r) & 1) == 0) {
                out.append(text, start, limit);
            } else {
                for (int i = limit - 1; i >= start; i--) {
                    char c = text.charAt(i);
                    if (Character.isLowSurrogate(c) && i > start && Character.isHighSurrogate(text.charAt(i - 1))) {
                        out.append(text.charAt(i - 1)).append(c);
                        i--;
                    } else {
                        out.append(mirror(c));
                    }
                }
            }
        }
        return out.toString();
    }

    private static char mirror(char c) {
        return switch (c) {
            case '(' -> ')';
            case ')' -> '(';
            case '[' -> ']';
            case ']' -> '[';
            case '{' -> '}';
            case '}' -> '{';
            case '<' -> '>';
            case '>' -> '<';
            case '«' -> '»';
            case '»' -> '«';
            case '\u2039' -> '\u203A';
            case '\u203A' -> '\u2039';
            default -> c;
        };
    }

    static boolean hasArabic(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u0600' && c <= '\u06FF' || c >= '\u0750' && c <= '\u077F' || c >= '\u08A0' && c <= '\u08FF') {
                return true;
            }
        }
        return false;
    }

    static boolean hasRightToLeft(String s) {
        for (int i = 0; i < s.length(); i++) {
            byte d = Character.getDirectionality(s.charAt(i));
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
        }
        return false;
    }
}
