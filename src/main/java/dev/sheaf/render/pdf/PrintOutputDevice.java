package dev.sheaf.render.pdf;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import dev.sheaf.render.pdf.tagging.TaggingOutputDevice;
import org.xhtmlrenderer.pdf.ITextFSFont;
import org.xhtmlrenderer.render.FSFont;
import org.xhtmlrenderer.render.JustificationInfo;

import java.util.Set;

/**
 * Writes no text on the pages given to {@link #blankPages}. Those are the empty versos Flying Saucer inserts
 * for {@code page-break-before: right}: they take the previous page's name and so its running head and
 * folio, which a book leaves off a blank page. Silencing them while painting spares a second layout with
 * a named blank page put in by hand.
 *
 * <p>It also keeps characters outside the Basic Multilingual Plane (emoji, rare CJK ideographs) in justified
 * lines, where Flying Saucer would drop them; see {@link #drawString}.
 */
final class PrintOutputDevice extends TaggingOutputDevice {

    private Set<Integer> blankPages = Set.of();
    private int page = -1;
    private FSFont font;
    private dev.sheaf.model.Book coverBook;
    private java.nio.file.Path coverSvg;
    private float coverWidth;
    private float coverHeight;

    PrintOutputDevice(float dotsPerPoint) {
        super(dotsPerPoint);
    }

    /** 0-based indexes of the pages to leave empty. */
    void blankPages(Set<Integer> pages) {
        this.blankPages = Set.copyOf(pages);
    }

    @Override
    public void initializePage(PdfContentByte currentPage, float height) {
        page++;
        super.initializePage(currentPage, height);
    }

    @Override
    public void setFont(FSFont font) {
        this.font = font;
        super.setFont(font);
    }

    /**
     * Flying Saucer justifies a line by writing each UTF-16 unit of a string as an entry of its own in a PDF text
     * array, with the extra spacing between entries; that splits a surrogate pair and the character is lost. Here
     * such characters are written whole, without spacing, and the rest of the string justified as before, each
     * piece at the position the justified line gives it.
     */
    @Override
    public void drawString(String text, float x, float y, JustificationInfo justification) {
        if (blankPages.contains(page)) {
            return;
        }
        SoftHyphens.Drawn drawn = SoftHyphens.drawn(text, justification, baseFont());
        String s = drawn.text();
        JustificationInfo info = drawn.info();
        if (info == null || !(font instanceof ITextFSFont fs) || s.codePoints().noneMatch(Character::isSupplementaryCodePoint)) {
            super.drawString(s, x, y, info);
            return;
        }
        BaseFont base = fs.getFontDescription().getFont();
        float at = x;
        int i = 0;
        while (i < s.length()) {
            boolean pair = Character.isSurrogatePair(s.charAt(i), i + 1 < s.length() ? s.charAt(i + 1) : ' ');
            int end = pair ? i + 2 : i + 1;
            while (!pair && end < s.length() && !Character.isHighSurrogate(s.charAt(end))) {
                end++;
            }
            String piece = s.substring(i, end);
            super.drawString(piece, at, y, pair ? null : info);
            at += base.getWidthPoint(piece, fs.getSize2D());
            for (int k = i; k < end && k < s.length() - 1; k++) {
                char c = s.charAt(k);
                at += c == ' ' || c == '\u00a0' || c == '\u3000' ? info.spaceAdjust() : info.nonSpaceAdjust();
            }
            i = end;
        }
    }

    /** The font strings are drawn in now. */
    private com.lowagie.text.pdf.BaseFont baseFont() {
        return font instanceof org.xhtmlrenderer.pdf.ITextFSFont f ? f.getFontDescription().getFont() : null;
    }

    /**
     * Draws the cover page from {@code svg} as vector shapes instead of the picture laid out for it;
     * {@code width} and {@code height} are the page's, in points.
     */
    void vectorCover(dev.sheaf.model.Book book, java.nio.file.Path svg, float width, float height) {
        this.coverBook = book;
        this.coverSvg = svg;
        this.coverWidth = width;
        this.coverHeight = height;
    }

    @Override
    public void drawImage(org.xhtmlrenderer.extend.FSImage image, int x, int y) {
        if (coverSvg == null || page != 0) {
            super.drawImage(image, x, y);
            return;
        }
        PdfContentByte cb = getCurrentPage();
        cb.saveState();
        java.awt.Graphics2D g = cb.createGraphicsShapes(coverWidth, coverHeight);
        try {
            dev.sheaf.render.cover.SvgCover.paint(coverBook, coverSvg, g, coverWidth, coverHeight);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            g.dispose();
            cb.restoreState();
        }
    }
}
