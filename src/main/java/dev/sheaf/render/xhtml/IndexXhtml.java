package dev.sheaf.render.xhtml;

import dev.sheaf.model.Book;
import dev.sheaf.model.BookIndex;
import dev.sheaf.model.Piece;
import dev.sheaf.render.Labels;
import dev.sheaf.render.PageRanges;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes the book's index as XHTML in the structure of EPUB Indexes 1.0 (index, index-group, index-entry-list,
 * index-entry, index-term, index-locator, index-xref-preferred/-related), which the EPUB, the site and the print
 * document share; each edition says what its locators are (piece titles, pages) and where they link.
 */
public final class IndexXhtml {

    /** One locator of an entry: what is printed ("Kazakhstan in Crisis", "37–39") and where it links. */
    public record Locator(String label, String href) { }

    private final BookIndex index;
    private final Labels labels;
    private final Function<BookIndex.Entry, List<Locator>> locators;
    private final Map<String, String> ids = new HashMap<>();

    /**
     * @param locators the locators of an entry, in order; an entry without any prints only its references
     */
    public IndexXhtml(BookIndex index, Labels labels, Function<BookIndex.Entry, List<Locator>> locators) {
        this.index = index;
        this.labels = labels;
        this.locators = locators;
        int[] n = {0};
        index.entries().forEach(e -> number(e, n));
    }

    /** Ids for the entries that are printed, which cross-references link to. */
    private void number(BookIndex.Entry e, int[] n) {
        if (!e.printable()) {
            return;
        }
        ids.put(display(e.key()), "ixe-" + (++n[0]));
        e.subs().forEach(s -> number(s, n));
    }

    /**
     * Locators by piece, for editions without pages of their own: the piece's title, linked to its first
     * mention of the entry.
     *
     * @param href the address of a piece's page from the index's page
     */
    public static Function<BookIndex.Entry, List<Locator>> byPiece(Book book, Function<Piece, String> href) {
        Map<String, Piece> pieces = new HashMap<>();
        book.pieces().forEach(p -> pieces.put(p.id(), p));
        return e -> {
            Map<String, Locator> first = new LinkedHashMap<>();
            for (BookIndex.Mention m : e.mentions()) {
                Piece p = pieces.get(m.pieceId());
                if (p != null) {
                    first.putIfAbsent(p.id(), new Locator(p.title(), href.apply(p) + "#" + m.anchor()));
                }
            }
            return List.copyOf(first.values());
        };
    }

    /**
     * Locators by printed page, for editions that carry the print edition's page numbers: each page once, runs
     * of consecutive pages as a range ("37–39"), each linked to the first mention on its first page, as the
     * print edition numbers them. An entry none of whose mentions has a page is located by piece instead.
     *
     * @param href   the address of a piece's page from the index's page
     * @param pageOf the printed page number of an anchor ("37"), or null when the print edition did not place it
     */
    public static Function<BookIndex.Entry, List<Locator>> byPrintPage(Book book, Function<Piece, String> href,
                                                                        Function<String, String> pageOf) {
        Function<BookIndex.Entry, List<Locator>> byPiece = byPiece(book, href);
        Map<String, Piece> pieces = new HashMap<>();
        book.pieces().forEach(p -> pieces.put(p.id(), p));
        return e -> {
            // Page numbers of the body are numerals; they are kept in the order of the pages.
            java.util.TreeMap<Integer, String> firstOnPage = new java.util.TreeMap<>();
            for (BookIndex.Mention m : e.mentions()) {
                String page = pageOf.apply(m.anchor());
                Piece p = pieces.get(m.pieceId());
                if (page != null && p != null && page.matches("[0-9]{1,9}")) {
                    firstOnPage.putIfAbsent(Integer.parseInt(page), href.apply(p) + "#" + m.anchor());
                }
            }
            if (firstOnPage.isEmpty()) {
                return byPiece.apply(e);
            }
            List<Locator> out = new ArrayList<>();
            for (PageRanges.Range r : PageRanges.of(firstOnPage.navigableKeySet())) {
                out.add(new Locator(r.label(), firstOnPage.get(r.first())));
            }
            return out;
        };
    }

    /**
     * The anchors the locators link to ({@code piece.xhtml#ix3-piece} → {@code ix3-piece}): the only index anchors
     * an edition with this index needs in its text.
     */
    public java.util.Set<String> linkedAnchors() {
        java.util.Set<String> out = new java.util.HashSet<>();
        index.entries().forEach(e -> linkedAnchors(e, out));
        return out;
    }

    private void linkedAnchors(BookIndex.Entry e, java.util.Set<String> out) {
        if (!e.mentions().isEmpty()) {
            for (Locator l : locators.apply(e)) {
                int hash = l.href().indexOf('#');
                if (hash >= 0) {
                    out.add(l.href().substring(hash + 1));
                }
            }
        }
        e.subs().forEach(s -> linkedAnchors(s, out));
    }

    /** The anchors of {@code linked} in piece {@code p}, in text order (part of what its page is made from). */
    public static List<String> anchorsIn(Piece p, java.util.Set<String> linked) {
        List<String> out = new ArrayList<>();
        if (linked.isEmpty()) {
            return out;
        }
        java.util.function.Consumer<dev.sheaf.model.Inline> take = i -> {
            if (i instanceof dev.sheaf.model.Inline.IndexMark m && linked.contains(m.id())) {
                out.add(m.id());
            }
        };
        dev.sheaf.model.Walk.inlines(p.body(), take);
        p.footnotes().forEach(n -> dev.sheaf.model.Walk.inlines(n.content(), take));
        return out;
    }

