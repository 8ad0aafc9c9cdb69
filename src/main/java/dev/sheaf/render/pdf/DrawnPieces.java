package dev.sheaf.render.pdf;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import dev.sheaf.render.pdf.tagging.TaggingOutputDevice;
import org.xhtmlrenderer.pdf.ITextFSFont;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.render.FSFont;
import org.xhtmlrenderer.render.JustificationInfo;

/**
 * How the print editions' output devices write a run of text that Flying Saucer would write wrongly in one go.
 *
 * <ul>
 *   <li>Flying Saucer justifies a line by writing each UTF-16 unit of a string as an entry of its own in a PDF
 *       text array, with the extra spacing between entries; that splits a surrogate pair and the character is
 *       lost. Such characters are written whole, without spacing.</li>
 *   <li>Format characters (the zero-width non-joiner Persian writes inside words, the joiner, direction marks)
 *       are written as invisible text: the fonts have glyphs for them that show a bar (for a shaping engine to
 *       hide), but they belong in the text that is copied and searched, where the non-joiner keeps
 *       {@code می} and {@code شود} apart as the author wrote them.</li>
 *   <li>Kerned pairs ({@link PairKerning}): the run is cut between the two characters and the second part
 *       written that much closer (or further).</li>
 *   <li>Ligatures ({@link Ligatures}): each is written on its own, in a marked-content sequence whose
 *       {@code /ActualText} gives its letters, so that copying, search and the tagged text read "fi", not
 *       the presentation form.</li>
 * </ul>
 * The rest of the run is justified as before, each piece at the position the justified line gives it.
 */
final class DrawnPieces {

    /** The output device's own {@code drawString}. */
    @FunctionalInterface
    interface Writer {
        void draw(String text, float x, JustificationInfo info);
    }

    private DrawnPieces() {
    }

    /**
     * Writes {@code s} (as drawn: visual order, break points resolved) at {@code x} through {@code writer}, in
     * pieces where it needs them; {@code kerns} holds the kerning after each character of {@code s} in
     * thousandths of an em, or is null.
     */
    static void draw(ITextOutputDevice device, FSFont font, String s, float x, JustificationInfo info, int[] kerns,
                     Writer writer) {
        if (!(font instanceof ITextFSFont fs) || kerns == null && s.chars().noneMatch(DrawnPieces::invisible)
                && !Ligatures.hasLigature(s)
                && (info == null || s.codePoints().noneMatch(Character::isSupplementaryCodePoint))) {
            writer.draw(s, x, info);
            return;
        }
        BaseFont base = fs.getFontDescription().getFont();
        PdfContentByte cb = device.getCurrentPage();
        float at = x;
        int i = 0;
        while (i < s.length()) {
            boolean pair = Character.isSurrogatePair(s.charAt(i), i + 1 < s.length() ? s.charAt(i + 1) : ' ');
            boolean ligature = Ligatures.isLigature(s.charAt(i));
            boolean hidden = !pair && invisible(s.charAt(i));
            int end = pair ? i + 2 : i + 1;
            while (!pair && !ligature && end < s.length() && !Character.isHighSurrogate(s.charAt(end))
                    && !Ligatures.isLigature(s.charAt(end))
                    && invisible(s.charAt(end)) == hidden && !kerned(kerns, end - 1)) {
                end++;
            }
            String piece = s.substring(i, end);
            if (hidden) {
                // no bold made by stroking: Flying Saucer would switch to fill-and-stroke for it
                var spec = device.getFontSpecification();
                device.setFontSpecification(null);
                cb.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_INVISIBLE);
                writer.draw(piece, at, null);
                cb.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_FILL);
                device.setFontSpecification(spec);
            } else if (ligature && device instanceof TaggingOutputDevice tagging) {
                // copied, searched and read aloud as its letters
                tagging.nextStringReads(Ligatures.letters(s.charAt(i)));
                writer.draw(piece, at, null);
            } else {
                writer.draw(piece, at, pair ? null : info);
            }
            at += base.getWidthPoint(piece, fs.getSize2D());
            for (int k = i; info != null && k < end && k < s.length() - 1; k++) {
                char c = s.charAt(k);
                at += c == ' ' || c == '\u00a0' || c == '\u3000' ? info.spaceAdjust() : info.nonSpaceAdjust();
            }
            if (kerned(kerns, end - 1)) {
                at += kerns[end - 1] * fs.getSize2D() / 1000f;
            }
            i = end;
        }
    }

    /** The kerning after each character of {@code logical} as drawn (see {@link PairKerning#between}), or null. */
    static int[] kerns(FSFont font, String logical) {
        if (!(font instanceof ITextFSFont fs) || logical.length() < 2) {
            return null;
        }
        BaseFont base = fs.getFontDescription().getFont();
        return PairKerning.of(base).between(Ligatures.of(base).apply(RightToLeft.visual(logical)));
    }

    private static boolean kerned(int[] kerns, int after) {
        return kerns != null && after >= 0 && after < kerns.length && kerns[after] != 0;
    }

    /** A format character other than the soft hyphen (which a line's end draws as a hyphen). */
    static boolean invisible(int c) {
        return Character.getType(c) == Character.FORMAT && c != SoftHyphens.SOFT;
    }
}
