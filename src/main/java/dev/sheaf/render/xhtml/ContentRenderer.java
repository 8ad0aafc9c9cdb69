package dev.sheaf.render.xhtml;

import dev.sheaf.model.Block;
import dev.sheaf.model.Footnote;
import dev.sheaf.model.Inline;
import dev.sheaf.model.ReferenceList;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Renders Sheaf's block and inline model as XHTML. Shared by every edition; what differs between
 * editions (where images live, how headings are shifted) comes in through the constructor.
 */
public final class ContentRenderer {

    private final UnaryOperator<String> imageHref;
    private final int headingShift;
    private final String idPrefix;
    private final BiFunction<String, String, String> pieceHref;
    /**
     * In an edition with a page per piece, the index anchors to write (those a locator links to), under their ids
     * in the piece's page ({@link IndexXhtml#pageId}); null in the print edition, which writes every anchor under
     * the model's id, unique in its single document.
     */
    private final java.util.function.Predicate<String> pagePerPiece;

    /**
     * @param imageHref    maps a book-relative image path to the href the edition uses
     * @param headingShift added to heading levels (pieces start at h1 for their title, so body
     *                     headings must start at h2 or lower)
     * @param idPrefix     prefix for note ids, so several pieces can share one document (PDF)
     */
    public ContentRenderer(UnaryOperator<String> imageHref, int headingShift, String idPrefix) {
        this(imageHref, headingShift, idPrefix, (piece, fragment) -> null, null);
    }

    private ContentRenderer(UnaryOperator<String> imageHref, int headingShift, String idPrefix,
                            BiFunction<String, String, String> pieceHref,
                            java.util.function.Predicate<String> pagePerPiece) {
        this.imageHref = imageHref;
        this.headingShift = headingShift;
        this.idPrefix = idPrefix;
        this.pieceHref = pieceHref;
        this.pagePerPiece = pagePerPiece;
    }

    /**
     * The same renderer, with links to pieces of the book: {@code pieceHref} maps a piece id and a fragment
     * (null for the top of the piece) to the edition's href, or to null when the piece is not in this
     * edition (a handout), where the link's text is printed without the link.
     */
    public ContentRenderer withPieceLinks(BiFunction<String, String, String> pieceHref) {
        return new ContentRenderer(imageHref, headingShift, idPrefix, pieceHref, pagePerPiece);
    }

    /**
     * The same renderer for an edition with a page per piece, writing only the index anchors {@code keep} accepts,
     * each under its id in the piece's page ({@link IndexXhtml#pageId}): an edition whose index links to the first
     * mention of an entry in each piece (or on each printed page) needs no anchor at the others, which in a densely
     * indexed book are most of them. The print edition writes none where its {@link TextPlaces} note the mention's
     * place in the text ({@link TextPlaces#mention}), and every other anchor under the model's id.
     */
    public ContentRenderer withIndexAnchors(java.util.function.Predicate<String> keep) {
        return new ContentRenderer(imageHref, headingShift, idPrefix, pieceHref, keep);
    }

    public void blocks(Xml x, List<Block> blocks) {
        for (Block b : blocks) {
            block(x, b);
        }
    }

    public void block(Xml x, Block b) {
        if (b instanceof Block.Paragraph p) {
            if (p.content().size() == 1 && p.content().get(0) instanceof Inline.Image img) {
                figure(x, img);
            } else {
                boolean c = openText(x, "p");
                inlines(x, p.content());
                closeText(x, "p", c);
                x.nl();
            }
        } else if (b instanceof Block.Heading h) {
            String tag = "h" + Math.min(6, Math.max(2, h.level() + headingShift));
            boolean c = openText(x, tag, "id", idPrefix + h.id());
            inlines(x, h.content());
            closeText(x, tag, c);
            x.nl();
        } else if (b instanceof Block.BlockQuote q) {
            x.open("blockquote").nl();
            blocks(x, q.children());
            x.close("blockquote").nl();
        } else if (b instanceof Block.ListBlock l) {
            list(x, l);
        } else if (b instanceof Block.CodeBlock c) {
            boolean container = openText(x, "pre");
            x.open("code").text(c.text()).close("code");
            closeText(x, "pre", container);
            x.nl();
        } else if (b instanceof Block.ThematicBreak) {
            x.empty("hr", "class", "break").nl();
        } else if (b instanceof Block.Table t) {
            table(x, t);
        } else if (b instanceof Block.RawBlock r) {
            boolean c = openText(x, "p", "class", "raw");
            x.text(r.text());
            closeText(x, "p", c);
            x.nl();
        }
    }

