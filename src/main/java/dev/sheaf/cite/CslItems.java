package dev.sheaf.cite;

import de.undercouch.citeproc.csl.CSLDateBuilder;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLItemDataBuilder;
import de.undercouch.citeproc.csl.CSLName;
import de.undercouch.citeproc.csl.CSLNameBuilder;
import de.undercouch.citeproc.csl.CSLType;
import dev.sheaf.model.PieceDate;

import java.util.List;

/** Sheaf's {@link Source}s as citeproc-java items. */
final class CslItems {

    private CslItems() { }

    static CSLItemData of(Source s) {
        CSLItemDataBuilder b = new CSLItemDataBuilder().id(s.id()).type(type(s.type())).title(s.fullTitle())
                .author(names(s.authors())).issued(date(s.issued()));
        if (s.containerTitle() != null) {
            b.containerTitle(s.containerTitle());
        }
        if (s.publisher() != null) {
            b.publisher(s.publisher());
        }
        if (s.url() != null) {
            b.URL(s.url());
        }
        if (s.note() != null) {
            b.genre(s.note());
        }
        return b.build();
    }

    /** The piece as a chapter of the anthology, for "Cite this piece". */
    static CSLItemData inAnthology(Source piece, Source anthology, String id) {
        CSLItemDataBuilder b = new CSLItemDataBuilder().id(id).type(CSLType.CHAPTER).title(piece.fullTitle())
                .author(names(piece.authors())).containerTitle(anthology.fullTitle())
                .containerAuthor(names(anthology.authors())).issued(date(anthology.issued()));
        if (anthology.publisher() != null) {
            b.publisher(anthology.publisher());
        }
        return b.build();
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
