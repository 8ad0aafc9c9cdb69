package dev.sheaf.index;

import java.util.Set;

/** The index reader's own field names, for the schema tests. */
public final class IndexFields {

    private IndexFields() {
    }

    public static Set<String> top() {
        return IndexReader.TOP;
    }

    public static Set<String> entry() {
        return IndexReader.ENTRY_FIELDS;
    }
}
