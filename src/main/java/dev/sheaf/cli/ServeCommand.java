package dev.sheaf.cli;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Rebuilds;
import dev.sheaf.core.Sheaf;
import dev.sheaf.render.site.SiteRenderer;
import dev.sheaf.render.site.SiteServer;
import dev.sheaf.render.site.SourceWatcher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code sheaf serve [BOOK_DIR] [--port N]}: builds the book, serves its web edition on 127.0.0.1 and
 * rebuilds whenever a source file changes, so the author sees each change by reloading the page.
 * Runs until interrupted (Ctrl+C).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Build the book, serve its web edition on this computer (127.0.0.1) and rebuild it "
                + "whenever a source file changes. Stop with Ctrl+C.")
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "BOOK_DIR",
            description = "Folder with book.yaml and chapters/ (default: the current folder).")
    Path bookDir = Path.of(".");

    @Option(names = {"-p", "--port"}, paramLabel = "N", defaultValue = "8000",
            description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Output folder (default: a temporary folder, removed on exit).")
    Path out;

    @Option(names = {"-f", "--format"}, split = ",", paramLabel = "FORMAT",
            description = "Formats to build, comma-separated (default: all; the site is always built). "
                    + "--format site rebuilds fastest, without downloads.")
    List<String> formats = List.of();

    @Option(names = "--citation-style", paramLabel = "STYLE",
            description = "CSL style id or .csl file; overrides book.yaml.")
    String citationStyle;

    @Option(names = "--interval", paramLabel = "MS", defaultValue = "500", hidden = true,
            description = "How often to look for changed sources, in milliseconds.")
    long intervalMillis;

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535");
        }
        // One session: parsed pieces, citations, EPUB pages and the drawn cover are kept from build to build.
        Sheaf sheaf = Sheaf.incremental();
        List<String> ids = new ArrayList<>();
        for (String f : formats) {
            String id = f.trim().toLowerCase(Locale.ROOT);
            if (sheaf.registry().find(id).isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Unknown format '" + f
                        + "'; known formats: " + String.join(", ", sheaf.registry().ids()));
            }
            if (!id.equals("site")) {
                ids.add(id);
            }
        }
        if (!formats.isEmpty()) {
            ids.add("site"); // last, so it can offer what the others wrote
        }
        boolean temporary = out == null;
        Path outDir = temporary ? Files.createTempDirectory("sheaf-serve-") : out;
        BuildRequest request = BuildRequest.of(bookDir, outDir).withFormats(ids).withCitationStyle(citationStyle);
        Reporter reporter = new Reporter(err, verbosity.quiet, verbosity.verbose);

        boolean quiet = verbosity.quiet;
        SiteServer server;
        try {
            server = SiteServer.start(outDir.resolve(SiteRenderer.ROOT), port, path -> {
                if (verbosity.verbose) {
                    err.println("sheaf: not found: " + path);
                    err.flush();
                }
            });
        } catch (BindException e) {
            err.println("sheaf: cannot serve on 127.0.0.1:" + port + " (" + e.getMessage()
                    + ") \u2014 choose another port with --port, or --port 0 for any free one");
            if (temporary) {
                delete(outDir);
            }
            return Main.INPUT_ERRORS;
        }
        // After an edit the page comes first: the quick editions and the site, at once, then on a thread of their
        // own the print editions, which take many seconds for a large book, and the site again with their downloads;
        // the next edit's page does not wait for them (docs/PERFORMANCE.md, "Live preview").
        Object printing = new Object();
        // How long the latest change took to be seen, for the quick step's timeline (--verbose).
        java.util.concurrent.atomic.AtomicLong seenAfter = new java.util.concurrent.atomic.AtomicLong(-1);
        boolean timed = verbosity.verbose && !quiet;
        Rebuilds.Steps steps = step -> {
            Timeline timeline = timed && step.quickStep() ? new Timeline(seenAfter.getAndSet(-1)) : null;
            return new Rebuilds.Step() {
                @Override
                public dev.sheaf.core.Progress progress() {
                    return timeline == null ? dev.sheaf.core.Progress.NONE : timeline;
                }

                @Override
                public void built(BuildResult result, long nanos) {
                    long end = System.nanoTime();
                    synchronized (printing) {
                        if (result.superseded()) {
                            if (!quiet) {
                                stdout.println("sheaf: the book changed while the print editions were made; "
                                        + "making them again");
                                stdout.flush();
                            }
                            return;
                        }
                        report(step, result, nanos, reporter, quiet, stdout, err);
                        if (timeline != null && result.success()) {
                            stdout.println("sheaf: " + timeline.describe(end));
                            stdout.flush();
                        }
                    }
                }
            };
        };
        Rebuilds rebuilds = new Rebuilds(sheaf, request, steps);
        Thread cleanup = new Thread(() -> {
            rebuilds.close();
            server.close();
            if (temporary) {
                delete(outDir);
            }
        });
        Runtime.getRuntime().addShutdownHook(cleanup);
        // Watching starts before the first build, so an edit made while it runs is not missed.
        java.util.concurrent.atomic.AtomicReference<SourceWatcher> watching = new java.util.concurrent.atomic.AtomicReference<>();
        Runnable changed = () -> {
            SourceWatcher w = watching.get();
            if (timed && w != null) {
                seenAfter.set(Timeline.sinceNewest(w.lastChanged()));
            }
            rebuilds.changed();
        };
        try (SourceWatcher watcher = new SourceWatcher(bookDir, List.of(outDir), Duration.ofMillis(intervalMillis),
                changed)) {
            watching.set(watcher);
            watcher.start();
            long start = System.nanoTime();
            // (An edit saved meanwhile is previewed at once; its quick step gives this build's PDF up.)
            BuildResult first = sheaf.build(request);
            steps.starting(request).built(first, System.nanoTime() - start);
            stdout.println("sheaf: serving " + server.uri() + " \u2014 edit the book and reload the page; Ctrl+C stops");
            stdout.flush();
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            rebuilds.close();
            server.close();
            if (temporary) {
                delete(outDir);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook runs anyway.
            }
        }
        return Main.OK;
    }

    /**
     * Says how a build ended; on errors the previous site stays in place and is still served. A quick step that left
     * work to a full build says "site rebuilt", the rest "built".
     */
    private static void report(BuildRequest request, BuildResult result, long nanos, Reporter reporter, boolean quiet,
                               PrintWriter stdout, PrintWriter err) {
        String verb = request.quickStep() && result.fullBuildNeeded() ? "site rebuilt" : "built";
        // The full build that follows a preview reports the same problems; a failed preview is the last word.
        if (!verb.equals("site rebuilt") || !result.success()) {
            reporter.print(result.diagnostics());
        }
        String counts = Reporter.counts(result.diagnostics());
        if (result.success()) {
            if (quiet) {
                return;
            }
            stdout.printf(Locale.ROOT, "sheaf: %s in %.1f s%s%n", verb, nanos / 1e9,
                    counts.isEmpty() ? "" : " (" + counts + ")");
            stdout.flush();
        } else {
            err.println("sheaf: build failed" + (counts.isEmpty() ? "" : " (" + counts + ")")
                    + "; still serving the last good build");
            err.flush();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }
}