    private void list(Xml x, Block.ListBlock l) {
        String tag = l.ordered() ? "ol" : "ul";
        x.open(tag, "start", l.ordered() && l.start() != 1 ? Integer.toString(l.start()) : null).nl();
        for (List<Block> item : l.items()) {
            if (item.size() == 1 && item.get(0) instanceof Block.Paragraph p) {
                boolean c = openText(x, "li");
                inlines(x, p.content());
                closeText(x, "li", c);
            } else {
                x.open("li");
                blocks(x, item);
                x.close("li");
            }
            x.nl();
        }
        x.close(tag).nl();
    }

    private void table(Xml x, Block.Table t) {
        x.open("table").nl();
        if (!t.header().isEmpty()) {
            x.open("thead");
            t.header().forEach(row -> row(x, row, "th", t.alignments()));
            x.close("thead").nl();
        }
        x.open("tbody");
        t.rows().forEach(row -> row(x, row, "td", t.alignments()));
        x.close("tbody").nl();
        x.close("table").nl();
    }

    private void row(Xml x, List<List<Inline>> cells, String tag, List<Block.Alignment> aligns) {
        x.open("tr");
        for (int i = 0; i < cells.size(); i++) {
            Block.Alignment a = i < aligns.size() ? aligns.get(i) : Block.Alignment.NONE;
            String style = a == Block.Alignment.NONE ? null : "text-align: " + a.name().toLowerCase(java.util.Locale.ROOT);
            // Header cells say what they head, for screen readers reading a cell out of its row.
            boolean c = openText(x, tag, "scope", tag.equals("th") ? "col" : null, "style", style);
            inlines(x, cells.get(i));
            closeText(x, tag, c);
        }
        x.close("tr").nl();
    }

    private void figure(Xml x, Inline.Image img) {
        boolean c = openText(x, "figure", "class", "image");
        x.empty("img", "src", imageHref.apply(img.resolved()), "alt", img.alt());
        if (img.title() != null && !img.title().isBlank()) {
            x.element("figcaption", img.title());
        }
        closeText(x, "figure", c);
        x.nl();
    }

    public void inlines(Xml x, List<Inline> inlines) {
        for (Inline i : inlines) {
            inline(x, i);
        }
    }

    private void inline(Xml x, Inline i) {
        if (i instanceof Inline.Text t) {
            Direction.text(x, t.text());
        } else if (i instanceof Inline.Emphasis e) {
            wrap(x, "em", e.children());
        } else if (i instanceof Inline.Strong s) {
            wrap(x, "strong", s.children());
        } else if (i instanceof Inline.Strikethrough s) {
            wrap(x, "del", s.children());
        } else if (i instanceof Inline.Code c) {
            x.element("code", c.text());
        } else if (i instanceof Inline.Link l) {
            x.open("a", "href", l.url(), "title", l.title() == null || l.title().isBlank() ? null : l.title());
            inlines(x, l.children());
            x.close("a");
        } else if (i instanceof Inline.PieceLink l) {
            String href = pieceHref.apply(l.pieceId(), l.fragment());
            if (href == null) {
                inlines(x, l.children());
            } else {
                x.open("a", "href", href, "title", l.title() == null || l.title().isBlank() ? null : l.title());
                inlines(x, l.children());
                x.close("a");
            }
        } else if (i instanceof Inline.Image img) {
            x.empty("img", "src", imageHref.apply(img.resolved()), "alt", img.alt(), "class", "inline");
        } else if (i instanceof Inline.NoteRef n) {
            x.open("a", "epub:type", "noteref", "role", "doc-noteref", "id", noteRefId(n.number(), n.occurrence()),
                    "href", "#" + noteId(n.number()), "class", "noteref")
                    .text(Integer.toString(n.number())).close("a");
        } else if (i instanceof Inline.LineBreak) {
            x.empty("br");
        } else if (i instanceof Inline.SoftBreak) {
            x.text("\n");
        } else if (i instanceof Inline.RawText r) {
            x.element("code", r.text(), "class", "raw");
        } else if (i instanceof Inline.IndexMark m) {
            // Where the index points: an empty element just before the mentioned words, unless the print edition
            // notes the place in the text instead (an element per mention costs its layout dearly).
            if (pagePerPiece == null) {
                if (x.places() == null || !x.places().mention(m.id())) {
                    x.open("span", "id", m.id(), "class", "ix").close("span");
                }
            } else if (pagePerPiece.test(m.id())) {
                x.open("span", "id", IndexXhtml.pageId(m.id()), "class", "ix").close("span");
            }
        } else if (i instanceof Inline.Citation c) {
            // Only reached when citations were not processed (e.g. the style failed to load).
            c.cites().forEach(k -> x.text("[@" + k.key() + "]"));
        }
    }

