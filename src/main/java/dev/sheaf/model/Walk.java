package dev.sheaf.model;

import java.util.List;
import java.util.function.Consumer;

/** Generic traversals of the block and inline model (the way Pandoc's {@code walk} serves its AST). */
public final class Walk {

    private Walk() { }

    /** Calls {@code visitor} on every inline inside {@code blocks}, depth first, in document order. */
    public static void inlines(List<Block> blocks, Consumer<Inline> visitor) {
        for (Block b : blocks) {
            block(b, visitor);
        }
    }

    private static void block(Block b, Consumer<Inline> v) {
        if (b instanceof Block.Paragraph p) {
            each(p.content(), v);
        } else if (b instanceof Block.Heading h) {
            each(h.content(), v);
        } else if (b instanceof Block.BlockQuote q) {
            inlines(q.children(), v);
        } else if (b instanceof Block.ListBlock l) {
            l.items().forEach(item -> inlines(item, v));
        } else if (b instanceof Block.Table t) {
            t.header().forEach(row -> row.forEach(cell -> each(cell, v)));
            t.rows().forEach(row -> row.forEach(cell -> each(cell, v)));
        } else if (b instanceof Block.CodeBlock c) {
            v.accept(new Inline.Code(c.text()));
        } else if (b instanceof Block.RawBlock r) {
            v.accept(new Inline.RawText(r.text()));
        }
    }

    /** Calls {@code visitor} on each inline and, recursively, on its children. */
    public static void each(List<Inline> inlines, Consumer<Inline> v) {
        for (Inline i : inlines) {
            v.accept(i);
            if (i instanceof Inline.Emphasis e) {
                each(e.children(), v);
            } else if (i instanceof Inline.Strong s) {
                each(s.children(), v);
            } else if (i instanceof Inline.Strikethrough s) {
                each(s.children(), v);
            } else if (i instanceof Inline.Link l) {
                each(l.children(), v);
            }
        }
    }

    /** The plain text of inlines, as a reader would read it aloud. */
    public static String text(List<Inline> inlines) {
        StringBuilder sb = new StringBuilder();
        each(inlines, i -> {
            if (i instanceof Inline.Text t) {
                sb.append(t.text());
            } else if (i instanceof Inline.Code c) {
                sb.append(c.text());
            } else if (i instanceof Inline.SoftBreak || i instanceof Inline.LineBreak) {
                sb.append(' ');
            } else if (i instanceof Inline.RawText r) {
                sb.append(r.text());
            }
        });
        return sb.toString();
    }
}
