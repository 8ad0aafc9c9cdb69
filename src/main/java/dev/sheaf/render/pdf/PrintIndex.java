package dev.sheaf.render.pdf;

import dev.sheaf.model.Book;
import dev.sheaf.model.BookIndex;
import dev.sheaf.render.Labels;
import dev.sheaf.render.PageRanges;
import dev.sheaf.render.pagelist.PrintPageBreaks;
import dev.sheaf.render.xhtml.TextPlaces;
import dev.sheaf.render.xhtml.Xml;
import org.xhtmlrenderer.css.style.CssContext;
import org.xhtmlrenderer.pdf.ITextFontContext;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.LineBox;
import org.xhtmlrenderer.render.PageBox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The printed index: page numbers from the layout of the body, ranges collapsed ({@code 37–39}), sub-entries
 * indented, cross-references in italics, set in two columns.
 *
 * <p>Flying Saucer has no multi-column layout, so the columns are made here: every line of the index (a letter,
 * an entry, a sub-entry) is laid out once in a column of the final width on a very tall page, where its top and
 * bottom are measured; the lines are then packed into columns of the page's text height, two to a page, each
 * page a line of two inline blocks, the last page's columns balanced. An entry with very many pages is cut into lines of {@value #LOCATORS_PER_LINE} numbers first, so
 * that nothing is taller than a column.
 *
 * <p>Each number links to the page of the first mention it stands for (its top: the mentions are places in the
 * text, found by {@link MentionPages}, not elements with a position of their own). The link's target is written as
 * {@code #ixp-<anchor>}, an id no element has, so Flying Saucer makes no link of its own (it would place an
 * inline target at the top of the document); the output device makes it from {@link #targets}.
 */
final class PrintIndex {

    static final String ID = PrintPageBreaks.INDEX;
    /** On a line that goes on with an entry: the counted characters of the entry before it (see {@link PageStarts}). */
    static final String SKIP = "data-tp-skip";
    static final String LINK = "ixp-";
    private static final int LOCATORS_PER_LINE = 36;
    /** Column heights are measured; this much of a column is left free for rounding and collapsed margins. */
    private static final double SAFETY = 0.97;

    /**
     * A block of the index: its id in the measuring document, whether it must stay with the next, its markup, the
     * text container it is (or goes on with) and the counted characters of that container before it.
     */
    record Line(String id, boolean heading, String cls, String html, int container, int skip) { }

    /** Where an anchor landed: its page (0-based, in the document or in writing order) and the top of its line. */
    record Spot(int page, float top) { }

    /** Between the columns, in millimetres (print.css: .index-right). */
    private static final double GAP = 6;

    private final Book book;
    private final Labels labels;
    /** Text containers numbered so far by {@link #lines}. */
    private int containers;
    /** The width of a column, in millimetres. */
    private final String column;

    PrintIndex(Book book, Labels labels, TrimSize trim) {
        this(book, labels, trim.measure());
    }

    /** @param measure the width of the text block, in millimetres */
    PrintIndex(Book book, Labels labels, double measure) {
        this.book = book;
        this.labels = labels;
        this.column = String.format(java.util.Locale.ROOT, "%.2fmm", (measure - GAP - 1) / 2); // 1 mm to spare for rounding
    }

    /** The book whose index this is. */
    Book book() {
        return book;
    }

    static boolean applies(Book book) {
        return book.index().present();
    }

    String title() {
        return title(book, labels);
    }

    static String title(Book book, Labels labels) {
        return book.index().title() != null ? book.index().title() : labels.get("index");
    }

    /** Every anchor of every mention, by piece id. */
    static Map<String, List<String>> anchorsByPiece(Book book) {
        Map<String, List<String>> out = new HashMap<>();
        collect(book.index().entries(), out);
        return out;
    }

    private static void collect(List<BookIndex.Entry> entries, Map<String, List<String>> out) {
        for (BookIndex.Entry e : entries) {
            e.mentions().forEach(m -> out.computeIfAbsent(m.pieceId(), k -> new ArrayList<>()).add(m.anchor()));
            collect(e.subs(), out);
        }
    }

    /**
     * Where the anchors {@code ids} landed in the document {@code renderer} has laid out. An anchor is an
     * empty inline element: its page is that of the line holding it, which the layout places reliably.
     */
    static Map<String, Spot> spots(ITextRenderer renderer, Iterable<String> ids) {
        List<PageBox> pages = renderer.getRootBox().getLayer().getPages();
        CssContext c = renderer.getSharedContext().newLayoutContextInstance(new ITextFontContext());
        float dpp = ITextRenderer.DEFAULT_DOTS_PER_POINT;
        Map<String, Spot> out = new HashMap<>();
        for (String id : ids) {
            Box b = renderer.getSharedContext().getBoxById(id);
            Box line = b;
            while (line != null && !(line instanceof LineBox)) {
                line = line.getParent();
            }
            Box at = line != null ? line : b;
            if (at == null) {
                continue;
            }
            int y = at.getAbsY();
            int page = Pages.indexAt(pages, y);
            if (page < 0) {
                continue;
            }
            PageBox p = pages.get(page);
            int fromTop = p.getMarginBorderPadding(c, org.xhtmlrenderer.css.style.CalculatedStyle.Edge.TOP)
                    + y - p.getTop();
            out.put(id, new Spot(page, p.getHeight(c) / dpp - fromTop / dpp));
        }
        return out;
    }

    /**
     * The text height of page {@code page} of the laid-out document, in layout units: a page of the body or the
     * back matter (the cover and title pages have margins of their own).
     */
    static int columnHeight(ITextRenderer renderer, int page) {
        CssContext c = renderer.getSharedContext().newLayoutContextInstance(new ITextFontContext());
        List<PageBox> pages = renderer.getRootBox().getLayer().getPages();
        return pages.get(Math.min(page, pages.size() - 1)).getContentHeight(c);
    }

    /** The lines of the index, with page numbers from {@code folios} (anchor id → printed page number). */
    List<Line> lines(Map<String, Integer> folios) {
        return lines(folios::get);
    }

    /** The lines of the index, with page numbers from {@code folios} (anchor id → printed page number, or null). */
    List<Line> lines(Function<String, Integer> folios) {
        List<Line> out = new ArrayList<>();
        // Containers are numbered as IndexXhtml numbers them in the other editions: kinds, letters, entries.
        containers = 0;
        BookIndex index = book.index();
        if (index.separate()) {
            for (BookIndex.Kind kind : BookIndex.Kind.values()) {
                List<BookIndex.Entry> entries = index.ofKind(kind).stream().filter(BookIndex.Entry::printable).toList();
                if (!entries.isEmpty()) {
                    out.add(new Line("ixk-" + kind.id(), true, "ix-kind", Xml.escape(labels.get("index." + kind.id())),
                            containers++, 0));
                    letters(entries, folios, out);
                }
            }
        } else {
            letters(index.entries().stream().filter(BookIndex.Entry::printable).toList(), folios, out);
        }
        return out;
    }

    private void letters(List<BookIndex.Entry> entries, Function<String, Integer> folios, List<Line> out) {
        String letter = null;
        for (BookIndex.Entry e : entries) {
            if (!e.group().equals(letter)) {
                letter = e.group();
                out.add(new Line("ixg-" + out.size(), true, "ix-letter", Xml.escape(letter), containers++, 0));
            }
            entry(e, false, folios, out);
        }
    }

    private void entry(BookIndex.Entry e, boolean sub, Function<String, Integer> folios, List<Line> out) {
        List<String> numbers = locators(e, folios);
        String cls = sub ? "ix-entry ix-sub" : "ix-entry";
        int container = containers++;
        int before = 0;
        int first = 0;
        do {
            int to = Math.min(numbers.size(), first + LOCATORS_PER_LINE);
            StringBuilder sb = new StringBuilder();
            if (first == 0) {
                sb.append("<span class=\"ix-term\">").append(Xml.escape(e.term())).append("</span>");
            }
            for (int i = first; i < to; i++) {
                sb.append(i == 0 ? ", " : i == first ? "" : " ").append(numbers.get(i));
            }
            if (to >= numbers.size()) {
                references(sb, e.see(), "index.see");
                references(sb, e.seeAlso(), "index.see.also");
            }
            out.add(new Line("ixl-" + out.size(), false, first == 0 ? cls : cls + " ix-cont", sb.toString(),
                    container, before));
            before += counted(sb);
            first = to;
        } while (first < numbers.size());
        for (BookIndex.Entry s : e.subs()) {
            if (s.printable()) {
                entry(s, true, folios, out);
            }
        }
    }

    /** The counted characters of a line's markup (tags left out, entities one character each). */
    private static int counted(CharSequence html) {
        String text = html.toString().replaceAll("<[^>]*>", "").replaceAll("&(#?[A-Za-z0-9]+);", "x");
        return TextPlaces.count(text);
    }

    private void references(StringBuilder sb, List<String> targets, String label) {
        if (targets.isEmpty()) {
            return;
        }
        String l = labels.get(label);
        sb.append(". <em>").append(Xml.escape(Character.toUpperCase(l.charAt(0)) + l.substring(1))).append("</em> ")
                .append(Xml.escape(String.join("; ", targets)));
    }

    /**
     * The entry's pages as linked numbers: each page once, runs of consecutive pages as a range, each linked
     * to the first mention on its first page.
     */
    static List<String> locators(BookIndex.Entry e, Map<String, Integer> folios) {
        return locators(e, folios::get);
    }

    static List<String> locators(BookIndex.Entry e, Function<String, Integer> folios) {
        TreeMap<Integer, String> firstOnPage = new TreeMap<>();
        for (BookIndex.Mention m : e.mentions()) {
            Integer folio = folios.apply(m.anchor());
            if (folio != null) {
                firstOnPage.putIfAbsent(folio, m.anchor());
            }
        }
        List<String> out = new ArrayList<>();
        List<PageRanges.Range> ranges = PageRanges.of(firstOnPage.navigableKeySet());
        // The comma goes inside the link: Flying Saucer would otherwise break a line before it. A range is an
        // inline block (print.css), or Flying Saucer would break after the dash of "37–39" (and white-space: nowrap
        // stops all breaks); a single number stays inline, which costs the layout one box instead of three (a
        // dense index has 150,000 of them, laid out twice).
        for (int i = 0; i < ranges.size(); i++) {
            PageRanges.Range r = ranges.get(i);
            boolean range = r.last() != r.first();
            out.add("<a href=\"#" + LINK + firstOnPage.get(r.first()) + (range ? "\" class=\"ixr\">" : "\">")
                    + r.label() + (i + 1 < ranges.size() ? "," : "") + "</a>");
        }
        return out;
    }

    /** A page as wide as the book's and tall enough to hold the whole index of {@code book} in one column. */
    static String tallPage(TrimSize trim, Book book) {
        return tallPage(trim.width, book);
    }

    /**
     * A page {@code width} millimetres wide and tall enough to hold every line of the index in one column (at
     * most 40 mm a line), so that nothing breaks: Flying Saucer lays out a block again where a page breaks it,
     * and a block laid out again can lose its id.
     */
    static String tallPage(double width, Book book) {
        long lines = 40 + lineBound(book.index().entries());
        double height = Math.max(5000, 40.0 * lines);
        return String.format(java.util.Locale.ROOT, "%n@page { size: %.2fmm %.0fmm; }%n", width, height);
    }

    /** At most how many lines {@code entries} take: one each, and one more for every {@value #LOCATORS_PER_LINE} mentions. */
    private static long lineBound(List<BookIndex.Entry> entries) {
        long n = 0;
        for (BookIndex.Entry e : entries) {
            n += 1 + e.mentions().size() / LOCATORS_PER_LINE + lineBound(e.subs());
        }
        return n;
    }

    /** A document that lays out every line in a column of the final width on one very tall page. */
    String measuringDocument(PrintDocument doc, List<Line> lines) {
        Xml x = new Xml(1 << 16);
        doc.start(x, false);
        measuringBody(x, lines);
        return doc.end(x);
    }

    /** The body of the measuring document: the heading and every line in one column. */
    void measuringBody(Xml x, List<Line> lines) {
        x.open("div", "class", "index-matter index-measure", "id", ID).nl();
        x.element("h1", title(), "class", "references-heading index-title").nl();
        x.open("div", "class", "index-column", "id", "ix-column", "style", "width: " + column).nl();
        for (Line l : lines) {
            x.raw("<p class=\"" + l.cls() + "\" id=\"" + l.id() + "\">" + l.html() + "</p>\n");
        }
        x.close("div").nl();
        x.close("div").nl();
    }

    /**
     * The lines measured in one layout at most (a dense index has thousands, each with dozens of linked numbers):
     * 300, or the system property {@code sheaf.pdf.indexLinesPerLayout}.
     */
    static int linesPerLayout() {
        return Math.max(2, Integer.getInteger("sheaf.pdf.indexLinesPerLayout", 300));
    }

    /**
     * Where each line's margin box starts and ends in one long column, in layout units, as if all were laid out
     * at once; and the height of the title above the column.
     */
    record Measures(int titleHeight, int[] top, int[] bottom) { }

    /**
     * Measures the lines in slices of {@link #linesPerLayout}, each made a measuring document by {@code document}
     * (see {@link #measuringBody}), laid out by {@code layout} (which returns the renderer that laid it out) and
     * dropped before the next, so that memory holds one slice, not the index:
     * some 150,000 linked numbers at once do not fit in a 1 GB heap. Each slice begins with the last line of the
     * slice before, whose two positions give the offset between the slices' columns.
     */
    static Measures measure(List<Line> lines, Function<List<Line>, String> document,
                            Function<String, ITextRenderer> layout) {
        int[] top = new int[lines.size()];
        int[] bottom = new int[lines.size()];
        int titleHeight = 0;
        int slice = linesPerLayout();
        int from = 0;
        do {
            int start = Math.max(0, from - 1);
            int to = Math.min(lines.size(), from + slice);
            ITextRenderer measured = layout.apply(document.apply(lines.subList(start, to)));
            CssContext c = measured.getSharedContext().newLayoutContextInstance(new ITextFontContext());
            if (from == 0) {
                Box column = measured.getSharedContext().getBoxById("ix-column");
                Box wrapper = measured.getSharedContext().getBoxById(ID);
                titleHeight = column.getAbsY() - wrapper.getAbsY();
            }
            int offset = 0;
            for (int i = start; i < to; i++) {
                Box b = measured.getSharedContext().getBoxById(lines.get(i).id());
                int t = b.getAbsY() - (int) b.getMargin(c).top();
                if (i < from) {
                    offset = top[i] - t; // the shared line: where the slice before put it
                    continue;
                }
                top[i] = t + offset;
                bottom[i] = b.getAbsY() + b.getHeight() + (int) b.getMargin(c).bottom() + offset;
            }
            from = to;
        } while (from < lines.size());
        return new Measures(titleHeight, top, bottom);
    }

    /**
     * Packs the lines, measured by {@link #measure}, into pages of two columns of {@code columnHeight}; the first
     * page's columns start below the title.
     */
    static List<List<List<Line>>> pack(List<Line> lines, Measures measures, int columnHeight) {
        // A run of lines takes from the top of its first to the bottom of its last, margins between them
        // collapsed as they will be.
        int[] top = measures.top();
        int[] bottom = measures.bottom();
        int titleHeight = measures.titleHeight();
        int full = (int) (columnHeight * SAFETY);
        int first = Math.max(full / 4, full - titleHeight);
        List<int[]> columns = new ArrayList<>();
        int start = 0;
        while (start < lines.size()) {
            int capacity = columns.size() < 2 ? first : full;
            int end = start + 1;
            while (end < lines.size() && bottom[end] - top[start] <= capacity) {
                end++;
            }
            // A letter or a kind never ends a column: it goes over with its first entry.
            int cut = end;
            while (cut < lines.size() && cut - 1 > start && lines.get(cut - 1).heading()) {
                cut--;
            }
            columns.add(new int[] {start, cut});
            start = cut;
        }
        balanceLastPage(lines, columns, top, bottom);
        List<List<List<Line>>> pages = new ArrayList<>();
        for (int i = 0; i < columns.size(); i += 2) {
            List<List<Line>> page = new ArrayList<>();
            for (int k = i; k < Math.min(i + 2, columns.size()); k++) {
                page.add(lines.subList(columns.get(k)[0], columns.get(k)[1]));
            }
            pages.add(page);
        }
        return pages;
    }

    /**
     * The last page's lines shared between its two columns as evenly as they go, as a typesetter would: the
     * left column takes lines until it is at least as long as the right, never ending on a letter.
     */
    private static void balanceLastPage(List<Line> lines, List<int[]> columns, int[] top, int[] bottom) {
        int firstOfPage = columns.size() % 2 == 0 ? columns.size() - 2 : columns.size() - 1;
        if (firstOfPage < 0) {
            return;
        }
        int from = columns.get(firstOfPage)[0];
        int to = columns.get(columns.size() - 1)[1];
        int leftEnd = columns.get(firstOfPage)[1];
        int best = -1;
        for (int cut = from + 1; cut < to; cut++) {
            int left = bottom[cut - 1] - top[from];
            int right = bottom[to - 1] - top[cut];
            if (left >= right && cut <= leftEnd && !lines.get(cut - 1).heading()) {
                best = cut;
                break;
            }
        }
        if (best < 0) {
            return;
        }
        while (columns.size() > firstOfPage) {
            columns.remove(columns.size() - 1);
        }
        columns.add(new int[] {from, best});
        columns.add(new int[] {best, to});
    }

    /**
     * The index section: heading, then its pages of two columns (none, the heading alone, while the pages before
     * it are counted), or the first of them when the rest follow in documents of their own ({@link #writeMore}).
     */
    void write(Xml x, PrintDocument doc, List<List<List<Line>>> pages) {
        x.open("div", "class", "back-matter index-matter", "id", ID).nl();
        doc.runningHeads(x, title());
        x.element("h1", title(), "class", "references-heading index-title").nl();
        pages(x, pages);
        x.close("div").nl();
    }

    /**
     * More pages of the index, in a document of their own (a book laid out in parts sets a long index in several):
     * no heading; the running heads are set again, and a stylesheet for such documents shows them on their
     * first page too.
     */
    void writeMore(Xml x, PrintDocument doc, List<List<List<Line>>> pages) {
        x.open("div", "class", "index-matter index-more").nl();
        doc.runningHeads(x, title());
        pages(x, pages);
        x.close("div").nl();
    }

    private void pages(Xml x, List<List<List<Line>>> pages) {
        // A page is a line of two inline blocks of a fixed width (Flying Saucer sizes table cells by their content
        // and paints every float on every page): nothing between them but the gap, so they never wrap.
        for (int p = 0; p < pages.size(); p++) {
            x.open("div", "class", p + 1 < pages.size() ? "index-page index-page-break" : "index-page");
            for (int col = 0; col < pages.get(p).size(); col++) {
                x.open("div", "class", col == 0 ? "index-column" : "index-column index-right", "style",
                        "width: " + column);
                for (Line l : pages.get(p).get(col)) {
                    x.raw("<p class=\"" + l.cls() + "\" " + PrintPlaces.ATTRIBUTE + "=\"" + l.container() + "\""
                            + (l.skip() > 0 ? " " + SKIP + "=\"" + l.skip() + "\"" : "") + ">" + l.html() + "</p>");
                }
                x.close("div");
            }
            x.close("div").nl();
        }
    }
}
