package dev.sheaf.cli;

import dev.sheaf.core.Progress;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The progress of a build as one line on a terminal, rewritten in place with {@code \r}: pieces read,
 * citations, the edition being written and how much of it. At most ten updates a second; {@link #clear()}
 * wipes the line before the summary is printed.
 */
final class ProgressLine implements Progress {

    private static final long MIN_INTERVAL_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final long start = System.nanoTime();
    private long lastDraw;
    private int width;

    ProgressLine(PrintWriter err) {
        this.err = err;
    }

    /** A line on a terminal, or a listener that shows nothing when there is no terminal or when asked to be quiet. */
    static Progress forTerminal(PrintWriter err, boolean quiet) {
        return quiet || !ConsoleWriter.onTerminal(err) ? Progress.NONE : new ProgressLine(err);
    }

    @Override
    public synchronized void piecesRead(int done, int total) {
        show(String.format(Locale.ROOT, "reading pieces: %d/%d", done, total), done == total);
    }

    @Override
    public synchronized void citing() {
        show("formatting citations", true);
    }

    @Override
    public synchronized void writing(String id) {
        show("writing " + id, true);
    }

    @Override
    public synchronized void written(String id, long bytes) {
        show(String.format(Locale.ROOT, "writing %s: %.1f MB", id, bytes / 1e6), false);
    }

    @Override
    public synchronized void finished(String id, long nanos) {
        show(String.format(Locale.ROOT, "wrote %s in %.1f s", id, nanos / 1e9), true);
    }

    /** Wipes the line, so that what is printed next starts at the left margin on a clean line. */
    synchronized void clear() {
        if (width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }

    private void show(String what, boolean always) {
        long now = System.nanoTime();
        if (!always && now - lastDraw < MIN_INTERVAL_NANOS) {
            return;
        }
        lastDraw = now;
        String line = String.format(Locale.ROOT, "sheaf: [%5.1f s] %s", (now - start) / 1e9, what);
        int pad = Math.max(0, width - line.length());
        err.print("\r" + line + " ".repeat(pad));
        err.flush();
        width = line.length();
    }
}
