package dev.sheaf.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One piece read from a source, before it is written as Markdown. Mutable while an importer fills it;
 * {@link ImportRun} only reads it. Media references in {@link #body} are written {@code media:NAME}
 * (see {@link MediaFile}) and become real file names once the piece's slug is known.
 */
public final class ImportedPiece {

    /** Stable identity of the piece in its source (a post's guid, a file name, an item id). */
    public String sourceId;
    public String title;
    public String subtitle;
    public final List<String> authors = new ArrayList<>();
    /** YYYY-MM-DD, YYYY-MM or YYYY; null when the source has no date. */
    public String date;
    public boolean dateEstimated;
    public String dateBasis;
    public String outlet;
    /** The kind of piece ("commentary", "letter"), when the source says. */
    public String type;
    /** An illustration's caption and credit in the original publication (plain text). */
    public String caption;
    public String credit;
    public String url;
    public final List<String> tags = new ArrayList<>();
    public final List<String> categories = new ArrayList<>();
    /** Markdown; the author's introduction printed as the headnote. */
    public String note;
    /** Markdown (CommonMark with footnotes and tables). */
    public String body = "";
    public final List<MediaFile> media = new ArrayList<>();
    /** Addresses of the document this piece is the start of ({@link DocumentLinks}): links to them lead here. */
    public final Set<String> addresses = new LinkedHashSet<>();
    /** An id of a document, by {@link DocumentLinks#key}, → the heading id in this piece it leads to ("" for the top). */
    public final Map<String, String> anchors = new LinkedHashMap<>();
    /** Links to documents of the import, written {@code sheaf-import:N} in {@link #body} and {@link #note}. */
    public final List<PendingLink> links = new ArrayList<>();

    /**
     * A link to {@code address} (and the id {@code fragment} in it, "" for none), resolved once every piece's
     * file is known; {@code fallback} is what it becomes when the target is not imported: a web address, or
     * null for the link's text alone.
     */
    public record PendingLink(String address, String fragment, String fallback) { }

    /** Tags then categories, without repeats (case-insensitive) and without WordPress's "Uncategorized". */
    public List<String> allTags() {
        List<String> all = new ArrayList<>();
        for (String t : tags) {
            addOnce(all, t);
        }
        for (String c : categories) {
            if (!c.equalsIgnoreCase("Uncategorized")) {
                addOnce(all, c);
            }
        }
        return all;
    }

    private static void addOnce(List<String> list, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        for (String v : list) {
            if (v.equalsIgnoreCase(value.trim())) {
                return;
            }
        }
        list.add(value.trim());
    }
}
