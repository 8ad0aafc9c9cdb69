package dev.sheaf.cli;

import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.Severity;
import dev.sheaf.importer.ImportReport;
import dev.sheaf.importer.ImportRequest;
import dev.sheaf.importer.ImportRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code sheaf import SOURCE... --into BOOK_DIR}: pieces from a blog export, documents, pages, feeds, e-books. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Bring pieces in from a WordPress export, Word documents, saved web pages, an RSS/Atom feed "
                + "or an EPUB, as Markdown pieces in a book folder (created when needed). Pieces imported before "
                + "are recognised: unchanged ones are left alone, and a piece you have edited is never overwritten.")
final class ImportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "Files or folders to import.")
    List<Path> sources;

    @Option(names = "--into", required = true, paramLabel = "BOOK_DIR", description = "The book folder.")
    Path into;

    @Option(names = "--chapter-by", paramLabel = "WAY", defaultValue = "none",
            description = "Chapter folders by tag, category, year or none (default: none, one folder \"pieces\").")
    String chapterBy;

    @Option(names = "--only", split = ",", paramLabel = "TAG", description = "Only pieces with one of these tags or categories.")
    List<String> only = List.of();

    @Option(names = "--from", paramLabel = "DATE", description = "Only pieces dated on or after DATE (YYYY-MM-DD).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Only pieces dated on or before DATE (YYYY-MM-DD).")
    String to;

    @Option(names = "--media", paramLabel = "DIR", description = "WordPress's uploads folder: images are copied next to the pieces.")
    Path media;

    @Option(names = "--dry-run", description = "List what would be written; write nothing.")
    boolean dryRun;

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportRequest.ChapterBy by;
        try {
            by = ImportRequest.ChapterBy.valueOf(chapterBy.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--chapter-by must be tag, category, year or none, not \"" + chapterBy + "\"");
        }
        Set<String> tags = new LinkedHashSet<>();
        only.stream().map(String::trim).filter(t -> !t.isEmpty()).forEach(tags::add);
        ImportRequest request = new ImportRequest(sources, into, by, tags, date("--from", from), date("--to", to),
                media, dryRun);
        Diagnostics diags = new Diagnostics();
        ImportReport report = new ImportRun(diags).run(request);
        new Reporter(err, verbosity.quiet, verbosity.verbose).print(diags.all());
        if (dryRun || verbosity.verbose) {
            for (Path f : report.otherFiles) {
                out.println((dryRun ? "would write " : "wrote ") + f.toString().replace('\\', '/'));
            }
            for (ImportReport.Entry e : report.entries) {
                String verb = switch (e.outcome()) {
                    case NEW -> dryRun ? "would write " : "wrote ";
                    case UPDATED -> dryRun ? "would update " : "updated ";
                    case UNCHANGED -> "unchanged ";
                    case KEPT -> "kept (edited) ";
                };
                out.println(verb + e.file().toString().replace('\\', '/') + "  \u201c" + e.title() + "\u201d");
            }
        }
        String counts = Reporter.counts(diags.all());
        if (!verbosity.quiet || diags.hasErrors()) {
            err.println("sheaf import: " + (dryRun ? "(dry run) " : "") + report.summary()
                    + (counts.isEmpty() ? "" : "; " + counts));
        }
        return diags.count(Severity.ERROR) > 0 ? Main.INPUT_ERRORS : Main.OK;
    }

    private LocalDate date(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    option + " must be a date written YYYY-MM-DD, not \"" + value + "\"");
        }
    }
}
