package dev.sheaf.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an import did (or, with --dry-run, would do). */
public final class ImportReport {

    /** What happened to one piece. */
    public enum Outcome {
        NEW("new"), UPDATED("updated from the source"), UNCHANGED("unchanged"),
        KEPT("changed in the source; your edited file kept");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One piece: its file (relative to the book folder) and title. */
    public record Entry(Outcome outcome, Path file, String title) { }

    public final List<Entry> entries = new ArrayList<>();
    public final Map<String, Integer> skipped = new LinkedHashMap<>();
    public final List<Path> otherFiles = new ArrayList<>();
    public int sourcesRead;
    public int sourcesFailed;

    public long count(Outcome outcome) {
        return entries.stream().filter(e -> e.outcome() == outcome).count();
    }

    void skip(String reason, int n) {
        skipped.merge(reason, n, Integer::sum);
    }

    /** "12 pieces imported, 3 unchanged; skipped: 2 drafts, 1 page". */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        long fresh = count(Outcome.NEW);
        sb.append(fresh).append(fresh == 1 ? " piece" : " pieces").append(" imported");
        for (Outcome o : List.of(Outcome.UPDATED, Outcome.UNCHANGED, Outcome.KEPT)) {
            long n = count(o);
            if (n > 0) {
                sb.append(", ").append(n).append(' ').append(o.label());
            }
        }
        sb.append(" from ").append(sourcesRead).append(sourcesRead == 1 ? " source" : " sources");
        if (sourcesFailed > 0) {
            sb.append(" (").append(sourcesFailed).append(" could not be read)");
        }
        if (!skipped.isEmpty()) {
            sb.append("; skipped ").append(skipped.values().stream().mapToInt(Integer::intValue).sum()).append(": ");
            int i = 0;
            for (Map.Entry<String, Integer> e : skipped.entrySet()) {
                sb.append(i++ == 0 ? "" : ", ").append(e.getKey()).append(" (").append(e.getValue()).append(')');
            }
        }
        return sb.toString();
    }
}
