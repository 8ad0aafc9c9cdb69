package dev.sheaf.model;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole anthology as the renderers see it: metadata, chapters in order, fonts to embed.
 *
 * @param root the book folder; every resource path in the model is relative to it
 */
public record Book(Path root, BookMeta meta, List<Chapter> chapters, List<FontFace> fonts) {

    /** All pieces in reading order. */
    public List<Piece> pieces() {
        return chapters.stream().flatMap(c -> c.pieces().stream()).toList();
    }
}
