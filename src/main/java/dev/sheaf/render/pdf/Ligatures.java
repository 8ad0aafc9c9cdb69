package dev.sheaf.render.pdf;

import com.lowagie.text.pdf.BaseFont;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.TextAttribute;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The standard ligatures of a face (ff, fi, fl, ffi, ffl), set as the Unicode presentation forms U+FB00–U+FB04.
 *
 * <p>OpenPDF writes characters through the face's {@code cmap}; a ligature can only be drawn as a character the
 * face maps. Which ones a face sets: those whose presentation form it maps and that its {@code GSUB liga}
 * feature makes of the letters (the same glyph; Java's text layout with {@link TextAttribute#LIGATURES} on
 * applies {@code liga}). A face with no f-ligature in {@code liga} sets the presentation forms it maps (Liberation
 * Serif and Sans: fi and fl). A face whose letters all have one advance (Liberation Mono, any typewriter face
 * used for code) sets none.
 *
 * <p>Ligatures are formed only from letters of one string: Flying Saucer measures and draws one inline
 * element's text at a time (so never across {@code f<em>i}). A break point between the letters
 * ({@link SoftHyphens}: the author's soft hyphen, the hyphenator's mark) keeps them apart only where the line
 * breaks: a word broken as "dif-" ends on a plain f and the next line begins with one, and "differ" set whole
 * has its ff. A zero-width non-joiner keeps them apart, the way an author asks for no ligature
 * ("Auf\u200Clage"). Text measured ({@link PrintText}) and drawn (the output devices) is set the same way, so a
 * line is measured with the ligatures' own advances.
 */
final class Ligatures {

    /** The ligatures Sheaf sets, longest first, and the character each is drawn as. */
    private static final Map<String, Character> STANDARD = standard();

    private static Map<String, Character> standard() {
        Map<String, Character> m = new LinkedHashMap<>();
        m.put("ffi", '\uFB03');
        m.put("ffl", '\uFB04');
        m.put("ff", '\uFB00');
        m.put("fi", '\uFB01');
        m.put("fl", '\uFB02');
        return Collections.unmodifiableMap(m);
    }

    private static final Ligatures NONE = new Ligatures(Map.of());
    private static final Map<BaseFont, Ligatures> FACES = Collections.synchronizedMap(new WeakHashMap<>());
    private static final FontRenderContext FRC = new FontRenderContext(null, false, true);

    /** Letters → presentation form, for the ligatures this face sets. */
    private final Map<String, Character> set;

