package dev.sheaf.cite;

import de.undercouch.citeproc.csl.CSLCitationItem;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.Block;
import dev.sheaf.model.Footnote;
import dev.sheaf.model.Inline;
import dev.sheaf.model.Piece;
import dev.sheaf.model.ReferenceList;
import dev.sheaf.model.Walk;
import dev.sheaf.read.FieldNames;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Formats the citations written inside one piece. Author-date styles put the citation in the text;
 * note styles turn it into a footnote, and the piece's notes are renumbered in reading order.
 */
final class InlineCitations {

    private final CitationFormatter engine;
    private final boolean noteStyle;
    private final Set<String> keys;
    private final Diagnostics diags;

    InlineCitations(CitationFormatter engine, boolean noteStyle, Set<String> keys, Diagnostics diags) {
        this.engine = engine;
        this.noteStyle = noteStyle;
        this.keys = keys;
        this.diags = diags;
    }

    /**
     * @param listPerPiece whether the piece lists the works it cites
     * @param citedInBook  collects every key cited anywhere, for a book-level list
     */
    Piece process(Piece piece, boolean listPerPiece, Set<String> citedInBook) {
        if (!hasCitations(piece)) {
            return piece;
        }
        engine.reset();
        Set<String> cited = new LinkedHashSet<>();
        List<Footnote> notes = new ArrayList<>(piece.footnotes());
        // Citation notes get provisional numbers after the author's notes; renumbering fixes the order.
        int[] next = {1000000};
        List<Block> body = Walk.mapInlines(piece.body(), i -> i instanceof Inline.Citation c
                ? replace(c, cited, notes, next) : List.of(i));
        List<Footnote> withCitations = new ArrayList<>();
        for (Footnote n : notes) {
            withCitations.add(new Footnote(n.number(), n.label(), Walk.mapInlines(n.content(),
                    i -> i instanceof Inline.Citation c ? inText(c, cited) : List.of(i))));
        }
        Piece out = NoteNumbering.renumber(new Piece(piece.id(), piece.slug(), piece.source(), piece.meta(), body,
                List.copyOf(withCitations), piece.citeAs(), piece.references()));
        citedInBook.addAll(cited);
        if (listPerPiece && !cited.isEmpty()) {
            List<List<Inline>> entries = List.copyOf(engine.bibliography(cited).values());
            out = new Piece(out.id(), out.slug(), out.source(), out.meta(), out.body(), out.footnotes(),
                    out.citeAs(), new ReferenceList("references", null, entries));
        }
        return out;
    }

    private List<Inline> replace(Inline.Citation c, Set<String> cited, List<Footnote> notes, int[] next) {
        if (!noteStyle) {
            return inText(c, cited);
        }
        List<Inline.Cite> known = known(c);
        if (known == null) {
            return restore(c);
        }
        known.forEach(k -> cited.add(k.key()));
        List<Inline> lead = new ArrayList<>();
        if (known.get(0).mode() == Inline.CiteMode.AUTHOR_IN_TEXT) {
            lead.add(new Inline.Text(engine.authors(known.get(0).key())));
        }
        List<Inline> text = engine.cite(CitationProcessor.citation(items(known)));
        int number = next[0]++;
        notes.add(new Footnote(number, "cite-" + number, List.of(new Block.Paragraph(text))));
        lead.add(new Inline.NoteRef("cite-" + number, number));
        return lead;
    }

    /** The citation formatted in the text: "(Rachman 2021, 4)" or, narrative, "Rachman (2021)". */
    private List<Inline> inText(Inline.Citation c, Set<String> cited) {
        List<Inline.Cite> known = known(c);
        if (known == null) {
            return restore(c);
        }
        known.forEach(k -> cited.add(k.key()));
        List<Inline> formatted = engine.cite(CitationProcessor.citation(items(known)));
        Inline.CiteMode mode = known.size() == 1 ? known.get(0).mode() : Inline.CiteMode.NORMAL;
        if (mode == Inline.CiteMode.NORMAL) {
            return formatted;
        }
        // citeproc-java ignores author-only and suppress-author, so the author is cut out here.
        String key = known.get(0).key();
        Optional<String> withoutAuthor = AuthorDate.withoutAuthor(Walk.text(formatted), engine.year(key));
        if (withoutAuthor.isEmpty()) {
            return formatted;
        }
        String text = mode == Inline.CiteMode.AUTHOR_IN_TEXT
                ? engine.authors(key) + " " + withoutAuthor.get() : withoutAuthor.get();
        return List.of(new Inline.Text(text));
    }

    private List<CSLCitationItem> items(List<Inline.Cite> cites) {
        return cites.stream().map(k -> CitationProcessor.item(k, false, false)).toList();
    }

    /**
     * The cites whose keys are known, or null when the citation cannot be formatted: an unknown key in
     * brackets is an error; an unknown narrative "@name" is just text (a handle, not a citation).
     */
    private List<Inline.Cite> known(Inline.Citation c) {
        boolean ok = true;
        for (Inline.Cite k : c.cites()) {
            if (!keys.contains(k.key())) {
                if (k.mode() != Inline.CiteMode.AUTHOR_IN_TEXT) {
                    diags.report(MessageId.CIT_001, c.where(), k.key(), nearest(k.key()));
                }
                ok = false;
            }
        }
        return ok ? c.cites() : null;
    }

    private static List<Inline> restore(Inline.Citation c) {
        if (c.cites().size() == 1 && c.cites().get(0).mode() == Inline.CiteMode.AUTHOR_IN_TEXT) {
            return List.of(new Inline.Text("@" + c.cites().get(0).key()));
        }
        StringBuilder sb = new StringBuilder("[");
        for (Inline.Cite k : c.cites()) {
            sb.append(sb.length() > 1 ? "; " : "").append(k.prefix().isEmpty() ? "" : k.prefix() + " ")
                    .append(k.mode() == Inline.CiteMode.SUPPRESS_AUTHOR ? "-@" : "@").append(k.key())
                    .append(k.suffix().isEmpty() ? "" : ", " + k.suffix());
        }
        return List.of(new Inline.Text(sb.append(']').toString()));
    }

    private String nearest(String key) {
        int allowed = Math.max(2, key.length() / 3);
        List<String> near = keys.stream().filter(k -> FieldNames.distance(k, key) <= allowed)
                .sorted(Comparator.comparingInt((String k) -> FieldNames.distance(k, key)).thenComparing(k -> k))
                .limit(3).toList();
        return near.isEmpty() ? "no known key is close; keys come from the bibliography files named in book.yaml"
                : "did you mean " + String.join(", ", near) + "?";
    }

    private static boolean hasCitations(Piece p) {
        boolean[] found = {false};
        Walk.inlines(p.body(), i -> found[0] |= i instanceof Inline.Citation);
        p.footnotes().forEach(n -> Walk.inlines(n.content(), i -> found[0] |= i instanceof Inline.Citation));
        return found[0];
    }
}
