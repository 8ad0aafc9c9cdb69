package dev.sheaf.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether the EPUB and the web edition carry the print edition's page numbers ({@code print-page-numbers:} in
 * book.yaml). They come from the PDF edition's layout, which costs as much as the PDF itself; {@link #AUTO} pays
 * for it only when the same build writes the PDF edition anyway.
 */
public enum PrintPageNumbers {
    /** Carried when the build also writes the PDF edition (the default). */
    AUTO,
    /** Always carried: a build without the PDF edition lays the book out for them. */
    ALWAYS,
    /** Never carried. */
    NEVER;

    /** The value as written in book.yaml. */
    public String yaml() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The setting written {@code value} in book.yaml (case and surrounding blanks ignored), if it is one. */
    public static Optional<PrintPageNumbers> of(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (PrintPageNumbers p : values()) {
            if (p.yaml().equals(v)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
