package dev.sheaf.cli;

import picocli.CommandLine.Option;

/** {@code --quiet} and {@code --verbose}, shared by the commands. */
final class Verbosity {

    @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Also print informational messages (e.g. unknown fields kept).")
    boolean verbose;
}
