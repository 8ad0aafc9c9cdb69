package dev.sheaf.cite;

import dev.sheaf.model.PieceDate;

import java.util.List;

/**
 * One citable work: a piece as it first appeared, or the anthology itself. The fields follow CSL's
 * variables, from which BibTeX, RIS and every CSL style are derived.
 *
 * @param id             citation key, unique in the book (e.g. {@code pantucci2022kazakhstan})
 * @param type           CSL type: {@code article-newspaper}, {@code article-magazine}, {@code book}, …
 * @param containerTitle the outlet, or null
 * @param pieceId        the piece this describes, or null for the anthology
 */
public record Source(String id, String type, String title, String subtitle, List<PersonName> authors,
                     String containerTitle, PieceDate issued, String url, String publisher, String note,
                     String pieceId) {

    /** Title and subtitle as one string ("Title: Subtitle"), the way reference lists print them. */
    public String fullTitle() {
        if (subtitle == null || subtitle.isBlank()) {
            return title;
        }
        String sep = title.endsWith("?") || title.endsWith("!") || title.endsWith(":") ? " " : ": ";
        return title + sep + subtitle;
    }
}
