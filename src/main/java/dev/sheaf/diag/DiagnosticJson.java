package dev.sheaf.diag;

import dev.sheaf.model.SourceRef;

/**
 * A diagnostic as one line of JSON, for editors and CI ({@code --diagnostics json}):
 * <pre>{"file":"chapters/a/b.md","line":4,"column":7,"severity":"error","id":"FM-004","message":"…","hint":"…"}</pre>
 * The keys, their order and their meaning are a promise (README, "Machine-readable problems"): {@code file}
 * is relative to the book folder with forward slashes; {@code line} and {@code column} are 1-based, or null
 * when the problem concerns a whole file or none; {@code hint} is null when there is none. New keys may be
 * added at the end; existing ones do not change. Written by hand: one flat object needs no JSON library.
 */
public final class DiagnosticJson {

    private DiagnosticJson() {
    }

    public static String line(Diagnostic d) {
        SourceRef where = d.where();
        StringBuilder sb = new StringBuilder(160).append('{');
        sb.append("\"file\":").append(where == null || where.file() == null ? "null"
                : string(where.file().toString().replace('\\', '/')));
        sb.append(",\"line\":").append(where == null || where.line() <= 0 ? "null" : String.valueOf(where.line()));
        sb.append(",\"column\":").append(where == null || where.line() <= 0 || where.column() <= 0 ? "null"
                : String.valueOf(where.column()));
        sb.append(",\"severity\":").append(string(d.severity().label()));
        sb.append(",\"id\":").append(string(d.id().code()));
        sb.append(",\"message\":").append(string(d.message()));
        sb.append(",\"hint\":").append(d.hint() == null || d.hint().isEmpty() ? "null" : string(d.hint()));
        return sb.append('}').toString();
    }

    /** A JSON string (RFC 8259): quotes, backslashes and control characters escaped; the rest as it is. */
    static String string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    // Control characters, and U+2028/2029 which break JavaScript readers of "JSON lines".
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)
                            && !validSurrogate(s, i)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A lone surrogate is not UTF-8-encodable; it is escaped so the line stays valid. */
    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
