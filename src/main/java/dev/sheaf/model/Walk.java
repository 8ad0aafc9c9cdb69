package dev.sheaf.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

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
            } else if (i instanceof Inline.PieceLink l) {
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

    /**
     * Rebuilds {@code blocks} with every inline replaced by {@code f(inline)} (children first), the way
     * a Book → Book transform rewrites the document.
     */
    public static List<Block> mapInlines(List<Block> blocks, Function<Inline, List<Inline>> f) {
        List<Block> out = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            out.add(mapBlock(b, f));
        }
        return List.copyOf(out);
    }

    private static Block mapBlock(Block b, Function<Inline, List<Inline>> f) {
        if (b instanceof Block.Paragraph p) {
            return new Block.Paragraph(map(p.content(), f));
        } else if (b instanceof Block.Heading h) {
            return new Block.Heading(h.level(), h.id(), map(h.content(), f));
        } else if (b instanceof Block.BlockQuote q) {
            return new Block.BlockQuote(mapInlines(q.children(), f));
        } else if (b instanceof Block.ListBlock l) {
            return new Block.ListBlock(l.ordered(), l.start(), l.items().stream().map(i -> mapInlines(i, f)).toList());
        } else if (b instanceof Block.Table t) {
            return new Block.Table(mapRows(t.header(), f), mapRows(t.rows(), f), t.alignments());
        }
        return b;
    }

    private static List<List<List<Inline>>> mapRows(List<List<List<Inline>>> rows, Function<Inline, List<Inline>> f) {
        return rows.stream().map(r -> r.stream().map(c -> map(c, f)).toList()).toList();
    }

    /**
     * Rebuilds {@code blocks} with every list of inlines (a paragraph's, a heading's, a table cell's, an
     * emphasis's children…) replaced by {@code f(list)}; {@code f} decides itself whether to go into children.
     * Code and raw blocks are left as they are.
     */
    public static List<Block> mapInlineLists(List<Block> blocks, Function<List<Inline>, List<Inline>> f) {
        List<Block> out = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            if (b instanceof Block.Paragraph p) {
                out.add(new Block.Paragraph(f.apply(p.content())));
            } else if (b instanceof Block.Heading h) {
                out.add(new Block.Heading(h.level(), h.id(), f.apply(h.content())));
            } else if (b instanceof Block.BlockQuote q) {
                out.add(new Block.BlockQuote(mapInlineLists(q.children(), f)));
            } else if (b instanceof Block.ListBlock l) {
                out.add(new Block.ListBlock(l.ordered(), l.start(),
                        l.items().stream().map(i -> mapInlineLists(i, f)).toList()));
            } else if (b instanceof Block.Table t) {
                out.add(new Block.Table(
                        t.header().stream().map(r -> r.stream().map(f).toList()).toList(),
                        t.rows().stream().map(r -> r.stream().map(f).toList()).toList(), t.alignments()));
            } else {
                out.add(b);
            }
        }
        return List.copyOf(out);
    }

    /** Maps a list of inlines, children first. */
    public static List<Inline> map(List<Inline> inlines, Function<Inline, List<Inline>> f) {
        List<Inline> out = new ArrayList<>(inlines.size());
        for (Inline i : inlines) {
            Inline rebuilt = i;
            if (i instanceof Inline.Emphasis e) {
                rebuilt = new Inline.Emphasis(map(e.children(), f));
            } else if (i instanceof Inline.Strong s) {
                rebuilt = new Inline.Strong(map(s.children(), f));
            } else if (i instanceof Inline.Strikethrough s) {
                rebuilt = new Inline.Strikethrough(map(s.children(), f));
            } else if (i instanceof Inline.Link l) {
                rebuilt = new Inline.Link(l.url(), l.title(), map(l.children(), f), l.where());
            } else if (i instanceof Inline.PieceLink l) {
                rebuilt = new Inline.PieceLink(l.pieceId(), l.fragment(), l.title(), map(l.children(), f));
            }
            out.addAll(f.apply(rebuilt));
        }
        return List.copyOf(out);
    }
}
