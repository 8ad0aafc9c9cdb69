package dev.sheaf.render.handout;

import dev.sheaf.cite.Source;
import dev.sheaf.cite.SourceCatalog;
import dev.sheaf.model.Book;
import dev.sheaf.model.Inline;
import dev.sheaf.model.Piece;
import dev.sheaf.model.PieceMeta;
import dev.sheaf.model.ReferenceList;
import dev.sheaf.model.Walk;
import dev.sheaf.render.Labels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each piece first appeared, for a handout's last page: the piece's entry in the book's sources list,
 * in the book's citation style, or, when the book has no such list (citations switched off or failed), a
 * line made from the piece's own front matter: "Title. First published in Outlet, date."
 *
 * <p>The book keeps its sources list as formatted entries only, in the style's order. Entries are matched
 * to pieces the way the citation engine itself matches citeproc's entries to items: by the piece's title
 * (letters and digits, lower case), which every style prints, longest title first so that a title contained
 * in another cannot take its entry.
 */
final class HandoutSources {

    private final Map<String, List<Inline>> byPiece;
    private final Labels labels;
    private final Locale locale;

    private HandoutSources(Map<String, List<Inline>> byPiece, Labels labels, Locale locale) {
        this.byPiece = byPiece;
        this.labels = labels;
        this.locale = locale;
    }

    static HandoutSources of(Book book, Labels labels) {
        List<List<Inline>> entries = book.backMatter().stream().filter(l -> "sources".equals(l.slug()))
                .findFirst().map(ReferenceList::entries).orElse(List.of());
        String[] plain = entries.stream().map(e -> letters(Walk.text(e))).toArray(String[]::new);
        boolean[] taken = new boolean[entries.size()];
        List<Source> sources = new ArrayList<>(SourceCatalog.of(book).pieces());
        sources.sort(Comparator.comparingInt((Source s) -> -letters(s.title()).length()));
        Map<String, List<Inline>> byPiece = new HashMap<>();
        for (Source s : sources) {
            String title = letters(s.title());
            for (int i = 0; i < plain.length && !title.isEmpty(); i++) {
                if (!taken[i] && plain[i].contains(title)) {
                    taken[i] = true;
                    byPiece.put(s.pieceId(), entries.get(i));
                    break;
                }
            }
        }
        return new HandoutSources(byPiece, labels, book.meta().locale());
    }

    /** The source entry of each piece, in the order given. */
    List<List<Inline>> entries(List<Piece> pieces) {
        return pieces.stream().map(this::entry).toList();
    }

    List<Inline> entry(Piece p) {
        List<Inline> formatted = byPiece.get(p.id());
        return formatted != null ? formatted : firstPublished(p.meta());
    }

    /** "Title. First published in <em>Outlet</em>, 7 January 2022. https://…" with the labels the pieces use. */
    List<Inline> firstPublished(PieceMeta m) {
        List<Inline> out = new ArrayList<>();
        String title = m.title().strip();
        out.add(new Inline.Text(title + (title.matches(".*[.?!…]$") ? " " : ". ")));
        String date = m.date().display(locale);
        if (m.outlet() == null) {
            out.add(new Inline.Text(labels.get("published", date)));
        } else {
            String key = "letter".equalsIgnoreCase(m.type()) ? "first.published.letter" : "first.published";
            String marker = "\u0000";
            String line = labels.get(key, marker, date);
            int at = line.indexOf(marker);
            out.add(new Inline.Text(line.substring(0, at)));
            out.add(new Inline.Emphasis(List.of(new Inline.Text(m.outlet()))));
            out.add(new Inline.Text(line.substring(at + marker.length())));
        }
        if (m.url() != null) {
            out.add(new Inline.Text(" "));
            out.add(new Inline.Link(m.url(), null, List.of(new Inline.Text(m.url()))));
        }
        return out;
    }

    static String letters(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
