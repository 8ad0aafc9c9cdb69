package dev.sheaf.render.pdf;

import dev.sheaf.model.Block;
import dev.sheaf.model.Book;
import dev.sheaf.model.Inline;
import dev.sheaf.model.Piece;
import dev.sheaf.model.PieceMeta;
import dev.sheaf.model.Walk;

import dev.sheaf.render.Labels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The text the PDF prints, gathered per piece, to choose fonts (which fallback faces are needed) and to find characters
 * no font can show.
 *
 * @param byPiece  each piece's printed text: titles, front-matter text, body and notes
 * @param bookText the book's own text: title page, chapter titles and introductions, back matter
 */
record TextScan(Map<Piece, String> byPiece, String bookText) {

    static TextScan of(Book book) {
        Map<Piece, String> pieces = new LinkedHashMap<>();
        for (Piece p : book.pieces()) {
            StringBuilder sb = new StringBuilder();
            PieceMeta m = p.meta();
            for (String s : new String[] {m.title(), m.subtitle(), m.outlet(), m.type(), m.credit(), m.authorBio()}) {
                sb.append(Objects.toString(s, "")).append(' ');
            }
            sb.append(Walk.text(m.caption())).append(' ').append(Walk.text(p.citeAs())).append(' ');
            blocks(sb, m.note());
            blocks(sb, p.body());
            p.footnotes().forEach(n -> blocks(sb, n.content()));
            if (p.references() != null) {
                p.references().entries().forEach(e -> sb.append(Walk.text(e)).append(' '));
            }
            pieces.put(p, sb.toString());
        }
        StringBuilder book1 = new StringBuilder();
        var meta = book.meta();
        for (String s : new String[] {meta.title(), meta.subtitle(), meta.authorLine(), meta.publisher(),
                meta.rights(), meta.description()}) {
            book1.append(Objects.toString(s, "")).append(' ');
        }
        book.chapters().forEach(c -> {
            book1.append(c.title()).append(' ');
            blocks(book1, c.intro());
        });
        book.backMatter().forEach(l -> {
            book1.append(l.title()).append(' ');
            l.entries().forEach(e -> book1.append(Walk.text(e)).append(' '));
        });
        book1.append(Walk.text(book.citeAs()));
        // Handouts print their own titles and event lines with the book's faces.
        for (var h : meta.handouts()) {
            for (String s : new String[] {h.title(), h.event(), h.eventDate(), h.place()}) {
                book1.append(' ').append(Objects.toString(s, ""));
            }
        }
        return new TextScan(pieces, book1.toString());
    }

    /** Every text the PDF prints: the pieces, the book's own text and the labels around them. */
    List<String> all(Labels labels) {
        List<String> out = new ArrayList<>(byPiece.values());
        out.add(bookText);
        out.addAll(labels.all());
        return out;
    }

    private static void blocks(StringBuilder sb, List<Block> blocks) {
        Walk.inlines(blocks, i -> {
            if (i instanceof Inline.Text t) {
                sb.append(t.text());
            } else if (i instanceof Inline.Code c) {
                sb.append(c.text());
            } else if (i instanceof Inline.RawText r) {
                sb.append(r.text());
            } else if (i instanceof Inline.Image img && img.title() != null) {
                sb.append(img.title());
            }
            sb.append(' ');
        });
    }
}
