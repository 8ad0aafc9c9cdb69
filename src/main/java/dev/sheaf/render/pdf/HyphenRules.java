package dev.sheaf.render.pdf;

import org.w3c.dom.Text;
import org.xhtmlrenderer.css.constants.CSSName;
import org.xhtmlrenderer.css.constants.IdentValue;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.pdf.ITextFontContext;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.InlineLayoutBox;
import org.xhtmlrenderer.render.InlineText;
import org.xhtmlrenderer.render.LineBox;
import org.xhtmlrenderer.render.PageBox;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The publisher's rules that only a laid-out page can check: no more than two hyphenated lines in a row, and no
 * word hyphenated from one page to the next. Each line that breaks a rule loses the break point it ended on
 * (in the document), and the document is laid out again; fixing one line can move the breaks after it, so this
 * repeats a few times.
 *
 * <p>The first check also takes back hyphens a line did not need. Flying Saucer fills lines first-fit: it
 * takes part of the next word whenever it fits, also where the line would be set well without it. A
 * justified line whose word spaces would stay within {@link #UNNEEDED} times the font's space with the
 * hyphenated part moved to the next line loses that break point, as a compositor would set it.
 */
final class HyphenRules {

    /** The longest run of hyphenated lines allowed. */
    static final int MAX_RUN = 2;
    /**
     * A hyphen is unneeded when the line without its part of the word would have word spaces at most this many
     * times the font's own space (the measure in bench/ calls a line loose above 1.6 times the median line's).
     */
    static final double UNNEEDED = 1.85;
    /** Share of a justified line's extra width Flying Saucer gives to spaces (the rest goes to letters). */
    private static final double SPACE_SHARE = 0.8;

    private HyphenRules() {
    }

    /** A line of text: its box, the text it ends with, and its page. */
    private record Line(LineBox box, InlineText last, int page) {
        /** Ends on a break point inside a word. */
        boolean soft() {
            return last != null && SoftHyphens.endsOnMark(last.getSubstring());
        }

        /** Ends on a break point or after a hyphen of the text (self-|government): either counts in a run. */
        boolean hyphenated() {
            if (soft()) {
                return true;
            }
            String s = last == null ? "" : last.getSubstring().stripTrailing();
            return !s.isEmpty() && (s.charAt(s.length() - 1) == '-' || s.charAt(s.length() - 1) == '\u2010');
        }
    }

    /**
     * Removes, from the document laid out by {@code renderer}, the break points of the lines that break a rule.
     * Returns how many were removed (0: the layout keeps every rule).
     */
    static int fix(ITextRenderer renderer) {
        return fix(renderer, false, false);
    }

    /**
     * As {@link #fix(ITextRenderer)}; with {@code unneeded}, also removes the break points of hyphens a justified
     * line did not need. With {@code last} (the last layout will not be checked), a line that breaks a rule
     * loses every break point from its last word to the end of its paragraph: moving that word to the next line
     * moves the breaks of every line after it, which may end in a new run, and with no break points left they
     * cannot (a narrow justified column of long words needs five layouts otherwise).
     */
    static int fix(ITextRenderer renderer, boolean unneeded, boolean last) {
        List<PageBox> pages = renderer.getRootBox().getLayer().getPages();
        LayoutContext measure = unneeded ? renderer.getSharedContext().newLayoutContextInstance(new ITextFontContext())
                : null;
        List<Line> lines = new ArrayList<>();
        collect(renderer.getRootBox(), pages, lines);
        Map<Text, TreeSet<Integer>> removals = new IdentityHashMap<>();
        int run = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            Line next = i + 1 < lines.size() ? lines.get(i + 1) : null;
            boolean sameBlock = next != null && next.box().getParent() == line.box().getParent();
            if (!line.hyphenated()) {
                run = 0;
                continue;
            }
            run++;
            if (measure != null && sameBlock && line.soft() && unneeded(line, measure)) {
                mark(line.last(), removals);
                run = 0;
                continue;
            }
            boolean tooMany = run > MAX_RUN;
            boolean acrossPages = sameBlock && next.page() != line.page();
            if (tooMany || acrossPages) {
                // a hyphen of the text cannot go; in a run, the soft break before it goes instead
                Line fixable = line.soft() ? line : tooMany && lines.get(i - 1).soft() ? lines.get(i - 1) : null;
                if (fixable != null) {
                    mark(fixable.last(), removals);
                    if (last) {
                        for (int j = i + 1; j < lines.size() && lines.get(j).box().getParent() == line.box().getParent();
                             j++) {
                            markAll(lines.get(j).box(), removals);
                        }
                    }
                }
                run = 0;
            }
            if (!sameBlock) {
                run = 0;
            }
        }
        int removed = 0;
        for (Map.Entry<Text, TreeSet<Integer>> e : removals.entrySet()) {
            StringBuilder data = new StringBuilder(e.getKey().getData());
            for (int index : e.getValue().descendingSet()) {
                data.deleteCharAt(index);
                removed++;
            }
            e.getKey().setData(data.toString());
        }
        return removed;
    }

    /**
     * True when {@code line}, justified, would still be set with word spaces of at most {@link #UNNEEDED} times
     * the font's space if the part of the word it ends with (and the space before it) went to the next line.
     */
    private static boolean unneeded(Line line, LayoutContext c) {
        LineBox box = line.box();
        if (!box.getParent().getStyle().isIdent(CSSName.TEXT_ALIGN, IdentValue.JUSTIFY)) {
            return false;
        }
        InlineText last = line.last();
        String sub = last.getSubstring();
        int start = sub.length();
        while (start > 0 && !Character.isWhitespace(sub.charAt(start - 1))) {
            start--;
        }
        String part = sub.substring(start);
        StringBuilder text = new StringBuilder();
        text(box, text);
        String words = text.toString().strip();
        int spaces = 0;
        for (int i = 0; i < words.length(); i++) {
            if (words.charAt(i) == ' ' || words.charAt(i) == '\u00a0') {
                spaces++;
            }
        }
        if (spaces < 2) {
            return false;
        }
        var font = last.getParent().getStyle().getFSFont(c);
        float space = c.getTextRenderer().getWidth(c.getFontContext(), font, " ");
        float partWidth = c.getTextRenderer().getWidth(c.getFontContext(), font, part);
        var floats = box.getFloatDistances();
        int available = box.getParent().getContentWidth() - box.getContentStart()
                - (floats == null ? 0 : floats.leftFloatDistance() + floats.rightFloatDistance());
        float extra = available - box.getContentWidth() + partWidth + space;
        double gap = space + SPACE_SHARE * extra / (spaces - 1);
        return space > 0 && gap <= UNNEEDED * space;
    }

    /** The text of a line, in order. */
    private static void text(Box box, StringBuilder out) {
        for (int i = 0; i < box.getChildCount(); i++) {
            if (box.getChild(i) instanceof InlineLayoutBox inline) {
                text(inline, out);
            }
        }
    }

    private static void text(InlineLayoutBox box, StringBuilder out) {
        for (Object o : box.getInlineChildren()) {
            if (o instanceof InlineText t) {
                out.append(t.getSubstring());
            } else if (o instanceof InlineLayoutBox inner) {
                text(inner, out);
            }
        }
    }

    /** Notes the break point {@code text} ends on, as an index into its DOM text. */
    private static void mark(InlineText text, Map<Text, TreeSet<Integer>> removals) {
        Text node = text.getTextNode();
        String master = text.getMasterText();
        if (node == null || master == null) {
            return;
        }
        int nth = marks(master, text.getEnd()) - 1;
        String data = node.getData();
        if (nth < 0 || marks(data, data.length()) != marks(master, master.length())) {
            return;   // the laid-out text is not the node's text as written; leave it
        }
        int seen = 0;
        for (int i = 0; i < data.length(); i++) {
            if (SoftHyphens.isMark(data.charAt(i)) && seen++ == nth) {
                // every break point of the word goes, or the next layout breaks the same word elsewhere
                TreeSet<Integer> word = removals.computeIfAbsent(node, k -> new TreeSet<>());
                for (int j = i; j >= 0 && !Character.isWhitespace(data.charAt(j)); j--) {
                    if (SoftHyphens.isMark(data.charAt(j))) {
                        word.add(j);
                    }
                }
                for (int j = i + 1; j < data.length() && !Character.isWhitespace(data.charAt(j)); j++) {
                    if (SoftHyphens.isMark(data.charAt(j))) {
                        word.add(j);
                    }
                }
                return;
            }
        }
    }

    /** Notes every break point of a line's text. */
    private static void markAll(Box box, Map<Text, TreeSet<Integer>> removals) {
        for (int i = 0; i < box.getChildCount(); i++) {
            if (box.getChild(i) instanceof InlineLayoutBox inline) {
                markAll(inline, removals);
            }
        }
    }

    private static void markAll(InlineLayoutBox box, Map<Text, TreeSet<Integer>> removals) {
        for (Object o : box.getInlineChildren()) {
            if (o instanceof InlineText t) {
                markAll(t, removals);
            } else if (o instanceof InlineLayoutBox inner) {
                markAll(inner, removals);
            }
        }
    }

    /** Notes the break points of {@code text}, as indexes into its DOM text (see {@link #mark}). */
    private static void markAll(InlineText text, Map<Text, TreeSet<Integer>> removals) {
        Text node = text.getTextNode();
        String master = text.getMasterText();
        if (node == null || master == null) {
            return;
        }
        String data = node.getData();
        if (marks(data, data.length()) != marks(master, master.length())) {
            return;   // the laid-out text is not the node's text as written; leave it
        }
        int from = marks(master, text.getStart());
        int to = marks(master, text.getEnd());
        int seen = 0;
        for (int i = 0; i < data.length() && seen < to; i++) {
            if (SoftHyphens.isMark(data.charAt(i))) {
                if (seen >= from) {
                    removals.computeIfAbsent(node, k -> new TreeSet<>()).add(i);
                }
                seen++;
            }
        }
    }

    private static int marks(String s, int end) {
        int n = 0;
        for (int i = 0; i < end && i < s.length(); i++) {
            if (SoftHyphens.isMark(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static void collect(Box box, List<PageBox> pages, List<Line> lines) {
        for (int i = 0; i < box.getChildCount(); i++) {
            Box child = box.getChild(i);
            if (child instanceof LineBox line) {
                lines.add(new Line(line, lastText(line), page(pages, line.getAbsY())));
            } else {
                collect(child, pages, lines);
            }
        }
    }

    private static InlineText lastText(Box box) {
        InlineText last = null;
        for (int i = 0; i < box.getChildCount(); i++) {
            Box child = box.getChild(i);
            if (child instanceof InlineLayoutBox inline) {
                InlineText t = lastText(inline);
                if (t != null) {
                    last = t;
                }
            }
        }
        return last;
    }

    private static InlineText lastText(InlineLayoutBox box) {
        InlineText last = null;
        for (Object o : box.getInlineChildren()) {
            if (o instanceof InlineText t && !t.getSubstring().isBlank()) {
                last = t;
            } else if (o instanceof InlineLayoutBox inner) {
                InlineText t = lastText(inner);
                if (t != null) {
                    last = t;
                }
            }
        }
        return last;
    }

    private static int page(List<PageBox> pages, int y) {
        for (PageBox p : pages) {
            if (y >= p.getTop() && y < p.getBottom()) {
                return p.getPageNo();
            }
        }
        return -1;
    }
}
