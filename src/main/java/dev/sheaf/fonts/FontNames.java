package dev.sheaf.fonts;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A font's family and full name from its {@code name} table, chosen as {@code java.awt.Font} chooses them
 * for {@code getFamily(Locale.ROOT)} and {@code getFontName(Locale.ROOT)}: among the Windows-platform
 * records, the first in US English, else the first in any language. Reading them here keeps the JDK's
 * font system (AWT, fontconfig) out of a build that draws nothing.
 *
 * @param family   name 1, the family (as {@code java.awt.Font.getFamily})
 * @param fullName name 4, the full name ("Noto Serif Bold Italic")
 */
public record FontNames(String family, String fullName) {

    private static final int WINDOWS = 3;
    private static final int US_ENGLISH = 0x0409;
    private static final int FAMILY = 1;
    private static final int FULL_NAME = 4;

    /** The names of {@code font}; a font without both (the JDK refuses such a font too) is an error. */
    public static FontNames of(FontTables font) throws IOException {
        ByteBuffer name = font.table("name").orElseThrow(() -> new IOException("the font has no name table"));
        try {
            String family = find(name, FAMILY)
                    .orElseThrow(() -> new IOException("the font's name table has no family name"));
            String full = find(name, FULL_NAME)
                    .orElseThrow(() -> new IOException("the font's name table has no full name"));
            return new FontNames(family, full);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IOException("not a readable font name table: " + e, e);
        }
    }

    private static Optional<String> find(ByteBuffer b, int nameId) {
        int count = b.getShort(2) & 0xFFFF;
        int strings = b.getShort(4) & 0xFFFF;
        int any = -1;
        for (int i = 0; i < count; i++) {
            int rec = 6 + 12 * i;
            if ((b.getShort(rec) & 0xFFFF) != WINDOWS || (b.getShort(rec + 6) & 0xFFFF) != nameId) {
                continue;
            }
            if ((b.getShort(rec + 4) & 0xFFFF) == US_ENGLISH) {
                return Optional.of(decode(b, rec, strings));
            }
            if (any < 0) {
                any = rec;
            }
        }
        return any < 0 ? Optional.empty() : Optional.of(decode(b, any, strings));
    }

    /**
     * UTF-16 for the Unicode and symbol encodings; the old double-byte encodings (2 to 6) as the JDK reads
     * them, dropping zero bytes first (some such fonts store ASCII names as two bytes a character).
     */
    private static String decode(ByteBuffer b, int rec, int strings) {
        int encoding = b.getShort(rec + 2) & 0xFFFF;
        int length = b.getShort(rec + 8) & 0xFFFF;
        int offset = strings + (b.getShort(rec + 10) & 0xFFFF);
        byte[] bytes = new byte[length];
        b.get(offset, bytes);
        Charset charset = switch (encoding) {
            case 2 -> Charset.forName("SJIS");
            case 3 -> Charset.forName("GBK");
            case 4 -> Charset.forName("MS950");
            case 5 -> Charset.forName("EUC_KR");
            case 6 -> Charset.forName("Johab");
            default -> StandardCharsets.UTF_16;
        };
        if (encoding >= 2 && encoding <= 6) {
            int n = 0;
            for (byte x : bytes) {
                if (x != 0) {
                    bytes[n++] = x;
                }
            }
            return new String(bytes, 0, n, charset);
        }
        return new String(bytes, charset);
    }
}
