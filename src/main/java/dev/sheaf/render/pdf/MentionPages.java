package dev.sheaf.render.pdf;

import dev.sheaf.render.pagelist.PageBreak;
import org.xhtmlrenderer.pdf.ITextRenderer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The page of every index mention in the print edition, without an element per mention in the text: while the
 * document is written, {@link PrintPlaces} notes each mention's place (its unit, its text container and the
 * counted characters before it); after the layout, {@link PageStarts} says where each page begins in the same
 * terms, and a mention is on the last page that begins at or before its first character. A word hyphenated
 * across two pages, or a name broken between them, is on the page where it begins, as a reader finds it.
 *
 * <p>An element per mention (an empty {@code span} with an id) was how the pages were found before: in a densely
 * indexed book it split every paragraph that names an entry into more runs, gave each anchor a computed style and
 * kept its boxes alive until the part was written, a large share of the layout's time and memory. A mention
 * written outside a text container still gets its element and is found by its id.
 */
final class MentionPages {

    /** The container of a mention written as an element. */
    private static final int ELEMENT = Integer.MIN_VALUE;

    private record Mention(String anchor, int container, int offset) { }

    /** The mentions of each unit written, in writing order; a unit written again starts afresh. */
    private final Map<String, List<Mention>> byUnit = new HashMap<>();

    /** Unit {@code unit} is being written (again): its mentions so far are forgotten. */
    void unit(String unit) {
        byUnit.put(unit, new ArrayList<>());
    }

    /** A mention in unit {@code unit}, in its text container {@code container} after {@code offset} counted characters. */
    void place(String unit, String anchor, int container, int offset) {
        byUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(new Mention(anchor, container, offset));
    }

    /** A mention in unit {@code unit} written as an element with the id {@code anchor}. */
    void element(String unit, String anchor) {
        place(unit, anchor, ELEMENT, 0);
    }

    /**
     * The page of every mention in {@code units}, laid out by {@code renderer}: as {@code starts} number pages
     * ({@link PageBreak#page}), which {@code pageIndex} gives for a page of this document.
     */
    Map<String, Integer> pages(ITextRenderer renderer, List<PageStarts.Start> starts, Collection<String> units,
                               IntFunction<Integer> pageIndex) {
        Map<String, List<PageStarts.Start>> startsByUnit = new HashMap<>();
        for (PageStarts.Start s : starts) {
            startsByUnit.computeIfAbsent(s.pageBreak().unit(), u -> new ArrayList<>()).add(s);
        }
        Map<String, Integer> out = new HashMap<>();
        Pages pages = null;
        List<String> elements = new ArrayList<>();
        for (String unit : units) {
            List<Mention> mentions = byUnit.get(unit);
            if (mentions == null || mentions.isEmpty()) {
                continue;
            }
            // In page order, which in a unit is text order.
            List<PageStarts.Start> own = startsByUnit.getOrDefault(unit, List.of());
            Integer firstPage = null;
            for (Mention m : mentions) {
                if (m.container() == ELEMENT) {
                    elements.add(m.anchor());
                    continue;
                }
                int at = lastAtOrBefore(own, m);
                if (at >= 0) {
                    out.put(m.anchor(), own.get(at).pageBreak().page());
                    continue;
                }
                // Before the unit's first page break: on the page where the unit begins (in the middle of it).
                if (firstPage == null) {
                    pages = pages == null ? new Pages(renderer) : pages;
                    firstPage = pageIndex.apply(pages.first(unit));
                }
                out.put(m.anchor(), firstPage);
            }
        }
        PrintIndex.spots(renderer, elements).forEach((id, spot) -> out.put(id, pageIndex.apply(spot.page())));
        return out;
    }

    /** The units written with mentions, in no particular order. */
    List<String> units() {
        return new ArrayList<>(byUnit.keySet());
    }

    /**
     * The top of page {@code page} of the document {@code renderer} has laid out, in PDF units from its bottom:
     * where a link to a mention on that page leads.
     */
    static float pageTop(ITextRenderer renderer, int page) {
        List<org.xhtmlrenderer.render.PageBox> all = renderer.getRootBox().getLayer().getPages();
        org.xhtmlrenderer.css.style.CssContext c = renderer.getSharedContext()
                .newLayoutContextInstance(new org.xhtmlrenderer.pdf.ITextFontContext());
        return all.get(Math.min(page, all.size() - 1)).getHeight(c) / ITextRenderer.DEFAULT_DOTS_PER_POINT;
    }

    /** Forgets the mentions of {@code units}, whose pages are known. */
    void forget(Collection<String> units) {
        units.forEach(byUnit::remove);
    }

    /** The index in {@code starts} (in text order) of the last page start at or before mention {@code m}, or -1. */
    private static int lastAtOrBefore(List<PageStarts.Start> starts, Mention m) {
        int lo = 0;
        int hi = starts.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            PageStarts.Start s = starts.get(mid);
            int c = s.pageBreak().container();
            boolean atOrBefore = c < m.container() || c == m.container() && s.first() <= m.offset();
            if (atOrBefore) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
