package dev.sheaf.cli;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.BuildSummary;
import dev.sheaf.core.Progress;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * {@code sheaf build [BOOK_DIR] --out DIR [--format epub,pdf] [--watch]}. Its model is written in code
 * ({@link CodedModel}).
 */
final class BuildCommand implements Callable<Integer> {

    /**
     * An editor's save is often several writes and a rename, a few milliseconds apart: wait this long for quiet
     * before rebuilding (100 ms until 2026-12-03: a tenth of the one-second preview went to waiting).
     */
    private static final long SETTLE_MILLIS = 30;

    CommandSpec spec;
    Path bookDir = Path.of(".");
    Path out;
    List<String> formats = List.of();
    boolean failOnWarnings;
    String citationStyle;
    boolean watch;
    Verbosity verbosity;
    boolean noCache;
    DiagnosticsFormat diagnostics;

    private BuildCommand() {
    }

    /** The command's model, bound to a new command. */
    static CommandSpec model() {
        BuildCommand c = new BuildCommand();
        CommandSpec spec = CodedModel.command("build", c, "Build the book's editions. Writes nothing when the book "
                + "has errors. Shows progress on a terminal; --watch keeps rebuilding as the sources change.");
        spec.addPositional(CodedModel.bookDir(() -> c.bookDir, p -> c.bookDir = p));
        spec.addOption(CodedModel.option(Path.class, () -> c.out, p -> c.out = p, "DIR",
                "Output folder (default: BOOK_DIR/target/book).", "-o", "--out").build());
        spec.addOption(OptionSpec.builder("-f", "--format").type(List.class).auxiliaryTypes(String.class).splitRegex(",")
                .paramLabel("FORMAT").description("Formats to build, comma-separated (default: all).")
                .initialValue(c.formats).getter(CodedModel.getter(() -> c.formats))
                .setter(CodedModel.<List<String>>setter(() -> c.formats, f -> c.formats = f)).build());
        spec.addOption(CodedModel.flag(() -> c.failOnWarnings, f -> c.failOnWarnings = f,
                "Treat warnings as errors.", "--fail-on-warnings"));
        spec.addOption(CodedModel.option(String.class, () -> c.citationStyle, s -> c.citationStyle = s, "STYLE",
                "CSL style id (apa, modern-language-association, …) or .csl file; overrides book.yaml.",
                "--citation-style").build());
        spec.addOption(CodedModel.flag(() -> c.watch, w -> c.watch = w, "Keep running and rebuild whenever a source "
                + "changes; only what changed is redone. Stop with Ctrl+C.", "-w", "--watch"));
        c.verbosity = Verbosity.addTo(spec);
        spec.addOption(CodedModel.flag(() -> c.noCache, n -> c.noCache = n, "Make every page afresh, without the "
                + "build cache the output folder keeps (.sheaf-cache/).", "--no-cache"));
        c.diagnostics = DiagnosticsFormat.addTo(spec);
        c.spec = CodedModel.standardHelp(spec);
        return spec;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Path outDir = out != null ? out : bookDir.resolve("target").resolve("book");
        Sheaf sheaf = watch ? Sheaf.incremental() : new Sheaf();
        for (String f : formats) {
            if (sheaf.registry().find(f.trim().toLowerCase(Locale.ROOT)).isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Unknown format '" + f
                        + "'; known formats: " + String.join(", ", sheaf.registry().ids()));
            }
        }
        BuildRequest request = BuildRequest.of(bookDir, outDir)
                .withFormats(formats.stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).toList())
                .withFailOn(failOnWarnings ? Severity.WARNING : Severity.ERROR)
                .withCitationStyle(citationStyle);
        int code = buildUntilStopped(sheaf, request.withBuildCache(!noCache), err, stdout);
        if (!watch) {
            return code;
        }
        // Rebuilds keep what they reuse in memory; the cache on disk served the first build.
        return watch(sheaf, request, outDir, err, stdout);
    }

    /**
     * Builds once; Ctrl+C (or any end of the JVM) meanwhile gives the build up, and the JVM ends only once it has
     * unwound, its staging folder removed (or after ten seconds): an interrupted build leaves the output folder as it
     * was. In a resident build process, the command's going away does the same ({@link ConsoleWriter#hungUp}).
     */
    private int buildUntilStopped(Sheaf sheaf, BuildRequest request, PrintWriter err, PrintWriter stdout) {
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch ended = new CountDownLatch(1);
        Thread stop = new Thread(() -> {
            stopping.set(true);
            try {
                ended.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sheaf-stop");
        BooleanSupplier hungUp = ConsoleWriter.hungUp(err);
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            return build(sheaf, request.withCancelled(() -> stopping.get() || hungUp.getAsBoolean()), err, stdout,
                    "built", true);
        } finally {
            ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                // already shutting down: the hook has seen the build end
            }
        }
    }

    /** Builds once, with a progress line on a terminal, and prints the outcome. */
    private int build(Sheaf sheaf, BuildRequest request, PrintWriter err, PrintWriter stdout, String verb,
                      boolean listFiles) {
        Told told = new Told(ProgressLine.forTerminal(err, verbosity.quiet));
        BuildResult result = sheaf.build(request.withProgress(told.progress()));
        return report(request, result, told, err, stdout, verb, listFiles);
    }

    /** What hears one build: the progress line on a terminal (or nothing), the stage times, the summary. */
    private static final class Told implements dev.sheaf.core.Rebuilds.Step {
        final Progress line;
        final StageTimes times = new StageTimes();
        final BuildSummary summary = new BuildSummary();
        /** Where a rebuild's milliseconds went ({@code --verbose}), or null. */
        Timeline timeline;
        /** What to do when the build has ended (a rebuild's report). */
        java.util.function.BiConsumer<BuildResult, Told> after = (r, t) -> { };

        Told(Progress line) {
            this.line = line;
        }

        @Override
        public Progress progress() {
            Progress all = line.and(times).and(summary);
            return timeline == null ? all : all.and(timeline);
        }

        @Override
        public void built(BuildResult result, long nanos) {
            after.accept(result, this);
        }
    }

    /** Prints the outcome of a build; returns the exit code. */
    private int report(BuildRequest request, BuildResult result, Told told, PrintWriter err, PrintWriter stdout,
                       String verb, boolean listFiles) {
        if (told.line instanceof ProgressLine l) {
            l.clear();
        }
        new Reporter(err, verbosity.quiet, verbosity.verbose, diagnostics.json() ? stdout : null)
                .print(result.diagnostics());
        // With JSON lines on standard output, the words for people go to standard error.
        PrintWriter said = diagnostics.json() ? err : stdout;
        String counts = Reporter.counts(result.diagnostics());
        if (!result.success()) {
            err.println("sheaf: build failed" + (counts.isEmpty() ? "" : " (" + counts + ")")
                    + (watch && !verb.equals("built") ? "; the previous editions are kept" : "; no edition was written"));
            err.flush();
            return Main.INPUT_ERRORS;
        }
        if (!verbosity.quiet) {
            if (listFiles && verbosity.verbose) {
                for (Path p : result.written()) {
                    said.println("wrote " + p);
                }
            }
            String line1 = told.summary.describe(result, request.outDir());
            said.println("sheaf: " + (verb.equals("built") ? line1 : verb + line1.substring("built".length()))
                    + (counts.isEmpty() ? "" : " (" + counts + ")"));
            if (verbosity.verbose && !told.times.summary().isEmpty()) {
                said.println("sheaf: " + told.times.summary());
            }
            if (verbosity.verbose && !result.reuse().isEmpty()) {
                said.println("sheaf: " + result.describeReuse());
            }
            said.flush();
        }
        return Main.OK;
    }

    /**
     * Rebuilds after every change until interrupted; the JVM, parsed pieces and citations stay warm. The EPUB and the
     * site first, on this thread; the print editions follow on a thread of their own, so that the next change's EPUB
     * does not wait for them ({@link Rebuilds}).
     */
    private int watch(Sheaf sheaf, BuildRequest request, Path outDir, PrintWriter err, PrintWriter stdout) {
        PrintWriter said = diagnostics.json() ? err : stdout;
        // Two builds may end at once (a quick step beside a full build): their reports are printed one after the other.
        Object printing = new Object();
        // How long the latest change took to be seen, for the quick step's timeline (--verbose).
        java.util.concurrent.atomic.AtomicLong seenAfter = new java.util.concurrent.atomic.AtomicLong(-1);
        dev.sheaf.core.Rebuilds.Steps steps = step -> {
            // The progress line is the quick step's; the full build runs beside it and says only how it ended.
            Told told = new Told(step.quickStep() ? ProgressLine.forTerminal(err, verbosity.quiet) : Progress.NONE);
            if (step.quickStep() && verbosity.verbose && !verbosity.quiet) {
                told.timeline = new Timeline(seenAfter.getAndSet(-1));
            }
            told.after = (result, t) -> {
                synchronized (printing) {
                    if (result.superseded()) {
                        if (!verbosity.quiet) {
                            said.println("sheaf: the book changed while the print editions were made; making them again");
                            said.flush();
                        }
                        return;
                    }
                    long end = System.nanoTime();
                    report(step, result, t, err, stdout, "rebuilt", false);
                    if (t.timeline != null && result.success()) {
                        said.println("sheaf: " + t.timeline.describe(end));
                        said.flush();
                    }
                    if (verbosity.verbose && (step.quickStep() || !dev.sheaf.core.Rebuilds.startsWithQuickStep(sheaf, step.formats()))) {
                        said.println("sheaf: " + sheaf.piecesParsedInLastBuild() + " piece(s) parsed again");
                        said.flush();
                    }
                }
            };
            return told;
        };
        try (BookWatcher watcher = new BookWatcher(bookDir, List.of(outDir));
             dev.sheaf.core.Rebuilds rebuilds = new dev.sheaf.core.Rebuilds(sheaf, request, steps)) {
            // Ctrl+C while the PDF is being made: it is given up, its staging folder removed, before the JVM exits.
            Thread stop = new Thread(rebuilds::close, "sheaf-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            try {
                if (!verbosity.quiet) {
                    said.println("sheaf: watching " + bookDir.toAbsolutePath().normalize()
                            + " for changes; Ctrl+C stops");
                    said.flush();
                }
                while (true) {
                    Set<String> changed = watcher.awaitChange(SETTLE_MILLIS);
                    if (changed.isEmpty()) {
                        continue;
                    }
                    if (verbosity.verbose) {
                        Path root = bookDir.toAbsolutePath().normalize();
                        seenAfter.set(Timeline.sinceNewest(changed.stream().map(root::resolve).toList()));
                    }
                    if (verbosity.verbose) {
                        synchronized (printing) {
                            said.println("sheaf: changed: " + String.join(", ", changed));
                            said.flush();
                        }
                    }
                    rebuilds.changed();
                }
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stop);
                } catch (IllegalStateException e) {
                    // Already shutting down: the hook stops the rebuilds.
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.OK;
        } catch (IOException e) {
            err.println("sheaf: cannot watch " + bookDir + ": " + e.getMessage());
            return Main.INPUT_ERRORS;
        }
    }
}
