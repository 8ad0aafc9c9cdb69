package dev.sheaf.render;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * Runs of consecutive page numbers, as an index prints them ("37–39"), for the printed index and the EPUB's and
 * the site's index alike, so that both collapse the same pages into the same ranges.
 */
public final class PageRanges {

    /** Pages {@code first} to {@code last}, both included; one page when they are equal. */
    public record Range(int first, int last) {

        /** "37" or "37–39" (en dash). */
        public String label() {
            return first == last ? Integer.toString(first) : first + "\u2013" + last;
        }
    }

    private PageRanges() { }

    /** The runs of consecutive numbers in {@code pages}, in order. */
    public static List<Range> of(SortedSet<Integer> pages) {
        List<Range> out = new ArrayList<>();
        int first = 0;
        int last = 0;
        boolean open = false;
        for (int page : pages) {
            if (open && page == last + 1) {
                last = page;
                continue;
            }
            if (open) {
                out.add(new Range(first, last));
            }
            first = page;
            last = page;
            open = true;
        }
        if (open) {
            out.add(new Range(first, last));
        }
        return out;
    }
}
