package dev.sheaf.model;

import java.util.List;

/** Block content of a piece or a chapter introduction. */
public sealed interface Block {

    record Paragraph(List<Inline> content) implements Block { }

    /** A section heading; {@code level} 1–6 as written, {@code id} unique within the piece. */
    record Heading(int level, String id, List<Inline> content) implements Block { }

    record BlockQuote(List<Block> children) implements Block { }

    record ListBlock(boolean ordered, int start, List<List<Block>> items) implements Block { }

    record CodeBlock(String language, String text) implements Block { }

    record ThematicBreak() implements Block { }

    /** A table; {@code alignments} has one entry per column. */
    record Table(List<List<List<Inline>>> header, List<List<List<Inline>>> rows,
                 List<Alignment> alignments) implements Block { }

    /** Raw HTML block kept only as text. */
    record RawBlock(String text) implements Block { }

    enum Alignment { NONE, LEFT, CENTER, RIGHT }
}
