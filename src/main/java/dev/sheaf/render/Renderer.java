package dev.sheaf.render;

import dev.sheaf.buildcache.BuildCache;
import dev.sheaf.model.Book;

import java.io.IOException;

/**
 * One output format. Implementations read only the book model and write only through the sink; they
 * report content problems to {@link RenderContext#diagnostics()} and throw only for I/O failures.
 */
public interface Renderer {

    /** The format id users name on the command line, e.g. {@code epub}. */
    String id();

    /** One line for {@code --help}. */
    String description();

    void render(Book book, RenderContext context, OutputSink out) throws IOException;

    /**
     * Whether the format is laid out in pages, which takes many seconds for a large book: the quick step of a
     * rebuild ({@code --watch}, {@code serve}) writes the other formats first.
     */
    default boolean laidOutForPrint() {
        return false;
    }

    /**
     * Whether the quick step of a rebuild writes this format: those an author looks at while writing (the EPUB,
     * the site), not those laid out for print, which follow in the full build.
     */
    default boolean inQuickStep() {
        return !laidOutForPrint();
    }

    /**
     * Whether the format needs nothing the build's other formats leave behind (the print layouts, the files they
     * wrote), so that it can be made on a thread of its own while they are made. Flying Saucer lays out on one
     * thread: a second printed product beside the PDF edition keeps the second core busy. Such a format must
     * keep its own state to itself (its own fonts and layouts) and write only through its sink.
     */
    default boolean runsBeside() {
        return false;
    }

    /**
     * Whether the format reads what the formats made before it wrote ({@link OutputSink#written()}): it is made
     * only when every one of them is done, those made beside the others included.
     */
    default boolean readsOutput() {
        return false;
    }

    /**
     * Whether the format shows the book's cover as a picture ({@code render.cover.Covers#raster}): a build begins
     * drawing an SVG cover while it reads the pieces when one of its formats does.
     */
    default boolean showsCover() {
        return false;
    }

    /**
     * Begins, on threads of its own, work that needs only book.yaml and the fonts ({@code preview} has no pieces),
     * for {@link #render} to take from {@code cache} with {@link BuildCache#once}: a single build calls it while it
     * reads the pieces, which on a small book is most of the time before any format is made. Nothing may be written
     * or reported from here; what fails is made again, or reported, when the format asks for it.
     */
    default void begin(Book preview, BuildCache cache) {
    }
}
