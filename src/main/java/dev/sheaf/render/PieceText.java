package dev.sheaf.render;

import dev.sheaf.model.Block;
import dev.sheaf.model.Footnote;
import dev.sheaf.model.Piece;
import dev.sheaf.model.PieceMeta;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a renderer finds in each piece's text (its body, notes and front matter), kept from one build of a session to
 * the next: a piece whose body and notes are the very lists of the previous build (a session hands on the same
 * objects for an unchanged file) and whose front matter is equal gives what was found then; any other is looked at
 * again. So a walk of the whole book's text on every rebuild (the images of 2,000 pieces, for instance) becomes a walk
 * of the pieces an edit changed, and finds what a walk of all finds.
 *
 * <p>Only what the latest build found is kept. A build takes its own ({@link #after}) and uses it on one thread.
 *
 * @param <V> what is found in one piece: a function of its body, notes and front matter alone
 */
public final class PieceText<V> {

    private record Found<V>(List<Block> body, List<Footnote> footnotes, PieceMeta meta, V value) { }

    private final Map<String, Found<V>> before;
    private final Map<String, Found<V>> now = new HashMap<>();

    private PieceText(Map<String, Found<V>> before) {
        this.before = before;
    }

    /** For a build after {@code latest} (null: none, or a build that keeps nothing), with what that build found. */
    public static <V> PieceText<V> after(PieceText<V> latest) {
        return new PieceText<>(latest == null ? Map.of() : latest.now);
    }

    /** What {@code find} finds in {@code p}: as the previous build found it when {@code p}'s text is the same. */
    public V in(Piece p, Function<Piece, V> find) {
        Found<V> f = before.get(p.id());
        if (f == null || f.body() != p.body() || f.footnotes() != p.footnotes() || !f.meta().equals(p.meta())) {
            f = new Found<>(p.body(), p.footnotes(), p.meta(), find.apply(p));
        }
        now.put(p.id(), f);
        return f.value();
    }
}
