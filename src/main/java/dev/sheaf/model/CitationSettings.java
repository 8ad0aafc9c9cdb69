package dev.sheaf.model;

import java.nio.file.Path;
import java.util.List;

/**
 * How the book cites: the CSL style (an id such as {@code chicago-author-date} or a book-relative
 * {@code .csl} path), the bibliography files for inline citations, where cited works are listed
 * ({@code piece} or {@code book}), and whether each piece gets a "Cite this piece" line.
 */
public record CitationSettings(String style, List<Path> bibliography, boolean referencesPerPiece,
                               boolean citeThisPiece, boolean sourcesList) {

    public static final String DEFAULT_STYLE = "chicago-author-date";

    public static CitationSettings defaults() {
        return new CitationSettings(DEFAULT_STYLE, List.of(), true, true, true);
    }

    public CitationSettings withStyle(String newStyle) {
        return new CitationSettings(newStyle, bibliography, referencesPerPiece, citeThisPiece, sourcesList);
    }
}
