package dev.sheaf.render.pdf;

import org.xhtmlrenderer.css.constants.IdentValue;
import org.xhtmlrenderer.layout.InlineBoxing;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.pdf.ITextFontContext;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.InlineLayoutBox;
import org.xhtmlrenderer.render.InlineText;
import org.xhtmlrenderer.render.LineBox;

/**
 * Takes the space off the end of justified lines that Flying Saucer leaves there, and justifies those lines
 * again, so that they reach the measure.
 *
 * <p>Flying Saucer (9.13.3) trims the space a justified line breaks at, but looks for it only in the line's last
 * inline box. When a line breaks just before an inline element (emphasis, a link, an index entry's empty
 * anchor, or the text after such an element), that element's box has already been put on the line, with no
 * text in it: the text before it keeps its space, the line is measured with it, and justification stretches it
 * as a word space at the end of the line, where it shows as a gap at the right edge, about a word space wide.
 * Here the last text of each such line is found past any empty boxes, trimmed, and the line laid out
 * horizontally and justified again, as Flying Saucer itself does for lines holding page numbers.
 */
final class TrailingSpaces {

    private TrailingSpaces() {
    }

    /** Trims and justifies again every justified line of the laid-out document that ends on a space. */
    static int trim(ITextRenderer renderer) {
        HyphenBreaks.forget();   // a measurement here takes no hyphen back
        LayoutContext c = renderer.getSharedContext().newLayoutContextInstance(new ITextFontContext());
        return trim(renderer.getRootBox(), c);
    }

    private static int trim(Box box, LayoutContext c) {
        int trimmed = 0;
        for (int i = 0; i < box.getChildCount(); i++) {
            Box child = box.getChild(i);
            if (child instanceof LineBox line) {
                trimmed += trim(line, c) ? 1 : 0;
            } else {
                trimmed += trim(child, c);
            }
        }
        return trimmed;
    }

    private static boolean trim(LineBox line, LayoutContext c) {
        if (!line.getParent().getStyle().isTextJustify() || line.getFloatDistances() == null) {
            return false;
        }
        InlineText last = lastText(line);
        if (last == null || !last.getSubstring().endsWith(" ")) {
            return false;
        }
        IdentValue whitespace = last.getParent().getStyle().getWhitespace();
        if (whitespace != IdentValue.NORMAL && whitespace != IdentValue.NOWRAP) {
            return false;
        }
        last.trimTrailingSpace(c);
        line.setContentWidth(InlineBoxing.positionHorizontally(c, line, 0));
        line.calcChildLocations();
        line.align(true);
        line.calcPaintingInfo(c, false);
        return true;
    }

    /** The line's last text that is not empty, past empty inline boxes; null if the line ends otherwise. */
    private static InlineText lastText(LineBox line) {
        for (int i = line.getChildCount() - 1; i >= 0; i--) {
            if (!(line.getChild(i) instanceof InlineLayoutBox inline)) {
                return null;
            }
            Object found = lastText(inline);
            if (found != EMPTY) {
                return (InlineText) found;
            }
        }
        return null;
    }

    /** Marks a box with no text at all (to look further back), as opposed to one ending otherwise (null). */
    private static final Object EMPTY = new Object();

    private static Object lastText(InlineLayoutBox box) {
        for (int i = box.getInlineChildCount() - 1; i >= 0; i--) {
            Object child = box.getInlineChild(i);
            if (child instanceof InlineText text) {
                if (!text.isEmpty()) {
                    return text;
                }
            } else if (child instanceof InlineLayoutBox inner) {
                Object found = lastText(inner);
                if (found != EMPTY) {
                    return found;
                }
            } else {
                return null;   // an image or inline block ends the line
            }
        }
        return EMPTY;
    }
}
