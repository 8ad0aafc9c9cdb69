package dev.sheaf.model;

import java.util.List;

/**
 * One short piece: an op-ed, a commentary, a letter.
 *
 * @param id     stable id, {@code <chapter folder>/<file name without .md>}
 * @param slug   file-name-safe id, unique within the book
 * @param source the Markdown file
 * @param citeAs the suggested citation of the piece in the anthology (empty when switched off)
 * @param references the works the piece cites, when they are listed per piece; may be null
 */
public record Piece(String id, String slug, SourceRef source, PieceMeta meta, List<Block> body,
                    List<Footnote> footnotes, List<Inline> citeAs, ReferenceList references) {

    /** A piece as read, before citations are processed. */
    public Piece(String id, String slug, SourceRef source, PieceMeta meta, List<Block> body, List<Footnote> footnotes) {
        this(id, slug, source, meta, body, footnotes, List.of(), null);
    }

    public Piece withSlug(String newSlug) {
        return new Piece(id, newSlug, source, meta, body, footnotes, citeAs, references);
    }

    public String title() {
        return meta.title();
    }
}
