package dev.sheaf.cli;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code sheaf build [BOOK_DIR] --out DIR [--format epub,pdf]}. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the book's editions. Writes nothing when the book has errors.")
final class BuildCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "BOOK_DIR",
            description = "Folder with book.yaml and chapters/ (default: the current folder).")
    Path bookDir = Path.of(".");

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Output folder (default: BOOK_DIR/target/book).")
    Path out;

    @Option(names = {"-f", "--format"}, split = ",", paramLabel = "FORMAT",
            description = "Formats to build, comma-separated (default: all).")
    List<String> formats = List.of();

    @Option(names = "--fail-on-warnings", description = "Treat warnings as errors.")
    boolean failOnWarnings;

    @Option(names = "--citation-style", paramLabel = "STYLE",
            description = "CSL style id (apa, modern-language-association, …) or .csl file; overrides book.yaml.")
    String citationStyle;

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Path outDir = out != null ? out : bookDir.resolve("target").resolve("book");
        Sheaf sheaf = new Sheaf();
        for (String f : formats) {
            if (sheaf.registry().find(f.trim().toLowerCase(Locale.ROOT)).isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Unknown format '" + f
                        + "'; known formats: " + String.join(", ", sheaf.registry().ids()));
            }
        }
        long start = System.nanoTime();
        BuildRequest request = BuildRequest.of(bookDir, outDir)
                .withFormats(formats.stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).toList())
                .withFailOn(failOnWarnings ? Severity.WARNING : Severity.ERROR)
                .withCitationStyle(citationStyle);
        BuildResult result = sheaf.build(request);
        new Reporter(err, verbosity.quiet, verbosity.verbose).print(result.diagnostics());
        String counts = Reporter.counts(result.diagnostics());
        if (!result.success()) {
            err.println("sheaf: build failed" + (counts.isEmpty() ? "" : " (" + counts + ")")
                    + "; no edition was written");
            return Main.INPUT_ERRORS;
        }
        if (!verbosity.quiet) {
            for (Path p : result.written()) {
                stdout.println("wrote " + p);
            }
            stdout.printf(Locale.ROOT, "sheaf: built %d file%s in %.1f s%s%n", result.written().size(),
                    result.written().size() == 1 ? "" : "s", (System.nanoTime() - start) / 1e9,
                    counts.isEmpty() ? "" : " (" + counts + ")");
        }
        return Main.OK;
    }
}
