package dev.sheaf.cli;

import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Severity;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code sheaf check [BOOK_DIR]}: report every problem, write nothing. Its model is written in code ({@link CodedModel}). */
final class CheckCommand implements Callable<Integer> {

    CommandSpec spec;
    Path bookDir = Path.of(".");
    boolean failOnWarnings;
    String citationStyle;
    Verbosity verbosity;
    DiagnosticsFormat diagnostics;

    private CheckCommand() {
    }

    /** The command's model, bound to a new command. */
    static CommandSpec model() {
        CheckCommand c = new CheckCommand();
        CommandSpec spec = CodedModel.command("check", c,
                "Check the book's sources and report every problem at once. Writes nothing.");
        spec.addPositional(CodedModel.bookDir(() -> c.bookDir, p -> c.bookDir = p));
        spec.addOption(CodedModel.flag(() -> c.failOnWarnings, f -> c.failOnWarnings = f,
                "Exit with 1 when there are warnings.", "--fail-on-warnings"));
        spec.addOption(CodedModel.option(String.class, () -> c.citationStyle, s -> c.citationStyle = s, "STYLE",
                "CSL style id (apa, modern-language-association, …) or .csl file; overrides book.yaml.",
                "--citation-style").build());
        c.verbosity = Verbosity.addTo(spec);
        c.diagnostics = DiagnosticsFormat.addTo(spec);
        c.spec = CodedModel.standardHelp(spec);
        return spec;
    }

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