    /**
     * Opens an element that holds inline content, a text container for the document's {@link TextPlaces} if it
     * has one; returns whether it is one.
     */
    private static boolean openText(Xml x, String tag, String... attrs) {
        TextPlaces places = x.places();
        if (places == null) {
            x.open(tag, attrs);
            return false;
        }
        return places.open(x, tag, attrs);
    }

    private static void closeText(Xml x, String tag, boolean container) {
        if (container) {
            x.places().close(x, tag);
        } else {
            x.close(tag);
        }
    }

    private void wrap(Xml x, String tag, List<Inline> children) {
        x.open(tag);
        inlines(x, children);
        x.close(tag);
    }

    /** A formatted reference list under its own heading, titled from the list (or its slug). */
    public void referenceList(Xml x, ReferenceList list, String headingTag) {
        String slug = list.slug();
        referenceList(x, list, headingTag, slug.isEmpty() ? slug : Character.toUpperCase(slug.charAt(0)) + slug.substring(1));
    }

    /** A formatted reference list (sources, works cited) under its own heading. */
    public void referenceList(Xml x, ReferenceList list, String headingTag, String title) {
        x.open("section", "class", "references " + list.slug(), "id", idPrefix + list.slug(),
                "role", "doc-bibliography").nl();
        x.element(headingTag, list.title() != null ? list.title() : title, "class", "references-heading").nl();
        referenceEntries(x, list);
        x.close("section").nl();
    }

    /**
     * The entries of a reference list, each a text container, as every edition writes them (so that the print
     * edition's pages can be marked in the others' lists).
     */
    public void referenceEntries(Xml x, ReferenceList list) {
        x.open("ul", "class", "reference-entries").nl();
        for (List<Inline> entry : list.entries()) {
            boolean c = openText(x, "li");
            inlines(x, entry);
            closeText(x, "li", c);
            x.nl();
        }
        x.close("ul").nl();
    }

    /** The notes of a piece, each a footnote aside linked back to its reference. */
    public void notes(Xml x, List<Footnote> notes, String heading) {
        if (notes.isEmpty()) {
            return;
        }
        x.open("section", "class", "notes", "epub:type", "footnotes", "role", "doc-endnotes").nl();
        x.element("h2", heading, "class", "notes-heading").nl();
        for (Footnote n : notes) {
            x.open("aside", "epub:type", "footnote", "role", "doc-footnote", "id", noteId(n.number()),
                    "class", "footnote").nl();
            x.open("p", "class", "note-number")
                    .open("a", "href", "#" + noteRefId(n.number()), "role", "doc-backlink")
                    .text(n.number() + ".").close("a").close("p").nl();
            blocks(x, n.content());
            x.close("aside").nl();
        }
        x.close("section").nl();
    }

    /** The href under which the edition stores the book-relative image {@code path}. */
    public String imageHref(String path) {
        return imageHref.apply(path);
    }

    public String noteId(int number) {
        return idPrefix + "fn-" + number;
    }

    public String noteRefId(int number) {
        return idPrefix + "fnref-" + number;
    }

    /** The second and later references to one note get ids of their own: fnref-3-2, fnref-3-3… */
    public String noteRefId(int number, int occurrence) {
        return occurrence <= 1 ? noteRefId(number) : noteRefId(number) + "-" + occurrence;
    }
}
