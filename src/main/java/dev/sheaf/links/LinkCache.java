package dev.sheaf.links;

import dev.sheaf.model.Block;
import dev.sheaf.model.Footnote;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ids each piece carries ({@link LinkTargets}: headings, notes, note references), kept from one build of a
 * session to the next ({@code sheaf serve}, {@code build --watch}). Collecting them walks all of a piece's text, so for
 * a book of 2,000 pieces every rebuild walked the whole book (a tenth of the quick step's CPU time) to find what one
 * edit could change. They depend only on the piece's body and notes: a piece whose body and notes are the very lists
 * the previous build had (the session's piece cache hands back the same objects for an unchanged file) takes the ids
 * found then; any other piece is walked again. So a build with the cache finds exactly what one without it finds.
 */
public final class LinkCache {

    /**
     * What one piece carries, with the lists it was found in; {@code links}: whether its body or notes hold a link at
     * all (a piece without is left as it is by link resolution, which then need not walk it).
     */
    record Found(List<Block> body, List<Footnote> footnotes, Set<String> ids, Map<String, String> aliases,
                 boolean links) { }

    /**
     * What a piece's source file and slug give: the key it is found by from a path ({@code sourceKey}), the names a
     * site or file name can give it, and the folder its relative links start from. Made with regular expressions
     * (extensions, date prefixes), once for each file of a session rather than for all 2,000 pieces of a large book
     * on every build.
     */
    record Named(java.nio.file.Path file, String slug, String sourceKey, Set<String> names, java.nio.file.Path dir) { }

    private final boolean enabled;
    /** The latest build's, by piece id; replaced as a whole by each build, so nothing of deleted pieces stays. */
    private volatile Map<String, Found> last = Map.of();
    /** The latest build's names of each piece, by piece id; replaced as a whole like {@link #last}. */
    private volatile Map<String, Named> lastNames = Map.of();
    /** How many pieces the latest build took from the one before. */
    private volatile int reused;

    private LinkCache(boolean enabled) {
        this.enabled = enabled;
    }

    /** Keeps nothing: every build walks every piece. */
    public static LinkCache none() {
        return new LinkCache(false);
    }

    /** For a session's builds. */
    public static LinkCache create() {
        return new LinkCache(true);
    }

    /** What the latest build found in piece {@code id} when its body and notes are {@code body} and {@code notes}. */
    Found reusable(String id, List<Block> body, List<Footnote> notes) {
        Found f = enabled ? last.get(id) : null;
        return f != null && f.body() == body && f.footnotes() == notes ? f : null;
    }

    /** The names the latest build gave piece {@code id} when its file and slug were {@code file} and {@code slug}. */
    Named reusableNames(String id, java.nio.file.Path file, String slug) {
        Named n = enabled ? lastNames.get(id) : null;
        return n != null && n.file().equals(file) && n.slug().equals(slug) ? n : null;
    }

    /** What this build found, for the next one; {@code reusedNow} of its pieces were taken from the one before. */
    void keep(Map<String, Found> found, int reusedNow) {
        if (enabled) {
            last = Map.copyOf(found);
            reused = reusedNow;
        }
    }

    /** The names this build gave each piece, for the next one (a map no one changes any more). */
    void keepNames(Map<String, Named> names) {
        if (enabled) {
            lastNames = names;
        }
    }

    /** How many pieces' ids the latest build took from the one before (for tests). */
    int reusedInLastBuild() {
        return reused;
    }
}
