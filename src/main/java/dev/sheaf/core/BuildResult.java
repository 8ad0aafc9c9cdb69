package dev.sheaf.core;

import dev.sheaf.buildcache.Reuse;
import dev.sheaf.diag.Diagnostic;

import java.nio.file.Path;
import java.util.List;

/**
 * What a build or check did.
 *
 * @param written     files written, absolute; empty when the build failed
 * @param diagnostics every problem found, sorted by place
 * @param success     false when a diagnostic at or above the request's {@code failOn} was reported
 * @param upToDate    true when nothing was built because nothing changed since the last build
 * @param reuse       what each edition made afresh and what it took from an earlier build
 * @param fullBuildNeeded whether this was a quick step that leaves work to a full build of the same request (see
 *                    {@link BuildRequest#asQuickStep()})
 * @param superseded  whether this full build of a session was given up because a quick step wrote a newer text
 *                    while its print editions were being made: it wrote nothing (see {@link Rebuilds})
 */
public record BuildResult(List<Path> written, List<Diagnostic> diagnostics, boolean success, boolean upToDate,
                          List<Reuse> reuse, boolean fullBuildNeeded, boolean superseded) {

    public BuildResult(List<Path> written, List<Diagnostic> diagnostics, boolean success, boolean upToDate,
                       List<Reuse> reuse) {
        this(written, diagnostics, success, upToDate, reuse, false, false);
    }

    public BuildResult(List<Path> written, List<Diagnostic> diagnostics, boolean success, boolean upToDate) {
        this(written, diagnostics, success, upToDate, List.of());
    }

    public BuildResult(List<Path> written, List<Diagnostic> diagnostics, boolean success) {
        this(written, diagnostics, success, false);
    }

    /** "site: 1 of 14 piece pages written, 13 reused; EPUB: …", or empty when no edition counted. */
    public String describeReuse() {
        return String.join("; ", reuse.stream().map(Reuse::describe).toList());
    }
}
