package dev.sheaf.render.cover;

import dev.sheaf.model.Book;
import dev.sheaf.model.FontFace;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A cover for books that bring none: title, subtitle and author set in the book's own fonts on a
 * plain ground. Drawn with Java2D into a PNG; the same book always gives the same bytes.
 */
public final class TypographicCover {

    public static final int WIDTH = 1600;
    public static final int HEIGHT = 2400;

    private static final Color GROUND = new Color(0x23, 0x30, 0x3d);
    private static final Color INK = new Color(0xf4, 0xef, 0xe4);
    private static final Color ACCENT = new Color(0xc8, 0x9b, 0x4a);

    private TypographicCover() { }

    public static byte[] png(Book book) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(GROUND);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            Font regular = font(book, 400, "normal");
            Font bold = font(book, 700, "normal");
            Font italic = font(book, 400, "italic");
            int margin = 160;
            int y = 520;
            g.setColor(ACCENT);
            g.setStroke(new BasicStroke(6));
            g.drawLine(margin, y - 140, margin + 240, y - 140);
            g.setColor(INK);
            y = paragraph(g, split(book.meta().title()).get(0), bold.deriveFont(124f), margin, y, 1.12);
            for (String rest : split(book.meta().title()).subList(1, split(book.meta().title()).size())) {
                y = paragraph(g, rest, regular.deriveFont(72f), margin, y + 40, 1.2);
            }
            if (book.meta().subtitle() != null) {
                y = paragraph(g, book.meta().subtitle(), italic.deriveFont(64f), margin, y + 60, 1.25);
            }
            g.setColor(ACCENT);
            g.drawLine(margin, HEIGHT - 420, margin + 240, HEIGHT - 420);
            g.setColor(INK);
            paragraph(g, book.meta().authorLine(), regular.deriveFont(84f), margin, HEIGHT - 300, 1.2);
        } finally {
            g.dispose();
        }
        return PngWriter.png(img);
    }

    /** "Main title: the rest" is set as a large main title and a smaller second line. */
    private static List<String> split(String title) {
        int colon = title.indexOf(':');
        return colon > 0 && colon < title.length() - 1
                ? List.of(title.substring(0, colon).trim(), title.substring(colon + 1).trim())
                : List.of(title);
    }

    private static int paragraph(Graphics2D g, String text, Font font, int x, int y, double leading) {
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        int width = WIDTH - 2 * x;
        int lineHeight = (int) Math.round(font.getSize2D() * leading);
        for (String line : wrap(text, fm, width)) {
            y += lineHeight;
            g.drawString(line, x, y);
        }
        return y;
    }

    private static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (fm.stringWidth(candidate) > width && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static Font font(Book book, int weight, String style) {
        for (FontFace f : book.fonts()) {
            if (!f.cjk() && f.weight() == weight && f.style().equals(style)) {
                try {
                    return Font.createFont(Font.TRUETYPE_FONT, book.root().resolve(f.file()).toFile());
                } catch (FontFormatException | IOException e) {
                    break;
                }
            }
        }
        int awtStyle = (weight >= 700 ? Font.BOLD : Font.PLAIN) | ("italic".equals(style) ? Font.ITALIC : 0);
        return new Font(Font.SERIF, awtStyle, 12);
    }
}
