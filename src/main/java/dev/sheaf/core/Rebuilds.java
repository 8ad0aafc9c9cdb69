package dev.sheaf.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The rebuilds of a book while its author edits it ({@code sheaf build --watch}, {@code sheaf serve}), in one
 * {@link Sheaf#incremental()}. After each change the quick step ({@link BuildRequest#asQuickStep()}: the EPUB and the
 * site) runs at once on the caller's thread; the full build (the PDF edition, the handouts, the exports, then the EPUB
 * and the site again with the PDF's page numbers and downloads) follows on a thread of its own.
 *
 * <p>A full build lays out its print editions without holding the session, so the quick step of the next change
 * never waits for a PDF. The full build reads the book once, at its start, and makes every edition from that
 * reading. When a quick step writes a different text meanwhile, the full build is given up at its next write (its
 * files are in a staging folder, removed; nothing of it is written) and the next full build, which that quick step
 * asked for, starts from the newest text. So a PDF in place is never older than the EPUB and site written before it,
 * never half-written, and there are never two PDFs being made at once; while an author saves faster than the PDF
 * can be made, the PDF in place stays the last one finished. At most one full build waits behind the running one:
 * further changes join it.
 */
public final class Rebuilds implements AutoCloseable {

    /** What the command does around each build. */
    public interface Steps {

        /**
         * A build is starting ({@code request.quickStep()} tells which step): what hears its progress and what is
         * done once it has ended. Called on the thread that builds: the caller's for a quick step, the full builds'
         * own otherwise.
         */
        Step starting(BuildRequest request);
    }

    /** One build, as the command follows it. */
    public interface Step {

        /** What hears the build's progress. */
        default Progress progress() {
            return Progress.NONE;
        }

        /** The build has ended; {@link BuildResult#superseded()} when a newer text took its place. */
        void built(BuildResult result, long nanos);
    }

    private final Sheaf sheaf;
    private final BuildRequest request;
    private final Steps steps;
    private final boolean quickFirst;
    private final ExecutorService full;
    /** The full builds' thread (the latest the executor made), for {@link #close} to wait for. */
    private volatile Thread thread;
    private volatile boolean closed;
    /** Whether a full build is waiting to start (then a further change needs no other). */
    private final AtomicBoolean waiting = new AtomicBoolean();

    /**
     * @param sheaf    a {@link Sheaf#incremental()}
     * @param request  the whole build (its formats), without progress; its quick step is made from it
     * @param steps    what the command does around each build
     */
    public Rebuilds(Sheaf sheaf, BuildRequest request, Steps steps) {
        this.sheaf = sheaf;
        this.request = request;
        this.steps = steps;
        this.quickFirst = startsWithQuickStep(sheaf, request.formats());
        this.full = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sheaf-full-build");
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    /**
     * Whether a rebuild of {@code formats} (empty: all) starts with a quick step: when some of them are written in
     * it. The full build follows when the quick step leaves work to it ({@link BuildResult#fullBuildNeeded()}:
     * formats laid out for print, exports, or print page numbers taken from the previous layout, as with {@code
     * print-page-numbers: always} and the EPUB alone); otherwise the quick step was the whole rebuild.
     */
    public static boolean startsWithQuickStep(Sheaf sheaf, java.util.List<String> formats) {
        return sheaf.registry().all().stream().filter(r -> formats.isEmpty() || formats.contains(r.id()))
                .anyMatch(dev.sheaf.render.Renderer::inQuickStep);
    }

    /**
     * After a change: the quick step now, on this thread, then a full build on its own thread when the quick step
     * left it work (formats laid out for print, exports, or print page numbers from the previous layout). Formats
     * without a quick step (the PDF alone) go to the full build directly.
     */
    public void changed() {
        if (!quickFirst) {
            followWithFullBuild();
            return;
        }
        BuildResult quick = build(request.asQuickStep());
        if (quick.success() && quick.fullBuildNeeded()) {
            followWithFullBuild();
        }
    }

    private void followWithFullBuild() {
        if (!waiting.compareAndSet(false, true)) {
            return;
        }
        try {
            full.execute(() -> {
                waiting.set(false);
                if (!closed) {
                    build(request);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            waiting.set(false); // closed
        }
    }

    private BuildResult build(BuildRequest request) {
        Step step = steps.starting(request);
        long start = System.nanoTime();
        BuildResult result = sheaf.build(request.withProgress(step.progress()));
        if (!(result.superseded() && closed)) {
            step.built(result, System.nanoTime() - start);
        }
        return result;
    }

    /**
     * Waits until no full build is running or waiting (for tests and measurements); true when that came within
     * {@code millis}.
     */
    public boolean awaitQuiet(long millis) throws InterruptedException {
        java.util.concurrent.FutureTask<Void> marker = new java.util.concurrent.FutureTask<>(() -> { }, null);
        full.execute(marker);
        try {
            marker.get(millis, TimeUnit.MILLISECONDS);
            return !waiting.get();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /**
     * Stops: a full build waiting is dropped, one being made is given up (nothing of it is written; its staging
     * folder is removed), and this returns once its thread has stopped, or after ten seconds. Called from a
     * shutdown hook on Ctrl+C too.
     */
    @Override
    public void close() {
        closed = true;
        full.shutdown();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            // Again and again: a full build that was still reading the book starts its print editions later.
            do {
                sheaf.abandonPrinting();
            } while (!full.awaitTermination(50, TimeUnit.MILLISECONDS) && System.nanoTime() < end);
            // The executor counts as terminated a moment before its thread has ended: wait for the thread too.
            Thread t = thread;
            long left = end - System.nanoTime();
            if (t != null && left > 0) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
