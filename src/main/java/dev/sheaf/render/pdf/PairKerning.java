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
     * The kerning of Latin pairs by slot ({@link #slot}), plus {@link #BIAS}; 0 where not measured yet. Threads
     * laying out two books with one face may both measure a pair, or a row: they write the same values.
     */
    private final short[][] dense = new short[SLOTS][];

    private PairKerning(Font face) {
        this.plain = face == null ? null : face.deriveFont(1000f);
        this.kerned = plain == null ? null : plain.deriveFont(Map.of(TextAttribute.KERNING, TextAttribute.KERNING_ON));
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
        int sa = slot(a);
        int sb = slot(b);
        if (sa < 0 || sb < 0) {
            // an odd multiplier spreads the pairs over the map's bins (a << 16 | b alone piles them into a few)
            return pairs.computeIfAbsent((a << 16 | b) * 0x9E3779B9, k -> measure(a, b));
        }
        short[] row = dense[sa];
        if (row == null) {
            row = new short[SLOTS];
            dense[sa] = row;
        }
        int known = row[sb];
        if (known == 0) {
            known = measure(a, b) + BIAS;
            row[sb] = (short) known;
        }
        return known - BIAS;
    }

    /**
     * A pair's kerning is looked up for every pair of every string Flying Saucer measures, so the pairs of Latin
     * letters and Sheaf's ligatures sit in a table (rows made when first used): its slot for {@code c}, or -1.
     */
    private static int slot(char c) {
        if (c < LATIN) {
            return c;
        }
        return Ligatures.isLigature(c) ? LATIN + c - '\uFB00' : -1;
    }

    /** Latin, Latin-1 and Latin Extended-A and -B. */
    private static final int LATIN = 0x0250;
    private static final int SLOTS = LATIN + 5;
    /** A table entry is the kerning plus this, so that 0 (a new row) means "not measured yet". */
    private static final int BIAS = 0x4000;

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
        int kern = (int) Math.round(with.getGlyphPosition(2).getX() - without.getGlyphPosition(2).getX());
        return Math.max(-BIAS + 1, Math.min(BIAS - 1, kern));
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
