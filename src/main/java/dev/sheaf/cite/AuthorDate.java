package dev.sheaf.cite;

import java.util.Optional;

/** Cuts the author out of an author-date citation: "(Cooley 2012, 4)" → "(2012, 4)". */
final class AuthorDate {

    private AuthorDate() { }

    /** Empty when the citation does not have the "(Author Year…)" shape. */
    static Optional<String> withoutAuthor(String citation, String year) {
        int y = citation.indexOf(year);
        if (y < 0) {
            return Optional.empty();
        }
        int open = citation.lastIndexOf('(', y);
        if (open < 0) {
            open = citation.lastIndexOf('[', y);
        }
        if (open < 0) {
            return Optional.empty();
        }
        return Optional.of(citation.substring(0, open + 1) + citation.substring(y));
    }
}
