package dev.sheaf.render.pdf;

import org.xhtmlrenderer.css.constants.IdentValue;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.layout.breaker.BreakPoint;
import org.xhtmlrenderer.layout.breaker.BreakPointsProvider;
import org.xhtmlrenderer.layout.breaker.LineBreakingStrategy;
import org.xhtmlrenderer.layout.breaker.UrlAwareLineBreakIterator;

import java.text.BreakIterator;

/**
 * Where a line may break: Flying Saucer's own break points (spaces, hyphens, and inside URLs), plus the
 * author's soft hyphens everywhere and the hyphenator's break points where the style says
 * {@code hyphens: auto}.
 *
 * <p>Flying Saucer measures the text from one break point to the next, in order, and adds the widths up; a
 * piece ending on a break point inside a word is measured with its hyphen ({@link PrintText}). The piece
 * measured next must then give that hyphen back. Which piece that is, is known here, where the break points
 * are handed out: the next measurement of exactly that text (on this thread) takes a hyphen off.
 */
final class HyphenBreaks implements LineBreakingStrategy {

    /** The piece that must give back the previous piece's hyphen, and that previous piece, on this thread. */
    private record GiveBack(String piece, String before) { }

    private static final ThreadLocal<GiveBack> GIVE_BACK = new ThreadLocal<>();

    /**
     * For the measurement that must give back a hyphen (once; clears the note): the piece measured before it,
     * which ends on the break point (so that the measurer can also give back what the two pieces share across
     * it when the line does not break there, a ligature); null for any other measurement.
     */
    static String takesBackHyphen(String measured) {
        GiveBack expected = GIVE_BACK.get();
        if (expected != null && expected.piece().equals(measured)) {
            GIVE_BACK.remove();
            return expected.before();
        }
        return null;
    }

    /** Forgets a hyphen still to be given back: for measurements made after the layout. */
    static void forget() {
        GIVE_BACK.remove();
    }

    @Override
    public BreakPointsProvider getBreakPointsProvider(String text, String lang, CalculatedStyle style) {
        boolean auto = style != null && style.getHyphens() == IdentValue.AUTO;
        BreakIterator words = new UrlAwareLineBreakIterator(text);
        if (text.indexOf(SoftHyphens.SOFT) < 0 && (!auto || text.indexOf(SoftHyphens.AUTO) < 0)) {
            return () -> {
                GIVE_BACK.remove();
                int next = words.next();
                return next < 0 ? BreakPoint.getDonePoint() : new BreakPoint(next);
            };
        }
        return new Merged(text, words, auto);
    }

    /** Flying Saucer's break points and the soft hyphens', in order. */
    private static final class Merged implements BreakPointsProvider {
        private final String text;
        private final BreakIterator words;
        private final boolean auto;
        private int nextWord;
        private int position;
        private int previous;
        private boolean lastWasHyphen;

        Merged(String text, BreakIterator words, boolean auto) {
            this.text = text;
            this.words = words;
            this.auto = auto;
            this.nextWord = words.next();
        }

        @Override
        public BreakPoint next() {
            int mark = nextMark(position);
            int next;
            if (mark >= 0 && (nextWord < 0 || mark <= nextWord)) {
                next = mark;
                if (mark == nextWord) {
                    nextWord = words.next();
                }
            } else {
                next = nextWord;
                if (nextWord >= 0) {
                    nextWord = words.next();
                }
            }
            if (next < 0) {
                GIVE_BACK.remove();
                return BreakPoint.getDonePoint();
            }
            if (lastWasHyphen) {
                GIVE_BACK.set(new GiveBack(text.substring(position, next), text.substring(previous, position)));
            } else {
                GIVE_BACK.remove();
            }
            lastWasHyphen = SoftHyphens.isMark(text.charAt(next - 1));
            previous = position;
            position = next;
            return new BreakPoint(next);
        }

        /** The position just after the next usable break point mark after {@code from}, or -1. */
        private int nextMark(int from) {
            for (int i = from; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == SoftHyphens.SOFT || (auto && c == SoftHyphens.AUTO)) {
                    if (i + 1 > from) {
                        return i + 1;
                    }
                }
            }
            return -1;
        }
    }
}
