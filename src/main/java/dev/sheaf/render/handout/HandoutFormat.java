package dev.sheaf.render.handout;

import dev.sheaf.model.Handout;
import dev.sheaf.render.pdf.PrintKit;

/**
 * The page a handout is set on and the sheet it is printed on.
 *
 * <ul>
 *   <li>{@code sheets}: A4 or Letter portrait pages, with the PDF edition's A4 or Letter margins (mirrored, so
 *   double-sided printing keeps the gutter on the inside), printed as they are.</li>
 *   <li>{@code booklet}: A5 pages (on Letter paper: half-letter, 5.5 × 8.5 in) with the A5 edition's margins,
 *   imposed two-up on landscape A4 or Letter sheets by {@link Booklet}.</li>
 * </ul>
 *
 * @param page        the page the text is laid out on
 * @param sheetWidth  the printed sheet, in points: landscape for a booklet, the page itself otherwise
 * @param sheetHeight see {@code sheetWidth}
 */
record HandoutFormat(PrintKit.Page page, float sheetWidth, float sheetHeight, boolean booklet) {

    /** ISO A4 in points, as OpenPDF rounds it. */
    static final float A4_SHORT = 595;
    static final float A4_LONG = 842;
    static final float LETTER_SHORT = 612;
    static final float LETTER_LONG = 792;
    /** The smallest body size for large type, in points. */
    static final double LARGE_TYPE = 14;

    static HandoutFormat of(Handout h) {
        boolean letter = "letter".equalsIgnoreCase(h.paper());
        PrintKit.Page page;
        if (h.booklet()) {
            page = letter ? PrintKit.Page.trim("a5").withSize(139.7, 215.9) : PrintKit.Page.trim("a5");
        } else {
            page = PrintKit.Page.trim(letter ? "letter" : "a4");
        }
        if (h.largeType()) {
            page = page.withFontSize(largeType(page.fontSize()));
        }
        float longSide = letter ? LETTER_LONG : A4_LONG;
        float shortSide = letter ? LETTER_SHORT : A4_SHORT;
        return h.booklet() ? new HandoutFormat(page, longSide, shortSide, true)
                : new HandoutFormat(page, shortSide, longSide, false);
    }

    /** A third larger than the edition's text, and never under 14 pt: 14 pt on A5, 15 pt on A4 and Letter. */
    static double largeType(double normal) {
        return Math.max(LARGE_TYPE, Math.round(normal * 1.3));
    }
}
