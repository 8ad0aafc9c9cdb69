package dev.sheaf.cli;

import dev.sheaf.core.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How long each stage of a build took, for {@code --verbose}: reading, citations, each edition. */
final class StageTimes implements Progress {

    private final long start = System.nanoTime();
    private long citingAt;
    private long firstEditionAt;
    private int pieces;
    private final List<String> editions = new ArrayList<>();

    @Override
    public synchronized void piecesRead(int done, int total) {
        pieces = total;
    }

    @Override
    public synchronized void citing() {
        citingAt = System.nanoTime();
    }

    @Override
    public synchronized void writing(String format) {
        if (firstEditionAt == 0) {
            firstEditionAt = System.nanoTime();
        }
    }

    @Override
    public synchronized void finished(String format, long nanos) {
        editions.add(String.format(Locale.ROOT, "%s %.1f s", format, nanos / 1e9));
    }

    /**
     * "read 2000 pieces 3.1 s, citations 2.0 s, epub 1.2 s" ("the book as the quick step read it, pdf 30.1 s, …"
     * when it was not read), or empty when the build stopped early.
     */
    synchronized String summary() {
        if (citingAt == 0) {
            // A session's full build that took the book as its quick step read it: the editions alone.
            return editions.isEmpty() ? "" : "the book as the quick step read it, " + String.join(", ", editions);
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "read %d piece%s %.1f s", pieces,
                pieces == 1 ? "" : "s", (citingAt - start) / 1e9));
        if (firstEditionAt > 0) {
            sb.append(String.format(Locale.ROOT, ", citations %.1f s", (firstEditionAt - citingAt) / 1e9));
        }
        editions.forEach(e -> sb.append(", ").append(e));
        return sb.toString();
    }
}
