package dev.sheaf.render.pdf;

import dev.sheaf.render.pagelist.PageBreak;
import dev.sheaf.render.xhtml.TextPlaces;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.InlineLayoutBox;
import org.xhtmlrenderer.render.InlineText;
import org.xhtmlrenderer.render.LineBox;
import org.xhtmlrenderer.render.PageBox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Where each page of a laid-out print document begins in the text, as {@link PageBreak}s: the first line whose
 * baseline lies on the page (the page the text layer draws it on), and in it the first character or image.
 * That place is found in the DOM: the text container holding it ({@code data-tp}, see {@link PrintPlaces}), the
 * unit around it (a piece's, chapter opener's, back-matter list's or the index's {@code div}), and the counted
 * characters before it in the container. A line outside any container (a piece's title block, its notes heading, its bio line) begins its
 * page at the top of its unit when no container of the unit came before, else after the last one. A page that
 * begins inside a word begins before the word. Pages without lines, or whose first line is outside a unit
 * (front matter, colophon), have no break. The printed index's lines are containers of their own, numbered as
 * the entries they belong to (see {@link PrintIndex}).
 */
final class PageStarts {

    private final ITextRenderer renderer;
    private final List<PageBox> pages;
    /** The first content line of each page, in document order. */
    private final Map<Integer, LineBox> first = new HashMap<>();
    /** For each page's first line outside a container: the last container of its unit before it, if any. */
    private final Map<Integer, Element> before = new HashMap<>();
    private final Map<Element, Element> lastContainerOfUnit = new HashMap<>();

    private PageStarts(ITextRenderer renderer) {
        this.renderer = renderer;
        this.pages = renderer.getRootBox().getLayer().getPages();
    }

    /**
     * The page breaks of the document {@code renderer} has laid out.
     *
     * @param pageIndex the page's index in the PDF, from the page's index in this document
     * @param label     the page's printed number, from its index in this document, or null for an unnumbered page
     */
    static List<PageBreak> of(ITextRenderer renderer, IntFunction<Integer> pageIndex, IntFunction<String> label) {
        return starts(renderer, pageIndex, label).stream().map(Start::pageBreak).toList();
    }

    /**
     * A page's start: its break, and the counted characters of the container before the page's first character
     * itself, not moved back to the start of a word (the break's offset where the page begins outside a container).
     * A word hyphenated across two pages begins on the first of them, before {@code first}: that is where the
     * index places a mention of it (see {@link MentionPages}).
     */
    record Start(PageBreak pageBreak, int first) { }

    /** The page starts of the document {@code renderer} has laid out, as {@link #of} finds their breaks. */
    static List<Start> starts(ITextRenderer renderer, IntFunction<Integer> pageIndex, IntFunction<String> label) {
        PageStarts s = new PageStarts(renderer);
        s.walk(renderer.getRootBox());
        List<Start> out = new ArrayList<>();
        for (int page = 0; page < s.pages.size(); page++) {
            LineBox line = s.first.get(page);
            String l = label.apply(page);
            if (line == null || l == null) {
                continue;
            }
            Start b = s.startAt(line, page, pageIndex.apply(page), l);
            if (b != null) {
                out.add(b);
            }
        }
        return out;
    }

    private void walk(Box box) {
        if (box instanceof LineBox line) {
            line(line);
            // Blocks inside the line (inline blocks: the printed index's columns) have lines of their own.
            for (int i = 0; i < line.getChildCount(); i++) {
                inlineBlocks(line.getChild(i));
            }
            return;
        }
        for (int i = 0; i < box.getChildCount(); i++) {
            walk(box.getChild(i));
        }
    }

    private void inlineBlocks(Object o) {
        if (o instanceof BlockBox b && !b.isReplaced()) {
            walk(b);
        } else if (o instanceof InlineLayoutBox box) {
            for (Object child : box.getInlineChildren()) {
                inlineBlocks(child);
            }
        }
    }

    private void line(LineBox line) {
        Node start = start(line);
        if (start == null || inRunningElement(start)) {
            return;
        }
        Element container = container(start);
        Element unit = unit(start);
        int page = pageAt(line.getAbsY() + line.getBaseline());
        if (page >= 0 && !first.containsKey(page)) {
            first.put(page, line);
            if (container == null && unit != null) {
                before.put(page, lastContainerOfUnit.get(unit));
            }
        }
        if (container != null && unit != null) {
            lastContainerOfUnit.put(unit, container);
        }
    }

    private Start startAt(LineBox line, int page, int pdfPage, String label) {
        Node start = start(line);
        Element unit = unit(start);
        if (unit == null) {
            return null;
        }
        Element container = container(start);
        if (container == null) {
            Element last = before.get(page);
            PageBreak b = last == null ? new PageBreak(unit.getAttribute("id"), TextPlaces.UNIT_START, 0, label, pdfPage)
                    : new PageBreak(unit.getAttribute("id"), number(last), TextPlaces.CONTAINER_END, label, pdfPage);
            return new Start(b, b.offset());
        }
        int[] offsets = offsets(container, line);
        return new Start(new PageBreak(unit.getAttribute("id"), number(container), offsets[0], label, pdfPage),
                offsets[1]);
    }

    /**
     * Counted characters in {@code container} before the line's first character: moved back to a word's start,
     * then not moved.
     */
    private int[] offsets(Element container, LineBox line) {
        StringBuilder text = new StringBuilder();
        Map<Node, Integer> starts = new HashMap<>();
        collectText(container, text, starts);
        Object first = firstContent(line);
        int raw;
        if (first instanceof InlineText t && starts.containsKey(t.getTextNode())) {
            String data = t.getTextNode().getData();
            int skip = TextPlaces.count(t.getMasterText().substring(0, Math.min(t.getStart(), t.getMasterText().length())));
            raw = starts.get(t.getTextNode()) + indexOfCounted(data, skip);
        } else {
            Node n = first instanceof InlineText t ? t.getTextNode() : first instanceof Box b ? b.getElement() : null;
            raw = n == null ? 0 : textBefore(container, n);
        }
        raw = Math.min(raw, text.length());
        int word = wordStart(text, raw);
        // A line of the printed index that goes on with an entry says how much of the entry came before it.
        String skip = container.getAttribute(PrintIndex.SKIP);
        int before = skip.isEmpty() ? 0 : Integer.parseInt(skip);
        int atWord = before + TextPlaces.count(text.subSequence(0, word));
        return new int[] {atWord, atWord + TextPlaces.count(text.subSequence(word, raw))};
    }

    /** The index in {@code s} of the counted character that has {@code skip} counted characters before it. */
    private static int indexOfCounted(String s, int skip) {
        int seen = 0;
        for (int i = 0; i < s.length(); i++) {
            if (TextPlaces.counted(s.charAt(i))) {
                if (seen == skip) {
                    return i;
                }
                seen++;
            }
        }
        return s.length();
    }

    /** A place inside a word of letters or digits moves to the word's start (not in scripts without spaces). */
    private static int wordStart(CharSequence s, int at) {
        if (at >= s.length() || !wordChar(s.charAt(at))) {
            return at;
        }
        int i = at;
        while (i > 0 && (wordChar(s.charAt(i - 1)) || isMark(s.charAt(i - 1)))) {
            i--;
        }
        return i;
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) && !Character.isIdeographic(c)
                && Character.UnicodeScript.of(c) != Character.UnicodeScript.HIRAGANA
                && Character.UnicodeScript.of(c) != Character.UnicodeScript.KATAKANA
                && Character.UnicodeScript.of(c) != Character.UnicodeScript.THAI;
    }

    private static boolean isMark(char c) {
        return c == '\u00AD' || c == '\uE0AD';
    }

    private static void collectText(Node n, StringBuilder text, Map<Node, Integer> starts) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                starts.put(c, text.length());
                text.append(c.getNodeValue());
            } else if (c.getNodeType() == Node.ELEMENT_NODE) {
                collectText(c, text, starts);
            }
        }
    }

    /** The length of the text of {@code container} before {@code node}. */
    private static int textBefore(Element container, Node node) {
        int[] length = {0};
        return before(container, node, length) ? length[0] : 0;
    }

    private static boolean before(Node n, Node target, int[] length) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c == target) {
                return true;
            }
            if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                length[0] += c.getNodeValue().length();
            } else if (c.getNodeType() == Node.ELEMENT_NODE && before(c, target, length)) {
                return true;
            }
        }
        return false;
    }

    /** The DOM node of the line's first character or image. */
    private static Node start(LineBox line) {
        Object o = firstContent(line);
        if (o instanceof InlineText t) {
            return t.getTextNode();
        }
        return o instanceof Box b ? b.getElement() : null;
    }

    /** The line's first piece of text with a counted character, or its first replaced box (an image). */
    private static Object firstContent(LineBox line) {
        for (int i = 0; i < line.getChildCount(); i++) {
            Object found = firstContent(line.getChild(i));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Object firstContent(Object o) {
        if (o instanceof InlineText t) {
            return t.getTextNode() != null && TextPlaces.count(t.getSubstring()) > 0 ? t : null;
        }
        if (o instanceof InlineLayoutBox box) {
            for (Object child : box.getInlineChildren()) {
                Object found = firstContent(child);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (o instanceof BlockBox b && b.isReplaced()) {
            return b;
        }
        return null;
    }

    private static Element container(Node n) {
        for (Node e = n; e != null; e = e.getParentNode()) {
            if (e instanceof Element el && el.hasAttribute(PrintPlaces.ATTRIBUTE)) {
                return el;
            }
        }
        return null;
    }

    private static int number(Element container) {
        return Integer.parseInt(container.getAttribute(PrintPlaces.ATTRIBUTE));
    }

    /** The piece, chapter opener, back-matter list or index holding {@code n}, or null. */
    private static Element unit(Node n) {
        for (Node e = n; e != null; e = e.getParentNode()) {
            if (e instanceof Element el && "div".equals(el.getLocalName() != null ? el.getLocalName() : el.getTagName())
                    && (hasClass(el, "piece") || hasClass(el, "opener") || hasClass(el, "back-matter"))
                    && !el.getAttribute("id").isEmpty()) {
                return el;
            }
        }
        return null;
    }

    /** Running heads are laid out in the flow too, but printed in the margin. */
    private static boolean inRunningElement(Node n) {
        for (Node e = n; e != null; e = e.getParentNode()) {
            if (e instanceof Element el && (hasClass(el, "rh-book") || hasClass(el, "rh-piece"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasClass(Element e, String cls) {
        for (String c : e.getAttribute("class").split("\\s+")) {
            if (c.equals(cls)) {
                return true;
            }
        }
        return false;
    }

    private int pageAt(int y) {
        return Pages.indexAt(pages, y);
    }
}
