package dev.sheaf.fonts;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The order in which faces are tried for a character: the book's own fonts first, then Sheaf's
 * {@link ShippedFonts#fallbacks()}. The primary families are the ones the stylesheet sets text in (body,
 * headings, code); a character all of them have needs nothing, any other character goes in a run set in the
 * first face of the chain that has it. Flying Saucer has no per-character fallback of its own: it sets a
 * whole text run in one face and silently drops the glyphs that face lacks (see docs/PDF-ENGINE.md).
 */
public final class FontChain {

    /** A family in the chain and the characters it has. */
    public record Link(String family, Coverage coverage) {

        /** The class of a run set in this family, e.g. {@code font-droid-sans-fallback}. */
        public String cssClass() {
            return "font-" + family.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        }
    }

    /** {@link #linkFor}: the primary families print the character, or it needs no glyph. */
    public static final int PRIMARY = -1;
    /** {@link #linkFor}: no face in the chain has the character. */
    public static final int MISSING = -2;

    private final List<Link> primaries;
    private final List<Link> links;
    /**
     * The characters every primary family has, null when there are no primaries (then every character is theirs):
     * {@link #linkFor} is asked about every character of a print document, and one bit answers for most of them.
     */
    private final BitSet primary;

    /**
     * @param primaries the families the stylesheet sets text in
     * @param links     every family in the order tried, book fonts (primaries among them) first
     */
    public FontChain(List<Link> primaries, List<Link> links) {
        this.primaries = List.copyOf(primaries);
        this.links = List.copyOf(links);
        BitSet common = null;
        for (Link l : this.primaries) {
            if (common == null) {
                common = (BitSet) l.coverage().chars().clone();
            } else {
                common.and(l.coverage().chars());
            }
        }
        this.primary = common;
    }

    public List<Link> links() {
        return links;
    }

    /**
     * Characters that print nothing of their own: spaces, controls, format characters such as the zero-width
     * joiner, and variation selectors (an emoji's U+FE0F). A face without them loses nothing.
     */
    public static boolean needsNoGlyph(int cp) {
        int type = Character.getType(cp);
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || type == Character.FORMAT
                || type == Character.CONTROL || cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF;
    }

    /** The index in {@link #links()} of the face that sets {@code cp} in a run, or {@link #PRIMARY} or {@link #MISSING}. */
    public int linkFor(int cp) {
        if (primary == null || cp >= 0 && primary.get(cp) || needsNoGlyph(cp)) {
            return PRIMARY;
        }
        for (int i = 0; i < links.size(); i++) {
            if (links.get(i).coverage().covers(cp)) {
                return i;
            }
        }
        return MISSING;
    }

    /** The links the characters of {@code texts} need runs in, as indexes into {@link #links()}. */
    public BitSet needed(Iterable<? extends CharSequence> texts) {
        BitSet seen = new BitSet();
        BitSet out = new BitSet();
        for (CharSequence text : texts) {
            text.codePoints().forEach(cp -> {
                if (cp >= 0x80 && !seen.get(cp)) {
                    seen.set(cp);
                    int link = linkFor(cp);
                    if (link >= 0) {
                        out.set(link);
                    }
                }
            });
        }
        return out;
    }

    /** The distinct characters of {@code text} that no face of the chain has, in code point order. */
    public String missing(CharSequence text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().distinct().sorted().filter(cp -> linkFor(cp) == MISSING).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** This chain with only the primaries and the links whose families are in {@code families}. */
    public FontChain only(Set<String> families) {
        List<Link> kept = new ArrayList<>();
        for (Link l : links) {
            if (families.contains(l.family()) || primaries.contains(l)) {
                kept.add(l);
            }
        }
        return new FontChain(primaries, kept);
    }
}
