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
        boolean same = true;
        for (Block b : blocks) {
            Block m = mapBlock(b, f);
            same &= m == b;
            out.add(m);
        }
        return same ? List.copyOf(blocks) : List.copyOf(out);
    }

    private static Block mapBlock(Block b, Function<Inline, List<Inline>> f) {
        if (b instanceof Block.Paragraph p) {
            List<Inline> c = map(p.content(), f);
            return c == p.content() ? b : new Block.Paragraph(c);
        } else if (b instanceof Block.Heading h) {
            List<Inline> c = map(h.content(), f);
            return c == h.content() ? b : new Block.Heading(h.level(), h.id(), c);
        } else if (b instanceof Block.BlockQuote q) {
            List<Block> c = mapInlines(q.children(), f);
            return c == q.children() ? b : new Block.BlockQuote(c);
        } else if (b instanceof Block.ListBlock l) {
            List<List<Block>> items = l.items().stream().map(i -> mapInlines(i, f)).toList();
            return sameElements(items, l.items()) ? b : new Block.ListBlock(l.ordered(), l.start(), items);
        } else if (b instanceof Block.Table t) {
            List<List<List<Inline>>> header = mapRows(t.header(), f);
            List<List<List<Inline>>> rows = mapRows(t.rows(), f);
            return header == t.header() && rows == t.rows() ? b : new Block.Table(header, rows, t.alignments());
        }
        return b;
    }

    private static List<List<List<Inline>>> mapRows(List<List<List<Inline>>> rows, Function<Inline, List<Inline>> f) {
        List<List<List<Inline>>> out = rows.stream().map(r -> {
            List<List<Inline>> cells = r.stream().map(c -> map(c, f)).toList();
            return sameElements(cells, r) ? r : cells;
        }).toList();
        return sameElements(out, rows) ? rows : out;
    }

    /** Whether two lists hold the same objects (not only equal ones): then a rewrite changed nothing. */
    private static boolean sameElements(List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
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

    /**
     * Maps a list of inlines, children first. When {@code f} gives back every inline as it was (the same object,
     * alone), the result is {@code inlines} itself, and so up the tree: a rewrite that changes nothing keeps the
     * model's objects, which a session's caches then compare by identity rather than in depth.
     */
    public static List<Inline> map(List<Inline> inlines, Function<Inline, List<Inline>> f) {
        List<Inline> out = new ArrayList<>(inlines.size());
        boolean same = true;
        for (Inline i : inlines) {
            Inline rebuilt = i;
            if (i instanceof Inline.Emphasis e) {
                List<Inline> c = map(e.children(), f);
                rebuilt = c == e.children() ? i : new Inline.Emphasis(c);
            } else if (i instanceof Inline.Strong s) {
                List<Inline> c = map(s.children(), f);
                rebuilt = c == s.children() ? i : new Inline.Strong(c);
            } else if (i instanceof Inline.Strikethrough s) {
                List<Inline> c = map(s.children(), f);
                rebuilt = c == s.children() ? i : new Inline.Strikethrough(c);
            } else if (i instanceof Inline.Link l) {
                List<Inline> c = map(l.children(), f);
                rebuilt = c == l.children() ? i : new Inline.Link(l.url(), l.title(), c, l.where());
            } else if (i instanceof Inline.PieceLink l) {
                List<Inline> c = map(l.children(), f);
                rebuilt = c == l.children() ? i : new Inline.PieceLink(l.pieceId(), l.fragment(), l.title(), c);
            }
            List<Inline> mapped = f.apply(rebuilt);
            same &= mapped.size() == 1 && mapped.get(0) == i;
            out.addAll(mapped);
        }
        return same ? List.copyOf(inlines) : List.copyOf(out);
    }
}
