package dev.sheaf.read;

import dev.sheaf.model.SourceRef;

import java.time.LocalDate;
import java.util.List;

/**
 * One entry of {@code chapters:} in book.yaml: which pieces a chapter selects and how they are ordered.
 * A piece is selected when it is in {@code folder} (if given), has one of {@code tags} (if given), and
 * falls within {@code from}–{@code to} (if given); {@code pieces} adds pieces by id, {@code exclude}
 * removes them.
 *
 * @param sort "date" (default), "title", "file" or "listed" (the order of {@code pieces})
 */
record ChapterSpec(String title, String folder, List<String> tags, LocalDate from, LocalDate to,
                   List<String> pieces, List<String> exclude, String sort, String intro, SourceRef where) {

    boolean hasFilter() {
        return folder != null || !tags.isEmpty() || from != null || to != null;
    }
}
