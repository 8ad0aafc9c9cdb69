package dev.sheaf.render.pagelist;

import dev.sheaf.model.Book;
import dev.sheaf.model.BookIndex;
import dev.sheaf.model.Chapter;
import dev.sheaf.model.Piece;
import dev.sheaf.model.ReferenceList;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The page breaks of the latest print layout of a build, or of a session of builds ({@code --watch}, {@code serve}),
 * so that the book is laid out for them at most once per build: the PDF edition leaves its breaks here and the EPUB
 * and the site take them.
 *
 * <p>A session also offers them to the next build's quick step, which writes the EPUB and the site before the PDF
 * is laid out again ({@link #earlier}): the breaks of units (pieces, chapter openers, back-matter lists) that
 * changed since are dropped, the others are kept as
 * they were (their page numbers may be off by the pages a change added or removed, until the full build that
 * follows writes the exact ones).
 */
public final class PrintLayouts {

    /** Whether {@link #earlier} will be asked for (a session): then what each unit held is noted. */
    private final boolean session;
    private WeakReference<Book> book = new WeakReference<>(null);
    private PrintPageBreaks breaks = PrintPageBreaks.NONE;
    /**
     * What each unit of the book laid out held (the piece, the chapter opener's slug, title and introduction, the
     * list), to tell which units a later book changed: compared with {@code equals}, which returns at once for the
     * very objects a session hands on for unchanged files. Until 2026-12-04 these were deep hash codes of every
     * piece, computed again for each edition of each quick step (a twentieth of its time on a large book), and two
     * units that differed but hashed alike kept page breaks that no longer fitted them.
     */
    private Map<String, Object> units = Map.of();
    /** Whether {@link #earlier} has given breaks that are not an exact layout's since {@link #tookEarlier}. */
    private boolean approximate;

    private PrintLayouts(boolean session) {
        this.session = session;
    }

    /** The layouts of one build. */
    public static PrintLayouts ofBuild() {
        return new PrintLayouts(false);
    }

    /** The layouts of a session of builds, whose quick steps take the latest one's breaks ({@link #earlier}). */
    public static PrintLayouts ofSession() {
        return new PrintLayouts(true);
    }

    /** Notes that {@code laidOut} gave {@code pageBreaks}. */
    public synchronized void remember(Book laidOut, PrintPageBreaks pageBreaks) {
        book = new WeakReference<>(laidOut);
        breaks = pageBreaks;
        units = session ? fingerprints(laidOut) : Map.of();
    }

    /** The breaks of a layout of this very {@code book} object, or null when it has not been laid out. */
    public synchronized PrintPageBreaks of(Book current) {
        return book.get() == current && current != null ? breaks : null;
    }

    /**
     * The breaks of the latest layout, of whatever book, for {@code current}: those of units that are not in
     * {@code current} or differ from what was laid out are dropped, as are the page numbers of index anchors in
     * changed pieces. {@link PrintPageBreaks#NONE} when nothing has been laid out.
     */
    public synchronized PrintPageBreaks earlier(Book current) {
        PrintPageBreaks exact = of(current);
        if (exact != null) {
            return exact;
        }
        approximate = true;
        if (breaks.isEmpty() || !session) {
            return PrintPageBreaks.NONE;
        }
        Map<String, Object> now = fingerprints(current);
        Set<String> kept = new HashSet<>();
        now.forEach((unit, held) -> {
            if (held.equals(units.get(unit))) {
                kept.add(unit);
            }
        });
        List<PageBreak> still = new ArrayList<>();
        for (PageBreak b : breaks.breaks()) {
            if (kept.contains(b.unit())) {
                still.add(b);
            }
        }
        // Only the anchors of unchanged pieces keep their page.
        Map<String, String> anchors = new HashMap<>();
        Set<String> keptPieces = new HashSet<>();
        for (Chapter c : current.chapters()) {
            for (Piece p : c.pieces()) {
                if (kept.contains(PrintPageBreaks.unit(p))) {
                    keptPieces.add(p.id());
                }
            }
        }
        collect(current.index().entries(), keptPieces, anchors);
        return new PrintPageBreaks(still, anchors);
    }

    /**
     * Whether {@link #earlier} has given breaks other than an exact layout's since the last call: then what was
     * written with them waits for a full build to have the exact page numbers.
     */
    public synchronized boolean tookEarlier() {
        boolean was = approximate;
        approximate = false;
        return was;
    }

    /** What each unit of {@code b} holds, by unit (see {@link #units}). */
    private static Map<String, Object> fingerprints(Book b) {
        Map<String, Object> out = new HashMap<>();
        for (Chapter c : b.chapters()) {
            out.put(PrintPageBreaks.unit(c), new Opener(c.slug(), c.title(), c.intro()));
            for (Piece p : c.pieces()) {
                out.put(PrintPageBreaks.unit(p), p);
            }
        }
        for (ReferenceList list : b.backMatter()) {
            out.put(PrintPageBreaks.unit(list), list);
        }
        return out;
    }

    /** What a chapter opener's pages hold: not the chapter's pieces, which are units of their own. */
    private record Opener(String slug, String title, List<dev.sheaf.model.Block> intro) { }

    private void collect(List<BookIndex.Entry> entries, Set<String> pieces, Map<String, String> anchors) {
        for (BookIndex.Entry e : entries) {
            for (var m : e.mentions()) {
                String page = breaks.pageOf(m.anchor());
                if (page != null && pieces.contains(m.pieceId())) {
                    anchors.put(m.anchor(), page);
                }
            }
            collect(e.subs(), pieces, anchors);
        }
    }
}
