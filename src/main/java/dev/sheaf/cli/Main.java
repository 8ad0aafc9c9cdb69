package dev.sheaf.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code sheaf} command. Exit codes: 0 success, 1 the book has errors (or the build failed),
 * 2 the command line is wrong. Its model, and those of {@code build} and {@code check}, are written in code
 * ({@link CodedModel}); the other commands are read from their annotations.
 */
public final class Main implements Runnable {

    /** A subcommand: its name and its model (a {@code CommandSpec}, or an annotated class). */
    private record Sub(String name, Supplier<Object> model) { }

    /** The subcommands, in the order the help lists them. */
    private static final List<Sub> COMMANDS = List.of(new Sub("build", BuildCommand::model),
            new Sub("check", CheckCommand::model), new Sub("new", () -> NewCommand.class),
            new Sub("serve", () -> ServeCommand.class), new Sub("import", () -> ImportCommand.class),
            new Sub("index", () -> IndexCommand.class),
            new Sub("resident", () -> ResidentCommand.class), new Sub("help", () -> CommandLine.HelpCommand.class));

    public static final int OK = 0;
    public static final int INPUT_ERRORS = 1;
    public static final int USAGE = 2;

    private CommandSpec spec;

    private Main() {
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: build, check, new, serve or import");
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(args, out, err));
    }

    /** The command line model, for running and for generating completion scripts and manual pages. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The model for running {@code args}: when they start with a command's name, only that command is
     * modelled. picocli reads every option of every command it is given through reflection, which took
     * a fifth of a small book's {@code sheaf check}; the other commands cannot take part in that run.
     * Anything else ({@code --help}, {@code help}, a misspelt command) gets them all.
     */
    static CommandLine commandLine(String first) {
        Main main = new Main();
        main.spec = CodedModel.standardHelp(CodedModel.command("sheaf", main, "Builds anthologies of short pieces "
                + "from Markdown: EPUB, PDF, handouts, citation exports and a web site."));
        main.spec.versionProvider(new Version());
        CommandLine cl = new CommandLine(main.spec);
        boolean one = first != null && !first.equals("help") && COMMANDS.stream().anyMatch(c -> first.equals(c.name()));
        for (Sub c : COMMANDS) {
            if (!one || first.equals(c.name())) {
                cl.addSubcommand(c.name(), c.model().get());
            }
        }
        return cl;
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(args.length > 0 ? args[0] : null);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : INPUT_ERRORS);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("sheaf: internal error: " + e
                    + " \u2014 please report this with the book that caused it");
            return INPUT_ERRORS;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // Limits keep these out of reach; should one still happen, the user gets a sentence, not a trace.
            err.println("sheaf: internal error: " + e.getClass().getSimpleName()
                    + " \u2014 the book is too large or too deeply nested for this Java heap or stack; "
                    + "please report this with the book that caused it");
            code = INPUT_ERRORS;
        }
        out.flush();
        err.flush();
        return code;
    }
}
