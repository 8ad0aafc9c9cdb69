package dev.sheaf.core;

import dev.sheaf.diag.Severity;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What to build.
 *
 * @param bookDir   folder holding book.yaml and chapters/
 * @param outDir    where the editions go; nothing outside it is written
 * @param formats   format ids ({@code epub}, …); empty means every format
 * @param failOn    the severity that stops the build ({@code ERROR}, or {@code WARNING} to be strict)
 * @param timestamp overrides the book's date inside the editions (e.g. Maven's
 *                  {@code project.build.outputTimestamp}); null to use the book's date
 * @param citationStyle overrides book.yaml's {@code citation-style}; null to keep it
 * @param progress  hears how the build advances (never null; {@link Progress#NONE} by default)
 * @param quickStep whether to write only the formats that are not laid out for print, ahead of a build of all of
 *                  {@code formats} that follows (see {@link #asQuickStep()}); false for a whole build
 * @param buildCache keep what the build made in the output folder's build cache ({@code .sheaf-cache/}) and
 *                   take from it what an earlier build made from the same inputs (off by default)
 * @param cancelled becomes true when nobody waits for the build any more (the command that asked for it was
 *                  interrupted): the build is then given up at its next write and writes nothing (never null)
 */
public record BuildRequest(Path bookDir, Path outDir, List<String> formats, Severity failOn, Instant timestamp,
                           String citationStyle, Progress progress, boolean quickStep, boolean buildCache,
                           BooleanSupplier cancelled) {

    private static final BooleanSupplier NEVER = () -> false;

    public BuildRequest {
        progress = progress == null ? Progress.NONE : progress;
        cancelled = cancelled == null ? NEVER : cancelled;
    }

    public BuildRequest(Path bookDir, Path outDir, List<String> formats, Severity failOn, Instant timestamp,
                        String citationStyle, Progress progress, boolean quickStep, boolean buildCache) {
        this(bookDir, outDir, formats, failOn, timestamp, citationStyle, progress, quickStep, buildCache, NEVER);
    }

    /** A request without the build cache. */
    public BuildRequest(Path bookDir, Path outDir, List<String> formats, Severity failOn, Instant timestamp,
                        String citationStyle, Progress progress, boolean quickStep) {
        this(bookDir, outDir, formats, failOn, timestamp, citationStyle, progress, quickStep, false);
    }

    public BuildRequest(Path bookDir, Path outDir, List<String> formats, Severity failOn, Instant timestamp,
                        String citationStyle, Progress progress) {
        this(bookDir, outDir, formats, failOn, timestamp, citationStyle, progress, false);
    }

    /** A request that reports no progress. */
    public BuildRequest(Path bookDir, Path outDir, List<String> formats, Severity failOn, Instant timestamp,
                        String citationStyle) {
        this(bookDir, outDir, formats, failOn, timestamp, citationStyle, Progress.NONE);
    }

    public static BuildRequest of(Path bookDir, Path outDir) {
        return new BuildRequest(bookDir, outDir, List.of(), Severity.ERROR, null, null, Progress.NONE, false);
    }

    public BuildRequest withFormats(List<String> ids) {
        return new BuildRequest(bookDir, outDir, List.copyOf(ids), failOn, timestamp, citationStyle,
                progress, quickStep, buildCache, cancelled);
    }

    public BuildRequest withFailOn(Severity severity) {
        return new BuildRequest(bookDir, outDir, formats, severity, timestamp, citationStyle,
                progress, quickStep, buildCache, cancelled);
    }

    public BuildRequest withCitationStyle(String style) {
        return new BuildRequest(bookDir, outDir, formats, failOn, timestamp, style,
                progress, quickStep, buildCache, cancelled);
    }

    public BuildRequest withTimestamp(Instant time) {
        return new BuildRequest(bookDir, outDir, formats, failOn, time, citationStyle,
                progress, quickStep, buildCache, cancelled);
    }

    /** The same request, reporting to {@code listener}. */
    public BuildRequest withProgress(Progress listener) {
        return new BuildRequest(bookDir, outDir, formats, failOn, timestamp, citationStyle,
                listener, quickStep, buildCache, cancelled);
    }

    /**
     * The quick step of this request, for a rebuild in a session ({@code --watch}, {@code serve}): only the formats
     * that are not laid out for print (the EPUB, the exports, the site), written at once, while the PDF edition
     * and the handouts follow in the full build. Nothing is laid out for print in it: the EPUB and the site take
     * the print page numbers of the session's latest layout, and the full build rewrites them with the exact ones.
     */
    public BuildRequest asQuickStep() {
        return new BuildRequest(bookDir, outDir, formats, failOn, timestamp, citationStyle,
                progress, true, buildCache, cancelled);
    }

    /** The same request, given up when {@code whether} becomes true (see {@link #cancelled()}). */
    public BuildRequest withCancelled(BooleanSupplier whether) {
        return new BuildRequest(bookDir, outDir, formats, failOn, timestamp, citationStyle, progress, quickStep,
                buildCache, whether);
    }

    /** The same request, with or without the build cache in the output folder. */
    public BuildRequest withBuildCache(boolean use) {
        return new BuildRequest(bookDir, outDir, formats, failOn, timestamp, citationStyle,
                progress, quickStep, use, cancelled);
    }
}
