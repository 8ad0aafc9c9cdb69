package dev.sheaf.render.pagelist;

import dev.sheaf.model.Chapter;
import dev.sheaf.model.Piece;
import dev.sheaf.model.ReferenceList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages of the print edition as other editions can mark them: where each page that begins in a piece, a
 * chapter opener, a back-matter list or the index begins, and the printed page of every index anchor. Made by
 * {@code dev.sheaf.render.pdf.PdfRenderer#pageBreaks} from the PDF edition's own layout; pages that begin in the
 * front matter or the colophon, which only the print edition has, and empty pages, have no break.
 *
 * @param breaks  in page order
 * @param anchors the printed page number of every {@code Inline.IndexMark} anchor the layout placed
 */
public record PrintPageBreaks(List<PageBreak> breaks, Map<String, String> anchors) {

    public static final PrintPageBreaks NONE = new PrintPageBreaks(List.of(), Map.of());

    /**
     * The unit id of the book's index: the id of its block in the print document. Its containers are the headings
     * of its kinds and letters and its entries, each sub-entry a container of its own, in the order printed.
     */
    public static final String INDEX = "back-index";

    /** The order of a unit's breaks in its text. */
    private static final Comparator<PageBreak> TEXT_ORDER = Comparator.comparingInt(PageBreak::container)
            .thenComparingInt(PageBreak::offset).thenComparingInt(PageBreak::page);

    public PrintPageBreaks {
        breaks = List.copyOf(breaks);
        anchors = Map.copyOf(anchors);
    }

    /** The breaks in unit {@code unit}, in text order. */
    public List<PageBreak> in(String unit) {
        List<PageBreak> out = new ArrayList<>();
        for (PageBreak b : breaks) {
            if (b.unit().equals(unit)) {
                out.add(b);
            }
        }
        out.sort(TEXT_ORDER);
        return out;
    }

    /** The breaks by unit, units in page order. */
    public Map<String, List<PageBreak>> byUnit() {
        // One pass, not in() per unit: a large book has thousands of units and breaks.
        Map<String, List<PageBreak>> out = new LinkedHashMap<>();
        for (PageBreak b : breaks) {
            out.computeIfAbsent(b.unit(), u -> new ArrayList<>()).add(b);
        }
        out.replaceAll((unit, list) -> {
            list.sort(TEXT_ORDER);
            return List.copyOf(list);
        });
        return out;
    }

    /** The printed page number holding index anchor {@code anchor}, or null when it was not laid out. */
    public String pageOf(String anchor) {
        return anchors.get(anchor);
    }

    /** The unit id of piece {@code p}: the id of its block in the print document. */
    public static String unit(Piece p) {
        return "p-" + p.slug();
    }

    /** The unit id of chapter {@code c}'s opener: the id of its block in the print document. */
    public static String unit(Chapter c) {
        return "ch-" + c.slug();
    }

    /**
     * The unit id of back-matter list {@code list} (the sources list, a bibliography): the id of its block in the
     * print document. Its containers are the list's entries.
     */
    public static String unit(ReferenceList list) {
        return "back-" + list.slug();
    }

    public boolean isEmpty() {
        return breaks.isEmpty();
    }
}
