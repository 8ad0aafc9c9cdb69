package dev.sheaf.diag;

import dev.sheaf.model.SourceRef;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a reader of a console is shown of many diagnostics: every error, and of each kind of warning or note (one
 * message id) the first few with their places, then one line that counts the rest, where the next would have been.
 * The realistic index of the 2,000-piece benchmark book has 392 entries in more pieces than is useful (IDX-009): 392
 * lines, each right and together unreadable. The author fixes the first few and learns how many remain; the
 * diagnostics themselves, JSON output and {@code --verbose} keep every one.
 */
public final class DiagnosticDigest {

    /** How many of one kind are shown with their places. */
    public static final int SHOWN = 10;

    private DiagnosticDigest() { }

    /**
     * {@code all} (in their order) with every error, at most {@code shown} warnings or notes of each message id, and
     * for each id that had more a line counting them: in the file they share, or without a place.
     */
    public static List<Diagnostic> of(List<Diagnostic> all, int shown) {
        Map<MessageId, Integer> seen = new LinkedHashMap<>();
        Map<MessageId, List<Diagnostic>> rest = new LinkedHashMap<>();
        Map<MessageId, Integer> slot = new LinkedHashMap<>();
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : all) {
            if (d.severity() == Severity.ERROR || seen.merge(d.id(), 1, Integer::sum) <= shown) {
                out.add(d);
                continue;
            }
            if (rest.computeIfAbsent(d.id(), k -> new ArrayList<>()).isEmpty()) {
                slot.put(d.id(), out.size());
                out.add(null);
            }
            rest.get(d.id()).add(d);
        }
        rest.forEach((id, more) -> out.set(slot.get(id), summary(id, more, seen.get(id))));
        return out;
    }

    private static Diagnostic summary(MessageId id, List<Diagnostic> more, int total) {
        Path file = more.get(0).where() == null ? null : more.get(0).where().file();
        boolean oneFile = file != null && more.stream().allMatch(d -> d.where() != null
                && Objects.equals(d.where().file(), file));
        Severity severity = more.get(0).severity();
        return new Diagnostic(id, severity, oneFile ? SourceRef.of(file) : null,
                Diagnostics.message("DIGEST", more.size(), total),
                Diagnostics.message("DIGEST_HINT"));
    }
}
