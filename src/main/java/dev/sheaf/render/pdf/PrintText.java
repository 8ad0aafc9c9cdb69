package dev.sheaf.render.pdf;

import org.xhtmlrenderer.render.FSFont;
import org.xhtmlrenderer.extend.FontContext;
import com.lowagie.text.pdf.BaseFont;
import org.xhtmlrenderer.pdf.ITextFSFont;
import org.xhtmlrenderer.pdf.ITextTextRenderer;

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

    @Override
    public int getWidth(FontContext context, FSFont font, String string) {
        BaseFont base = font instanceof ITextFSFont f ? f.getFontDescription().getFont() : null;
        String set = Ligatures.of(base).apply(string);
        int width;
        if (SoftHyphens.hasMark(set)) {
            width = super.getWidth(context, font, SoftHyphens.strip(set));
            if (SoftHyphens.endsOnMark(set)) {
                width += hyphen(context, font);
            }
        } else {
            width = super.getWidth(context, font, set);
        }
        width += kerning(font, set);
        if (HyphenBreaks.takesBackHyphen(string)) {
            width -= hyphen(context, font);
        }
        return width;
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
