package dev.sheaf.cite;

import de.undercouch.citeproc.csl.CSLDateBuilder;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLItemDataBuilder;
import de.undercouch.citeproc.csl.CSLName;
import de.undercouch.citeproc.csl.CSLNameBuilder;
import de.undercouch.citeproc.csl.CSLType;
import dev.sheaf.model.PieceDate;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Sheaf's {@link Source}s as citeproc-java items. */
final class CslItems {

    private CslItems() { }

    static CSLItemData of(Source s) {
        CSLItemDataBuilder b = new CSLItemDataBuilder().id(s.id()).type(type(s.type())).title(s.fullTitle())
                .author(names(s.authors())).issued(date(s.issued()));
        if (s.containerTitle() != null) {
            b.containerTitle(s.containerTitle());
        }
        String publisher = s.pieceId() == null ? publisherBesides(s) : s.publisher();
        if (publisher != null) {
            b.publisher(publisher);
        }
        if (s.url() != null) {
            b.URL(s.url());
        }
        if (s.note() != null) {
            b.genre(s.note());
        }
        return b.build();
    }

    /**
     * The piece as a chapter of the anthology, for "Cite this piece". The anthology's authors are its
     * container-author only when they are not the piece's own: styles print them after the book's title ("In
     * Title, by A"), which for a piece in its author's own collection names the author again (Chicago's chapter in
     * a single-author book has no "by"; Zotero leaves the book author empty then).
     */
    static CSLItemData inAnthology(Source piece, Source anthology, String id) {
        CSLItemDataBuilder b = new CSLItemDataBuilder().id(id).type(CSLType.CHAPTER).title(piece.fullTitle())
                .author(names(piece.authors())).containerTitle(anthology.fullTitle()).issued(date(anthology.issued()));
        if (!anthology.authors().isEmpty() && !samePeople(piece.authors(), anthology.authors())) {
            b.containerAuthor(names(anthology.authors()));
        }
        String publisher = publisherBesides(anthology);
        if (publisher != null) {
            b.publisher(publisher);
        }
        return b.build();
    }

    /**
     * The anthology's publisher, or null when it is one of its authors: a book its author published is cited without
     * the name a third time (APA and Harvard leave the publisher out when it is the author; MLA leaves it out of
     * self-published works). The exports keep it: they hold what the book says.
     */
    static String publisherBesides(Source anthology) {
        String publisher = anthology.publisher();
        if (publisher == null || publisher.isBlank()) {
            return null;
        }
        String named = spoken(PersonName.parse(publisher));
        return anthology.authors().stream().map(CslItems::spoken).anyMatch(named::equals) ? null : publisher;
    }

    private static boolean samePeople(List<PersonName> a, List<PersonName> b) {
        return a.stream().map(CslItems::spoken).collect(Collectors.toSet())
                .equals(b.stream().map(CslItems::spoken).collect(Collectors.toSet()));
    }

    /** A name as said, without case: "Pantucci, Raffaello" and "Raffaello Pantucci" are one person. */
    private static String spoken(PersonName n) {
        String s = n.isLiteral() ? n.literal() : (n.given() == null ? "" : n.given() + " ") + n.family();
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static CSLName[] names(List<PersonName> names) {
        return names.stream().map(n -> n.isLiteral() ? new CSLNameBuilder().literal(n.literal()).build()
                : new CSLNameBuilder().family(n.family()).given(n.given()).build()).toArray(CSLName[]::new);
    }

    private static de.undercouch.citeproc.csl.CSLDate date(PieceDate d) {
        int[] parts = d.day() > 0 ? new int[] {d.year(), d.month(), d.day()}
                : d.month() > 0 ? new int[] {d.year(), d.month()} : new int[] {d.year()};
        return new CSLDateBuilder().dateParts(parts).circa(d.estimated() ? Boolean.TRUE : null).build();
    }

    private static CSLType type(String cslType) {
        return switch (cslType) {
            case "book" -> CSLType.BOOK;
            case "article-magazine" -> CSLType.ARTICLE_MAGAZINE;
            case "report" -> CSLType.REPORT;
            case "post-weblog" -> CSLType.POST_WEBLOG;
            case "webpage" -> CSLType.WEBPAGE;
            default -> CSLType.ARTICLE_NEWSPAPER;
        };
    }
}
