package dev.sheaf.read;

import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.SourceRef;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The check of an SVG cover ({@link ImageTypes#problem}: the file parsed as XML, its references looked at), made on
 * a thread of its own while the fonts are scanned and the pieces read: on the main thread it was a tenth of a small
 * book's {@code sheaf check}. Nothing of the build sees the cover before it passed: {@link BookReader} tells its
 * listener of the book once the verdict is in, without the cover when it failed.
 */
final class CoverCheck {

    private final String path;
    private final SourceRef where;
    private final CompletableFuture<Optional<String>> problem = new CompletableFuture<>();
    private final AtomicBoolean reported = new AtomicBoolean();

    private CoverCheck(String path, SourceRef where) {
        this.path = path;
        this.where = where;
    }

    /** Begins checking {@code file}, the cover named {@code path} at {@code where} in book.yaml. */
    static CoverCheck begin(Path file, String path, SourceRef where) {
        CoverCheck check = new CoverCheck(path, where);
        Thread t = new Thread(() -> {
            try {
                check.problem.complete(ImageTypes.problem(file, "image/svg+xml"));
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                check.problem.complete(Optional.of("the SVG cannot be read"));
            }
        }, "sheaf-cover-check");
        t.setDaemon(true);
        t.start();
        return check;
    }

    /** Whether the cover can be used, once known. */
    CompletableFuture<Boolean> usable() {
        return problem.thenApply(Optional::isEmpty);
    }

    /**
     * Waits for the verdict and reports its problem, once however often it is asked; true when the cover can be
     * used.
     */
    boolean report(Diagnostics diags) {
        Optional<String> found = problem.join();
        if (found.isPresent() && reported.compareAndSet(false, true)) {
            diags.report(MessageId.BOOK_006, where, path, "cannot be used: " + found.get());
        }
        return found.isEmpty();
    }
}
