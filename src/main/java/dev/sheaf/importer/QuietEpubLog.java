package dev.sheaf.importer;

import io.documentnode.minilog.Level;
import io.documentnode.minilog.Logger;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * epub4j logs through minilog, which prints — stack traces included — to the {@code System.out} it
 * finds when its class is first loaded, whatever the level (errors are always printed, e.g. "Book
 * does not contain a table of contents file" for every EPUB 3 without an NCX). Sheaf's standard output
 * belongs to its own messages (and to JSON diagnostics), so the logger is loaded here once, while
 * {@code System.out} is a sink; from then on it writes nowhere.
 */
final class QuietEpubLog {

    static {
        synchronized (System.class) {
            PrintStream out = System.out;
            try {
                System.setOut(new PrintStream(OutputStream.nullOutputStream()));
                Logger.setLevel(Level.ERROR);   // loads the class: its console is the sink
            } finally {
                System.setOut(out);
            }
        }
    }

    private QuietEpubLog() { }

    /** Makes sure the logger has been loaded quietly. */
    static void ensure() {
        // the static initialiser did the work
    }
}
