package dev.sheaf.maven;

import dev.sheaf.diag.Diagnostic;
import dev.sheaf.model.SourceRef;

import java.nio.file.Path;

/**
 * A diagnostic in the form maven-compiler-plugin uses, {@code /abs/path/file.md:[3,7] message — hint [ID]},
 * which IntelliJ IDEA, Eclipse and VS Code's Maven support turn into links to the line. The path is
 * absolute because an IDE resolves it against nothing; the level is Maven's ({@code [ERROR]}, {@code [WARNING]}).
 */
final class MavenMessage {

    private MavenMessage() {
    }

    static String of(Diagnostic d, Path bookDir) {
        StringBuilder sb = new StringBuilder();
        SourceRef where = d.where();
        if (where != null && where.file() != null) {
            Path file = where.file().isAbsolute() ? where.file() : bookDir.resolve(where.file());
            sb.append(file.toAbsolutePath().normalize());
            if (where.line() > 0) {
                sb.append(":[").append(where.line()).append(',').append(Math.max(1, where.column())).append(']');
            }
            sb.append(' ');
        }
        sb.append(d.message());
        if (d.hint() != null && !d.hint().isEmpty()) {
            sb.append(" \u2014 ").append(d.hint());
        }
        return sb.append(" [").append(d.id().code()).append(']').toString();
    }
}
