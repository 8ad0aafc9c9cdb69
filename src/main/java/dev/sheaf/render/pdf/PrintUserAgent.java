package dev.sheaf.render.pdf;

import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextUserAgent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLConnection;

/**
 * Loads what the print document refers to: files in the book folder (the base URL), and the bundled fonts
 * under {@link PrintFonts#BUNDLED_PREFIX}.
 * Nothing is fetched from the network: the reader has already rejected remote images, and a URL that is
 * not a file fails here instead of hanging a build.
 */
final class PrintUserAgent extends ITextUserAgent {

    PrintUserAgent(ITextOutputDevice device, int dotsPerPixel, String bookUrl) {
        super(device, dotsPerPixel);
        setBaseURL(bookUrl);
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
