package dev.sheaf.model;

import java.util.List;
import java.util.Map;

/**
 * The front matter of a piece, validated. Text fields that may hold Markdown ({@code note},
 * {@code caption}) arrive already parsed into blocks or inlines.
 *
 * @param extra unknown fields, kept in file order for templates
 */
public record PieceMeta(
        String title,
        String subtitle,
        List<String> authors,
        PieceDate date,
        String outlet,
        String url,
        String type,
        List<String> tags,
        List<Block> note,
        String rights,
        String image,
        String imageAlt,
        List<Inline> caption,
        String credit,
        String authorBio,
        String dateline,
        String language,
        Map<String, Object> extra) {

    /** The same metadata with the headnote and caption replaced (after their links were resolved). */
    public PieceMeta withNoteAndCaption(List<Block> newNote, List<Inline> newCaption) {
        return new PieceMeta(title, subtitle, authors, date, outlet, url, type, tags, newNote, rights, image, imageAlt,
                newCaption, credit, authorBio, dateline, language, extra);
    }
}
