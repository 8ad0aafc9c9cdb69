package dev.sheaf.model;

import java.nio.file.Path;

/**
 * Where something came from: a file (relative to the book folder, as users see it) and a 1-based
 * line and column. Line 0 means "the file as a whole".
 */
public record SourceRef(Path file, int line, int column) {

    /** The whole file, with no particular position. */
    public static SourceRef of(Path file) {
        return new SourceRef(file, 0, 0);
    }

    public SourceRef at(int line, int column) {
        return new SourceRef(file, line, column);
    }

    /** {@code path:line:col}, the way compilers print it; parts that are unknown are left out. */
    @Override
    public String toString() {
        String path = file == null ? "<unknown>" : file.toString().replace('\\', '/');
        if (line <= 0) {
            return path;
        }
        return column <= 0 ? path + ":" + line : path + ":" + line + ":" + column;
    }
}
