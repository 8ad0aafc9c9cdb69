package dev.sheaf.diag;

import dev.sheaf.model.SourceRef;

/**
 * One problem found in the sources or while writing an edition.
 *
 * @param hint how to fix it; may be empty
 */
public record Diagnostic(MessageId id, Severity severity, SourceRef where, String message, String hint) {

    /**
     * The compiler-style line users see:
     * {@code chapters/a/b.md:4:7: error: date "2022-13-01" is not a date — write YYYY-MM-DD [FM-004]}.
     */
    public String format() {
        StringBuilder sb = new StringBuilder();
        if (where != null) {
            sb.append(where).append(": ");
        }
        sb.append(severity.label()).append(": ").append(message);
        if (hint != null && !hint.isEmpty()) {
            sb.append(" \u2014 ").append(hint);
        }
        sb.append(" [").append(id.code()).append(']');
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
