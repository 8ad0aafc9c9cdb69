package dev.sheaf.model;

import java.util.List;

/**
 * A formatted list of works (the book's sources, or the works a piece cites), entries already in the
 * citation style's order and form.
 */
public record ReferenceList(String slug, String title, List<List<Inline>> entries) {

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
