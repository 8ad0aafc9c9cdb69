package dev.sheaf.render.pdf;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;

/**
 * A cover image scaled to fill the whole page and centred, the overhang cut off, like CSS
 * {@code object-fit: cover}, which Flying Saucer lacks. Sizes are in millimetres.
 */
record CoverFit(double width, double height, double left, double top) {

    static CoverFit of(byte[] image, TrimSize trim) throws IOException {
        int[] size = pixels(image);
        double scale = Math.max(trim.width / size[0], trim.height / size[1]);
        double w = size[0] * scale;
        double h = size[1] * scale;
        return new CoverFit(w, h, (trim.width - w) / 2, (trim.height - h) / 2);
    }

    String css() {
        return String.format(Locale.ROOT, "width: %.2fmm; height: %.2fmm; margin-left: %.2fmm; margin-top: %.2fmm;",
                width, height, left, top);
    }

    /** Width and height in pixels, read from the image header only. */
    private static int[] pixels(byte[] image) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("the cover is not a JPEG or PNG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        }
    }
}
