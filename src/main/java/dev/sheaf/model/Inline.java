package dev.sheaf.model;

import java.util.List;

/** Inline content of a paragraph, heading or table cell. Text is plain Unicode, never escaped markup. */
public sealed interface Inline {

    record Text(String text) implements Inline { }

    record Emphasis(List<Inline> children) implements Inline { }

    record Strong(List<Inline> children) implements Inline { }

    record Strikethrough(List<Inline> children) implements Inline { }

    record Code(String text) implements Inline { }

    /** A link as written; {@code where} is its place in the source when known (for messages about it), else null. */
    record Link(String url, String title, List<Inline> children, SourceRef where) implements Inline {
        public Link(String url, String title, List<Inline> children) {
            this(url, title, children, null);
        }
    }

    /** An image; {@code src} is the path as written, {@code resolved} the book-relative resource path. */
    record Image(String src, String resolved, String alt, String title) implements Inline { }

    /**
     * A reference to footnote {@code number} (1-based, in order of first reference within the piece);
     * {@code occurrence} counts references to the same note (1 for the first), so each gets its own id.
     */
    record NoteRef(String label, int number, int occurrence) implements Inline {
        public NoteRef(String label, int number) {
            this(label, number, 1);
        }
    }

    /**
     * A link to a piece of this book (its top when {@code fragment} is null, else the element with that id in
     * the piece as every edition writes it: a heading's id, {@code fn-3}…). Each edition turns it into its own
     * href; {@code dev.sheaf.links.LinkResolver} makes these from links to sources, pages and site paths.
     */
    record PieceLink(String pieceId, String fragment, String title, List<Inline> children) implements Inline { }

    record LineBreak() implements Inline { }

    record SoftBreak() implements Inline { }

    /**
     * A citation as written ({@code [@key, p. 4]}, {@code [-@key]}, {@code @key}); the citation
     * processor replaces it with formatted text or a note before any renderer sees it.
     */
    record Citation(List<Cite> cites, SourceRef where) implements Inline { }

    /** One cited work inside a {@link Citation}. */
    record Cite(String key, String prefix, String suffix, CiteMode mode) { }

    enum CiteMode { NORMAL, SUPPRESS_AUTHOR, AUTHOR_IN_TEXT }

    /**
     * Where a mention of an index entry begins: an empty anchor with a book-wide unique {@code id}, placed by
     * the index processor just before the mentioned words so that every edition can point at that place.
     */
    record IndexMark(String id) implements Inline { }

    /** Raw HTML kept only as text: it is shown, never interpreted. */
    record RawText(String text) implements Inline { }
}
