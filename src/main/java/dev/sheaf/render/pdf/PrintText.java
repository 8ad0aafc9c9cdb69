package dev.sheaf.render.pdf;

import org.xhtmlrenderer.render.FSFont;
import org.xhtmlrenderer.extend.FontContext;
import com.lowagie.text.pdf.BaseFont;
import org.xhtmlrenderer.pdf.ITextFSFont;
import org.xhtmlrenderer.pdf.ITextTextRenderer;

import java.util.HashMap;
import java.util.Map;

/**
 * Flying Saucer's text measuring, with break points inside words ({@link SoftHyphens}) taking no room, except
 * the one a line ends on, which takes a hyphen's.
 *
 * <p>Flying Saucer decides where a line breaks by adding up the widths of the pieces between break points,
 * each measured with the text up to the break point. A piece that ends on a break point inside a word is
 * measured with its hyphen, which belongs to the line only if the line ends there: the next piece takes it off
 * again ({@link HyphenBreaks} says which piece that is), so the sum is always the width of the line as it would
 * be printed.
 *
 * <p>Widths are those of the text as the output devices draw it: with the faces' standard ligatures
 * ({@link Ligatures}, each measured with its own advance) and their kerning ({@link PairKerning}).
 */
final class PrintText extends ITextTextRenderer {

    /**
     * The widths measured, by face, size and text: Flying Saucer measures every piece between two break points, and
     * the same syllables and words come back all through a document and in each of its layouts (a document is laid
     * out again for the hyphenation's checks, for its index, a booklet for its blank pages). Kept for the documents of
     * one printed product, on one thread: at most {@link #KEPT} texts of at most {@link #LONGEST} characters (a long
     * text rarely comes back), a megabyte or two, so that a book laid out in parts in a small heap still fits.
     */
    static final class Widths {
        private static final int KEPT = 1 << 13;
        private static final int LONGEST = 24;
        private final Map<Piece, Integer> measured = new HashMap<>();

        private record Piece(BaseFont face, float size, String text) { }
    }

    private final Widths widths;

    /** Measures with widths of its own. */
    PrintText() {
        this(new Widths());
    }

    /** Measures with {@code widths}, which the measurers of the product's other documents share ({@link KeptFonts}). */
    PrintText(Widths widths) {
        this.widths = widths;
    }

    @Override
    public int getWidth(FontContext context, FSFont font, String string) {
        String before = HyphenBreaks.takesBackHyphen(string);
        if (before == null) {
            return drawnWidth(context, font, string);
        }
        if (Ligatures.of(baseFont(font)).across(before, string)) {
            // a ligature across the break point when the line goes on ("dif|fer" is drawn "diﬀer"): what the
            // two pieces take together, less what the piece before took (with its hyphen)
            return drawnWidth(context, font, before + string) - drawnWidth(context, font, before);
        }
        return drawnWidth(context, font, string) - hyphen(context, font);
    }

    /** The width of {@code string} as drawn: ligatures set, break points left out, a final one as a hyphen, kerned. */
    private int drawnWidth(FontContext context, FSFont font, String string) {
        BaseFont face = baseFont(font);
        if (face == null || string.length() > Widths.LONGEST) {
            return measure(context, font, face, string);
        }
        Widths.Piece piece = new Widths.Piece(face, font.getSize2D(), string);
        Integer width = widths.measured.get(piece);
        if (width == null) {
            width = measure(context, font, face, string);
            if (widths.measured.size() < Widths.KEPT) {
                widths.measured.put(piece, width);
            }
        }
        return width;
    }

    private int measure(FontContext context, FSFont font, BaseFont face, String string) {
        String set = Ligatures.of(face).apply(string);
        int width;
        if (SoftHyphens.hasMark(set)) {
            width = super.getWidth(context, font, SoftHyphens.strip(set));
            if (SoftHyphens.endsOnMark(set)) {
                width += hyphen(context, font);
            }
        } else {
            width = super.getWidth(context, font, set);
        }
        return width + kerning(font, set);
    }

    private static BaseFont baseFont(FSFont font) {
        return font instanceof ITextFSFont f ? f.getFontDescription().getFont() : null;
    }

    /** The fonts' pair kerning ({@link PairKerning}) over {@code string}, as drawn by the output devices. */
    private static int kerning(FSFont font, String string) {
        if (!(font instanceof ITextFSFont f) || string.length() < 2) {
            return 0;
        }
        int kern = PairKerning.of(f.getFontDescription().getFont()).total(string);
        return kern == 0 ? 0 : Math.round(kern * f.getSize2D() / 1000f);
    }

    private int hyphen(FontContext context, FSFont font) {
        BaseFont base = font instanceof ITextFSFont f ? f.getFontDescription().getFont() : null;
        return super.getWidth(context, font, SoftHyphens.hyphen(base));
    }
}
