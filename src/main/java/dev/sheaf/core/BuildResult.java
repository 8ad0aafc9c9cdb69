package dev.sheaf.core;

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
 */
public record BuildResult(List<Path> written, List<Diagnostic> diagnostics, boolean success, boolean upToDate) {

    public BuildResult(List<Path> written, List<Diagnostic> diagnostics, boolean success) {
        this(written, diagnostics, success, false);
    }
}
