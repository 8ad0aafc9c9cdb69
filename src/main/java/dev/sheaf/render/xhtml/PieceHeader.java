package dev.sheaf.render.xhtml;

import dev.sheaf.model.BookMeta;
import dev.sheaf.model.Piece;
import dev.sheaf.model.PieceMeta;
import dev.sheaf.render.Labels;

import java.util.Locale;

/**
 * The parts of a piece every edition prints around its body: title block, the "First published in"
 * line, the author's headnote, the original illustration's caption, and the closing author line.
 */
public final class PieceHeader {

    private final Labels labels;
    private final Locale locale;
    private final boolean headnotes;
    private final ContentRenderer content;

    public PieceHeader(Labels labels, BookMeta book, ContentRenderer content) {
        this.labels = labels;
        this.locale = book.locale();
        this.headnotes = book.headnotes();
        this.content = content;
    }

    /** Title, subtitle, first-published line, headnote and caption, as a {@code header} element. */
    public void header(Xml x, Piece piece, String titleId) {
        PieceMeta m = piece.meta();
        x.open("header", "class", "piece-header").nl();
        if (m.type() != null) {
            x.element("p", capitalise(m.type()), "class", "kicker").nl();
        }
        x.element("h1", m.title(), "id", titleId, "class", "piece-title").nl();
        if (m.subtitle() != null) {
            x.element("p", m.subtitle(), "class", "subtitle").nl();
        }
        firstPublished(x, m);
        x.close("header").nl();
        if (headnotes && !m.note().isEmpty()) {
            x.open("div", "class", "headnote", "role", "note").nl();
            content.blocks(x, m.note());
            x.close("div").nl();
        }
        if (m.image() != null || !m.caption().isEmpty() || m.credit() != null) {
            illustration(x, m);
        }
    }

    /** "First published in The Spectator, 31 May 2021." with the outlet linked when its URL is known. */
    public void firstPublished(Xml x, PieceMeta m) {
        x.open("p", "class", "first-published");
        String date = m.date().display(locale);
        if (m.outlet() == null) {
            x.text(labels.get("published", date));
        } else {
            String key = "letter".equalsIgnoreCase(m.type()) ? "first.published.letter" : "first.published";
            String marker = "\u0000";
            String line = labels.get(key, marker, date);
            int at = line.indexOf(marker);
            x.text(line.substring(0, at));
            if (m.url() != null) {
                x.open("a", "href", m.url()).open("cite").text(m.outlet()).close("cite").close("a");
            } else {
                x.element("cite", m.outlet());
            }
            x.text(line.substring(at + marker.length()));
        }
        x.close("p").nl();
    }

    private void illustration(Xml x, PieceMeta m) {
        if (m.image() != null) {
            x.open("figure", "class", "lead-image");
            x.empty("img", "src", content.imageHref(m.image()), "alt", m.imageAlt() == null ? "" : m.imageAlt());
            x.open("figcaption");
        } else {
            x.open("p", "class", "caption");
            x.element("span", labels.get("original.illustration"), "class", "caption-label").text(" ");
        }
        content.inlines(x, m.caption());
        if (m.credit() != null) {
            if (!m.caption().isEmpty()) {
                x.text(" ");
            }
            x.element("span", m.credit(), "class", "credit");
        }
        x.close(m.image() != null ? "figcaption" : "p");
        if (m.image() != null) {
            x.close("figure");
        }
        x.nl();
    }

    /**
     * After the body, in reading order: the author's bio line, the notes, the works the piece cites
     * (when listed per piece) and the suggested citation of the piece in the anthology.
     */
    public void footer(Xml x, Piece piece) {
        PieceMeta m = piece.meta();
        if (m.authorBio() != null) {
            x.element("p", m.authorBio(), "class", "author-bio").nl();
        }
        content.notes(x, piece.footnotes(), labels.get("notes"));
        if (piece.references() != null && !piece.references().isEmpty()) {
            content.referenceList(x, piece.references(), "h2", labels.get(piece.references().slug()));
        }
        if (!piece.citeAs().isEmpty()) {
            x.open("p", "class", "cite-as");
            x.element("span", labels.get("cite.this"), "class", "cite-as-label").text(" ");
            content.inlines(x, piece.citeAs());
            x.close("p").nl();
        }
    }

    private String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(locale) + s.substring(1);
    }
}
