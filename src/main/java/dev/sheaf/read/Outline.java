package dev.sheaf.read;

import dev.sheaf.model.Block;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Heading levels as a reader's outline needs them. The piece's title is the page's h1; below it each heading
 * is one level deeper than the nearest heading before it that the author wrote higher, and the same level as
 * the ones written at its level. So {@code ###} then {@code #####} becomes h2 then h3, a body starting with
 * {@code #} starts at h2, and the outline never skips a level, as EPUB accessibility checks and screen
 * readers expect.
 */
final class Outline {

    private Outline() { }

    /** Level as written and level given, for the headings still open. */
    private record Open(int written, int given) { }

    static List<Block> levels(List<Block> blocks) {
        return shift(blocks, new ArrayDeque<>());
    }

    private static List<Block> shift(List<Block> blocks, Deque<Open> open) {
        List<Block> out = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            if (b instanceof Block.Heading h) {
                while (!open.isEmpty() && open.peek().written() >= h.level()) {
                    open.pop();
                }
                int level = Math.min(6, open.isEmpty() ? 2 : open.peek().given() + 1);
                open.push(new Open(h.level(), level));
                out.add(level == h.level() ? h : new Block.Heading(level, h.id(), h.content()));
            } else if (b instanceof Block.BlockQuote q) {
                out.add(new Block.BlockQuote(shift(q.children(), open)));
            } else if (b instanceof Block.ListBlock l) {
                List<List<Block>> items = new ArrayList<>();
                for (List<Block> item : l.items()) {
                    items.add(shift(item, open));
                }
                out.add(new Block.ListBlock(l.ordered(), l.start(), List.copyOf(items)));
            } else {
                out.add(b);
            }
        }
        return List.copyOf(out);
    }
}
