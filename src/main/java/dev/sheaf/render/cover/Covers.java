package dev.sheaf.render.cover;

import dev.sheaf.model.Book;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The book's cover as a picture for every edition: the file named by {@code cover:} (JPEG or PNG as it is, SVG
 * drawn as a PNG), or the typographic cover when there is none.
 */
public final class Covers {

    /** Width of the PNG an SVG cover is drawn as (the typographic cover's width). */
    public static final int PNG_WIDTH = TypographicCover.WIDTH;

    private Covers() {
    }

    /** The cover's file in the book, or null. */
    public static Path file(Book book) {
        return book.meta().cover() == null ? null : book.root().resolve(book.meta().cover());
    }

    /** True when the book's cover is drawn from SVG. */
    public static boolean isSvg(Book book) {
        return SvgCover.isSvg(book.meta().cover());
    }

    /** The cover as JPEG or PNG bytes. */
    public static byte[] raster(Book book) throws IOException {
        Path file = file(book);
        if (file == null) {
            return TypographicCover.png(book);
        }
        return SvgCover.isSvg(file) ? SvgCover.png(book, file, PNG_WIDTH) : Files.readAllBytes(file);
    }

    /**
     * The cover as a small picture at most {@code width} pixels wide (the handouts' thumbnail): an SVG drawn at
     * that width, a JPEG or PNG scaled down (never up), in the cover's own proportions.
     */
    public static byte[] thumbnail(Book book, int width) throws IOException {
        Path file = file(book);
        if (file != null && SvgCover.isSvg(file)) {
            return SvgCover.png(book, file, width);
        }
        byte[] raster = raster(book);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(raster));
        if (img == null) {
            throw new IOException("the cover is not a JPEG or PNG image");
        }
        if (img.getWidth() <= width) {
            return raster;
        }
        int height = Math.max(1, (int) Math.round((double) width * img.getHeight() / img.getWidth()));
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(img, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // a photograph stays a JPEG (small); a PNG stays lossless
        ImageIO.write(small, mediaType(raster).equals("image/jpeg") ? "jpeg" : "png", out);
        return out.toByteArray();
    }

    /** Width and height of a JPEG or PNG in pixels. */
    public static int[] pixels(byte[] raster) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(raster));
        if (img == null) {
            throw new IOException("the cover is not a JPEG or PNG image");
        }
        return new int[] {img.getWidth(), img.getHeight()};
    }

    /** The media type of {@link #raster}'s bytes. */
    public static String mediaType(byte[] raster) {
        return raster.length > 2 && (raster[0] & 0xff) == 0xFF ? "image/jpeg" : "image/png";
    }
}
