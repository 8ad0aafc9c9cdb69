package dev.sheaf.cite;

import dev.sheaf.model.Book;
import dev.sheaf.model.BookMeta;
import dev.sheaf.model.Piece;
import dev.sheaf.model.PieceDate;
import dev.sheaf.read.Slugs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The citable works of a book: the anthology first, then every piece where it first appeared, in
 * reading order, each with a stable, unique citation key.
 */
public final class SourceCatalog {

    private final Source anthology;
    private final Map<String, Source> byPiece;

    private SourceCatalog(Source anthology, Map<String, Source> byPiece) {
        this.anthology = anthology;
        this.byPiece = byPiece;
    }

    public static SourceCatalog of(Book book) {
        return of(book, Map.of(), new java.util.HashMap<>());
    }

    /**
     * {@link #of(Book)}, taking each citation key's first part (author, year, title word: {@link #base}) from {@code
     * before} where it holds it for the same author, year and title, and noting every one used in {@code now}: making
     * them slugs every title of the book again (regular expressions and Unicode normalisation), a tenth of a session's
     * quick step on a large book. The keys are made unique in reading order as before.
     */
    static SourceCatalog of(Book book, Map<KeyWords, String> before, Map<KeyWords, String> now) {
        Set<String> keys = new HashSet<>();
        BookMeta m = book.meta();
        List<PersonName> bookAuthors = m.authors().stream().map(PersonName::parse).toList();
        PieceDate bookDate = new PieceDate(m.date().getYear(), m.date().getMonthValue(), m.date().getDayOfMonth(),
                false, null);
        Source anthology = new Source(key(bookAuthors, m.date().getYear(), m.title(), keys, before, now), "book",
                m.title(),
                m.subtitle(), bookAuthors, null, bookDate, null, m.publisher(), null, null);
        Map<String, Source> byPiece = new LinkedHashMap<>();
        for (Piece p : book.pieces()) {
            if (byPiece.containsKey(p.id())) {
                continue;
            }
            List<PersonName> authors = p.meta().authors().stream().map(PersonName::parse).toList();
            byPiece.put(p.id(), new Source(key(authors, p.meta().date().year(), p.title(), keys, before, now),
                    // A piece's subtitle is its standfirst: references cite the headline alone.
                    type(p.meta().type()), p.title(), null, authors, p.meta().outlet(),
                    p.meta().date(), p.meta().url(), null,
                    "letter".equalsIgnoreCase(p.meta().type()) ? "Letter to the editor" : null, p.id()));
        }
        return new SourceCatalog(anthology, byPiece);
    }

    public Source anthology() {
        return anthology;
    }

    /** The source of piece {@code pieceId}, or null. */
    public Source piece(String pieceId) {
        return byPiece.get(pieceId);
    }

    /** Every piece's source, in reading order. */
    public List<Source> pieces() {
        return List.copyOf(byPiece.values());
    }

    /** The anthology, then every piece. */
    public List<Source> all() {
        List<Source> all = new ArrayList<>();
        all.add(anthology);
        all.addAll(byPiece.values());
        return all;
    }

    /** CSL type from the piece's {@code type}: letters, op-eds and articles ran in newspapers. */
    static String type(String pieceType) {
        if (pieceType == null) {
            return "article-newspaper";
        }
        return switch (pieceType.toLowerCase(Locale.ROOT)) {
            case "commentary", "essay", "review", "interview", "analysis" -> "article-magazine";
            case "blog", "post", "blog post" -> "post-weblog";
            case "report" -> "report";
            default -> "article-newspaper";
        };
    }

    /** {@code pantucci2022kazakhstan}: first author's family name, year, first significant title word. */
    static String key(List<PersonName> authors, int year, String title, Set<String> used) {
        return key(authors, year, title, used, Map.of(), new java.util.HashMap<>());
    }

    private static String key(List<PersonName> authors, int year, String title, Set<String> used,
                              Map<KeyWords, String> before, Map<KeyWords, String> now) {
        KeyWords words = new KeyWords(authors.isEmpty() ? null
                : authors.get(0).isLiteral() ? authors.get(0).literal() : authors.get(0).family(), year, title);
        String base = now.get(words);
        if (base == null) {
            base = before.get(words);
            if (base == null) {
                base = base(words);
            }
            now.put(words, base);
        }
        String k = base;
        for (char c = 'b'; !used.add(k); c++) {
            k = base + c;
        }
        return k;
    }

    /** What a citation key's first part is made from: the first author's name (null for none), the year, the title. */
    record KeyWords(String author, int year, String title) { }

    private static final Set<String> NOT_KEY_WORDS = Set.of("what", "when", "with", "that", "this", "there", "their",
            "from", "about", "letter", "look");

    /** The first part of a citation key, before it is made unique. */
    private static String base(KeyWords w) {
        String who = w.author() == null ? "anon" : Slugs.slug(w.author(), "anon").replace("-", "");
        String word = "";
        for (String t : Slugs.slug(w.title(), "untitled").split("-")) {
            if (t.length() > 3 && !NOT_KEY_WORDS.contains(t)) {
                word = t;
                break;
            }
        }
        return who + w.year() + word;
    }
}
