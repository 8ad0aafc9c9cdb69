package dev.sheaf.fonts;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.BitSet;

/**
 * The characters a TrueType or OpenType font has glyphs for, read from its Unicode {@code cmap} subtable:
 * format 12 (all planes) when there is one, else format 4 (the Basic Multilingual Plane). This is the table
 * OpenPDF reads to embed a face with Identity-H encoding, so a character covered here is a character the PDF
 * can print in that face. A font collection ({@code .ttc}) is read from its first font ({@link FontTables}).
 */
public final class Coverage {

    private final BitSet chars;

    private Coverage(BitSet chars) {
        this.chars = chars;
    }

    /** Reads the coverage of the font in {@code font}. */
    public static Coverage of(byte[] font) throws IOException {
        return FontTables.read(font, t -> {
            ByteBuffer cmap = cmap(t);
            try {
                return new Coverage(read(cmap, subtable(cmap)));
            } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
                throw new IOException("not a readable TrueType or OpenType font: " + e, e);
            }
        });
    }

    /**
     * Whether the font has a glyph for every one of {@code cps}, looked up in the same subtable without
     * reading the whole map (a CJK face maps some 30,000 characters).
     */
    public static boolean coversAll(FontTables font, int... cps) throws IOException {
        ByteBuffer cmap = cmap(font);
        try {
            int at = subtable(cmap);
            boolean format12 = (cmap.getShort(at) & 0xFFFF) == 12;
            for (int cp : cps) {
                if (!(format12 ? format12Has(cmap, at, cp) : format4Has(cmap, at, cp))) {
                    return false;
                }
            }
            return true;
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IOException("not a readable TrueType or OpenType font: " + e, e);
        }
    }

    /** Whether the font has a glyph for {@code cp}. */
    public boolean covers(int cp) {
        return cp >= 0 && chars.get(cp);
    }

    /** The characters the font maps, as bits by code point; not to be changed. */
    BitSet chars() {
        return chars;
    }

    /** How many characters the font maps. */
    public int size() {
        return chars.cardinality();
    }

    private static ByteBuffer cmap(FontTables font) throws IOException {
        return font.table("cmap").orElseThrow(() -> new IOException("the font has no cmap table"));
    }

    /** Where in {@code cmap} the subtable read starts. */
    private static int subtable(ByteBuffer cmap) throws IOException {
        int subtables = cmap.getShort(2) & 0xFFFF;
        int best = -1;
        int bestRank = 0;
        for (int i = 0; i < subtables; i++) {
            int rec = 4 + 8 * i;
            int platform = cmap.getShort(rec) & 0xFFFF;
            int encoding = cmap.getShort(rec + 2) & 0xFFFF;
            int offset = cmap.getInt(rec + 4);
            int format = cmap.getShort(offset) & 0xFFFF;
            int rank = rank(platform, encoding, format);
            if (rank > bestRank) {
                bestRank = rank;
                best = offset;
            }
        }
        if (best < 0) {
            throw new IOException("the font has no Unicode cmap subtable");
        }
        return best;
    }

    private static BitSet read(ByteBuffer b, int at) {
        BitSet out = new BitSet(0x10000);
        if ((b.getShort(at) & 0xFFFF) == 12) {
            format12(b, at, out);
        } else {
            format4(b, at, out);
        }
        return out;
    }

    /** Windows full Unicode (3,10) format 12 first, then Unicode-platform format 12, then BMP format 4. */
    private static int rank(int platform, int encoding, int format) {
        if (format == 12 && platform == 3 && encoding == 10) {
            return 4;
        }
        if (format == 12 && platform == 0) {
            return 3;
        }
        if (format == 4 && platform == 3 && (encoding == 1 || encoding == 0)) {
            return 2;
        }
        if (format == 4 && platform == 0) {
            return 1;
        }
        return 0;
    }

    private static void format12(ByteBuffer b, int at, BitSet out) {
        long groups = b.getInt(at + 12) & 0xFFFFFFFFL;
        for (long g = 0; g < groups; g++) {
            int rec = (int) (at + 16 + 12 * g);
            int first = b.getInt(rec);
            int last = b.getInt(rec + 4);
            int glyph = b.getInt(rec + 8);
            if (first < 0 || last > 0x10FFFF || first > last) {
                continue;
            }
            // Glyph 0 is .notdef: a range mapped to it has no glyph for its first character.
            out.set(glyph == 0 ? first + 1 : first, last + 1);
        }
    }

    private static void format4(ByteBuffer b, int at, BitSet out) {
        int segments = (b.getShort(at + 6) & 0xFFFF) / 2;
        int ends = at + 14;
        int starts = ends + 2 * segments + 2;
        int deltas = starts + 2 * segments;
        int rangeOffsets = deltas + 2 * segments;
        for (int s = 0; s < segments; s++) {
            int end = b.getShort(ends + 2 * s) & 0xFFFF;
            int first = b.getShort(starts + 2 * s) & 0xFFFF;
            int delta = b.getShort(deltas + 2 * s);
            int rangeOffset = b.getShort(rangeOffsets + 2 * s) & 0xFFFF;
            for (int c = first; c <= end && c != 0xFFFF; c++) {
                if (format4Glyph(b, rangeOffsets + 2 * s, rangeOffset, delta, c - first, c) != 0) {
                    out.set(c);
                }
            }
        }
    }

    /** {@link #format12}'s answer for one character. */
    private static boolean format12Has(ByteBuffer b, int at, int cp) {
        long groups = b.getInt(at + 12) & 0xFFFFFFFFL;
        for (long g = 0; g < groups; g++) {
            int rec = (int) (at + 16 + 12 * g);
            int first = b.getInt(rec);
            int last = b.getInt(rec + 4);
            if (first < 0 || last > 0x10FFFF || first > last || cp < first || cp > last) {
                continue;
            }
            if (cp != first || b.getInt(rec + 8) != 0) {
                return true;
            }
        }
        return false;
    }

    /** {@link #format4}'s answer for one character. */
    private static boolean format4Has(ByteBuffer b, int at, int cp) {
        if (cp < 0 || cp >= 0xFFFF) {
            return false;
        }
        int segments = (b.getShort(at + 6) & 0xFFFF) / 2;
        int ends = at + 14;
        int starts = ends + 2 * segments + 2;
        int deltas = starts + 2 * segments;
        int rangeOffsets = deltas + 2 * segments;
        for (int s = 0; s < segments; s++) {
            int end = b.getShort(ends + 2 * s) & 0xFFFF;
            int first = b.getShort(starts + 2 * s) & 0xFFFF;
            if (cp < first || cp > end) {
                continue;
            }
            int delta = b.getShort(deltas + 2 * s);
            int rangeOffset = b.getShort(rangeOffsets + 2 * s) & 0xFFFF;
            if (format4Glyph(b, rangeOffsets + 2 * s, rangeOffset, delta, cp - first, cp) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The glyph of {@code c}, the {@code index}-th character of a format 4 segment whose idRangeOffset word is at
     * {@code rangeOffsetAt} (0: no glyph; a glyph index past the table's end counts as none).
     */
    private static int format4Glyph(ByteBuffer b, int rangeOffsetAt, int rangeOffset, int delta, int index, int c) {
        if (rangeOffset == 0) {
            return (c + delta) & 0xFFFF;
        }
        int where = rangeOffsetAt + rangeOffset + 2 * index;
        int glyph = where + 1 < b.limit() ? b.getShort(where) & 0xFFFF : 0;
        return glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
    }
}
