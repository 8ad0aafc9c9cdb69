package dev.sheaf.diag;

/** How serious a diagnostic is. Errors stop a build from writing editions. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** Lower-case label as printed in messages ({@code error}, {@code warning}, {@code info}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
