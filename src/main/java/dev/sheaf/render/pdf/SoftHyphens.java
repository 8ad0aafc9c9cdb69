package dev.sheaf.render.pdf;

import com.lowagie.text.pdf.BaseFont;
import org.xhtmlrenderer.render.JustificationInfo;

/**
 * The two kinds of break point inside a word that the print engine knows: the author's soft hyphen (U+00AD,
 * a break wherever it is) and the hyphenator's mark (a private-use character, a break only where the style
 * says {@code hyphens: auto}). Neither is ever drawn or measured, except that the one a line ends on is drawn
 * and measured as a hyphen; so copying text from the PDF gives plain words, a word broken at a line end
 * with a soft hyphen between its parts.
 */
final class SoftHyphens {

    /** The author's soft hyphen. */
    static final char SOFT = '\u00AD';
    /** A break point the hyphenator chose; never written anywhere but into the print engine's document. */
    static final char AUTO = '\uE0AD';
    /**
     * What a line that ends on a break point shows: the soft hyphen's own glyph where the font has one (Noto and
     * DejaVu draw it as a hyphen), so that text extraction gives U+00AD, which PDF readers and search treat as
     * "the word goes on" (PDF 32000-1, 14.8.2.2.3); else a plain hyphen.
     */
    static String hyphen(BaseFont font) {
        return font != null && font.charExists(SOFT) ? String.valueOf(SOFT) : "-";
    }

    private SoftHyphens() {
    }

    static boolean isMark(char c) {
        return c == SOFT || c == AUTO;
    }

    static boolean hasMark(String s) {
        return s.indexOf(SOFT) >= 0 || s.indexOf(AUTO) >= 0;
    }

    static boolean endsOnMark(String s) {
        return !s.isEmpty() && isMark(s.charAt(s.length() - 1));
    }

    /** The text without its break points. */
    static String strip(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isMark(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Text and justification as drawn: the face's ligatures set ({@link Ligatures}), break points left out, a
     * final one drawn as a hyphen.
     */
    record Drawn(String text, JustificationInfo info) { }

    /**
     * What to draw for {@code s}, laid out with {@code info}. Flying Saucer spreads part of a justified line's
     * extra space over every character, break points and the letters of a ligature included; the characters
     * that remain take their share, so the run still ends where it was laid out to end.
     */
    static Drawn drawn(String logical, JustificationInfo info, BaseFont font) {
        String s = RightToLeft.visual(logical);
        String set = Ligatures.of(font).apply(s);
        if (!hasMark(set) && set.length() == s.length()) {
            return new Drawn(s, info);
        }
        String text = strip(set) + (endsOnMark(set) ? hyphen(font) : "");
        if (info == null || text.isEmpty()) {
            return new Drawn(text, info);
        }
        float total = adjustment(s, info.nonSpaceAdjust(), info.spaceAdjust());
        int spaces = 0;
        int others = 0;
        for (int i = 0; i < text.length() - 1; i++) {
            if (isSpace(text.charAt(i))) {
                spaces++;
            } else {
                others++;
            }
        }
        if (others == 0) {
            return new Drawn(text, info);
        }
        float nonSpace = (total - spaces * info.spaceAdjust()) / others;
        return new Drawn(text, new JustificationInfo(nonSpace, info.spaceAdjust()));
    }

    private static float adjustment(String s, float nonSpace, float space) {
        float total = 0;
        for (int i = 0; i < s.length() - 1; i++) {
            total += isSpace(s.charAt(i)) ? space : nonSpace;
        }
        return total;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00a0' || c == '\u3000';
    }
}
