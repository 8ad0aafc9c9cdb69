package dev.sheaf.cli;

import dev.sheaf.core.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the milliseconds of one rebuild go, for {@code --verbose} of {@code serve} and {@code build --watch}: from
 * the save (the changed file's modification time) to the moment the change was seen, then each pass of the build in
 * order — reading, the index marks, citations, links, each edition, moving the files into place — each timed to the
 * start of the next ("sheaf: timeline: seen 62 ms after the save; read 35 ms, index 21 ms, …, commit 18 ms").
 */
final class Timeline implements Progress {

    private final long start = System.nanoTime();
    /** Milliseconds from the save to the change being seen, or negative when not known. */
    private final long seenAfterMillis;
    private final List<String> names = new ArrayList<>();
    private final List<Long> marks = new ArrayList<>();

    /** @param seenAfterMillis milliseconds from the save to the change being seen; negative when not known */
    Timeline(long seenAfterMillis) {
        this.seenAfterMillis = seenAfterMillis;
        mark("read");
    }

    private synchronized void mark(String name) {
        names.add(name);
        marks.add(System.nanoTime());
    }

    @Override
    public void stage(String name) {
        mark(name);
    }

    @Override
    public void citing() {
        mark("citations");
    }

    @Override
    public void writing(String format) {
        mark(format);
    }

    /** The line, the last pass timed to {@code end} (when the build returned). */
    synchronized String describe(long end) {
        StringBuilder sb = new StringBuilder("timeline: ");
        if (seenAfterMillis >= 0) {
            sb.append(seenAfterMillis).append(" ms from the save to the change seen; ");
        }
        for (int i = 0; i < names.size(); i++) {
            long until = i + 1 < marks.size() ? marks.get(i + 1) : end;
            sb.append(i == 0 ? "" : ", ").append(names.get(i)).append(' ')
                    .append(String.format(Locale.ROOT, "%d ms", (until - marks.get(i)) / 1_000_000));
        }
        sb.append(String.format(Locale.ROOT, "; %d ms in all", (end - start) / 1_000_000));
        return sb.toString();
    }

    /**
     * Milliseconds from the newest modification among {@code files} to now: how long the watcher took to see a save
     * (negative when none can be read).
     */
    static long sinceNewest(java.util.Collection<java.nio.file.Path> files) {
        long newest = -1;
        for (java.nio.file.Path f : files) {
            try {
                newest = Math.max(newest, java.nio.file.Files.getLastModifiedTime(f).toMillis());
            } catch (java.io.IOException | RuntimeException e) {
                // Deleted meanwhile: it tells nothing about when the change was made.
            }
        }
        return newest < 0 ? -1 : Math.max(0, System.currentTimeMillis() - newest);
    }
}
