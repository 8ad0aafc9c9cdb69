package dev.sheaf.diag;

import dev.sheaf.model.SourceRef;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Collects diagnostics instead of throwing them, so one run reports every problem. Thread-safe:
 * pieces are read in parallel.
 */
public final class Diagnostics {

    /**
     * The bundled texts, loaded when the first text is needed: a build that reports nothing never looks the bundle up
     * (in a fresh JVM, {@code ResourceBundle.getBundle} was some 3 % of the main thread's work in a small book's EPUB).
     */
    private static final class Texts {
        static final ResourceBundle MESSAGES = ResourceBundle.getBundle("dev.sheaf.diag.Messages", Locale.ROOT);
    }

    private final List<Diagnostic> items = new ArrayList<>();

    /** Reports {@code id} at {@code where}; {@code args} fill the message and hint patterns. */
    public Diagnostic report(MessageId id, SourceRef where, Object... args) {
        Diagnostic d = new Diagnostic(id, id.defaultSeverity(), where,
                text(id.name(), args), hintOrEmpty(id.name() + "_HINT", args));
        add(d);
        return d;
    }

    /** Reports {@code id} with an extra hint replacing the bundled one (e.g. "did you mean"). */
    public Diagnostic reportWithHint(MessageId id, SourceRef where, String hint, Object... args) {
        Diagnostic d = new Diagnostic(id, id.defaultSeverity(), where, text(id.name(), args), hint);
        add(d);
        return d;
    }

    public synchronized void add(Diagnostic d) {
        items.add(d);
    }

    public synchronized void addAll(Diagnostics other) {
        items.addAll(other.all());
    }

    /** All diagnostics, sorted by file, line and column so output does not depend on thread timing. */
    public synchronized List<Diagnostic> all() {
        List<Diagnostic> copy = new ArrayList<>(items);
        copy.sort(ORDER);
        return copy;
    }

    public synchronized boolean hasErrors() {
        return items.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public synchronized long count(Severity severity) {
        return items.stream().filter(d -> d.severity() == severity).count();
    }

    /** True when {@code failOn} or anything more serious was reported. */
    public synchronized boolean failsAt(Severity failOn) {
        return items.stream().anyMatch(d -> d.severity().ordinal() <= failOn.ordinal());
    }

    /** The bundled text {@code key} with {@code args}, for lines that are not a diagnostic of their own. */
    static String message(String key, Object... args) {
        return text(key, args);
    }

    private static String text(String key, Object... args) {
        try {
            return new MessageFormat(Texts.MESSAGES.getString(key), Locale.ROOT).format(args);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no message text for " + key, e);
        }
    }

    private static String hintOrEmpty(String key, Object... args) {
        return Texts.MESSAGES.containsKey(key) ? new MessageFormat(Texts.MESSAGES.getString(key), Locale.ROOT).format(args) : "";
    }

    private static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.where() == null || d.where().file() == null ? "" : d.where().file().toString())
            .thenComparingInt(d -> d.where() == null ? 0 : d.where().line())
            .thenComparingInt(d -> d.where() == null ? 0 : d.where().column())
            .thenComparing(d -> d.id().code());
}
