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
 * <p>Ligatures are formed only from letters that are next to each other in one string: Flying Saucer measures
 * and draws one inline element's text at a time (so never across {@code f<em>i}), and a break point between
 * the letters ({@link SoftHyphens}: the author's soft hyphen, the hyphenator's mark) keeps them apart, so a word
 * broken as "dif-" ends on a plain f. So does a zero-width non-joiner, the way an author asks for no ligature
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

    /** {@code s} with the face's ligatures set (the same string when there are none to set). */
    String apply(String s) {
        if (set.isEmpty() || s.indexOf('f') < 0) {
            return s;
        }
        StringBuilder out = null;
        int i = 0;
        while (i < s.length()) {
            Character form = s.charAt(i) == 'f' ? at(s, i) : null;
            if (form == null) {
                if (out != null) {
                    out.append(s.charAt(i));
                }
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            out.append(form.charValue());
            i += letters(form).length();
        }
        return out == null ? s : out.toString();
    }

    /** The ligature that starts at {@code i} (an f), or null. */
    private Character at(String s, int i) {
        for (Map.Entry<String, Character> e : set.entrySet()) {
            String letters = e.getKey();
            int end = i + letters.length();
            if (s.startsWith(letters, i) && (end == s.length() || !mark(s.charAt(end)))) {
                return e.getValue();
            }
        }
        return null;
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
