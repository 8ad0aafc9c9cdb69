package dev.sheaf.importer;

/**
 * The source cannot be imported at all (truncated XML, a password-protected document, a page with no
 * article). Nothing is written for that source. Line and column are 0 when unknown.
 */
public final class ImportFailure extends Exception {

    private final int line;
    private final int column;

    public ImportFailure(String message) {
        this(message, 0, 0);
    }

    public ImportFailure(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
