package dev.sheaf.render.cover;

import dev.sheaf.buildcache.BuildCache;
import dev.sheaf.buildcache.CacheKey;
import dev.sheaf.model.Book;
import dev.sheaf.model.FontFace;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
     * {@link #raster(Book)}, with an SVG cover taken from the build cache when an earlier build drew the same one:
     * drawing it (Batik, then the PNG writer) was more than half of the CPU time of an EPUB-only build of a small
     * book. The drawing depends only on the SVG file (which may load nothing else, see {@code SvgImages}), the book's
     * fonts (by file, size and time, as the piece cache checks images), the width and the Java runtime that
     * rasterises it; Sheaf's own code is added by the cache. A build draws it once for all its editions, or takes
     * the drawing {@link #begin} started; so it does the typographic cover of a book without one. A JPEG or PNG
     * cover is read as it is.
     */
    public static byte[] raster(Book book, BuildCache cache) throws IOException {
        Path file = file(book);
        if (file == null) {
            Optional<CacheKey> key = typographicKeyOrEmpty(book);
            return key.isEmpty() ? raster(book) : cache.once(key.get(), () -> raster(book));
        }
        if (!SvgCover.isSvg(file)) {
            return raster(book);
        }
        Optional<CacheKey> key = svgKeyOrEmpty(book, file);
        if (key.isEmpty()) {
            return raster(book);
        }
        return cache.once(key.get(), () -> raster(book));
    }

    /**
     * Begins drawing the book's SVG cover on a thread of its own, for {@link #raster(Book, BuildCache)} to take: it
     * needs only book.yaml and the fonts, so a build can draw it while the pieces are read (on a small book's first
     * build the EPUB otherwise waited for it at its end). {@code book} needs no chapters. The typographic cover of a
     * book without one the same way; a JPEG or PNG cover is only read, by the editions. Whatever goes wrong is found
     * again, and reported, by the edition that asks for it.
     */
    public static void begin(Book book, BuildCache cache) {
        Path file = file(book);
        if (file == null) {
            typographicKeyOrEmpty(book).ifPresent(k -> cache.begin(k, () -> raster(book)));
        } else if (SvgCover.isSvg(file) && Files.isRegularFile(file)) {
            svgKeyOrEmpty(book, file).ifPresent(k -> cache.begin(k, () -> raster(book)));
        }
    }

    /**
     * The key of the typographic cover: the title, subtitle and author line it sets, the book's fonts it may set them
     * in (by file, size and time, with the weight and style it chooses them by), its size and the Java runtime that
     * rasterises the text; empty when a font file cannot be read (then it is drawn without the cache).
     */
    private static Optional<CacheKey> typographicKeyOrEmpty(Book book) {
        try {
            List<String> fonts = new ArrayList<>();
            for (FontFace f : book.fonts()) {
                BasicFileAttributes a = Files.readAttributes(book.root().resolve(f.file()), BasicFileAttributes.class);
                fonts.add(f.file() + " " + f.weight() + " " + f.style() + " " + a.size() + " "
                        + a.lastModifiedTime().toMillis());
            }
            return CacheKey.of("typographic-cover", book.meta().title(), String.valueOf(book.meta().subtitle()),
                    book.meta().authorLine(), fonts, TypographicCover.WIDTH, TypographicCover.HEIGHT,
                    System.getProperty("java.vm.version"), System.getProperty("os.name"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@link #svgKey}, empty when a file cannot be read (the cover is then drawn without the cache). */
    private static Optional<CacheKey> svgKeyOrEmpty(Book book, Path svg) {
        try {
            return svgKey(book, svg);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<CacheKey> svgKey(Book book, Path svg) throws IOException {
        List<String> fonts = new ArrayList<>();
        for (FontFace f : book.fonts()) {
            Path font = book.root().resolve(f.file());
            BasicFileAttributes a = Files.readAttributes(font, BasicFileAttributes.class);
            fonts.add(f.file() + " " + a.size() + " " + a.lastModifiedTime().toMillis());
        }
        return CacheKey.of("svg-cover", Files.readAllBytes(svg), fonts, PNG_WIDTH, System.getProperty("java.vm.version"),
                System.getProperty("os.name"));
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
