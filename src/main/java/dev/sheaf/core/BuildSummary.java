package dev.sheaf.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one line a successful build ends with, in the CLI and in Maven's log alike:
 * {@code built 45 files (pdf, epub, handouts, citations, site) in 4.5 s into target/book}. It hears which
 * editions were finished through {@link Progress}, so pass it to {@link BuildRequest#withProgress}. The
 * list of files written is for verbose output only; a quiet build must not drown real warnings.
 */
public final class BuildSummary implements Progress {

    private final long start = System.nanoTime();
    private final List<String> editions = new ArrayList<>();

    @Override
    public synchronized void finished(String format, long nanos) {
        editions.add(format);
    }

    /** The editions finished so far, in the order they were written. */
    public synchronized List<String> editions() {
        return List.copyOf(editions);
    }

    /** "built 45 files (pdf, epub) in 4.5 s into out", counted from this summary's creation. */
    public synchronized String describe(BuildResult result, Path outDir) {
        int files = result.written().size();
        return String.format(Locale.ROOT, "built %d file%s%s in %.1f s into %s", files, files == 1 ? "" : "s",
                editions.isEmpty() ? "" : " (" + String.join(", ", editions) + ")",
                (System.nanoTime() - start) / 1e9, outDir);
    }
}