    /** The index's heading: the author's title or the label "Index". */
    public String title() {
        return index.title() != null ? index.title() : labels.get("index");
    }

    /**
     * The index as a section with the id {@code index}: its title as {@code titleTag}, then (when the author
     * separated them) one part per kind, and in each the entries under their letters.
     */
    public void write(Xml x, String titleTag) {
        x.open("section", "epub:type", "index", "role", "doc-index", "class", "index", "id", "index",
                "aria-labelledby", "index-title").nl();
        x.element(titleTag, title(), "class", "index-title", "id", "index-title").nl();
        int level = Integer.parseInt(titleTag.substring(1));
        if (index.separate()) {
            for (BookIndex.Kind kind : BookIndex.Kind.values()) {
                List<BookIndex.Entry> entries = printable(index.ofKind(kind));
                if (entries.isEmpty()) {
                    continue;
                }
                x.open("section", "class", "index-kind", "id", "index-" + kind.id()).nl();
                heading(x, "h" + (level + 1), labels.get("index." + kind.id()), "index-kind-title");
                groups(x, entries, level + 2);
                x.close("section").nl();
            }
        } else {
            groups(x, printable(index.entries()), level + 1);
        }
        x.close("section").nl();
    }

    private static List<BookIndex.Entry> printable(List<BookIndex.Entry> entries) {
        return entries.stream().filter(BookIndex.Entry::printable).toList();
    }

    private void groups(Xml x, List<BookIndex.Entry> entries, int level) {
        Map<String, List<BookIndex.Entry>> groups = new LinkedHashMap<>();
        entries.forEach(e -> groups.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e));
        String tag = "h" + Math.min(6, level);
        groups.forEach((letter, list) -> {
            x.open("section", "epub:type", "index-group", "class", "index-group").nl();
            heading(x, tag, letter, "index-letter");
            list(x, list, "index-entries");
            x.close("section").nl();
        });
    }

    private void list(Xml x, List<BookIndex.Entry> entries, String cls) {
        x.open("ul", "epub:type", "index-entry-list", "class", cls).nl();
        for (BookIndex.Entry e : entries) {
            if (e.printable()) {
                entry(x, e);
            }
        }
        x.close("ul").nl();
    }

    /**
     * A heading of the index, a text container when the document numbers them, as the print edition's index
     * numbers its lines (so that the print edition's pages can be marked in the index of the others).
     */
    private static void heading(Xml x, String tag, String text, String cls) {
        TextPlaces places = x.places();
        if (places == null) {
            x.element(tag, text, "class", cls).nl();
            return;
        }
        boolean container = places.open(x, tag, "class", cls);
        x.text(text);
        if (container) {
            places.close(x, tag);
        } else {
            x.close(tag);
        }
        x.nl();
    }

    private void entry(Xml x, BookIndex.Entry e) {
        String[] attrs = {"epub:type", "index-entry", "class", "index-entry", "id", ids.get(display(e.key()))};
        TextPlaces places = x.places();
        // The entry's own text is a container; its sub-entries, inside its element, are containers of their own.
        boolean container = places != null ? places.open(x, "li", attrs) : false;
        if (places == null) {
            x.open("li", attrs);
        }
        x.element("span", e.term(), "epub:type", "index-term", "class", "index-term");
        List<Locator> found = e.mentions().isEmpty() ? List.of() : locators.apply(e);
        for (int i = 0; i < found.size(); i++) {
            x.text(i == 0 ? ", " : separator(found));
            Locator l = found.get(i);
            x.open("a", "epub:type", "index-locator", "href", l.href()).text(l.label()).close("a");
        }
        references(x, e.see(), "index.see", "index-xref-preferred");
        references(x, e.seeAlso(), "index.see.also", "index-xref-related");
        if (container) {
            places.end(x);
        }
        List<BookIndex.Entry> subs = printable(e.subs());
        if (!subs.isEmpty()) {
            x.nl();
            list(x, subs, "index-subentries");
        }
        x.close("li").nl();
    }

    /** Page numbers are separated by commas, titles (which may hold commas) by semicolons. */
    private static String separator(List<Locator> found) {
        return found.stream().anyMatch(l -> !l.label().matches("[0-9ivxlcdm–-]+")) ? "; " : ", ";
    }

    private void references(Xml x, List<String> targets, String label, String type) {
        if (targets.isEmpty()) {
            return;
        }
        x.text(". ");
        x.open("span", "epub:type", type, "class", "index-xref");
        x.element("em", capitalised(labels.get(label)));
        x.text(" ");
        for (int i = 0; i < targets.size(); i++) {
            if (i > 0) {
                x.text("; ");
            }
            String id = ids.get(targets.get(i));
            if (id == null) {
                x.text(targets.get(i));
            } else {
                x.open("a", "href", "#" + id).text(targets.get(i)).close("a");
            }
        }
        x.close("span");
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** How a key is printed in a cross-reference: "Russia: and China". */
    private static String display(String key) {
        return key.replace(" › ", ": ");
    }
}
