package dev.sheaf.index;

import dev.sheaf.model.BookIndex;
import dev.sheaf.model.SourceRef;

import java.util.List;

/**
 * The index as the author wrote it in {@code index.yaml} (or under {@code index:} in {@code book.yaml}), before
 * anything is matched.
 *
 * @param title    the heading, or null for the default
 * @param separate one index per kind
 * @param entries  every entry, sub-entries included (after their parent), in the order written
 * @param denseAbove an entry mentioned in more pieces than this is reported as dense (IDX-009); 0: never
 */
public record IndexSpec(String title, boolean separate, List<EntrySpec> entries, int denseAbove) {

    /**
     * Chicago (16.14) would break up an entry with more than five or six undifferentiated locators; a piece
     * mostly prints on a few pages, so thirty pieces is already a hundred-odd page numbers for the reader to try.
     */
    public static final int DENSE_ABOVE = 30;

    /**
     * One entry as written.
     *
     * @param key     the entry's full name: "Russia" or, for a sub-entry, "Russia › and China"
     * @param parent  the parent's key, or null for a top-level entry
     * @param term    the printed heading: the last part of the key
     * @param forms   the words that count as a mention (the term itself included for a top-level entry
     *                that is not a bare cross-reference)
     * @param sort    what the entry sorts as, or null to sort by its term
     * @param see     keys of the entries "see …" points to
     * @param seeAlso keys of the entries "see also …" points to
     * @param where   where the entry is written
     */
    public record EntrySpec(String key, String parent, String term, List<String> forms, BookIndex.Kind kind,
                            String sort, List<String> see, List<String> seeAlso, SourceRef where) { }
}
