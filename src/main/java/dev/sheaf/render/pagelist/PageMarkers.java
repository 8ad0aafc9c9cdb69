package dev.sheaf.render.pagelist;

import dev.sheaf.render.xhtml.TextPlaces;
import dev.sheaf.render.xhtml.Xml;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Writes a marker where each print page begins, while a unit of an edition (a piece, a chapter opener) is
 * written. A page that begins inside a word (the word hyphenated across two pages) was placed before the word
 * by the print edition, so a marker never splits a word. Markers not placed by the end of the unit (its text
 * differs from the print edition's) are written there, so that none is lost.
 */
public final class PageMarkers extends TextPlaces {

    private final PrintPageBreaks pages;
    private final BiConsumer<Xml, PageBreak> marker;
    private List<PageBreak> pending = List.of();
    private int next;
    private int counted;
    /** The container being written. */
    private int current = UNIT_START;

    /** @param marker writes the marker of a break (with {@link Xml#raw} or {@link Xml#plain}) */
    public PageMarkers(PrintPageBreaks pages, BiConsumer<Xml, PageBreak> marker) {
        this.pages = pages;
        this.marker = marker;
    }

    /**
     * Marks the print edition's page breaks in unit {@code unit}, written into {@code x} from now on; returns
     * the places to hand to {@link #end}, or null when there are no print page numbers.
     */
    public static TextPlaces start(Xml x, PrintPageBreaks pages, String unit, BiConsumer<Xml, PageBreak> marker) {
        if (pages.isEmpty()) {
            return null;
        }
        TextPlaces places = new PageMarkers(pages, marker);
        x.places(places);
        places.unit(x, unit);
        return places;
    }

    /** Ends the unit that {@link #start} began: the breaks left over are marked at its end. */
    public static void end(Xml x, TextPlaces places) {
        if (places != null) {
            places.endUnit(x);
            x.places(null);
        }
    }

    /**
     * The markers of one unit written over several documents (an index split between letters): the print
     * edition's page numbers run on from one document to the next, the unit begun in the first and ended in the last.
     */
    public static final class RunOn {
        private TextPlaces places;

        /** Document {@code n} starts in {@code x}; in the first, {@code start} begins the unit's markers. */
        public void document(Xml x, int n, Function<Xml, TextPlaces> start) {
            if (n == 0) {
                places = start.apply(x);
            } else {
                x.places(places);
            }
        }

        /** The document in {@code x} ends; the unit ends with the {@code last} one. */
        public void end(Xml x, boolean last) {
            if (last) {
                PageMarkers.end(x, places);
            } else {
                x.places(null);
            }
        }
    }

    @Override
    protected void unitStarted(Xml x, String id) {
        pending = pages.in(id);
        next = 0;
        current = UNIT_START;
        while (next < pending.size() && pending.get(next).container() == UNIT_START) {
            marker.accept(x, pending.get(next++));
        }
    }

    @Override
    protected void opened(Xml x, int container) {
        counted = 0;
        current = container;
        // Breaks of containers this edition did not write go before this one.
        while (next < pending.size() && (pending.get(next).container() < container
                || pending.get(next).container() == container && pending.get(next).offset() <= 0)) {
            marker.accept(x, pending.get(next++));
        }
    }

    @Override
    protected void text(Xml x, String text) {
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!counted(text.charAt(i))) {
                continue;
            }
            while (next < pending.size() && pending.get(next).container() <= current
                    && pending.get(next).offset() <= counted) {
                x.plain(text.substring(from, i));
                from = i;
                marker.accept(x, pending.get(next++));
            }
            counted++;
        }
        x.plain(text.substring(from));
    }

    @Override
    protected void closing(Xml x, int container) {
        while (next < pending.size() && pending.get(next).container() <= container) {
            marker.accept(x, pending.get(next++));
        }
    }

    @Override
    protected void unitEnded(Xml x) {
        while (next < pending.size()) {
            marker.accept(x, pending.get(next++));
        }
    }

}
