package dev.sheaf.render.cover;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a picture as a PNG (8-bit truecolour, no alpha, not interlaced), the way the covers need it: every row
 * unfiltered, deflated by the JDK's zlib at its default level.
 *
 * <p>Why not {@code ImageIO.write}: on a small book's cold EPUB build the JDK's PNG writer was most of the time
 * spent on the cover (docs/PERFORMANCE.md, "Start-up (small books)"): it starts the ImageIO registry, tries all
 * five PNG filters on every row and picks one per row, in code that a short run executes in the interpreter or
 * the first JIT tier. A cover drawn from SVG or set in type is flat colour and anti-aliased edges, for which no
 * filter at all deflates as small as the adaptive choice (the companion's cover: 253 KB against ImageIO's 259 KB),
 * and the remaining work is a byte copy per row and zlib's native code. A photograph inside an SVG cover would
 * come out larger than with filters; it stays a correct PNG.
 */
final class PngWriter {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** IDAT chunks of at most this many bytes, as encoders commonly write them. */
    private static final int CHUNK = 1 << 16;

    private PngWriter() {
    }

    /** {@code img} as PNG bytes; an alpha channel, if any, is dropped (the covers are drawn opaque). */
    static byte[] png(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        ByteArrayOutputStream out = new ByteArrayOutputStream(w * h / 2 + 1024);
        try {
            out.write(SIGNATURE);
            byte[] header = new byte[13];
            putInt(header, 0, w);
            putInt(header, 4, h);
            header[8] = 8; // bits per sample
            header[9] = 2; // truecolour
            // compression 0 (deflate), filter method 0, no interlace
            chunk(out, "IHDR", header, 0, header.length);
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
            try (DeflaterOutputStream z = new DeflaterOutputStream(new IdatStream(out), deflater, CHUNK)) {
                byte[] row = new byte[1 + 3 * w]; // row[0] = 0: filter type None
                int[] argb = direct(img);
                int[] line = argb == null ? new int[w] : null;
                for (int y = 0; y < h; y++) {
                    int[] px;
                    int off;
                    if (argb != null) {
                        px = argb;
                        off = y * w;
                    } else {
                        px = img.getRGB(0, y, w, 1, line, 0, w);
                        off = 0;
                    }
                    for (int x = 0, i = 1; x < w; x++, i += 3) {
                        int p = px[off + x];
                        row[i] = (byte) (p >>> 16);
                        row[i + 1] = (byte) (p >>> 8);
                        row[i + 2] = (byte) p;
                    }
                    z.write(row);
                }
            } finally {
                deflater.end();
            }
            chunk(out, "IEND", new byte[0], 0, 0);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** The pixels as packed RGB when the picture keeps them that way (what the covers draw into), else null. */
    private static int[] direct(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB
                && img.getRaster().getDataBuffer() instanceof DataBufferInt ints
                && ints.getNumBanks() == 1 && img.getRaster().getParent() == null
                && ints.getOffset() == 0 && ints.getSize() == img.getWidth() * img.getHeight()) {
            return ints.getData();
        }
        return null;
    }

    /** The deflated stream, written as IDAT chunks as it comes. */
    private static final class IdatStream extends OutputStream {
        private final OutputStream out;

        IdatStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, CHUNK);
                chunk(out, "IDAT", b, off, n);
                off += n;
                len -= n;
            }
        }
    }

    private static void chunk(OutputStream out, String type, byte[] data, int off, int length) throws IOException {
        byte[] head = new byte[8];
        putInt(head, 0, length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, head, 4, 4);
        out.write(head);
        out.write(data, off, length);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, off, length);
        byte[] tail = new byte[4];
        putInt(tail, 0, (int) crc.getValue());
        out.write(tail);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
