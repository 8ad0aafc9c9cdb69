package dev.sheaf.render.pdf;

import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.PageBox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where blocks landed after {@code layout()}: page indexes (0-based) of block boxes by id. Only block
 * elements are reliable; inline boxes may report a position of 0.
 */
final class Pages {

    private final ITextRenderer renderer;
    private final List<PageBox> pages;

    Pages(ITextRenderer renderer) {
        this.renderer = renderer;
        this.pages = renderer.getRootBox().getLayer().getPages();
    }

    /** The page holding the top of block {@code id}. */
    int first(String id) {
        return at(box(id).getAbsY());
    }

    /** The page holding the bottom of block {@code id}. */
    int last(String id) {
        Box b = box(id);
        return at(b.getAbsY() + Math.max(b.getHeight(), 1) - 1);
    }

    /**
     * The empty versos Flying Saucer inserted in front of blocks that start on a recto: wherever such a
     * block's first page is two past the last page of the block before it.
     *
     * @param rectoStarts the ids of such blocks, each mapped to the id of the block before it
     */
    Set<Integer> insertedBlanks(Map<String, String> rectoStarts) {
        Set<Integer> out = new TreeSet<>();
        rectoStarts.forEach((id, previous) -> {
            int first = first(id);
            if (first - last(previous) == 2) {
                out.add(first - 1);
            }
        });
        return out;
    }

    private Box box(String id) {
        Box b = renderer.getSharedContext().getBoxById(id);
        if (b == null) {
            throw new IllegalStateException("no block #" + id + " in the print document");
        }
        return b;
    }

    private int at(int y) {
        int i = indexAt(pages, y);
        if (i < 0) {
            throw new IllegalStateException("no page at y=" + y);
        }
        return pages.get(i).getPageNo();
    }

    /**
     * The index in {@code pages} of the page holding {@code y}, or -1. Pages are in document order, so a binary
     * search finds it.
     */
    static int indexAt(List<PageBox> pages, int y) {
        int lo = 0;
        int hi = pages.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            PageBox p = pages.get(mid);
            if (y < p.getTop()) {
                hi = mid - 1;
            } else if (y >= p.getBottom()) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}
