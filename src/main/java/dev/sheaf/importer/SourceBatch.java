package dev.sheaf.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one source file yielded: the book's metadata, the pieces, and what was skipped and why. */
public final class SourceBatch {

    public BookInfo book = BookInfo.none();
    public final List<ImportedPiece> pieces = new ArrayList<>();
    /** Reason ("draft", "page", …) → count. */
    public final Map<String, Integer> skipped = new LinkedHashMap<>();

    public void skip(String reason) {
        skipped.merge(reason, 1, Integer::sum);
    }
}
