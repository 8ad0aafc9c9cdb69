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
import java.util.regex.Pattern;

/**
 * Writes the book's index as XHTML in the structure of EPUB Indexes 1.0 (index, index-group, index-entry-list,
 * index-entry, index-term, index-locator, index-xref-preferred/-related), which the EPUB, the site and the print
 * document share; each edition says what its locators are (piece titles, pages) and where they link.
 */
public final class IndexXhtml {

    /**
     * One locator of an entry: what is printed ("Kazakhstan in Crisis", "37–39", "4"), where it links, and the
     * anchor it links to (the {@code Inline.IndexMark}'s id in the model; null for a locator that links to none);
     * a compact locator also names the chapter it is listed under.
     */
    public record Locator(String label, String href, String group, String anchor) {

        public Locator(String label, String href) {
            this(label, href, null, null);
        }
    }

    /**
     * Past this many pieces an entry's locators by piece are compact: under each chapter's title, the numbers of
     * its pieces in the chapter (as the contents list them), each linked to the mention. Ten titles are still a
     * list a reader scans; a hundred are pages of titles (a dense entry of the 2,000-piece benchmark book named
     * 1,999 of them, 150 kB for one entry).
     */
    public static final int COMPACT_ABOVE = 10;
    /**
     * An EPUB's index is split into documents of about this many characters, between letters (or within a letter
     * that is larger alone): Adobe's reading systems long refused content documents over 300 kB, and e-readers
     * lay out a whole document before showing any of it.
     */
    public static final int DOCUMENT_CHARS = 300_000;

    private final BookIndex index;
    private final Labels labels;
    private final Function<BookIndex.Entry, List<Locator>> locators;
    private final Map<String, String> ids = new HashMap<>();
    /** Each entry's locators, made once: the anchors the pieces keep and the index's markup both need them. */
    private final Map<BookIndex.Entry, List<Locator>> located = new java.util.IdentityHashMap<>();

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
     * The id of index anchor {@code anchor} in an edition with a page per piece (the EPUB, the site): "ix_12" for
     * the model's "ix12-some-piece". The model's id names the piece, so that it is unique in the print edition's
     * single document; in a piece's own page the number alone is, and a 60-character slug written twice per
     * locator (the anchor, the link) made up a third of a densely indexed book's index documents. The underscore
     * keeps it apart from every heading id, which are slugs of letters, digits and hyphens.
     */
    public static String pageId(String anchor) {
        int dash = anchor.indexOf('-');
        return dash > 2 && anchor.startsWith("ix") ? "ix_" + anchor.substring(2, dash) : anchor;
    }

    /**
     * Locators by piece, for editions without pages of their own: the piece's title, linked to its first
     * mention of the entry.
     *
     * @param href the address of a piece's page from the index's page
     */
    public static Function<BookIndex.Entry, List<Locator>> byPiece(Book book, Function<Piece, String> href) {
        Map<String, Piece> pieces = new HashMap<>();
        Map<String, String> chapterOf = new HashMap<>();
        Map<String, Integer> numberOf = new HashMap<>();
        for (dev.sheaf.model.Chapter c : book.chapters()) {
            for (int i = 0; i < c.pieces().size(); i++) {
                Piece p = c.pieces().get(i);
                pieces.put(p.id(), p);
                chapterOf.put(p.id(), c.title());
                numberOf.put(p.id(), i + 1);
            }
        }
        book.pieces().forEach(p -> pieces.putIfAbsent(p.id(), p));
        return e -> {
            Map<String, BookIndex.Mention> first = new LinkedHashMap<>();
            for (BookIndex.Mention m : e.mentions()) {
                if (pieces.containsKey(m.pieceId())) {
                    first.putIfAbsent(m.pieceId(), m);
                }
            }
            boolean compact = first.size() > COMPACT_ABOVE;
            List<Locator> out = new ArrayList<>(first.size());
            for (BookIndex.Mention m : first.values()) {
                Piece p = pieces.get(m.pieceId());
                String link = href.apply(p) + "#" + pageId(m.anchor());
                Integer number = numberOf.get(p.id());
                out.add(compact && number != null
                        ? new Locator(String.valueOf(number), link, chapterOf.get(p.id()), m.anchor())
                        : new Locator(p.title(), link, null, m.anchor()));
            }
            return out;
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
            java.util.TreeMap<Integer, BookIndex.Mention> firstOnPage = new java.util.TreeMap<>();
            for (BookIndex.Mention m : e.mentions()) {
                String page = pageOf.apply(m.anchor());
                if (page != null && pieces.containsKey(m.pieceId()) && page.matches("[0-9]{1,9}")) {
                    firstOnPage.putIfAbsent(Integer.parseInt(page), m);
                }
            }
            if (firstOnPage.isEmpty()) {
                return byPiece.apply(e);
            }
            List<Locator> out = new ArrayList<>();
            for (PageRanges.Range r : PageRanges.of(firstOnPage.navigableKeySet())) {
                BookIndex.Mention m = firstOnPage.get(r.first());
                out.add(new Locator(r.label(), href.apply(pieces.get(m.pieceId())) + "#" + pageId(m.anchor()), null,
                        m.anchor()));
            }
            return out;
        };
    }

