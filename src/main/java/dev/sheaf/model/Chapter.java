package dev.sheaf.model;

import java.util.List;

/**
 * A themed chapter: its title, an optional introduction and its pieces in reading order.
 *
 * @param slug file-name-safe id, unique within the book
 */
public record Chapter(String slug, String title, List<Block> intro, List<Piece> pieces, SourceRef source) { }
