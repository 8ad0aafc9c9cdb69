package dev.sheaf.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code sheaf} command. Exit codes: 0 success, 1 the book has errors (or the build failed),
 * 2 the command line is wrong.
 */
@Command(name = "sheaf", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Builds anthologies of short pieces from Markdown: EPUB, PDF, handouts, citation exports and a web site.")
public final class Main implements Runnable {

    /** The subcommands, in the order the help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(BuildCommand.class, CheckCommand.class, NewCommand.class,
            ServeCommand.class, ImportCommand.class, IndexCommand.class, CommandLine.HelpCommand.class);

    public static final int OK = 0;
    public static final int INPUT_ERRORS = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

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
        CommandLine cl = new CommandLine(new Main());
        boolean one = first != null && !first.equals("help")
                && COMMANDS.stream().anyMatch(c -> first.equals(name(c)));
        for (Class<?> c : COMMANDS) {
            if (!one || first.equals(name(c))) {
                cl.addSubcommand(c);
            }
        }
        return cl;
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
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