    /**
     * The anchors the locators link to, as the model names them ({@code ix3-piece}): the only index anchors an
     * edition with this index needs in its text.
     */
    public java.util.Set<String> linkedAnchors() {
        java.util.Set<String> out = new java.util.HashSet<>();
        index.entries().forEach(e -> linkedAnchors(e, out));
        return out;
    }

    private void linkedAnchors(BookIndex.Entry e, java.util.Set<String> out) {
        for (Locator l : locators(e)) {
            if (l.anchor() != null) {
                out.add(l.anchor());
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

    /** Where {@link #write(Documents, int)} writes: the index's documents, one after the other. */
    public interface Documents {

        /**
         * Starts document {@code n} (0 is the first) titled {@code title}, and returns it; {@code indexBody}: the
         * document holds one index and nothing else, which EPUB Indexes wants said on its body
         * ({@code epub:type="index"}; the section inside then is not an index of its own).
         */
        Xml start(int n, String title, boolean indexBody);

        /** Ends document {@code x}; {@code last} when no other follows. Returns its markup. */
        String end(Xml x, boolean last);

        /** The file of document {@code n}, as cross-references between documents link to it. */
        String file(int n);
    }

    /** One document of the index: its markup and what its navigation entry says ("A–C"). */
    public record Part(String markup, String label) { }

    /**
     * The index as a section with the id {@code index}: its title as {@code titleTag}, then (when the author
     * separated them) one part per kind, and in each the entries under their letters.
     */
    public void write(Xml x, String titleTag) {
        new Writer(null, Integer.MAX_VALUE, titleTag).run(x);
    }

    /**
     * The index in documents of about {@code limit} characters, split between letters (or, in a letter larger
     * alone, between its entries): each a section of type index, the first with the heading; a letter continued
     * from the document before repeats its heading. Cross-references link across documents.
     */
    public List<Part> write(Documents docs, int limit) {
        Writer w = new Writer(docs, limit, "h1");
        w.run(docs.start(0, title() + " (" + PART + ")", !index.separate()));
        List<Part> out = new ArrayList<>();
        Pattern xref = Pattern.compile("href=\"#(ixe-[0-9]+)\"");
        Map<String, Integer> sameLabel = new HashMap<>();
        w.partLabels.forEach(l -> sameLabel.merge(l, 1, Integer::sum));
        for (int i = 0; i < w.parts.size(); i++) {
            int doc = i;
            String label = w.partLabels.get(i);
            String[] terms = w.partTerms.get(i);
            if (sameLabel.get(label) > 1 && terms[0] != null) {
                // A letter over several documents: "Caspian–China", "Chechnya–Crimea" tell them apart.
                label = terms[0].equals(terms[1]) ? terms[0] : terms[0] + "\u2013" + terms[1];
            }
            String markup = w.parts.get(i).replaceFirst(PART,
                    java.util.regex.Matcher.quoteReplacement(w.parts.size() == 1 ? "" : label)).replace(" ()", "");
            if (w.parts.size() > 1) {
                markup = xref.matcher(markup).replaceAll(m -> {
                    Integer target = w.docOf.get(m.group(1));
                    return target == null || target == doc ? m.group()
                            : java.util.regex.Matcher.quoteReplacement(
                                    "href=\"" + docs.file(target) + "#" + m.group(1) + "\"");
                });
            }
            out.add(new Part(markup, label));
        }
        return out;
    }

    /** Stands for a document's letters in its title until they are known. */
    private static final String PART = "\uE000";

    /** Writes the index, starting a new document where the one being written is full. */
    private final class Writer {
        private final Documents docs;
        private final int limit;
        private final String titleTag;
        private final List<String> parts = new ArrayList<>();
        private final List<String> partLabels = new ArrayList<>();
        /** The first and last entry of each document. */
        private final List<String[]> partTerms = new ArrayList<>();
        private String firstTerm;
        private String lastTerm;
        private final Map<String, Integer> docOf = new HashMap<>();
        private Xml x;
        private int written;
        private String kindTitle;
        private String kindId;
        private String letter;
        private String firstLabel;
        private String lastLabel;
        private boolean inList;
        private int level;

        Writer(Documents docs, int limit, String titleTag) {
            this.docs = docs;
            this.limit = limit;
            this.titleTag = titleTag;
        }

        void run(Xml first) {
            x = first;
            x.open("section", "epub:type", indexType(), "role", index.separate() ? null : "doc-index",
                    "class", "index", "id", "index", "aria-labelledby", "index-title").nl();
            x.element(titleTag, title(), "class", "index-title", "id", "index-title").nl();
            written = x.length();
            level = Integer.parseInt(titleTag.substring(1));
            if (index.separate()) {
                for (BookIndex.Kind kind : BookIndex.Kind.values()) {
                    List<BookIndex.Entry> entries = printable(index.ofKind(kind));
                    if (entries.isEmpty()) {
                        continue;
                    }
                    breakIfFull();
                    kindTitle = labels.get("index." + kind.id());
                    kindId = "index-" + kind.id();
                    x.open("section", "epub:type", "index", "role", "doc-index", "class", "index-kind", "id", kindId,
                            "aria-labelledby", kindId + "-title").nl();
                    heading(x, "h" + (level + 1), kindTitle, "index-kind-title", kindId + "-title");
                    groups(entries, level + 2);
                    x.close("section").nl();
                    kindTitle = null;
                }
            } else {
                groups(printable(index.entries()), level + 1);
            }
            x.close("section").nl();
            if (docs != null) {
                finish(true);
            }
        }

        private void groups(List<BookIndex.Entry> entries, int level) {
            Map<String, List<BookIndex.Entry>> groups = new LinkedHashMap<>();
            entries.forEach(e -> groups.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e));
            String tag = "h" + Math.min(6, level);
            boolean[] first = {true};
            groups.forEach((letter, list) -> {
                // A document breaks before a letter or an entry, never right after a heading: a kind or a letter
                // left without entries at the end of a document is no index (EPUBCheck: "At least one
                // index-entry").
                if (!first[0]) {
                    breakIfFull();
                }
                first[0] = false;
                this.letter = letter;
                seen();
                x.open("section", "epub:type", "index-group", "class", "index-group").nl();
                heading(x, tag, letter, "index-letter", null);
                x.open("ul", "epub:type", "index-entry-list", "class", "index-entries").nl();
                inList = true;
                boolean any = false;
                for (BookIndex.Entry e : list) {
                    if (e.printable()) {
                        if (any && breakIfFull()) {
                            // The letter goes on in the next document, under its heading again (not a text
                            // container of its own: the print edition's pages are counted in the first).
                            x.element(tag, letter, "class", "index-letter");
                            x.open("ul", "epub:type", "index-entry-list", "class", "index-entries").nl();
                        }
                        entry(x, e);
                        any = true;
                    }
                }
                x.close("ul").nl();
                inList = false;
                x.close("section").nl();
                this.letter = null;
            });
        }

        /** What this place is called in the navigation ("C", "People C"). */
        private void seen() {
            String here = (kindTitle != null ? kindTitle + " " : "") + letter;
            if (firstLabel == null) {
                firstLabel = here;
            }
            lastLabel = here;
        }

        /**
         * Starts the next document when this one is full and holds something already; reopens the sections open
         * here (the index, its kind, the letter). Returns whether the letter was reopened.
         */
        private boolean breakIfFull() {
            if (docs == null || x.length() < limit || x.length() == written) {
                return false;
            }
            boolean reopen = inList;
            if (inList) {
                x.close("ul").nl().close("section").nl();
            }
            if (kindTitle != null) {
                x.close("section").nl();
            }
            x.close("section").nl();
            finish(false);
            x = docs.start(parts.size(), title() + " (" + PART + ")", !index.separate());
            x.open("section", "epub:type", indexType(), "role", index.separate() ? null : "doc-index",
                    "class", "index", "aria-label", title()).nl();
            written = x.length();
            if (kindTitle != null) {
                x.open("section", "epub:type", "index", "role", "doc-index", "class", "index-kind",
                        "aria-label", kindTitle).nl();
                x.element("h" + (level + 1), kindTitle, "class", "index-kind-title");
            }
            if (reopen) {
                x.open("section", "epub:type", "index-group", "class", "index-group").nl();
                seen();
            }
            return reopen;
        }

        /**
         * The type of the section holding the index: "index" in a document that holds more (the print edition's);
         * none in a document of its own, whose body is the index, nor when each kind is an index of its own under
         * the common heading (EPUB Indexes: an index has one heading and its groups or entries).
         */
        private String indexType() {
            return docs == null && !index.separate() ? "index" : null;
        }

        private void finish(boolean last) {
            parts.add(docs.end(x, last));
            partLabels.add(firstLabel == null ? title() : firstLabel.equals(lastLabel) ? firstLabel
                    : firstLabel + "\u2013" + lastLabel);
            firstLabel = null;
            lastLabel = null;
            partTerms.add(new String[] {firstTerm, lastTerm});
            firstTerm = null;
            lastTerm = null;
        }

        private void entry(Xml x, BookIndex.Entry e) {
            IndexXhtml.this.entry(x, e);
            if (docs != null) {
                mark(e);
                firstTerm = firstTerm == null ? e.term() : firstTerm;
                lastTerm = e.term();
            }
        }

        /** The document of every id an entry and its sub-entries carry. */
        private void mark(BookIndex.Entry e) {
            String id = ids.get(display(e.key()));
            if (id != null) {
                docOf.put(id, parts.size());
            }
            e.subs().forEach(this::mark);
        }
    }

    private static List<BookIndex.Entry> printable(List<BookIndex.Entry> entries) {
        return entries.stream().filter(BookIndex.Entry::printable).toList();
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
    private static void heading(Xml x, String tag, String text, String cls, String id) {
        TextPlaces places = x.places();
        if (places == null) {
            x.element(tag, text, "class", cls, "id", id).nl();
            return;
        }
        boolean container = places.open(x, tag, "class", cls, "id", id);
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
        List<Locator> found = locators(e);
        String group = null;
        for (int i = 0; i < found.size(); i++) {
            Locator l = found.get(i);
            if (l.group() != null && (i == 0 || !l.group().equals(group))) {
                // A compact locator: the chapter's title once, then the numbers of its pieces.
                x.text(i == 0 ? ", " : "; ");
                x.element("span", l.group(), "class", "index-locator-group");
                x.text(" ");
                group = l.group();
            } else {
                x.text(i == 0 ? ", " : l.group() != null ? ", " : separator(found));
            }
            // No title="…" with the piece's title: an e-reader does not show it, and it doubled the size of an index
            // of 100,000 compact locators.
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

    /** The locators of {@code e}, made on first use. */
    private synchronized List<Locator> locators(BookIndex.Entry e) {
        if (e.mentions().isEmpty()) {
            return List.of();
        }
        return located.computeIfAbsent(e, locators);
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
            // The entry referred to is the reference's term (EPUB Indexes 2.2.7), linked when it is printed.
            String id = ids.get(targets.get(i));
            if (id == null) {
                x.element("span", targets.get(i), "epub:type", "index-term");
            } else {
                x.open("a", "href", "#" + id, "epub:type", "index-term").text(targets.get(i)).close("a");
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
