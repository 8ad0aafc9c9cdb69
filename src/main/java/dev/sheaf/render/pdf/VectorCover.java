package dev.sheaf.render.pdf;

import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfContentByte;
import dev.sheaf.model.Book;
import dev.sheaf.render.cover.Covers;
import dev.sheaf.render.cover.SvgCover;
import org.xhtmlrenderer.extend.FSImage;
import org.xhtmlrenderer.pdf.ITextFSImage;
import org.xhtmlrenderer.resource.ImageResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;

/**
 * An SVG cover drawn on the cover page as vector shapes. The print document lays the cover out as a picture of
 * {@link #URI}, a transparent pixel that its stylesheet scales to the page (see {@link CoverFit}); the user agent
 * hands out a {@link Picture} for it, which the output device paints from the SVG instead of a raster. So the
 * print edition neither decodes the cover's 1,600-pixel PNG (OpenPDF reads a PNG pixel by pixel) nor embeds it,
 * whether the book is laid out as one document or in parts, and the picture keeps its place in the tagged
 * structure, since the device marks it before it is painted.
 */
final class VectorCover {

    /** A one-pixel transparent PNG: what the layout sees of the cover; the page's size comes from the stylesheet. */
    static final String URI = "data:image/png;base64,"
            + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII=";

    private final Book book;
    private final Path svg;
    private final float width;
    private final float height;

    private VectorCover(Book book, Path svg, float width, float height) {
        this.book = book;
        this.svg = svg;
        this.width = width;
        this.height = height;
    }

    /** The book's cover drawn on a page of {@code trim}, or null when the cover is not an SVG. */
    static VectorCover of(Book book, TrimSize trim) {
        if (!Covers.isSvg(book)) {
            return null;
        }
        return new VectorCover(book, Covers.file(book), (float) (trim.width * 72 / 25.4),
                (float) (trim.height * 72 / 25.4));
    }

    /** What the user agent gives the layout for {@link #URI}. */
    ImageResource resource() {
        return new ImageResource(URI, new Picture(this, pixel()));
    }

    private static Image pixel() {
        try {
            return Image.getInstance(Base64.getDecoder().decode(URI.substring(URI.indexOf(',') + 1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Paints the cover over the whole of the current page, cropped to it as a bleed would be. */
    void paint(PdfContentByte page) {
        page.saveState();
        java.awt.Graphics2D g = page.createGraphicsShapes(width, height);
        try {
            SvgCover.paint(book, svg, g, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            g.dispose();
            page.restoreState();
        }
    }

    /** The cover's place in the layout: laid out as the pixel is, painted by {@link #paint}. */
    static final class Picture extends ITextFSImage {

        private final VectorCover cover;

        Picture(VectorCover cover, Image pixel) {
            super(pixel);
            this.cover = cover;
        }

        VectorCover cover() {
            return cover;
        }

        // Flying Saucer scales and copies a picture into new ones of its own class: these stay the cover.
        @Override
        public FSImage scale(int width, int height) {
            FSImage scaled = super.scale(width, height);
            return scaled == this ? this : new Picture(cover, ((ITextFSImage) scaled).getImage());
        }

        @Override
        public Object clone() {
            return new Picture(cover, Image.getInstance(getImage()));
        }
    }

    /** Paints {@code image} as the cover when it is one; false when it is another picture. */
    static boolean painted(FSImage image, PdfContentByte page) {
        if (image instanceof Picture p) {
            p.cover().paint(page);
            return true;
        }
        return false;
    }
}
