package dev.sheaf.cli;

import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code sheaf check [BOOK_DIR]}: report every problem, write nothing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check the book's sources and report every problem at once. Writes nothing.")
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "BOOK_DIR",
            description = "Folder with book.yaml and chapters/ (default: the current folder).")
    Path bookDir = Path.of(".");

    @Option(names = "--fail-on-warnings", description = "Exit with 1 when there are warnings.")
    boolean failOnWarnings;

    @Option(names = "--citation-style", paramLabel = "STYLE",
            description = "CSL style id (apa, modern-language-association, …) or .csl file; overrides book.yaml.")
    String citationStyle;

    @Mixin
    Verbosity verbosity;

    @Mixin
    DiagnosticsFormat diagnostics;

    @Override
    public Integer call() {
        BuildResult result = new Sheaf().check(bookDir, citationStyle);
        // check lists unknown fields (kept for templates) unless asked to be quiet.
        new Reporter(spec.commandLine().getErr(), verbosity.quiet, !verbosity.quiet,
                diagnostics.json() ? spec.commandLine().getOut() : null).everyOne(verbosity.verbose)
                .print(result.diagnostics());
        boolean failed = result.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR
                || failOnWarnings && d.severity() == Severity.WARNING);
        String counts = Reporter.counts(result.diagnostics());
        if (!verbosity.quiet || failed) {
            spec.commandLine().getErr().println("sheaf: " + (counts.isEmpty() ? "no problems found" : counts));
        }
        return failed ? Main.INPUT_ERRORS : Main.OK;
    }
}
