package dev.sheaf.cli;

import dev.sheaf.diag.DiagnosticDigest;
import picocli.CommandLine.Option;

/** {@code --quiet} and {@code --verbose}, shared by the commands. */
final class Verbosity {

    @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Also print informational messages (e.g. unknown fields kept),"
            + " and every message of a kind (past the first " + DiagnosticDigest.SHOWN + ", one line counts the rest).")
    boolean verbose;
}
