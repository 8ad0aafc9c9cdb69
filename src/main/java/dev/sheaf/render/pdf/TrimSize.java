package dev.sheaf.render.pdf;

import java.util.Locale;

/**
 * The page sizes a book can be printed at ({@code trim} in book.yaml), each with margins and a text size
 * that keep a line near 60–75 characters. Margins are in millimetres; the inner margin is the one at the
 * spine, mirrored between versos and rectos.
 */
enum TrimSize {
    A5("a5", 148, 210, 18, 21, 18, 15, 10),
    SIX_BY_NINE("6x9", 152.4, 228.6, 19, 22, 19, 16, 10.5),
    A4("a4", 210, 297, 26, 30, 30, 24, 11.5),
    LETTER("letter", 215.9, 279.4, 24, 28, 31, 25, 11.5);

    final String id;
    final double width;
    final double height;
    final double top;
    final double bottom;
    final double inner;
    final double outer;
    final double fontSize;

    TrimSize(String id, double width, double height, double top, double bottom, double inner, double outer,
             double fontSize) {
        this.id = id;
        this.width = width;
        this.height = height;
        this.top = top;
        this.bottom = bottom;
        this.inner = inner;
        this.outer = outer;
        this.fontSize = fontSize;
    }

    /** The trim named in book.yaml; the reader has already rejected unknown names, so anything else is A5. */
    static TrimSize of(String id) {
        String key = id == null ? "" : id.toLowerCase(Locale.ROOT);
        for (TrimSize t : values()) {
            if (t.id.equals(key)) {
                return t;
            }
        }
        return A5;
    }

    /** Width of the text block. */
    double measure() {
        return width - inner - outer;
    }

    /** Height of the text block. */
    double textHeight() {
        return height - top - bottom;
    }

    /** The tallest an image may be, leaving room for its caption on the same page. */
    double imageHeight() {
        return textHeight() * 0.6;
    }
}
