package dev.sheaf.model;

import java.util.List;

/** A footnote of a piece: its number in reference order, the label as written and its content. */
public record Footnote(int number, String label, List<Block> content) { }
