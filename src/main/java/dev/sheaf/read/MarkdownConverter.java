package dev.sheaf.read;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.typographic.TypographicQuotes;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.Escaping;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.Block;
import dev.sheaf.model.Inline;
import dev.sheaf.model.SourceRef;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns Markdown (CommonMark with footnotes, tables, strikethrough and smart typography, through
 * flexmark) into Sheaf's own block and inline model. This is the only class that sees flexmark's AST.
 */
final class MarkdownConverter {

    /**
     * Deeper nesting than this (block quotes in lists in block quotes…) is flattened: no reader shows
     * it, and unbounded depth would exhaust the stack of every stage after the parser.
     */
    static final int MAX_DEPTH = 48;

    /** The result: blocks and the footnotes they reference, numbered in reference order. */
    record Result(List<Block> blocks, List<dev.sheaf.model.Footnote> footnotes) { }

    private final SourceRef file;
    private final int firstLine;
    private final Path baseDir;
    private final ImageResolver images;
    private final Diagnostics diags;

    private String source;
    private final Map<String, Integer> noteNumbers = new LinkedHashMap<>();
    private final List<String> noteOrder = new ArrayList<>();
    private final Map<String, FootnoteBlock> noteBlocks = new LinkedHashMap<>();
    private final Set<String> headingIds = new HashSet<>(RESERVED_IDS);
    private final Map<String, Integer> noteOccurrences = new HashMap<>();

    /**
     * Ids the editions write themselves on a piece's page (the skip link's target, the title, the notes, the
     * reference lists…): a heading never takes one of them, so no page has an id twice.
     */
    static final Set<String> RESERVED_IDS = Set.of("main", "contents", "contents-heading", "downloads",
            "downloads-heading", "piece-title", "chapter-title", "back-title", "cite-heading", "colophon", "title",
            "subtitle", "cover", "toc", "toc-title", "landmarks", "index", "index-title", "copyright", "half-title",
            "title-page", "pub-id", "references", "sources", "notes", "footnotes");
    private static final java.util.regex.Pattern RESERVED_ID_PATTERN =
            java.util.regex.Pattern.compile("(fn|fnref|cite|ix)[0-9-].*");
    private int depth;
    private boolean flattenReported;

    /**
     * @param file      the source file, for diagnostics
     * @param firstLine the file line on which the Markdown text starts
     * @param baseDir   the folder image paths are relative to
     */
    MarkdownConverter(SourceRef file, int firstLine, Path baseDir, ImageResolver images, Diagnostics diags) {
        this.file = file;
        this.firstLine = firstLine;
        this.baseDir = baseDir;
        this.images = images;
        this.diags = diags;
    }

