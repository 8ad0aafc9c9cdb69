package dev.sheaf.fonts;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The table directory of a TrueType or OpenType font file (TrueType or CFF outlines); of a collection
 * ({@code .ttc}), its first font, as {@code java.awt.Font.createFont} takes it. Reading a file reads its
 * directory and then only the tables asked for, so looking at a 4 MB CJK face costs a few kilobytes.
 */
public final class FontTables {

    private static final int TTCF = 0x74746366;
    private static final int TRUE = 0x74727565;
    private static final int OTTO = 0x4F54544F;
    private static final int VERSION_1 = 0x00010000;
    private static final int WOFF = 0x774F4646;
    private static final int WOFF2 = 0x774F4632;

    private final SeekableByteChannel in;
    private final Map<Integer, long[]> tables;

    private FontTables(SeekableByteChannel in, Map<Integer, long[]> tables) {
        this.in = in;
        this.tables = tables;
    }

    /**
     * Reads the tables of the font file {@code file} that {@code reader} asks for; the file is open only
     * for that long (an open or mapped file would stay locked on Windows).
     */
    public static <T> T read(Path file, Reader<T> reader) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return reader.read(directory(ch));
        }
    }

    /** The same for a font in memory. */
    public static <T> T read(byte[] font, Reader<T> reader) throws IOException {
        return reader.read(directory(new InMemory(font)));
    }

    /** What is read from a font's tables. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(FontTables font) throws IOException;
    }

    /** The table with this four-letter tag, positioned at its start, if the font has it. */
    public Optional<ByteBuffer> table(String tag) throws IOException {
        long[] where = tables.get(tag(tag));
        if (where == null) {
            return Optional.empty();
        }
        if (where[1] > Integer.MAX_VALUE || where[0] + where[1] > in.size()) {
            throw new IOException("the font's " + tag + " table lies outside the file");
        }
        return Optional.of(bytes(in, where[0], (int) where[1]));
    }

    /**
     * Fails when a table the directory lists lies (partly) outside the file: a truncated download or copy, which the
     * PDF engine would fail on when it embeds the face, long after the book was read.
     */
    public void requireWhole() throws IOException {
        long size = in.size();
        for (long[] t : tables.values()) {
            if (t[0] + t[1] > size) {
                throw new IOException("the font file ends before its tables do: " + size + " bytes, truncated");
            }
        }
    }

    private static FontTables directory(SeekableByteChannel in) throws IOException {
        try {
            long start = 0;
            if (in.size() < 12) {
                // Too short for a font's header: say what it is not unless it starts like one.
                int magic = in.size() >= 4 ? bytes(in, 0, 4).getInt(0) : 0;
                throw new IOException(magic == VERSION_1 || magic == TRUE || magic == OTTO || magic == TTCF
                        ? "the font file ends before its tables do" : "not a TrueType or OpenType font");
            }
            ByteBuffer head = bytes(in, 0, 12);
            int version = head.getInt(0);
            if (version == TTCF) {
                start = bytes(in, 12, 4).getInt(0) & 0xFFFFFFFFL; // the first font's offset
                head = bytes(in, start, 12);
                version = head.getInt(0);
            }
            if (version == WOFF || version == WOFF2) {
                throw new IOException("a compressed web font (WOFF" + (version == WOFF2 ? "2" : "")
                        + "), not a TrueType or OpenType font");
            }
            if (version != VERSION_1 && version != TRUE && version != OTTO) {
                throw new IOException("not a TrueType or OpenType font");
            }
            int count = head.getShort(4) & 0xFFFF;
            ByteBuffer records = bytes(in, start + 12, 16 * count);
            Map<Integer, long[]> tables = new HashMap<>();
            for (int i = 0; i < count; i++) {
                int rec = 16 * i;
                tables.putIfAbsent(records.getInt(rec), new long[] {
                        records.getInt(rec + 8) & 0xFFFFFFFFL, records.getInt(rec + 12) & 0xFFFFFFFFL});
            }
            return new FontTables(in, tables);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IOException("not a readable TrueType or OpenType font: " + e, e);
        }
    }

    private static ByteBuffer bytes(SeekableByteChannel in, long at, int length) throws IOException {
        if (at < 0 || at + length > in.size()) {
            throw new IOException("the font file ends before its tables do");
        }
        ByteBuffer b = ByteBuffer.allocate(length);
        in.position(at);
        while (b.hasRemaining()) {
            if (in.read(b) < 0) {
                throw new IOException("the font file ends before its tables do");
            }
        }
        return b.flip();
    }

    private static int tag(String tag) {
        int t = 0;
        for (int i = 0; i < 4; i++) {
            t = t << 8 | (i < tag.length() ? tag.charAt(i) & 0xFF : ' ');
        }
        return t;
    }

    /** A font already in memory, read through the same channel interface as a file. */
    private static final class InMemory implements SeekableByteChannel {
        private final byte[] bytes;
        private long position;

        InMemory(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = (int) Math.min(dst.remaining(), bytes.length - position);
            dst.put(bytes, (int) position, n);
            position += n;
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            position = newPosition;
            return this;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() { }
    }
}
