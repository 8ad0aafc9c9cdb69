package dev.sheaf.cite;

import dev.sheaf.model.Inline;

import java.util.List;
import java.util.Map;

/**
 * The bibliography entries (sources list, references, "cite this" lines) one build formatted or reused, each by what
 * it depends on besides the style, the locale and the book's acronyms ({@link CitationCache#diskKey}: the item and its
 * citation number), as kept in the build cache: after an edit to one piece's metadata, the next build formats that
 * piece's entries and takes the others from here.
 */
record CitationEntries(Map<String, List<Inline>> entries) { }
