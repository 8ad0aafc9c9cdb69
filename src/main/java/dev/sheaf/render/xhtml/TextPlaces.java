package dev.sheaf.render.xhtml;

/**
 * Places in the text that every edition writes alike, so that one edition can mark where another edition's
 * pages begin (the print edition's page numbers in the EPUB and on the site).
 *
 * <p>A <em>unit</em> is a piece, a chapter opener, a back-matter list or the index, named by the id the print
 * document gives it ({@code p-<slug>}, {@code ch-<slug>}, {@code back-<slug>}, {@code back-index}). A <em>text
 * container</em> is an element {@link ContentRenderer} fills with inline content: a paragraph, heading, list item
 * without blocks, table cell, code block, figure or reference entry; in the index ({@link IndexXhtml}), each
 * heading of a kind or a letter and each entry's own text (its sub-entries are containers of their own). Containers are numbered from 0 in each unit, in writing order, which is the same in every
 * edition because every edition writes pieces with the same {@link ContentRenderer}. A place is a container
 * and the number of <em>counted</em> characters before it: characters that are neither white space nor soft
 * hyphens, since layout collapses white space and the print edition adds hyphenation points.
 *
 * <p>An {@link Xml} document gets its watcher with {@link Xml#places}; {@link ContentRenderer} tells it where
 * containers open and close, and the document hands it the text written inside them. This base class only
 * counts; subclasses add attributes to containers (the print edition) or markers to the text (other editions).
 */
public abstract class TextPlaces {

    /** The container of a place at the start of its unit, before any container. */
    public static final int UNIT_START = -1;
    /** The offset of a place after the last character of its container. */
    public static final int CONTAINER_END = Integer.MAX_VALUE;

    private int container = UNIT_START;
    private boolean inside;

    /** Whether {@code c} is counted in offsets: neither white space, nor a control, nor a hyphenation mark. */
    public static boolean counted(char c) {
        return !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c >= 0x20 && c != '\u00AD'
                && c != '\uE0AD';
    }

    /** The number of counted characters in {@code s}. */
    public static int count(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (counted(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** Starts unit {@code id} in {@code x}: containers count from 0 again. */
    public final void unit(Xml x, String id) {
        container = UNIT_START;
        inside = false;
        unitStarted(x, id);
    }

    /** Ends the current unit in {@code x}. */
    public final void endUnit(Xml x) {
        inside = false;
        unitEnded(x);
    }

    /** Whether text written now is inside a text container. */
    public final boolean inside() {
        return inside;
    }

    /** Opens a text container {@code tag} in {@code x}, unless one is open already (containers do not nest). */
    final boolean open(Xml x, String tag, String... attrs) {
        if (inside) {
            x.open(tag, attrs);
            return false;
        }
        container++;
        inside = true;
        x.open(tag, attributes(container, attrs));
        opened(x, container);
        return true;
    }

    /** Closes the container {@link #open} opened. */
    final void close(Xml x, String tag) {
        end(x);
        x.close(tag);
    }

    /**
     * Ends the container {@link #open} opened without closing its element, for an element whose text is followed
     * by blocks of its own (an index entry and its sub-entries); the caller closes the element.
     */
    final void end(Xml x) {
        inside = false;
        closing(x, container);
    }

    /**
     * An index mention's anchor at this point of the text. The print edition notes where it is (its container and
     * the counted characters before it), from which it reads the mention's page off the layout, and returns true:
     * no element is written for it. Otherwise, and outside a container, the caller writes the anchor as an element.
     */
    public boolean mention(String anchor) {
        return false;
    }

    /** The attributes of container {@code container}'s start tag. */
    protected String[] attributes(int container, String[] attrs) {
        return attrs;
    }

    /** After the start tag of container {@code container}. */
    protected void opened(Xml x, int container) {
    }

    /** Before the end tag of container {@code container}. */
    protected void closing(Xml x, int container) {
    }

    protected void unitStarted(Xml x, String id) {
    }

    protected void unitEnded(Xml x) {
    }

    /** Writes {@code text}, which belongs to the open container, with {@link Xml#plain}. */
    protected void text(Xml x, String text) {
        x.plain(text);
    }
}
