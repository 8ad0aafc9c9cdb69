package dev.sheaf.model;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The book's index as the editions print it: entries in the order of the book language's collation, each
 * with the places in the text where it is mentioned (anchors placed by the index processor as
 * {@link Inline.IndexMark}s), its sub-entries and its cross-references.
 *
 * @param title    the heading of the index ("Index" when the author gave none)
 * @param separate one index per kind (people, places, organisations, subjects) instead of one for all
 * @param entries  top-level entries, sorted
 */
public record BookIndex(String title, boolean separate, List<Entry> entries) {

    /** The index of a book that has none. */
    public static final BookIndex NONE = new BookIndex(null, false, List.of());

    public enum Kind {
        PERSON, PLACE, ORGANISATION, SUBJECT;

        /** The kind's name as written in index.yaml. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One entry.
     *
     * @param key      the entry's name as written in index.yaml ("Russia › and China" for a sub-entry)
     * @param term     the heading printed ("and China" for that sub-entry)
     * @param group    the letter the entry is listed under ("O" for Öcalan in an English book)
     * @param kind     person, place, organisation or subject
     * @param see      printed headings of the entries this one only refers to ("see …")
     * @param seeAlso  printed headings of related entries ("see also …")
     * @param subs     sub-entries, sorted
     * @param mentions the places where the entry is mentioned, in reading order
     */
    public record Entry(String key, String term, String group, Kind kind, List<String> see, List<String> seeAlso,
                        List<Entry> subs, List<Mention> mentions) {

        /** Whether the entry has anything to print: mentions, a reference, or sub-entries that do. */
        public boolean printable() {
            return !mentions.isEmpty() || !see.isEmpty() || !seeAlso.isEmpty()
                    || subs.stream().anyMatch(Entry::printable);
        }
    }

    /**
     * One mention: the piece it is in and the id of the anchor placed just before the mentioned words.
     *
     * @param pieceId the piece's id ({@code <chapter folder>/<file name>})
     * @param anchor  the {@link Inline.IndexMark} id, unique in the book
     */
    public record Mention(String pieceId, String anchor) { }

    /** Whether there is an index to print. */
    public boolean present() {
        return entries.stream().anyMatch(Entry::printable);
    }

    /**
     * The index of some of the book's pieces (a handout's): only their mentions; entries left without any drop
     * out, and so do cross-references to entries that dropped out (a "see" with nothing to see).
     */
    public BookIndex forPieces(Set<String> pieceIds) {
        List<Entry> kept = entries.stream().map(e -> mentionsIn(e, pieceIds)).toList();
        Set<String> named = new HashSet<>();
        kept.forEach(e -> collectMentioned(e, named));
        return new BookIndex(title, separate, kept.stream().map(e -> referencesTo(e, named)).toList());
    }

    private static Entry mentionsIn(Entry e, Set<String> pieceIds) {
        return new Entry(e.key(), e.term(), e.group(), e.kind(), e.see(), e.seeAlso(),
                e.subs().stream().map(s -> mentionsIn(s, pieceIds)).toList(),
                e.mentions().stream().filter(m -> pieceIds.contains(m.pieceId())).toList());
    }

    /** The names of the entries with mentions as cross-references print them ("Russia: and China"). */
    private static void collectMentioned(Entry e, Set<String> out) {
        if (hasMentions(e)) {
            out.add(e.key().replace(" \u203a ", ": "));
        }
        e.subs().forEach(s -> collectMentioned(s, out));
    }

    private static boolean hasMentions(Entry e) {
        return !e.mentions().isEmpty() || e.subs().stream().anyMatch(BookIndex::hasMentions);
    }

    private static Entry referencesTo(Entry e, Set<String> named) {
        return new Entry(e.key(), e.term(), e.group(), e.kind(), e.see().stream().filter(named::contains).toList(),
                e.seeAlso().stream().filter(named::contains).toList(),
                e.subs().stream().map(s -> referencesTo(s, named)).toList(), e.mentions());
    }

    /** The entries of {@code kind} (all of them when the index is not separated by kind). */
    public List<Entry> ofKind(Kind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }
}
