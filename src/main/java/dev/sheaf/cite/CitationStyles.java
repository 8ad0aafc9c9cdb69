package dev.sheaf.cite;

import de.undercouch.citeproc.CSL;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.SourceRef;
import dev.sheaf.read.FieldNames;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a CSL style: an id from the bundled style repository ({@code apa},
 * {@code chicago-author-date}, {@code modern-language-association}, …) or a {@code .csl} file in the
 * book folder. Returns the style's XML.
 */
final class CitationStyles {

    private CitationStyles() { }

    /**
     * A loaded style.
     *
     * @param argument what citeproc-java takes: the style's id, or its XML for a file
     * @param note     whether citations are notes (then they become footnotes)
     */
    record Style(String argument, boolean note) {

        /**
         * Whether citeproc-java is known to read this style without error, so that a check need not read it: one
         * of the styles that come with it (an id, not a book's XML), other than the few it cannot read.
         */
        boolean knownReadable() {
            return argument.matches("[a-z0-9-]+") && !UNREADABLE.contains(argument);
        }
    }

    /**
     * The bundled styles that citeproc-java 3.4.0 cannot read: reading each of the 10,833 it comes with, this one
     * failed ("Duplicate name part name: given"). {@code BundledStylesTest} checks the list (all of them with
     * {@code -Dsheaf.allStyles=true}, after an upgrade of citeproc-java).
     */
    static final Set<String> UNREADABLE = Set.of("university-of-bucharest-faculty-of-law");

    static Optional<Style> load(String style, Path root, SourceRef where, Diagnostics diags) {
        if (style.endsWith(".csl")) {
            Path p = root.resolve(style).normalize();
            if (!p.startsWith(root) || !Files.isRegularFile(p)) {
                diags.reportWithHint(MessageId.CIT_003, where, "the file must exist inside the book folder", style);
                return Optional.empty();
            }
            return StyleFiles.load(p, root.relativize(p), diags);
        }
        if (!style.matches("[a-z0-9-]+") || !CSL.supportsStyle(style)) {
            diags.reportWithHint(MessageId.CIT_003, where, suggestion(style), style);
            return Optional.empty();
        }
        try (InputStream in = CSL.class.getResourceAsStream("/" + style + ".csl")) {
            boolean note = in != null && isNoteStyle(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return Optional.of(new Style(style, note));
        } catch (IOException e) {
            return Optional.of(new Style(style, false));
        }
    }

    /** True for note styles (Chicago notes, OSCOLA…), whose citations become footnotes. */
    static boolean isNoteStyle(String xml) {
        int start = xml.indexOf("<style");
        int end = xml.indexOf('>', start);
        return start >= 0 && end > start && xml.substring(start, end).contains("class=\"note\"")
                || xml.contains("citation-format=\"note\"");
    }

    private static String suggestion(String style) {
        try {
            Set<String> known = CSL.getSupportedStyles();
            String nearest = known.stream()
                    .min(Comparator.comparingInt((String k) -> distance(k, style)).thenComparing(k -> k))
                    .orElse("chicago-author-date");
            return "did you mean \"" + nearest + "\"? Use a style id from the CSL style repository or a .csl file";
        } catch (IOException e) {
            return "use a style id such as apa or chicago-author-date, or a .csl file";
        }
    }

    /** Edit distance, with a style id that extends the other (apa vs apa-6th-edition) counted as close. */
    private static int distance(String a, String b) {
        if (a.startsWith(b) || b.startsWith(a)) {
            return Math.abs(a.length() - b.length()) / 4;
        }
        return FieldNames.distance(a, b);
    }
}
