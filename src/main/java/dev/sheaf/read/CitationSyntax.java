package dev.sheaf.read;

import dev.sheaf.model.Inline;
import dev.sheaf.model.SourceRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pandoc's citation syntax: {@code [@key]}, {@code [see @key, p. 4]}, {@code [-@key]},
 * {@code [@a; @b]} and narrative {@code @key}. Keys start with a letter, digit or underscore; inner
 * punctuation is allowed when followed by a letter or digit, so "@key." ends before the full stop.
 */
final class CitationSyntax {

    static final String KEY = "[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_]|[:.#$%&\\-+?<>~/](?=[\\p{L}\\p{N}_]))*";
    private static final Pattern CITE = Pattern.compile("(-?)@(" + KEY + ")");
    private static final Pattern NARRATIVE = Pattern.compile("(?<![\\p{L}\\p{N}_@.])@(" + KEY + ")");

    private CitationSyntax() { }

    /** {@code inner} is the text between the brackets; empty when it is not a citation. */
    static Optional<Inline.Citation> bracketed(String inner, SourceRef where) {
        if (inner.indexOf('@') < 0) {
            return Optional.empty();
        }
        List<Inline.Cite> cites = new ArrayList<>();
        for (String part : inner.split(";")) {
            Matcher m = CITE.matcher(part);
            if (!m.find()) {
                return Optional.empty();
            }
            String prefix = part.substring(0, m.start()).strip();
            String suffix = part.substring(m.end()).strip();
            if (suffix.startsWith(",")) {
                suffix = suffix.substring(1).strip();
            }
            Inline.CiteMode mode = m.group(1).isEmpty() ? Inline.CiteMode.NORMAL : Inline.CiteMode.SUPPRESS_AUTHOR;
            cites.add(new Inline.Cite(m.group(2), prefix, suffix, mode));
        }
        return Optional.of(new Inline.Citation(List.copyOf(cites), where));
    }

    /** Splits plain text around narrative citations; returns the text unchanged when there are none. */
    static List<Inline> narrative(String text, SourceRef where) {
        if (text.indexOf('@') < 0) {
            return List.of(new Inline.Text(text));
        }
        Matcher m = NARRATIVE.matcher(text);
        List<Inline> out = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                out.add(new Inline.Text(text.substring(last, m.start())));
            }
            out.add(new Inline.Citation(List.of(new Inline.Cite(m.group(1), "", "", Inline.CiteMode.AUTHOR_IN_TEXT)),
                    where.at(where.line(), where.column() + m.start())));
            last = m.end();
        }
        if (last < text.length()) {
            out.add(new Inline.Text(text.substring(last)));
        }
        return out;
    }
}
