package dev.sheaf.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * Standard error of a command that runs for someone elsewhere: a resident build process writes a command's
 * messages to a socket, yet the command runs on the author's console. This says what {@code System.console()}
 * cannot see from there: whether that console is a terminal (for the progress line), and whether the author is still
 * there (Ctrl+C ends the command that waits for the build: the build is then given up, and writes nothing).
 */
public final class ConsoleWriter extends PrintWriter {

    private final boolean terminal;
    private final BooleanSupplier hungUp;

    public ConsoleWriter(OutputStream out, boolean terminal, BooleanSupplier hungUp) {
        super(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        this.terminal = terminal;
        this.hungUp = hungUp;
    }

    /** Whether what is written here is shown on a terminal. */
    public boolean onTerminal() {
        return terminal;
    }

    /** Whether the command writing here is no longer waited for. */
    public boolean hungUp() {
        return hungUp.getAsBoolean();
    }

    /** Whether what is written to {@code w} is shown on a terminal. */
    static boolean onTerminal(PrintWriter w) {
        return w instanceof ConsoleWriter c ? c.terminal : System.console() != null;
    }

    /** Whether the command writing to {@code w} is no longer waited for: false for a command in its own JVM. */
    static BooleanSupplier hungUp(PrintWriter w) {
        return w instanceof ConsoleWriter c ? c.hungUp : () -> false;
    }
}
