package dev.sheaf.cli;

import dev.sheaf.diag.Severity;
import dev.sheaf.index.IndexSuggester;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code sheaf index suggest BOOK_DIR}: propose an index.yaml for the author to curate. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Work on the book's index.", subcommands = {IndexCommand.Suggest.class})
final class IndexCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.USAGE;
    }

    @Command(name = "suggest", mixinStandardHelpOptions = true,
            description = {"Propose index entries: names of people, places and organisations that recur across the "
                    + "pieces, acronyms, countries and capitals, the book's tags and chapter titles, with their counts.",
                    "Writes BOOK_DIR/index.yaml, or index.suggested.yaml when index.yaml exists; never overwrites."})
    static final class Suggest implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "BOOK_DIR",
                description = "Folder with book.yaml and chapters/ (default: the current folder).")
        Path bookDir = Path.of(".");

        @Option(names = "--out", paramLabel = "FILE", description = "Where to write the suggestions ('-': print them).")
        String out;

        @Option(names = "--min-pieces", paramLabel = "N", defaultValue = "2",
                description = "A name must occur in at least N pieces (default: ${DEFAULT-VALUE}); countries, "
                        + "capitals, tags and chapter-title names need one.")
        int minPieces;

        @Option(names = "--too-common", paramLabel = "PERCENT", defaultValue = "50",
                description = "In a book of 20 pieces or more, names in more than PERCENT %% of the pieces are written "
                        + "as comments with their counts: too common to index usefully (default: ${DEFAULT-VALUE}; "
                        + "100 keeps them all).")
        int tooCommon;

        @Option(names = "--force", description = "Overwrite FILE when it exists.")
        boolean force;

        @Override
        public Integer call() {
            IndexSuggester.Result result = IndexSuggester.forBook(bookDir, Math.max(1, minPieces),
                    Math.max(1, Math.min(100, tooCommon)));
            new Reporter(spec.commandLine().getErr(), true, false, null).print(result.diagnostics());
            if (result.yaml().isEmpty() || result.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
                return Main.INPUT_ERRORS;
            }
            if ("-".equals(out)) {
                spec.commandLine().getOut().print(result.yaml().get());
                spec.commandLine().getOut().flush();
                return Main.OK;
            }
            Path target = out != null ? Path.of(out)
                    : Files.exists(bookDir.resolve("index.yaml")) ? bookDir.resolve("index.suggested.yaml")
                    : bookDir.resolve("index.yaml");
            if (Files.exists(target) && !force) {
                spec.commandLine().getErr().println("sheaf: " + target + " exists; use --force to overwrite it or "
                        + "--out FILE to write elsewhere");
                return Main.INPUT_ERRORS;
            }
            try {
                Files.writeString(target, result.yaml().get(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                spec.commandLine().getErr().println("sheaf: cannot write " + target + ": " + e.getMessage());
                return Main.INPUT_ERRORS;
            }
            spec.commandLine().getErr().println("sheaf: " + result.suggestions() + " entries suggested in " + target
                    + "; edit it, then run \"sheaf check\"");
            return Main.OK;
        }
    }
}
