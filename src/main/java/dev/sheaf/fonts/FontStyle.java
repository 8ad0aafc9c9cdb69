package dev.sheaf.fonts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * A face's weight and slant as the font itself declares them, for CSS {@code @font-face} rules: the weight from
 * {@code OS/2.usWeightClass} (SemiBold is 600, Black 900, Light 300), italic from {@code OS/2.fsSelection} (italic
 * or oblique), else from {@code head.macStyle}. The full name ("… SemiBold", "… Black") is only a guess: it made
 * SemiBold bold and Black regular. A font without an OS/2 table (older Mac TrueType) has only macStyle's bold bit.
 *
 * @param weight a CSS weight, 100 to 900 in hundreds (what EPUB reading systems understand)
 */
public record FontStyle(int weight, boolean italic) {

    private static final int FS_ITALIC = 1;
    private static final int FS_BOLD = 1 << 5;
    private static final int FS_OBLIQUE = 1 << 9;
    private static final int MAC_BOLD = 1;
    private static final int MAC_ITALIC = 1 << 1;

    public static FontStyle of(FontTables font) throws IOException {
        Optional<ByteBuffer> os2 = font.table("OS/2");
        Optional<ByteBuffer> head = font.table("head");
        int macStyle = head.filter(h -> h.limit() >= 46).map(h -> h.getShort(44) & 0xFFFF).orElse(0);
        boolean italic = (macStyle & MAC_ITALIC) != 0;
        int weight = (macStyle & MAC_BOLD) != 0 ? 700 : 400;
        if (os2.isPresent() && os2.get().limit() >= 64) {
            ByteBuffer b = os2.get();
            int fsSelection = b.getShort(62) & 0xFFFF;
            italic = (fsSelection & (FS_ITALIC | FS_OBLIQUE)) != 0;
            weight = css(b.getShort(4) & 0xFFFF, (fsSelection & FS_BOLD) != 0 ? 700 : weight);
        } else if (os2.isPresent() && os2.get().limit() >= 6) {
            weight = css(os2.get().getShort(4) & 0xFFFF, weight);
        }
        return new FontStyle(weight, italic);
    }

    /**
     * {@code usWeightClass} as a CSS weight: 1 to 1000 rounded to hundreds; some old fonts write 1 to 9 for 100 to
     * 900; 0 (unset) leaves {@code otherwise}, what the style bits say.
     */
    static int css(int usWeightClass, int otherwise) {
        if (usWeightClass == 0 || usWeightClass > 1000) {
            return otherwise;
        }
        int w = usWeightClass < 10 ? usWeightClass * 100 : usWeightClass;
        return Math.max(100, Math.min(900, (w + 50) / 100 * 100));
    }
}
