package dev.sheaf.model;

import java.util.List;

/**
 * One short piece: an op-ed, a commentary, a letter.
 *
 * @param id     stable id, {@code <chapter folder>/<file name without .md>}
 * @param slug   file-name-safe id, unique within the book
 * @param source the Markdown file
 */
public record Piece(String id, String slug, SourceRef source, PieceMeta meta, List<Block> body,
                    List<Footnote> footnotes) {

    public String title() {
        return meta.title();
    }
}
