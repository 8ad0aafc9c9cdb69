package dev.sheaf.render;

import dev.sheaf.buildcache.BuildCache;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.model.Book;
import dev.sheaf.read.Slugs;
import dev.sheaf.render.pagelist.PrintLayouts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * What every renderer needs besides the book: where to report problems, the words to print, the
 * base name of the edition files, the one timestamp every output carries, and what else the build makes.
 *
 * @param timestamp fixed time written into archives and metadata (never the clock), so rebuilds
 *                  give the same bytes
 * @param formats   the ids of the formats the build makes (empty: every format), so that an edition can depend on
 *                  another one being made (the EPUB carries the PDF edition's page numbers when the PDF is made)
 * @param quickStep whether this is the quick step of a build: the editions that need no print layout, written
 *                  before the print editions of the same build are laid out ({@code formats} names them all); they
 *                  take the print edition's page numbers from the latest layout in {@code layouts}
 * @param layouts   the print layouts of this build (or of the session of builds), for the other editions
 * @param cache     what earlier builds into the same output folder made, and where an edition says what it
 *                  reused; {@link BuildCache#disabled()} when there is no cache
 */
public record RenderContext(Diagnostics diagnostics, Labels labels, String baseName, Instant timestamp,
                            Set<String> formats, boolean quickStep, PrintLayouts layouts, BuildCache cache) {

    public RenderContext {
        formats = Set.copyOf(formats);
        layouts = layouts == null ? PrintLayouts.ofBuild() : layouts;
        cache = cache == null ? BuildCache.disabled() : cache;
    }

    /** A context without a build cache. */
    public RenderContext(Diagnostics diagnostics, Labels labels, String baseName, Instant timestamp,
                         Set<String> formats, boolean quickStep, PrintLayouts layouts) {
        this(diagnostics, labels, baseName, timestamp, formats, quickStep, layouts, BuildCache.disabled());
    }

    /** The context of a build of every format, in one step. */
    public RenderContext(Diagnostics diagnostics, Labels labels, String baseName, Instant timestamp) {
        this(diagnostics, labels, baseName, timestamp, Set.of(), false, PrintLayouts.ofBuild());
    }

    /** The defaults for {@code book}: labels in its language, timestamp at its date, name from its title. */
    public static RenderContext of(Book book, Diagnostics diagnostics, Instant timestampOverride) {
        Instant ts = timestampOverride != null ? timestampOverride
                : book.meta().date().atStartOfDay().toInstant(ZoneOffset.UTC);
        return new RenderContext(diagnostics, new Labels(book.meta().locale()), baseName(book.meta().title()), ts);
    }

    /** Whether the build makes format {@code id} (in this step or, for a quick step, after it). */
    public boolean builds(String id) {
        return formats.isEmpty() || formats.contains(id);
    }

    /** The same context for a build of {@code ids}, in one step or as the quick step, with {@code memory}. */
    public RenderContext forBuild(Set<String> ids, boolean quick, PrintLayouts memory) {
        return new RenderContext(diagnostics, labels, baseName, timestamp, ids, quick, memory, cache);
    }

    /** The same context reporting to {@code diags}. */
    public RenderContext reportingTo(Diagnostics diags) {
        return new RenderContext(diags, labels, baseName, timestamp, formats, quickStep, layouts, cache);
    }

    /** The same context with {@code buildCache}. */
    public RenderContext withCache(BuildCache buildCache) {
        return new RenderContext(diagnostics, labels, baseName, timestamp, formats, quickStep, layouts, buildCache);
    }

    /** File name for the editions: the title up to its first colon, as a slug ("between-empires"). */
    static String baseName(String title) {
        int colon = title.indexOf(':');
        String shortTitle = colon > 0 ? title.substring(0, colon) : title;
        return Slugs.slug(shortTitle, "book");
    }
}
