package dev.sheaf.render.pdf;

import dev.sheaf.render.xhtml.TextPlaces;
import dev.sheaf.render.xhtml.Xml;

import java.util.Arrays;

/**
 * Numbers the text containers of the print document ({@code data-tp="3"}), for {@link PageStarts}; and, given
 * {@link MentionPages}, notes where each index mention is in the text instead of writing an element for it.
 */
final class PrintPlaces extends TextPlaces {

    static final String ATTRIBUTE = "data-tp";

    /** Where the mentions' places go; null when each mention is written as an element. */
    private final MentionPages mentions;
    private String unit;
    private int container = UNIT_START;
    /** Counted characters written into the open container so far. */
    private int counted;

    PrintPlaces() {
        this(null);
    }

    PrintPlaces(MentionPages mentions) {
        this.mentions = mentions;
    }

    @Override
    protected String[] attributes(int container, String[] attrs) {
        String[] out = Arrays.copyOf(attrs, attrs.length + 2);
        out[attrs.length] = ATTRIBUTE;
        out[attrs.length + 1] = Integer.toString(container);
        return out;
    }

    @Override
    protected void unitStarted(Xml x, String id) {
        unit = id;
        container = UNIT_START;
        if (mentions != null) {
            mentions.unit(id);
        }
    }

    @Override
    protected void unitEnded(Xml x) {
        unit = null;
    }

    @Override
    protected void opened(Xml x, int container) {
        this.container = container;
        counted = 0;
    }

    @Override
    protected void text(Xml x, String text) {
        if (mentions != null) {
            counted += count(text);
        }
        x.plain(text);
    }

    @Override
    public boolean mention(String anchor) {
        if (mentions == null || unit == null) {
            return false;
        }
        if (inside()) {
            mentions.place(unit, anchor, container, counted);
            return true;
        }
        // Outside a container (never in a piece's text as written today): an element, found in the layout by its id.
        mentions.element(unit, anchor);
        return false;
    }
}
