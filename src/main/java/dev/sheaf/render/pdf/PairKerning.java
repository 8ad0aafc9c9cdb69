package dev.sheaf.render.pdf;

import com.lowagie.text.pdf.BaseFont;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.TextAttribute;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kerning of a face, pair by pair, as its OpenType tables give it (in thousandths of an em).
 *
 * <p>OpenPDF reads only the old TrueType {@code kern} table, which the Noto faces do not have: their kerning is
 * in {@code GPOS}. Java's own text layout reads {@code GPOS}: a pair's kerning is the advance of the two
 * characters laid out with {@link TextAttribute#KERNING} less their advance without it (ligatures stay off,
 * so each character keeps its glyph). The face is read from the bytes OpenPDF embeds.
 *
 * <p>Only pairs of letters, digits and punctuation of left-to-right scripts are kerned: a pair with a space
 * would span two of the pieces Flying Saucer measures a line in, and right-to-left text is drawn in visual
 * order. The faces' data is all that is kept between books (per face object, which belongs to one build).
 */
final class PairKerning {

    /** OpenPDF's {@code TrueTypeFont.getFullFont()}: the face's bytes (the class is not public). */
    private static final Method FULL_FONT = fullFont();

    private static Method fullFont() {
        try {
            Method m = Class.forName("com.lowagie.text.pdf.TrueTypeFont").getDeclaredMethod("getFullFont");
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Off only to measure what kerning costs: {@code -Dsheaf.measure.kerning=false} (docs/PERFORMANCE.md). Not a
     * setting of the book: without kerning every line is set differently.
     */
    static final boolean ON = !"false".equals(System.getProperty("sheaf.measure.kerning"));

    private static final PairKerning NONE = new PairKerning(null);
    private static final Map<BaseFont, PairKerning> FACES = Collections.synchronizedMap(new WeakHashMap<>());
    private static final FontRenderContext FRC = new FontRenderContext(null, false, true);

    private final Font plain;
    private final Font kerned;
    private final Map<Integer, Integer> pairs = new ConcurrentHashMap<>();
    /**
     * The kerning of the pairs of common characters ({@link #dense}), {@link #UNKNOWN} until measured: every piece of
     * text Flying Saucer measures looks up each of its pairs, and in the map of boxed pairs those lookups were a tenth
     * of the time of a large book's PDF.
     */
    private final short[] table;
    private static final int DENSE = 0x0180 + 0x30;
    private static final short UNKNOWN = Short.MIN_VALUE;

    private PairKerning(Font face) {
        this.plain = face == null ? null : face.deriveFont(1000f);
        this.kerned = plain == null ? null : plain.deriveFont(Map.of(TextAttribute.KERNING, TextAttribute.KERNING_ON));
        this.table = plain == null ? null : new short[DENSE * DENSE];
        if (table != null) {
            java.util.Arrays.fill(table, UNKNOWN);
        }
    }

    /** The kerning of {@code font}; none for a face Java cannot read (or a font that is not TrueType). */
    static PairKerning of(BaseFont font) {
        if (font == null || FULL_FONT == null || !FULL_FONT.getDeclaringClass().isInstance(font)) {
            return NONE;
        }
        return FACES.computeIfAbsent(font, f -> new PairKerning(face(f)));
    }

    private static Font face(BaseFont font) {
        try {
            Method full = FULL_FONT;
            byte[] bytes = (byte[]) full.invoke(font);
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
        } catch (ReflectiveOperationException | RuntimeException | IOException | FontFormatException e) {
            return null;   // no kerning rather than no book
        }
    }

    /** The face as Java reads it, at 1000 points (one unit per thousandth of an em); null if Java cannot read it. */
    Font face() {
        return plain;
    }

    /** The kerning between {@code a} and {@code b} set next to each other, in thousandths of an em (0 if none). */
    int kern(char a, char b) {
        if (!ON || plain == null || !kernable(a) || !kernable(b)) {
            return 0;
        }
        int ia = dense(a);
        int ib = dense(b);
        if (ia >= 0 && ib >= 0) {
            int at = ia * DENSE + ib;
            short known = table[at];
            if (known == UNKNOWN) {
                int measured = pairs.computeIfAbsent(a << 16 | b, k -> measure(a, b));
                if (measured <= UNKNOWN || measured > Short.MAX_VALUE) {
                    return measured;
                }
                known = (short) measured;
                table[at] = known;   // a race only writes the same value twice
            }
            return known;
        }
        return pairs.computeIfAbsent(a << 16 | b, k -> measure(a, b));
    }

    /**
     * The place of {@code c} in {@link #table}, or -1: Latin to Latin Extended-A, then the general punctuation
     * block (dashes, curly quotes), which is most of what a Latin text's pairs are made of.
     */
    private static int dense(char c) {
        if (c < 0x0180) {
            return c;
        }
        return c >= 0x2010 && c < 0x2040 ? 0x0180 + c - 0x2010 : -1;
    }

    /** The kerning of every pair of {@code s} (pairs a break point separates are not kerned), in thousandths of an em. */
    int total(String s) {
        if (!ON || plain == null) {
            return 0;
        }
        int sum = 0;
        for (int i = 0; i + 1 < s.length(); i++) {
            sum += kern(s.charAt(i), s.charAt(i + 1));
        }
        return sum;
    }

    /**
     * The kerning after each character of {@code s} as drawn (its break points left out, see {@link SoftHyphens}),
     * in thousandths of an em; null when nothing is kerned. Characters a break point separates are not kerned:
     * Flying Saucer measures them in different pieces.
     */
    int[] between(String s) {
        if (!ON || plain == null) {
            return null;
        }
        int[] kerns = new int[s.length() + 1];
        boolean any = false;
        int j = -1;
        char previous = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (SoftHyphens.isMark(c)) {
                previous = 0;
                continue;
            }
            if (j >= 0 && previous != 0) {
                kerns[j] = kern(previous, c);
                any |= kerns[j] != 0;
            }
            j++;
            previous = c;
        }
        return any ? kerns : null;
    }

    private int measure(char a, char b) {
        char[] pair = {a, b};
        GlyphVector with = kerned.layoutGlyphVector(FRC, pair, 0, 2, Font.LAYOUT_LEFT_TO_RIGHT);
        GlyphVector without = plain.layoutGlyphVector(FRC, pair, 0, 2, Font.LAYOUT_LEFT_TO_RIGHT);
        if (with.getNumGlyphs() != 2 || without.getNumGlyphs() != 2) {
            return 0;
        }
        return (int) Math.round(with.getGlyphPosition(2).getX() - without.getGlyphPosition(2).getX());
    }

    /**
     * A letter, digit or punctuation mark of a left-to-right script (Latin, Greek, Cyrillic and their marks), or a
     * Latin ligature ({@link Ligatures}): its kerning with its neighbours is the face's for the ligature glyph.
     */
    static boolean kernable(char c) {
        if (c < 0x21 || Character.isWhitespace(c) || Character.isSpaceChar(c) || SoftHyphens.isMark(c)
                || Character.getType(c) == Character.FORMAT || Character.isSurrogate(c)) {
            return false;
        }
        return c < 0x0590 || (c >= 0x1D00 && c < 0x2070) || Ligatures.isLigature(c);
    }
}
