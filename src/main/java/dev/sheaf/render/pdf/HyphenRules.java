package dev.sheaf.render.pdf;

import org.w3c.dom.Text;
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
 */
final class HyphenRules {

    /** The longest run of hyphenated lines allowed. */
    static final int MAX_RUN = 2;

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
        List<PageBox> pages = renderer.getRootBox().getLayer().getPages();
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
            boolean tooMany = run > MAX_RUN;
            boolean acrossPages = sameBlock && next.page() != line.page();
            if (tooMany || acrossPages) {
                // a hyphen of the text cannot go; in a run, the soft break before it goes instead
                Line fixable = line.soft() ? line : tooMany && lines.get(i - 1).soft() ? lines.get(i - 1) : null;
                if (fixable != null) {
                    mark(fixable.last(), removals);
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
