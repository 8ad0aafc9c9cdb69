package dev.sheaf.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code sheaf new DIR}: a minimal book to start from. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create a minimal book (book.yaml and one chapter with one piece) in DIR.")
final class NewCommand implements Callable<Integer> {

    private static final List<String> FILES = List.of("book.yaml", "chapters/first-chapter/_chapter.md",
            "chapters/first-chapter/first-piece.md");

    /** JSON Schemas for editors (VS Code's YAML extension, IntelliJ), named by each file's first line. */
    private static final List<String> SCHEMAS = List.of("book.schema.json", "piece.schema.json",
            "chapter.schema.json", "index.schema.json");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder for the new book (created if needed).")
    Path dir;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(dir.resolve("book.yaml")) || Files.exists(dir.resolve("chapters"))) {
            spec.commandLine().getErr().println("sheaf: " + dir + " already holds a book \u2014 choose an empty folder");
            return Main.INPUT_ERRORS;
        }
        for (String f : FILES) {
            Path target = dir.resolve(f);
            Files.createDirectories(target.getParent());
            try (InputStream in = NewCommand.class.getResourceAsStream("new-book/" + f)) {
                Files.write(target, in.readAllBytes());
            }
        }
        // The schemas beside the book, so that the "$schema=" lines above work offline and match this version.
        for (String schema : SCHEMAS) {
            Path target = dir.resolve(".sheaf/schema").resolve(schema);
            Files.createDirectories(target.getParent());
            try (InputStream in = NewCommand.class.getResourceAsStream("/dev/sheaf/schema/" + schema)) {
                Files.write(target, in.readAllBytes());
            }
        }
        spec.commandLine().getOut().println("Created a book in " + dir + ". Build it with: sheaf build " + dir);
        return Main.OK;
    }
}
