package dev.sheaf.model;

import java.util.List;
import java.util.Locale;

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

    /** The entries of {@code kind} (all of them when the index is not separated by kind). */
    public List<Entry> ofKind(Kind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }
}
