package dev.sheaf.read;

import dev.sheaf.model.Block;
import dev.sheaf.model.Inline;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A raw HTML block, parsed leniently (jsoup closes what the author left open) and reduced to what
 * Sheaf's model can say: paragraphs, headings, quotes, lists, code, tables, emphasis and safe links.
 * Scripts, styles, frames, objects and forms are removed with their content; event handlers, style
 * attributes and {@code javascript:} links never survive because no attribute but a checked
 * {@code href} is read. What was removed is reported.
 */
final class HtmlBlocks {

    /** Elements removed together with their content. */
    static final Set<String> DANGEROUS = Set.of("script", "style", "iframe", "frame", "frameset", "object", "embed",
            "applet", "form", "input", "button", "select", "textarea", "svg", "template", "noscript",
            "link", "meta", "base", "audio", "video", "canvas");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "header", "footer", "main",
            "aside", "nav", "figure", "figcaption", "address", "center", "dl", "dd", "dt", "details", "summary",
            "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre", "hr", "table");

    private final Function<String, String> headingIds;
    private final Set<String> removed = new TreeSet<>();
    private int depth;

    /** @param headingIds gives each heading a unique id from its text */
    HtmlBlocks(Function<String, String> headingIds) {
        this.headingIds = headingIds;
    }

    List<Block> convert(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        return blocks(body);
    }

    /** What was removed (element names, "event handlers", "styles"), for the warning. */
    Set<String> removed() {
        return removed;
    }

    private List<Block> blocks(Element parent) {
        List<Block> out = new ArrayList<>();
        List<Inline> pending = new ArrayList<>();
        if (++depth > MarkdownConverter.MAX_DEPTH) {
            depth--;
            String text = parent.text();
            return text.isBlank() ? List.of() : List.of(new Block.Paragraph(List.of(new Inline.Text(text))));
        }
        for (Node n : parent.childNodes()) {
            if (n instanceof Element e && isBlock(e)) {
                flush(pending, out);
                Block b = block(e);
                if (b != null) {
                    out.add(b);
                } else if (DANGEROUS.contains(name(e))) {
                    removed.add(name(e));
                } else {
                    out.addAll(blocks(e));
                }
            } else {
                pending.addAll(inlines(n));
            }
        }
        flush(pending, out);
        depth--;
        return out;
    }

    private Block block(Element e) {
        String name = name(e);
        noteRemovedAttributes(e);
        switch (name) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                return new Block.Heading(name.charAt(1) - '0', headingIds.apply(e.text()), children(e));
            }
            case "blockquote" -> {
                return new Block.BlockQuote(List.copyOf(blocks(e)));
            }
            case "ul", "ol" -> {
                List<List<Block>> items = new ArrayList<>();
                for (Element li : e.children()) {
                    items.add(List.copyOf(blocks(li)));
                }
                return new Block.ListBlock(name.equals("ol"), 1, List.copyOf(items));
            }
            case "pre" -> {
                return new Block.CodeBlock("", e.wholeText());
            }
            case "hr" -> {
                return new Block.ThematicBreak();
            }
            case "table" -> {
                return table(e);
            }
            default -> {
                return null;
            }
        }
    }

    private Block table(Element table) {
        List<List<List<Inline>>> header = new ArrayList<>();
        List<List<List<Inline>>> rows = new ArrayList<>();
        int columns = 0;
        for (Element tr : table.select("tr")) {
            List<List<Inline>> cells = new ArrayList<>();
            boolean allHeader = !tr.children().isEmpty();
            for (Element cell : tr.children()) {
                cells.add(children(cell));
                allHeader &= name(cell).equals("th");
            }
            columns = Math.max(columns, cells.size());
            (allHeader && rows.isEmpty() ? header : rows).add(List.copyOf(cells));
        }
        List<Block.Alignment> aligns = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            aligns.add(Block.Alignment.NONE);
        }
        return new Block.Table(List.copyOf(header), List.copyOf(rows), List.copyOf(aligns));
    }

    private List<Inline> children(Element e) {
        List<Inline> out = new ArrayList<>();
        for (Node n : e.childNodes()) {
            out.addAll(inlines(n));
        }
        return List.copyOf(out);
    }

    private List<Inline> inlines(Node n) {
        if (n instanceof TextNode t) {
            String text = t.getWholeText().replaceAll("\\s+", " ");
            return text.isEmpty() ? List.of() : List.of(new Inline.Text(text));
        }
        if (!(n instanceof Element e)) {
            return List.of();
        }
        String name = name(e);
        noteRemovedAttributes(e);
        if (DANGEROUS.contains(name)) {
            removed.add(name);
            return List.of();
        }
        if (depth > MarkdownConverter.MAX_DEPTH) {
            return List.of(new Inline.Text(e.text()));
        }
        depth++;
        try {
            List<Inline> kids = children(e);
            return switch (name) {
                case "em", "i", "cite", "var", "dfn" -> List.of(new Inline.Emphasis(kids));
                case "strong", "b" -> List.of(new Inline.Strong(kids));
                case "del", "s", "strike" -> List.of(new Inline.Strikethrough(kids));
                case "code", "kbd", "samp", "tt" -> List.of(new Inline.Code(e.text()));
                case "br" -> List.of(new Inline.LineBreak());
                case "a" -> link(e, kids);
                // Resolved by MarkdownConverter like a Markdown image.
                case "img" -> e.attr("src").isBlank() ? List.of()
                        : List.of(new Inline.Image(e.attr("src").strip(), null, e.attr("alt"), e.attr("title")));
                default -> kids;
            };
        } finally {
            depth--;
        }
    }

    private List<Inline> link(Element a, List<Inline> kids) {
        String href = a.attr("href");
        if (!href.isEmpty() && MarkdownConverter.isSafeUrl(href)) {
            return List.of(new Inline.Link(href, a.attr("title"), kids));
        }
        if (!href.isEmpty()) {
            removed.add("unsafe link");
        }
        return kids;
    }

    private void noteRemovedAttributes(Element e) {
        for (org.jsoup.nodes.Attribute at : e.attributes()) {
            String k = at.getKey().toLowerCase(Locale.ROOT);
            if (k.startsWith("on")) {
                removed.add("event handlers");
            } else if (k.equals("style")) {
                removed.add("style attributes");
            }
        }
    }

    private static void flush(List<Inline> pending, List<Block> out) {
        boolean blank = pending.stream().allMatch(i -> i instanceof Inline.Text t && t.text().isBlank());
        if (!blank) {
            out.add(new Block.Paragraph(trim(pending)));
        }
        pending.clear();
    }

    private static List<Inline> trim(List<Inline> in) {
        List<Inline> out = new ArrayList<>(in);
        if (out.get(0) instanceof Inline.Text t) {
            out.set(0, new Inline.Text(t.text().stripLeading()));
        }
        if (out.get(out.size() - 1) instanceof Inline.Text t) {
            out.set(out.size() - 1, new Inline.Text(t.text().stripTrailing()));
        }
        return List.copyOf(out);
    }

    private static boolean isBlock(Element e) {
        return BLOCKS.contains(name(e)) || DANGEROUS.contains(name(e));
    }

    private static String name(Element e) {
        return e.normalName();
    }
}
