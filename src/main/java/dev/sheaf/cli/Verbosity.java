package dev.sheaf.cli;

import dev.sheaf.diag.DiagnosticDigest;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --quiet} and {@code --verbose}, shared by the commands. */
final class Verbosity {

    static final String QUIET = "Print only errors.";
    static final String VERBOSE = "Also print informational messages (e.g. unknown fields kept),"
            + " and every message of a kind (past the first " + DiagnosticDigest.SHOWN + ", one line counts the rest).";

    @Option(names = {"-q", "--quiet"}, description = QUIET)
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = VERBOSE)
    boolean verbose;

    /** The two options added to a model written in code ({@link CodedModel}); returns what they set. */
    static Verbosity addTo(CommandSpec spec) {
        Verbosity v = new Verbosity();
        spec.addOption(CodedModel.flag(() -> v.quiet, q -> v.quiet = q, QUIET, "-q", "--quiet"));
        spec.addOption(CodedModel.flag(() -> v.verbose, q -> v.verbose = q, VERBOSE, "-v", "--verbose"));
        return v;
    }
}
