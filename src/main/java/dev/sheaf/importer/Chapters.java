package dev.sheaf.importer;

import dev.sheaf.read.Slugs;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chapter titles for imported pieces. A piece has many tags but lives in one folder: it goes to the
 * one of its tags (or categories) that most of the imported pieces share, so chapters come out as few
 * and as full as the tagging allows.
 */
final class Chapters {

    static final String NONE = "Pieces";
    static final String OTHER = "Other pieces";

    private Chapters() { }

    static Map<ImportedPiece, String> assign(List<ImportedPiece> pieces, ImportRequest.ChapterBy by) {
        Map<ImportedPiece, String> result = new IdentityHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (ImportedPiece p : pieces) {
            labels(p, by).forEach(l -> counts.merge(l, 1, Integer::sum));
        }
        for (ImportedPiece p : pieces) {
            String best = null;
            for (String l : labels(p, by)) {
                if (best == null || counts.get(l) > counts.get(best)) {
                    best = l;
                }
            }
            result.put(p, best != null ? best : by == ImportRequest.ChapterBy.NONE ? NONE : OTHER);
        }
        return result;
    }

    private static List<String> labels(ImportedPiece p, ImportRequest.ChapterBy by) {
        return switch (by) {
            case TAG -> p.tags.isEmpty() ? p.allTags() : p.tags;
            case CATEGORY -> p.categories.stream().filter(c -> !c.equalsIgnoreCase("Uncategorized")).toList();
            case YEAR -> p.date == null ? List.of() : List.of(p.date.substring(0, 4));
            case NONE -> List.of();
        };
    }

    /** The folder for a chapter title. */
    static String folder(String title) {
        return Slugs.slug(title, "chapter");
    }
}
