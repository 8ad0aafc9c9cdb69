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
}
