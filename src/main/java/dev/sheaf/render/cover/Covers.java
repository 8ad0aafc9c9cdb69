package dev.sheaf.render.cover;

import dev.sheaf.model.Book;

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

    /** The media type of {@link #raster}'s bytes. */
    public static String mediaType(byte[] raster) {
        return raster.length > 2 && (raster[0] & 0xff) == 0xFF ? "image/jpeg" : "image/png";
    }
}
