package dev.sheaf.render.pdf;

import com.lowagie.text.Image;
import dev.sheaf.read.ImageTypes;
import dev.sheaf.svg.SvgImages;
import org.xhtmlrenderer.extend.FSImage;
import org.xhtmlrenderer.pdf.ITextFSImage;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextUserAgent;
import org.xhtmlrenderer.resource.ImageResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads what the print document refers to: files in the book folder (the base URL), and the bundled fonts
 * under {@link PrintFonts#BUNDLED_PREFIX}.
 * Nothing is fetched from the network: the reader has already rejected remote images, and a URL that is
 * not a file fails here instead of hanging a build.
 *
 * <p>SVG pictures are drawn here by {@link SvgImages} rather than by Flying Saucer's own SVG support, which
 * reads sizes such as {@code 750px} or {@code 50%} as integers and aborts the whole layout when it cannot.
 */
final class PrintUserAgent extends ITextUserAgent {

    /** SVG pictures are drawn at this many pixels per CSS pixel (about 290 dpi at print size). */
    private static final float SVG_SCALE = 3;

    private final int dotsPerPixel;
    private final Map<String, ImageResource> svgs = new HashMap<>();
    private VectorCover cover;
    private Map<String, ImageResource> shared;

    PrintUserAgent(ITextOutputDevice device, int dotsPerPixel, String bookUrl) {
        super(device, dotsPerPixel);
        this.dotsPerPixel = dotsPerPixel;
        setBaseURL(bookUrl);
    }

    /** Gives the layout {@code cover} for {@link VectorCover#URI}, to be painted as vector shapes. */
    PrintUserAgent cover(VectorCover cover) {
        this.cover = cover;
        return this;
    }

    /**
     * Takes the pictures of data URLs from {@code pictures}, shared with the other layouts of one kit: a kit lays out
     * every handout of a build, some twice, and each layout decoded the same cover thumbnail again (OpenPDF reads a
     * PNG pixel by pixel: a tenth of the handouts' time on a small book).
     */
    PrintUserAgent sharing(Map<String, ImageResource> pictures) {
        this.shared = pictures;
        return this;
    }

    @Override
    public ImageResource getImageResource(String uri) {
        if (cover != null && VectorCover.URI.equals(uri)) {
            return cover.resource();
        }
        if (shared != null && uri.startsWith("data:")) {
            return copy(shared.computeIfAbsent(uri, u -> super.getImageResource(u)));
        }
        String resolved = uri.startsWith("data:") ? null : resolveURI(uri);
        Path file = resolved == null ? null : file(resolved);
        if (file == null || !ImageTypes.of(file).map("image/svg+xml"::equals).orElse(false)) {
            return super.getImageResource(uri);
        }
        return copy(svgs.computeIfAbsent(resolved, u -> drawSvg(u, file)));
    }

    /** A picture of its own for the layout, which scales the pictures it is given. */
    private static ImageResource copy(ImageResource kept) {
        FSImage image = kept.getImage() instanceof ITextFSImage i ? (FSImage) i.clone() : null;
        return new ImageResource(kept.getImageUri(), image);
    }

    /** The picture as a PNG at {@link #SVG_SCALE}, sized like the SVG; no image when Batik fails after all. */
    private ImageResource drawSvg(String uri, Path file) {
        try {
            byte[] svg = Files.readAllBytes(file);
            SvgImages.Size size = SvgImages.size(svg);
            Image image = Image.getInstance(SvgImages.png(svg, SVG_SCALE));
            image.scaleAbsolute(size.width() * dotsPerPixel, size.height() * dotsPerPixel);
            return new ImageResource(uri, new ITextFSImage(image));
        } catch (Exception | LinkageError | StackOverflowError e) {
            // The reader already tried this picture; a failure now leaves an empty box, never a failed book.
            return new ImageResource(uri, null);
        }
    }

    private static Path file(String uri) {
        try {
            URI u = new URI(uri);
            return "file".equals(u.getScheme()) ? Path.of(u) : null;
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public byte[] getBinaryResource(String uri) {
        if (!uri.startsWith(PrintFonts.BUNDLED_PREFIX)) {
            return super.getBinaryResource(uri);
        }
        try {
            return PrintFonts.bundledBytes(uri);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected URLConnection openConnection(String uri) throws IOException {
        if (!uri.startsWith("file:") && !uri.startsWith("jar:file:")) {
            throw new IOException("not a file in the book: " + uri);
        }
        return super.openConnection(uri);
    }
}
