package dev.sheaf.model;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole anthology as the renderers see it: metadata, chapters in order, fonts to embed.
 *
 * @param root       the book folder; every resource path in the model is relative to it
 * @param citeAs     how to cite the anthology (empty before citations are processed)
 * @param backMatter reference lists printed after the last chapter (sources, cited works)
 * @param index      the index of names, places and organisations with its mentions ({@link BookIndex#NONE} when
 *                   the book has none)
 */
public record Book(Path root, BookMeta meta, List<Chapter> chapters, List<FontFace> fonts,
                   List<Inline> citeAs, List<ReferenceList> backMatter, BookIndex index) {

    public Book(Path root, BookMeta meta, List<Chapter> chapters, List<FontFace> fonts,
                List<Inline> citeAs, List<ReferenceList> backMatter) {
        this(root, meta, chapters, fonts, citeAs, backMatter, BookIndex.NONE);
    }

    public Book withIndex(List<Chapter> newChapters, BookIndex newIndex) {
        return new Book(root, meta, newChapters, fonts, citeAs, backMatter, newIndex);
    }

    /** A book as read, before citations are processed. */
    public Book(Path root, BookMeta meta, List<Chapter> chapters, List<FontFace> fonts) {
        this(root, meta, chapters, fonts, List.of(), List.of());
    }

    /** All pieces in reading order. */
    public List<Piece> pieces() {
        return chapters.stream().flatMap(c -> c.pieces().stream()).toList();
    }
}
