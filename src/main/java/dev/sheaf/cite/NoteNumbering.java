package dev.sheaf.cite;

import dev.sheaf.model.Block;
import dev.sheaf.model.Footnote;
import dev.sheaf.model.Inline;
import dev.sheaf.model.Piece;
import dev.sheaf.model.Walk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Numbers a piece's notes 1, 2, 3… in the order their references appear in the text. */
final class NoteNumbering {

    private NoteNumbering() { }

    static Piece renumber(Piece p) {
        Map<Integer, Integer> newNumbers = new HashMap<>();
        Walk.inlines(p.body(), i -> {
            if (i instanceof Inline.NoteRef r) {
                newNumbers.putIfAbsent(r.number(), newNumbers.size() + 1);
            }
        });
        for (Footnote n : p.footnotes()) {
            newNumbers.putIfAbsent(n.number(), newNumbers.size() + 1);
        }
        List<Block> body = Walk.mapInlines(p.body(), i -> i instanceof Inline.NoteRef r
                ? List.of(new Inline.NoteRef(r.label(), newNumbers.get(r.number()))) : List.of(i));
        List<Footnote> notes = new ArrayList<>();
        for (Footnote n : p.footnotes()) {
            notes.add(new Footnote(newNumbers.get(n.number()), n.label(), n.content()));
        }
        notes.sort((a, b) -> Integer.compare(a.number(), b.number()));
        return new Piece(p.id(), p.slug(), p.source(), p.meta(), body, List.copyOf(notes), p.citeAs(), p.references());
    }
}
