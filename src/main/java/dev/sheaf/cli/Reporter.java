package dev.sheaf.cli;

import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.DiagnosticDigest;
import dev.sheaf.diag.DiagnosticJson;
import dev.sheaf.diag.Severity;

import java.io.PrintWriter;
import java.util.List;

/**
 * Prints diagnostics the way compilers do, honouring quiet and verbose modes; past {@link DiagnosticDigest#SHOWN} of
 * one kind, one line counts the rest (every one with {@link #everyOne}).
 */
final class Reporter {

    private final PrintWriter err;
    private final boolean quiet;
    private final boolean verbose;
    private final PrintWriter json;
    private final int ofAKind;

    Reporter(PrintWriter err, boolean quiet, boolean verbose) {
        this(err, quiet, verbose, null);
    }

    /** @param json where JSON lines go ({@code --diagnostics json}), or null for text on {@code err} */
    Reporter(PrintWriter err, boolean quiet, boolean verbose, PrintWriter json) {
        this(err, quiet, verbose, json, verbose ? Integer.MAX_VALUE : DiagnosticDigest.SHOWN);
    }

    private Reporter(PrintWriter err, boolean quiet, boolean verbose, PrintWriter json, int ofAKind) {
        this.err = err;
        this.quiet = quiet;
        this.verbose = verbose;
        this.json = json;
        this.ofAKind = ofAKind;
    }

    /** The same reporter, printing every diagnostic ({@code all}) or counting those past the first of a kind. */
    Reporter everyOne(boolean all) {
        return new Reporter(err, quiet, verbose, json, all ? Integer.MAX_VALUE : DiagnosticDigest.SHOWN);
    }

    void print(List<Diagnostic> diagnostics) {
        if (json != null) {
            // Machines get every problem, whatever --quiet or --verbose say; they filter by "severity".
            diagnostics.forEach(d -> json.println(DiagnosticJson.line(d)));
            json.flush();
            return;
        }
        List<Diagnostic> shown = diagnostics.stream().filter(d -> switch (d.severity()) {
            case ERROR -> true;
            case WARNING -> !quiet;
            case INFO -> verbose;
        }).toList();
        for (Diagnostic d : DiagnosticDigest.of(shown, ofAKind)) {
            err.println(d.format());
        }
    }

    /** "2 errors, 1 warning" or empty when there is nothing to count. */
    static String counts(List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
        long warnings = diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
        StringBuilder sb = new StringBuilder();
        if (errors > 0) {
            sb.append(errors).append(errors == 1 ? " error" : " errors");
        }
        if (warnings > 0) {
            sb.append(sb.length() > 0 ? ", " : "").append(warnings).append(warnings == 1 ? " warning" : " warnings");
        }
        return sb.toString();
    }
}
