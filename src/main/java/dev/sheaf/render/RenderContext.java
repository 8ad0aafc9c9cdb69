package dev.sheaf.render;

import dev.sheaf.buildcache.BuildCache;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.model.Book;
import dev.sheaf.read.Slugs;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * What every renderer needs besides the book: where to report problems, the words to print, the
 * base name of the edition files and the one timestamp every output carries.
 *
 * @param timestamp fixed time written into archives and metadata (never the clock), so rebuilds
 *                  give the same bytes
 * @param cache     what earlier builds into the same output folder made, and where an edition says what it
 *                  reused; {@link BuildCache#disabled()} when there is no cache
 */
public record RenderContext(Diagnostics diagnostics, Labels labels, String baseName, Instant timestamp,
                            BuildCache cache) {

    /** A context without a build cache. */
    public RenderContext(Diagnostics diagnostics, Labels labels, String baseName, Instant timestamp) {
        this(diagnostics, labels, baseName, timestamp, BuildCache.disabled());
    }

    /** The same context with {@code buildCache}. */
    public RenderContext withCache(BuildCache buildCache) {
        return new RenderContext(diagnostics, labels, baseName, timestamp, buildCache);
    }

    /** The defaults for {@code book}: labels in its language, timestamp at its date, name from its title. */
    public static RenderContext of(Book book, Diagnostics diagnostics, Instant timestampOverride) {
        Instant ts = timestampOverride != null ? timestampOverride
                : book.meta().date().atStartOfDay().toInstant(ZoneOffset.UTC);
        return new RenderContext(diagnostics, new Labels(book.meta().locale()), baseName(book.meta().title()), ts);
    }

    /** File name for the editions: the title up to its first colon, as a slug ("between-empires"). */
    static String baseName(String title) {
        int colon = title.indexOf(':');
        String shortTitle = colon > 0 ? title.substring(0, colon) : title;
        return Slugs.slug(shortTitle, "book");
    }
}
