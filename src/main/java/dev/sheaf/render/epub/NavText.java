package dev.sheaf.render.epub;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The escaped text of the nav document's and the NCX's entries, kept from one build of a session to the next by what
 * each is made from (a contents entry with its children, a page's href and label), so that a rebuild writes again
 * only the entries an edit changed. The 2,000-piece benchmark book has 16,000 print pages, each an entry of both
 * documents: writing them through {@link dev.sheaf.render.xhtml.Xml} again was a fifth of a quick step.
 *
 * <p>A text is a function of its key alone, so a build with kept texts writes what one without them writes. Only
 * what the latest build used is kept (bounded by one book's entries). One build uses an instance on one thread, and
 * hands it on when it has finished ({@link #after}).
 */
final class NavText {

    private final Map<Object, Object> before;
    private final Map<Object, Object> now = new HashMap<>();

    private NavText(Map<Object, Object> before) {
        this.before = before;
    }

    /** Nothing kept yet. */
    static NavText empty() {
        return new NavText(Map.of());
    }

    /**
     * For a build after {@code latest} (null: none), with the texts that build used; each build takes its own, since a
     * session's quick step may write its EPUB while a full build writes another.
     */
    static NavText after(NavText latest) {
        return latest == null ? empty() : new NavText(latest.now);
    }

    /** The text kept for {@code key}, else made by {@code make} (a function of {@code key} alone) and kept. */
    @SuppressWarnings("unchecked")
    <K, V> V get(K key, Function<K, V> make) {
        Object v = now.get(key);
        if (v == null) {
            v = before.get(key);
            if (v == null) {
                v = make.apply(key);
            }
            now.put(key, v);
        }
        return (V) v;
    }
}
