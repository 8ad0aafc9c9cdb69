package dev.sheaf.index;

import dev.sheaf.buildcache.MadeOnce;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.Block;
import dev.sheaf.model.Book;
import dev.sheaf.model.BookIndex;
import dev.sheaf.model.Chapter;
import dev.sheaf.model.Footnote;
import dev.sheaf.model.Handout;
import dev.sheaf.model.Inline;
import dev.sheaf.model.Piece;
import dev.sheaf.model.SourceRef;
import dev.sheaf.model.Walk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.Collator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Book → Book, before citations are formatted (so that citations are never read as mentions): finds every
 * mention of every index entry in the pieces' text and footnotes, places an {@link Inline.IndexMark} just
 * before it, turns the author's marks ({@code [Tokayev]{.index}}, {@code [the president]{.index term="Tokayev"}})
 * into such anchors, and attaches the sorted {@link BookIndex} to the book. Reports entries that match nothing,
 * marks that name no entry and cross-references to nothing.
 */
public final class IndexProcessor {

    /**
     * {@code [words]{.index}} or {@code [words]{.index term="Entry"}}; the quotes may have been made typographic
     * by the Markdown reader.
     */
    static final Pattern MARK = Pattern.compile(
            "\\[([^\\[\\]]+)\\]\\{\\.index(?:\\s+term\\s*=\\s*(?:\"([^\"]*)\"|“([^”]*)”|'([^']*)'|‘([^’]*)’))?\\s*\\}");
    /** Addresses written out in the text are never read as mentions. */
    static final Pattern URL = Pattern.compile(
            "(?i)(?:\\b(?:https?|ftp)://|\\bwww\\.)[^\\s<>\"]+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

    private final Diagnostics diags;

    public IndexProcessor(Diagnostics diags) {
        this.diags = diags;
    }

    /** The collator of each language asked for, made once (see {@link #begin}). */
    private static final MadeOnce<Locale, Collator> COLLATORS = new MadeOnce<>("sheaf-early-collator",
            Collator::getInstance);

    /**
     * Begins making the collator of the book's language on a thread of its own when the book seems to have an
     * index: the JDK parses a language's collation rules the first time it is asked, some 40 ms of a small book's
     * start (a tenth of {@code sheaf check}), which can as well pass while the pieces are read.
     */
    public static void begin(Book preview) {
        if (IndexReader.likely(preview.root())) {
            COLLATORS.begin(Locale.forLanguageTag(preview.meta().language()));
        }
    }

    /** A collator of {@code locale} of its own: made here, or taken from {@link #begin}'s thread. */
    private static Collator collator(Locale locale) {
        return (Collator) COLLATORS.get(locale).clone();
    }

    public Book process(Book book) {
        Optional<IndexSpec> spec = new IndexReader(book.root(), diags).read();
        if (spec.isEmpty() && book.meta().handouts() != null) {
            book.meta().handouts().stream().filter(Handout::index)
                    .forEach(h -> diags.report(MessageId.IDX_008, h.source(), h.name()));
        }
        if (spec.isEmpty() && !hasMarks(book)) {
            return book;
        }
        List<IndexSpec.EntrySpec> entries = spec.map(IndexSpec::entries).orElse(List.of());
        MentionMatcher matcher = new MentionMatcher(Inflection.of(book.meta().language()));
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            IndexSpec.EntrySpec e = entries.get(i);
            byName.putIfAbsent(nameKey(e.key()), i);
            for (String form : e.forms()) {
                int owner = matcher.add(form, i);
                if (owner >= 0 && owner != i) {
                    diags.report(MessageId.IDX_007, e.where(), form, entries.get(owner).key(), e.key());
                }
                byName.putIfAbsent(nameKey(form), i);
            }
        }
        // Pieces are independent: each is searched on its own, in parallel; anchors carry the piece's slug.
        // Found by position, in the order of book.pieces() (chapter by chapter): a map keyed by the Piece records
        // hashed each piece's whole text.
        List<Piece> pieces = book.pieces();
        Found[] found = new Found[pieces.size()];
        java.util.stream.IntStream.range(0, pieces.size()).parallel()
                .forEach(k -> found[k] = new PieceScan(pieces.get(k), matcher, byName).scan());
        List<Chapter> chapters = new ArrayList<>();
        int at = 0;
        for (Chapter c : book.chapters()) {
            List<Piece> scanned = new ArrayList<>(c.pieces().size());
            for (int k = 0; k < c.pieces().size(); k++) {
                scanned.add(found[at++].piece());
            }
            chapters.add(new Chapter(c.slug(), c.title(), c.intro(), List.copyOf(scanned), c.source()));
        }
        List<List<BookIndex.Mention>> mentions = new ArrayList<>();
        entries.forEach(e -> mentions.add(new ArrayList<>()));
        for (int k = 0; k < pieces.size(); k++) {
            Piece p = pieces.get(k);
            Found f = found[k];
            f.mentions().forEach(m -> mentions.get(m.entry()).add(new BookIndex.Mention(p.id(), m.anchor())));
            f.unknownMarks().forEach(u -> diags.report(MessageId.IDX_005, where(book, p, u), u));
        }
        BookIndex index = spec.isEmpty() ? BookIndex.NONE
                : build(spec.get(), mentions, Locale.forLanguageTag(book.meta().language()), pieces.size());
        return book.withIndex(List.copyOf(chapters), index);
    }