    Result convert(String markdown) {
        this.source = markdown;
        Document doc = MarkdownParser.parse(markdown);
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof FootnoteBlock fb) {
                noteBlocks.putIfAbsent(fb.getText().toString(), fb);
            }
        }
        List<Block> blocks = blocks(doc);
        List<dev.sheaf.model.Footnote> notes = new ArrayList<>();
        // Converting a note can reference further notes, so walk by number until none are added.
        for (int i = 0; i < noteOrder.size(); i++) {
            String label = noteOrder.get(i);
            notes.add(new dev.sheaf.model.Footnote(i + 1, label, blocks(noteBlocks.get(label))));
        }
        for (FootnoteBlock fb : noteBlocks.values()) {
            if (!noteNumbers.containsKey(fb.getText().toString()) && !isNoteLabel(fb.getText().toString())) {
                continue; // printed as text where it stands
            }
            if (!noteNumbers.containsKey(fb.getText().toString())) {
                diags.report(MessageId.MD_003, where(fb), fb.getText().toString());
            }
        }
        return new Result(List.copyOf(blocks), List.copyOf(notes));
    }

    /** Inline content of a one-paragraph text (a caption), or empty. */
    List<Inline> convertInline(String markdown) {
        List<Block> blocks = convert(markdown).blocks();
        List<Inline> out = new ArrayList<>();
        for (Block b : blocks) {
            if (b instanceof Block.Paragraph p) {
                if (!out.isEmpty()) {
                    out.add(new Inline.LineBreak());
                }
                out.addAll(p.content());
            }
        }
        return out;
    }

    private List<Block> blocks(Node parent) {
        if (depth >= MAX_DEPTH) {
            return flattened(parent);
        }
        depth++;
        try {
            List<Block> out = new ArrayList<>();
            for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                Block b = block(n);
                if (b != null) {
                    out.add(b);
                }
            }
            return out;
        } finally {
            depth--;
        }
    }

    /** Past {@link #MAX_DEPTH}: every paragraph below {@code parent}, in order, without recursion. */
    private List<Block> flattened(Node parent) {
        if (!flattenReported) {
            diags.report(MessageId.MD_004, where(parent), MAX_DEPTH);
            flattenReported = true;
        }
        List<Block> out = new ArrayList<>();
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        for (Node n = parent.getLastChild(); n != null; n = n.getPrevious()) {
            stack.push(n);
        }
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n instanceof Paragraph || n instanceof Heading) {
                out.add(new Block.Paragraph(List.of(new Inline.Text(plainText(n)))));
            } else {
                for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) {
                    stack.push(c);
                }
            }
        }
        return out;
    }

    /** The text below {@code n}, markup dropped, without recursion. */
    private static String plainText(Node n) {
        StringBuilder sb = new StringBuilder();
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        stack.push(n);
        while (!stack.isEmpty()) {
            Node x = stack.pop();
            if (x.getFirstChild() == null) {
                if (x instanceof Text || x instanceof Code) {
                    sb.append(unescaped(x.getChars()));
                } else if (x instanceof SoftLineBreak || x instanceof HardLineBreak) {
                    sb.append(' ');
                }
            }
            for (Node c = x.getLastChild(); c != null; c = c.getPrevious()) {
                stack.push(c);
            }
        }
        return sb.toString();
    }

    private Block block(Node n) {
        if (n instanceof Paragraph) {
            return new Block.Paragraph(inlines(n));
        } else if (n instanceof Heading h) {
            List<Inline> content = inlines(h);
            // Pandoc's (and kramdown's, and MkDocs') heading attributes: "## Motivation { #motivation .x }".
            if (!content.isEmpty() && content.get(content.size() - 1) instanceof Inline.Text last) {
                java.util.regex.Matcher attrs = HEADING_ATTRIBUTES.matcher(last.text());
                if (attrs.find()) {
                    List<Inline> kept = new ArrayList<>(content.subList(0, content.size() - 1));
                    String rest = last.text().substring(0, attrs.start());
                    if (!rest.isEmpty()) {
                        kept.add(new Inline.Text(rest));
                    }
                    java.util.regex.Matcher id = HEADING_ID.matcher(attrs.group(1));
                    String wanted = id.find() ? id.group(1) : null;
                    return new Block.Heading(h.getLevel(), wanted != null ? uniqueGivenId(wanted)
                            : uniqueId(dev.sheaf.model.Walk.text(kept)), List.copyOf(kept));
                }
            }
            return new Block.Heading(h.getLevel(), uniqueId(h.getText().toString()), content);
        } else if (n instanceof BlockQuote) {
            return new Block.BlockQuote(List.copyOf(blocks(n)));
        } else if (n instanceof BulletList || n instanceof OrderedList) {
            List<List<Block>> items = new ArrayList<>();
            for (Node item = n.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem) {
                    items.add(List.copyOf(blocks(item)));
                }
            }
            int start = n instanceof OrderedList ol ? ol.getStartNumber() : 1;
            return new Block.ListBlock(n instanceof OrderedList, start, List.copyOf(items));
        } else if (n instanceof FencedCodeBlock f) {
            return new Block.CodeBlock(f.getInfo().toString().trim(), f.getContentChars().toString());
        } else if (n instanceof IndentedCodeBlock c) {
            return new Block.CodeBlock("", c.getContentChars().toString());
        } else if (n instanceof ThematicBreak) {
            return new Block.ThematicBreak();
        } else if (n instanceof TableBlock) {
            return table(n);
        } else if (n instanceof FootnoteBlock fb && !isNoteLabel(fb.getText().toString())) {
            // "[^my note]: text" is no note definition for Pandoc either: the text stays where it is.
            List<Block> content = blocks(fb);
            List<Inline> first = new ArrayList<>(List.of(new Inline.Text("[^" + fb.getText() + "]: ")));
            if (!content.isEmpty() && content.get(0) instanceof Block.Paragraph p) {
                first.addAll(p.content());
                content = content.subList(1, content.size());
            }
            List<Block> all = new ArrayList<>(List.of(new Block.Paragraph(mergeText(first))));
            all.addAll(content);
            return all.size() == 1 ? all.get(0) : new Block.BlockQuote(List.copyOf(all));
        } else if (n instanceof HtmlCommentBlock || n instanceof Reference || n instanceof FootnoteBlock) {
            return null;
        } else if (n instanceof HtmlBlock) {
            HtmlBlocks html = new HtmlBlocks(this::uniqueId);
            List<Block> converted = dev.sheaf.model.Walk.mapInlines(html.convert(n.getChars().toString()),
                    i -> resolvePending(i, n));
            reportRemoved(html.removed(), n);
            return converted.isEmpty() ? null
                    : converted.size() == 1 ? converted.get(0) : new Block.BlockQuote(List.copyOf(converted));
        }
        List<Block> children = blocks(n);
        return children.isEmpty() ? null : new Block.BlockQuote(List.copyOf(children));
    }

    private Block table(Node tableNode) {
        List<List<List<Inline>>> header = new ArrayList<>();
        List<List<List<Inline>>> rows = new ArrayList<>();
        List<Block.Alignment> alignments = new ArrayList<>();
        for (Node part = tableNode.getFirstChild(); part != null; part = part.getNext()) {
            boolean head = part instanceof TableHead;
            if (!head && !(part instanceof TableBody)) {
                continue;
            }
            for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) {
                    continue;
                }
                List<List<Inline>> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell tc) {
                        cells.add(List.copyOf(inlines(tc)));
                        if (head && alignments.size() < cells.size()) {
                            alignments.add(alignment(tc.getAlignment()));
                        }
                    }
                }
                (head ? header : rows).add(List.copyOf(cells));
            }
        }
        return new Block.Table(List.copyOf(header), List.copyOf(rows), List.copyOf(alignments));
    }

    private static Block.Alignment alignment(TableCell.Alignment a) {
        if (a == null) {
            return Block.Alignment.NONE;
        }
        return switch (a) {
            case LEFT -> Block.Alignment.LEFT;
            case CENTER -> Block.Alignment.CENTER;
            case RIGHT -> Block.Alignment.RIGHT;
            default -> Block.Alignment.NONE;
        };
    }

    private List<Inline> inlines(Node parent) {
        if (depth >= MAX_DEPTH) {
            return List.of(new Inline.Text(plainText(parent)));
        }
        depth++;
        try {
            List<Inline> out = new ArrayList<>();
            for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                inline(n, out);
            }
            if (InlineHtml.hasRawTags(out)) {
                Set<String> removed = new java.util.TreeSet<>();
                out = new ArrayList<>(dev.sheaf.model.Walk.map(InlineHtml.fold(out, removed),
                        i -> resolvePending(i, parent)));
                reportRemoved(removed, parent);
            }
            return mergeText(out);
        } finally {
            depth--;
        }
    }

    /**
     * {@code chars.unescape()}, faster for the usual text without backslashes or entities: flexmark looks for them
     * with a regular expression over its sequence (a virtual call per character) before copying it into a string;
     * here the string is made first and searched with {@code indexOf}. The answer is the same.
     */
    static String unescaped(com.vladsch.flexmark.util.sequence.BasedSequence chars) {
        String s = chars.toString();
        return s.indexOf('\\') < 0 && s.indexOf('&') < 0 ? s : Escaping.unescapeString(s);
    }

    private void inline(Node n, List<Inline> out) {
        if (n instanceof Text) {
            String text = unescaped(n.getChars());
            if (text.indexOf('@') >= 0) {
                out.addAll(CitationSyntax.narrative(text, where(n)));
            } else {
                out.add(new Inline.Text(text));
            }
        } else if (n instanceof HtmlEntity) {
            out.add(new Inline.Text(Escaping.unescapeString(n.getChars().toString())));
        } else if (n instanceof TypographicSmarts s) {
            out.add(new Inline.Text(Escaping.unescapeString(s.getTypographicText())));
        } else if (n instanceof TypographicQuotes q) {
            out.add(new Inline.Text(Escaping.unescapeString(nullToEmpty(q.getTypographicOpening()))));
            out.addAll(inlines(q));
            out.add(new Inline.Text(Escaping.unescapeString(nullToEmpty(q.getTypographicClosing()))));
        } else if (n instanceof SoftLineBreak) {
            out.add(new Inline.SoftBreak());
        } else if (n instanceof HardLineBreak) {
            out.add(new Inline.LineBreak());
        } else if (n instanceof StrongEmphasis) {
            out.add(new Inline.Strong(inlines(n)));
        } else if (n instanceof Emphasis) {
            out.add(new Inline.Emphasis(inlines(n)));
        } else if (n instanceof Strikethrough) {
            out.add(new Inline.Strikethrough(inlines(n)));
        } else if (n instanceof Code c) {
            out.add(new Inline.Code(MarkdownParser.codeText(c)));
        } else if (n instanceof Footnote f) {
            noteRef(f, out);
        } else if (n instanceof Image img) {
            out.addAll(image(img.getUrl().unescape(), img.getText().unescape(), img.getTitle().unescape(), img));
        } else if (n instanceof ImageRef ref) {
            Reference r = ref.isDefined() ? ref.getReferenceNode(ref.getDocument()) : null;
            if (r == null) {
                out.add(new Inline.Text(ref.getChars().unescape()));
            } else {
                out.addAll(image(r.getUrl().unescape(), ref.getText().unescape(), r.getTitle().unescape(), ref));
            }
        } else if (n instanceof Link link) {
            link(link.getUrl().unescape(), link.getTitle().unescape(), inlines(n), where(n), out);
        } else if (n instanceof LinkRef ref) {
            Reference r = ref.isDefined() ? ref.getReferenceNode(ref.getDocument()) : null;
            String raw = ref.getChars().toString();
            java.util.Optional<Inline.Citation> citation = r != null || raw.length() < 2 ? java.util.Optional.empty()
                    : CitationSyntax.bracketed(raw.substring(1, raw.length() - 1), where(ref));
            if (citation.isPresent()) {
                out.add(citation.get());
            } else if (r == null) {
                out.add(new Inline.Text("["));
                out.addAll(inlines(n));
                out.add(new Inline.Text("]"));
            } else {
                link(r.getUrl().unescape(), r.getTitle().unescape(), inlines(n), where(n), out);
            }
        } else if (n instanceof AutoLink a) {
            link(a.getUrl().unescape(), "", List.of(new Inline.Text(a.getText().unescape())), where(n), out);
        } else if (n instanceof MailLink m) {
            String addr = m.getText().unescape();
            link("mailto:" + addr, "", List.of(new Inline.Text(addr)), where(n), out);
        } else if (n instanceof HtmlInlineComment) {
            // comments are the author's own notes: dropped silently
        } else if (n instanceof HtmlInline) {
            // A tag token; InlineHtml folds the tokens of this parent into real inlines.
            out.add(new Inline.RawText(n.getChars().toString()));
        } else {
            List<Inline> children = inlines(n);
            if (children.isEmpty() && n.getFirstChild() == null) {
                out.add(new Inline.Text(n.getChars().unescape()));
            } else {
                out.addAll(children);
            }
        }
    }

    /** Pandoc's footnote labels: anything but spaces (and brackets, which the parser already excludes). */
    static boolean isNoteLabel(String label) {
        return !label.isEmpty() && label.codePoints().noneMatch(Character::isWhitespace);
    }

    private void noteRef(Footnote f, List<Inline> out) {
        String label = f.getText().toString();
        if (!isNoteLabel(label)) {
            diags.report(MessageId.MD_006, where(f), label, label.strip().replaceAll("\\s+", "-"));
            out.add(new Inline.Text(f.getChars().unescape()));
            return;
        }
        if (f.getFootnoteBlock() != null) {
            noteBlocks.putIfAbsent(label, f.getFootnoteBlock());
        }
        if (!noteBlocks.containsKey(label)) {
            diags.report(MessageId.MD_002, where(f), label);
            out.add(new Inline.Text(f.getChars().unescape()));
            return;
        }
        Integer number = noteNumbers.get(label);
        if (number == null) {
            noteOrder.add(label);
            number = noteOrder.size();
            noteNumbers.put(label, number);
        }
        out.add(new Inline.NoteRef(label, number, noteOccurrences.merge(label, 1, Integer::sum)));
    }

    /**
     * An image, or its description when it cannot be used: the alt text, else the title. An image without
     * alt text borrows its title, so that no picture reaches a reader unnamed.
     */
    private List<Inline> image(String src, String alt, String title, Node n) {
        SourceRef at = where(n);
        String description = alt.isBlank() ? nullToEmpty(title).strip() : alt;
        if (alt.isBlank()) {
            diags.report(MessageId.IMG_004, at, src);
        }
        return images.resolve(src, baseDir, at)
                .<List<Inline>>map(resolved -> List.of(new Inline.Image(src, resolved, description, title)))
                .orElseGet(() -> description.isEmpty() ? List.of() : List.of(new Inline.Text(description)));
    }

    /** Raw HTML images arrive unresolved (see {@link InlineHtml#image}); they are checked like Markdown ones. */
    private List<Inline> resolvePending(Inline i, Node at) {
        if (i instanceof Inline.Image img && img.resolved() == null) {
            return image(img.src(), img.alt(), img.title(), at);
        }
        return List.of(i);
    }

    private static void link(String url, String title, List<Inline> children, SourceRef where, List<Inline> out) {
        if (isSafeUrl(url)) {
            out.add(new Inline.Link(url, title, children, where));
        } else {
            out.addAll(children);
        }
    }

    /** Links that work offline or on the web; {@code javascript:} and friends are dropped to text. */
    static boolean isSafeUrl(String url) {
        String u = url.trim().toLowerCase(Locale.ROOT);
        if (!u.matches("^[a-z][a-z0-9+.-]*:.*")) {
            return !u.isEmpty();
        }
        return u.startsWith("http:") || u.startsWith("https:") || u.startsWith("mailto:") || u.startsWith("ftp:");
    }

    private static final java.util.regex.Pattern HEADING_ATTRIBUTES =
            java.util.regex.Pattern.compile("\\s*\\{\\s*((?:[#.][^\\s{}]+|[A-Za-z_][\\w-]*=(?:\"[^\"]*\"|\\S+))(?:\\s+(?:[#.][^\\s{}]+|[A-Za-z_][\\w-]*=(?:\"[^\"]*\"|\\S+)))*)\\s*}\\s*$");
    private static final java.util.regex.Pattern HEADING_ID = java.util.regex.Pattern.compile("(?:^|\\s)#([^\\s{}]+)");

    /** An id the author gave: kept when it is a valid, unreserved, unused XML id; else made one from it. */
    private String uniqueGivenId(String wanted) {
        if (wanted.matches("[A-Za-z][A-Za-z0-9_.-]*") && !RESERVED_ID_PATTERN.matcher(wanted).matches()
                && headingIds.add(wanted)) {
            return wanted;
        }
        return uniqueId(wanted);
    }

    private String uniqueId(String text) {
        String base = Slugs.slug(text, "section");
        if (RESERVED_ID_PATTERN.matcher(base).matches()) {
            base = "section-" + base;
        }
        String id = base;
        for (int i = 2; !headingIds.add(id); i++) {
            id = base + "-" + i;
        }
        return id;
    }

    private SourceRef where(Node n) {
        int offset = n.getStartOffset();
        int lineStart = source.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
        if (offset == 0) {
            lineStart = 0;
        }
        return file.at(firstLine + n.getStartLineNumber(), offset - lineStart + 1);
    }

    private static List<Inline> mergeText(List<Inline> in) {
        List<Inline> out = new ArrayList<>(in.size());
        for (Inline i : in) {
            if (i instanceof Inline.Text t && !out.isEmpty() && out.get(out.size() - 1) instanceof Inline.Text prev) {
                out.set(out.size() - 1, new Inline.Text(prev.text() + t.text()));
            } else if (!(i instanceof Inline.Text t2 && t2.text().isEmpty())) {
                out.add(i);
            }
        }
        return List.copyOf(out);
    }

    private void reportRemoved(Set<String> removed, Node n) {
        if (!removed.isEmpty()) {
            diags.report(MessageId.MD_001, where(n), String.join(", ", removed));
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
