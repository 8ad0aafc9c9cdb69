package dev.sheaf.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Recognises image formats from their first bytes, never from file names. */
public final class ImageTypes {

    private ImageTypes() { }

    /** The media type of {@code head} (the start of a file), or empty when it is no supported image. */
    public static Optional<String> of(byte[] head, int length) {
        int n = Math.min(length, head.length);
        if (n >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (n >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return Optional.of("image/png");
        }
        if (n >= 6 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8') {
            return Optional.of("image/gif");
        }
        String start = new String(head, 0, Math.min(n, 512), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        return start.contains("<svg") ? Optional.of("image/svg+xml") : Optional.empty();
    }

    public static Optional<String> of(Path file) {
        byte[] head = new byte[512];
        try (InputStream in = Files.newInputStream(file)) {
            return of(head, in.readNBytes(head, 0, head.length));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Images larger than this on either side are refused: decoding them could exhaust memory. */
    public static final int MAX_SIDE = 12_000;
    /** Images with more pixels than this are refused (a 100-megapixel RGBA image needs 400 MB). */
    public static final long MAX_PIXELS = 60_000_000L;

    /**
     * Checks what the header of an image promises without decoding it: its size is within limits and
     * the file is complete. Returns a problem to report, or empty when the image is usable.
     */
    public static Optional<String> problem(Path file, String mediaType) {
        if (mediaType.equals("image/svg+xml")) {
            // Parsed now: an SVG that is not well-formed would break every edition.
            return dev.sheaf.svg.SvgImages.problem(file);
        }
        try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(file.toFile())) {
            java.util.Iterator<javax.imageio.ImageReader> readers = javax.imageio.ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.of("its format cannot be read");
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w > MAX_SIDE || h > MAX_SIDE || w * h > MAX_PIXELS) {
                    return Optional.of("it claims " + w + " \u00d7 " + h + " pixels, more than the limit of "
                            + MAX_SIDE + " pixels a side and " + MAX_PIXELS / 1_000_000 + " megapixels");
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.of("its header cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return complete(file, mediaType) ? Optional.empty() : Optional.of("the file is truncated");
    }

    /** JPEG files end with an EOI marker, PNG files with an IEND chunk, GIF files with a trailer byte. */
    private static boolean complete(Path file, String mediaType) {
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate((int) Math.min(size, 64));
            ch.position(size - tail.capacity());
            while (tail.hasRemaining() && ch.read(tail) > 0) {
                // read the tail
            }
            byte[] t = tail.array();
            String text = new String(t, StandardCharsets.ISO_8859_1);
            return switch (mediaType) {
                // Some encoders pad after the EOI marker, so look for it near the end.
                case "image/jpeg" -> text.contains("\u00ff\u00d9");
                case "image/png" -> text.contains("IEND");
                case "image/gif" -> t.length > 0 && t[t.length - 1] == 0x3B;
                default -> true;
            };
        } catch (IOException e) {
            return false;
        }
    }
}