    private static boolean hasMarks(Book book) {
        boolean[] any = {false};
        for (Piece p : book.pieces()) {
            Walk.inlines(p.body(), i -> any[0] |= i instanceof Inline.Text t && t.text().contains("]{.index"));
            if (any[0]) {
                return true;
            }
        }
        return false;
    }

    /** The characters of {@code text} that belong to a web or e-mail address. */
    static BitSet addresses(String text) {
        BitSet out = new BitSet();
        if (!mayHoldAddress(text)) {
            // Most runs of text hold none, and the pattern, tried at every word for an e-mail address, was a
            // tenth of a cold EPUB's CPU time in a densely indexed book.
            return out;
        }
        Matcher url = URL.matcher(text);
        while (url.find()) {
            out.set(url.start(), url.end());
        }
        return out;
    }

    /** Whether {@code text} has what every address {@link #URL} finds has: "://", "www." (any case) or "@". */
    static boolean mayHoldAddress(String text) {
        if (text.indexOf('@') >= 0 || text.contains("://")) {
            return true;
        }
        for (int dot = text.indexOf('.', 3); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            if (text.regionMatches(true, dot - 3, "www", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    /** How marks and cross-references name an entry: case, spacing and a final possessive do not matter. */
    static String nameKey(String name) {
        String k = Normalizer.normalize(IndexReader.normalKey(name), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return POSSESSIVE.matcher(k).replaceAll("");
    }

    private static final Pattern POSSESSIVE = Pattern.compile("['’]s?$");

    /** The sorted index with its mentions; reports entries that match nothing and references to nothing. */
    private BookIndex build(IndexSpec spec, List<List<BookIndex.Mention>> mentions, Locale locale, int pieceCount) {
        List<IndexSpec.EntrySpec> entries = spec.entries();
        Map<String, Integer> byKey = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            byKey.putIfAbsent(nameKey(entries.get(i).key()), i);
        }
        Map<String, List<Integer>> children = new HashMap<>();
        List<Integer> top = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            IndexSpec.EntrySpec e = entries.get(i);
            if (e.parent() == null || !byKey.containsKey(nameKey(e.parent()))) {
                top.add(i);
            } else {
                children.computeIfAbsent(nameKey(e.parent()), k -> new ArrayList<>()).add(i);
            }
        }
        Collator collator = collator(locale);
        Collator primary = (Collator) collator.clone();
        primary.setStrength(Collator.PRIMARY);
        Character.UnicodeScript own = ownScript(entries);
        // What each entry sorts as, worked out once (not at each comparison of the sort).
        Map<BookIndex.Entry, String> sortAs = new java.util.IdentityHashMap<>();
        java.util.function.Function<BookIndex.Entry, String> sortKey =
                e -> sortAs.computeIfAbsent(e, x -> sortKey(entries, byKey, x));
        // Entries in the book's own script come first (a Russian index lists Чечня before Öcalan, as Russian
        // indexes do; the JDK's collation would put Latin first), then by the collation of the book's language.
        Comparator<BookIndex.Entry> order = Comparator.comparing(
                (BookIndex.Entry e) -> script(sortKey.apply(e)) == own ? 0 : 1)
                .thenComparing(sortKey, collator)
                .thenComparing(BookIndex.Entry::key);
        List<BookIndex.Entry> out = new ArrayList<>();
        for (int i : top) {
            out.add(entry(i, entries, mentions, children, byKey, order, locale, primary));
        }
        out.sort(order);
        for (int i = 0; i < entries.size(); i++) {
            IndexSpec.EntrySpec e = entries.get(i);
            boolean hasSubMentions = children.getOrDefault(nameKey(e.key()), List.of()).stream()
                    .anyMatch(c -> !mentions.get(c).isEmpty());
            boolean bareReference = e.forms().isEmpty() && (!e.see().isEmpty() || !e.seeAlso().isEmpty());
            if (mentions.get(i).isEmpty() && !hasSubMentions && !bareReference) {
                diags.report(MessageId.IDX_004, e.where(), e.key());
            }
            long inPieces = mentions.get(i).stream().map(BookIndex.Mention::pieceId).distinct().count();
            if (spec.denseAbove() > 0 && inPieces > spec.denseAbove()) {
                diags.report(MessageId.IDX_009, e.where(), e.key(), inPieces, pieceCount, spec.denseAbove());
            }
        }
        return new BookIndex(spec.title(), spec.separate(), List.copyOf(out));
    }

    /** The script most entries begin with: the book's own. */
    static Character.UnicodeScript ownScript(List<IndexSpec.EntrySpec> entries) {
        Map<Character.UnicodeScript, Integer> counts = new java.util.EnumMap<>(Character.UnicodeScript.class);
        for (IndexSpec.EntrySpec e : entries) {
            Character.UnicodeScript s = script(e.sort() != null ? e.sort() : e.term());
            if (s != null) {
                counts.merge(s, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(Character.UnicodeScript.LATIN);
    }

    /** The script of the first letter of {@code text}, or null when it has none. */
    private static Character.UnicodeScript script(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                return Character.UnicodeScript.of(cp);
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    private static String sortKey(List<IndexSpec.EntrySpec> entries, Map<String, Integer> byKey, BookIndex.Entry e) {
        IndexSpec.EntrySpec spec = entries.get(byKey.get(nameKey(e.key())));
        return spec.sort() != null ? spec.sort() : e.term();
    }

    private BookIndex.Entry entry(int i, List<IndexSpec.EntrySpec> entries, List<List<BookIndex.Mention>> mentions,
                                  Map<String, List<Integer>> children, Map<String, Integer> byKey,
                                  Comparator<BookIndex.Entry> order, Locale locale, Collator primary) {
        IndexSpec.EntrySpec e = entries.get(i);
        List<BookIndex.Entry> subs = new ArrayList<>();
        for (int c : children.getOrDefault(nameKey(e.key()), List.of())) {
            subs.add(entry(c, entries, mentions, children, byKey, order, locale, primary));
        }
        subs.sort(order);
        return new BookIndex.Entry(e.key(), e.term(), group(e.sort() != null ? e.sort() : e.term(), locale, primary),
                e.kind(), references(e, e.see(), entries, byKey), references(e, e.seeAlso(), entries, byKey),
                List.copyOf(subs), List.copyOf(mentions.get(i)));
    }

    /** Cross-references as printed ("Russia: and China" for a sub-entry); those naming no entry are reported. */
    private List<String> references(IndexSpec.EntrySpec e, List<String> keys, List<IndexSpec.EntrySpec> entries,
                                    Map<String, Integer> byKey) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            Integer target = byKey.get(nameKey(k));
            if (target == null) {
                diags.report(MessageId.IDX_006, e.where(), e.key(), k);
                out.add(k.replace(IndexReader.SUB, ": "));
            } else {
                out.add(entries.get(target).key().replace(IndexReader.SUB, ": "));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The letter an entry is listed under: the first letter of what it sorts as, without accents for scripts
     * whose collation ignores them at the first level (Öcalan under O in English; Ё under Е in Russian).
     * {@code primary}: the book language's collation at primary strength, made once for a whole index.
     */
    static String group(String sortAs, Locale locale, Collator primary) {
        String s = sortAs.strip();
        int i = 0;
        while (i < s.length() && !Character.isLetterOrDigit(s.codePointAt(i))) {
            i += Character.charCount(s.codePointAt(i));
        }
        if (i >= s.length()) {
            return "#";
        }
        int cp = s.codePointAt(i);
        if (Character.isDigit(cp)) {
            return "#";
        }
        String letter = new String(Character.toChars(cp));
        String base = Normalizer.normalize(letter, Normalizer.Form.NFD).substring(0, 1);
        // Only when the book's collation itself treats the two as one letter (Swedish keeps Ö apart, say).
        String chosen = primary.compare(base, letter) == 0 ? base : letter;
        return chosen.toUpperCase(locale);
    }

    private SourceRef where(Book book, Piece p, String mark) {
        try {
            String text = Files.readString(book.root().resolve(p.source().file()), StandardCharsets.UTF_8);
            int at = text.indexOf("[" + mark + "]{");
            if (at >= 0) {
                int line = 1;
                int lineStart = 0;
                for (int i = 0; i < at; i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                return p.source().at(line, at - lineStart + 1);
            }
        } catch (IOException | RuntimeException e) {
            // The file was read a moment ago; without it the warning names the piece only.
        }
        return p.source();
    }

    /** A mention found in a piece: the entry and the anchor placed before it. */
    private record PieceMention(int entry, String anchor) { }

    private record Found(Piece piece, List<PieceMention> mentions, List<String> unknownMarks) { }

    /** One piece, searched and rebuilt with its anchors. */
    private static final class PieceScan {
        private final Piece piece;
        private final MentionMatcher matcher;
        private final Map<String, Integer> byName;
        private final List<PieceMention> mentions = new ArrayList<>();
        private final List<String> unknown = new ArrayList<>();
        private int counter;

        PieceScan(Piece piece, MentionMatcher matcher, Map<String, Integer> byName) {
            this.piece = piece;
            this.matcher = matcher;
            this.byName = byName;
        }

        Found scan() {
            List<Block> body = Walk.mapInlineLists(piece.body(), this::inlines);
            List<Footnote> notes = new ArrayList<>();
            for (Footnote n : piece.footnotes()) {
                notes.add(new Footnote(n.number(), n.label(), Walk.mapInlineLists(n.content(), this::inlines)));
            }
            Piece p = mentions.isEmpty() && unknown.isEmpty() ? piece
                    : new Piece(piece.id(), piece.slug(), piece.source(), piece.meta(), body, List.copyOf(notes),
                    piece.citeAs(), piece.references());
            return new Found(p, List.copyOf(mentions), List.copyOf(unknown));
        }

        /** A list of inlines: runs of text are searched as a whole, containers recursively. */
        private List<Inline> inlines(List<Inline> in) {
            List<Inline> out = new ArrayList<>(in.size());
            int i = 0;
            while (i < in.size()) {
                Inline x = in.get(i);
                if (x instanceof Inline.Text || x instanceof Inline.SoftBreak) {
                    int j = i;
                    while (j < in.size() && (in.get(j) instanceof Inline.Text || in.get(j) instanceof Inline.SoftBreak)) {
                        j++;
                    }
                    out.addAll(run(in.subList(i, j)));
                    i = j;
                    continue;
                }
                if (x instanceof Inline.Emphasis e) {
                    out.add(new Inline.Emphasis(inlines(e.children())));
                } else if (x instanceof Inline.Strong s) {
                    out.add(new Inline.Strong(inlines(s.children())));
                } else if (x instanceof Inline.Strikethrough s) {
                    out.add(new Inline.Strikethrough(inlines(s.children())));
                } else if (x instanceof Inline.PieceLink l) {
                    out.add(new Inline.PieceLink(l.pieceId(), l.fragment(), l.title(), inlines(l.children())));
                } else if (x instanceof Inline.Link l && !addressShown(l)) {
                    out.add(new Inline.Link(l.url(), l.title(), inlines(l.children()), l.where()));
                } else {
                    out.add(x); // code, citations, images, notes, raw HTML: never mentions
                }
                i++;
            }
            return out;
        }

        /** A link whose text is its own address (an autolink, a URL pasted as text). */
        private static boolean addressShown(Inline.Link l) {
            String text = Walk.text(l.children()).strip();
            return text.equals(l.url()) || text.contains("://") || text.startsWith("www.") || l.url().startsWith("mailto:")
                    && text.contains("@");
        }

        /** Text and soft breaks, searched as one string so that a name may run across a line break. */
        private List<Inline> run(List<Inline> run) {
            StringBuilder sb = new StringBuilder();
            BitSet soft = new BitSet();
            for (Inline x : run) {
                if (x instanceof Inline.Text t) {
                    sb.append(t.text());
                } else {
                    soft.set(sb.length());
                    sb.append(' ');
                }
            }
            String s = sb.toString();
            BitSet excluded = addresses(s);
            BitSet deleted = new BitSet();
            TreeMap<Integer, List<Integer>> anchors = new TreeMap<>();
            if (s.contains("]{.index")) {
                Matcher m = MARK.matcher(s);
                while (m.find()) {
                    excluded.set(m.start(), m.end());
                    deleted.set(m.start(), m.start(1));
                    deleted.set(m.end(1), m.end());
                    String term = firstNonNull(m.group(2), m.group(3), m.group(4), m.group(5));
                    String name = term != null ? term : m.group(1);
                    Integer entry = byName.get(nameKey(name));
                    if (entry == null) {
                        unknown.add(name);
                    } else {
                        anchors.computeIfAbsent(m.start(1), k -> new ArrayList<>()).add(entry);
                    }
                }
            }
            for (MentionMatcher.Match m : matcher.find(s, excluded)) {
                anchors.computeIfAbsent(m.start(), k -> new ArrayList<>()).add(m.entry());
            }
            if (anchors.isEmpty() && deleted.isEmpty()) {
                return run;
            }
            List<Inline> out = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            int pos = 0;
            for (Map.Entry<Integer, List<Integer>> here : anchors.entrySet()) {
                copy(s, pos, here.getKey(), deleted, soft, text, out);
                flush(text, out);
                // Ids are given in reading order, so a piece's first mention of an entry has its lowest number.
                here.getValue().forEach(entry -> out.add(new Inline.IndexMark(anchor(entry))));
                pos = here.getKey();
            }
            copy(s, pos, s.length(), deleted, soft, text, out);
            flush(text, out);
            return out;
        }

        /** Characters {@code from} to {@code to} of {@code s}, leaving out deleted ones, soft breaks as such. */
        private static void copy(String s, int from, int to, BitSet deleted, BitSet soft, StringBuilder text,
                                 List<Inline> out) {
            int pos = from;
            while (pos < to) {
                int stop = Math.min(to, Math.min(next(deleted, pos), next(soft, pos)));
                text.append(s, pos, stop);
                if (stop >= to) {
                    return;
                }
                if (soft.get(stop) && !deleted.get(stop)) {
                    flush(text, out);
                    out.add(new Inline.SoftBreak());
                }
                pos = stop + 1;
            }
        }

        private static int next(BitSet bits, int from) {
            int i = bits.nextSetBit(from);
            return i < 0 ? Integer.MAX_VALUE : i;
        }

        /**
         * "ix12-piece-slug": numbered in the piece's reading order, and naming the piece so that it is unique in the
         * print edition's single document (editions with a page per piece shorten it: IndexXhtml.pageId).
         */
        private String anchor(int entry) {
            String id = "ix" + (++counter) + "-" + piece.slug();
            mentions.add(new PieceMention(entry, id));
            return id;
        }

        private static void flush(StringBuilder text, List<Inline> out) {
            if (text.length() > 0) {
                out.add(new Inline.Text(text.toString()));
                text.setLength(0);
            }
        }

        private static String firstNonNull(String... values) {
            for (String v : values) {
                if (v != null) {
                    return v;
                }
            }
            return null;
        }
    }
}