    /** @param set letters → presentation form; tried longest first ("ffi" before "ff") */
    Ligatures(Map<String, Character> set) {
        Map<String, Character> ordered = new LinkedHashMap<>();
        set.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Character> e) -> -e.getKey().length())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        this.set = Collections.unmodifiableMap(ordered);
    }

    /**
     * Off only to measure what ligatures cost: {@code -Dsheaf.measure.ligatures=false} (docs/PERFORMANCE.md).
     * Not a setting of the book.
     */
    private static final boolean ON = !"false".equals(System.getProperty("sheaf.measure.ligatures"));

    /** The ligatures {@code font} sets; none for a face Java cannot read. */
    static Ligatures of(BaseFont font) {
        if (!ON || font == null) {
            return NONE;
        }
        return FACES.computeIfAbsent(font, Ligatures::read);
    }

    private static Ligatures read(BaseFont font) {
        Font face = PairKerning.of(font).face();
        if (face == null || monospaced(font)) {
            return NONE;
        }
        Font liga = face.deriveFont(Map.of(TextAttribute.LIGATURES, TextAttribute.LIGATURES_ON));
        Map<String, Character> found = new LinkedHashMap<>();
        STANDARD.forEach((letters, form) -> {
            if (font.charExists(form) && ligates(liga, face, letters, form)) {
                found.put(letters, form);
            }
        });
        if (found.isEmpty()) {
            // no f-ligature in GSUB (Liberation Serif has none): the presentation forms the face draws
            STANDARD.forEach((letters, form) -> {
                if (font.charExists(form) && drawn(face, form)) {
                    found.put(letters, form);
                }
            });
        }
        return found.isEmpty() ? NONE : new Ligatures(found);
    }

    /** Whether the face has a glyph of its own for {@code form}. */
    private static boolean drawn(Font face, char form) {
        GlyphVector glyph = face.createGlyphVector(FRC, String.valueOf(form));
        return glyph.getNumGlyphs() == 1 && glyph.getGlyphCode(0) != face.getMissingGlyphCode()
                && glyph.getGlyphCode(0) != 0;
    }

    /** Whether the face's {@code liga} makes {@code letters} the glyph its {@code cmap} gives {@code form}. */
    private static boolean ligates(Font liga, Font plain, String letters, char form) {
        if (!drawn(plain, form)) {
            return false;
        }
        GlyphVector formGlyph = plain.createGlyphVector(FRC, String.valueOf(form));
        char[] chars = letters.toCharArray();
        GlyphVector laid = liga.layoutGlyphVector(FRC, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
        int glyph = -1;
        int count = 0;
        for (int i = 0; i < laid.getNumGlyphs(); i++) {
            int code = laid.getGlyphCode(i);
            if (code < 0xFFFE) {   // Java marks glyphs a ligature swallowed as 0xFFFF
                glyph = code;
                count++;
            }
        }
        return count == 1 && glyph == formGlyph.getGlyphCode(0);
    }

    private static boolean monospaced(BaseFont font) {
        return font.getWidth('i') == font.getWidth('m') && font.getWidth('i') == font.getWidth('W');
    }

    /** Whether this face sets any ligature. */
    boolean any() {
        return !set.isEmpty();
    }

    /**
     * {@code s} with the face's ligatures set (the same string when there are none to set). A break point between
     * the letters that is not the last character of {@code s} is one the line did not break at: the ligature is
     * set across it, and the break point goes (the text is measured or drawn as one). A break point that ends
     * {@code s} is where the line breaks: the letters before it stay plain, and so do those that begin the next line.
     */
    String apply(String s) {
        if (set.isEmpty() || s.indexOf('f') < 0) {
            return s;
        }
        StringBuilder out = null;
        int i = 0;
        while (i < s.length()) {
            int end = s.charAt(i) == 'f' ? at(s, i) : -1;
            if (end < 0) {
                if (out != null) {
                    out.append(s.charAt(i));
                }
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            out.append(set.get(letters(s, i, end)).charValue());
            i = end;
        }
        return out == null ? s : out.toString();
    }

    /** Where the longest ligature that starts at {@code i} (an f) ends in {@code s}, or -1. */
    private int at(String s, int i) {
        for (String letters : set.keySet()) {
            int j = i;
            int k = 0;
            while (k < letters.length() && j < s.length()) {
                char c = s.charAt(j);
                if (c == letters.charAt(k)) {
                    j++;
                    k++;
                } else if (k > 0 && SoftHyphens.isMark(c) && j + 1 < s.length()) {
                    j++;   // a break point the line goes on through
                } else {
                    break;
                }
            }
            if (k == letters.length() && (j == s.length() || !mark(s.charAt(j)))) {
                return j;
            }
        }
        return -1;
    }

    /** The letters of {@code s} from {@code i} to {@code end}, break points left out. */
    private static String letters(String s, int i, int end) {
        StringBuilder b = new StringBuilder(3);
        for (int j = i; j < end; j++) {
            if (!SoftHyphens.isMark(s.charAt(j))) {
                b.append(s.charAt(j));
            }
        }
        return b.toString();
    }

    /**
     * Whether a ligature joins the end of {@code before}, which ends on a break point, to the start of
     * {@code after} when the line does not break there ("dif" + "fer").
     */
    boolean across(String before, String after) {
        int n = before.length();
        if (set.isEmpty() || n < 2 || after.isEmpty() || before.charAt(n - 2) != 'f'
                || !SoftHyphens.isMark(before.charAt(n - 1)) || "fil".indexOf(after.charAt(0)) < 0) {
            return false;
        }
        String joined = before + after;
        return marks(apply(joined)) < marks(joined);
    }

    private static int marks(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (SoftHyphens.isMark(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** A combining mark after the ligature's last letter (an accent on the i) keeps the letters apart. */
    private static boolean mark(char c) {
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }

    /** Whether {@code c} is one of the ligatures Sheaf sets. */
    static boolean isLigature(char c) {
        return c >= '\uFB00' && c <= '\uFB04';
    }

    /** The letters a ligature stands for. */
    static String letters(char ligature) {
        for (Map.Entry<String, Character> e : STANDARD.entrySet()) {
            if (e.getValue() == ligature) {
                return e.getKey();
            }
        }
        return String.valueOf(ligature);
    }

    /** Whether {@code s} holds a ligature. */
    static boolean hasLigature(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isLigature(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
