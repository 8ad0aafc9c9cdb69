package dev.sheaf.render.epub;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The EPUB container: {@code mimetype} first and stored, then every entry deflated, all with one fixed
 * timestamp and no extra fields, so the same input always gives the same bytes.
 *
 * <p>Entries are compressed before they are added ({@link #deflate}), on whatever thread made them, and
 * written straight through: the writer itself holds only the central directory, so pieces can be
 * rendered and compressed in parallel and the book never has to sit uncompressed in memory.
 */
final class EpubZip implements AutoCloseable {

    /** Zip without ZIP64 holds at most this many entries. */
    static final int MAX_ENTRIES = 0xFFFF;

    /**
     * One compressed (or stored) entry, ready to be written.
     *
     * @param data the entry's bytes as stored in the archive (raw deflate data, or the plain bytes)
     */
    record Entry(String name, boolean deflated, long crc, long size, byte[] data) { }

    private final OutputStream out;
    private final int dosTime;
    private final int dosDate;
    private final ByteArrayOutputStream central = new ByteArrayOutputStream();
    private long offset;
    private int count;

    EpubZip(OutputStream out, LocalDateTime time) throws IOException {
        this.out = out;
        // DOS timestamps cannot go before 1980.
        LocalDateTime t = time.getYear() < 1980 ? LocalDateTime.of(1980, 1, 1, 0, 0) : time;
        this.dosTime = t.getHour() << 11 | t.getMinute() << 5 | t.getSecond() >> 1;
        this.dosDate = (t.getYear() - 1980) << 9 | t.getMonthValue() << 5 | t.getDayOfMonth();
        add(stored("mimetype", "application/epub+zip".getBytes(StandardCharsets.US_ASCII)));
    }

    /** {@code bytes} compressed at the best level. Thread-safe. */
    static Entry deflate(String name, byte[] bytes) {
        return deflate(name, bytes, Deflater.BEST_COMPRESSION);
    }

    /** {@code bytes} compressed at zlib's {@code level}. Thread-safe. */
    static Entry deflate(String name, byte[] bytes, int level) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        Deflater d = new Deflater(level, true);
        try {
            d.setInput(bytes);
            d.finish();
            ByteArrayOutputStream buf = new ByteArrayOutputStream(Math.max(64, bytes.length / 3));
            byte[] chunk = new byte[16 * 1024];
            while (!d.finished()) {
                int n = d.deflate(chunk);
                buf.write(chunk, 0, n);
            }
            return new Entry(name, true, crc.getValue(), bytes.length, buf.toByteArray());
        } finally {
            d.end();
        }
    }

    /** {@code e} as bytes for the build cache; {@link #decode} reads it back. */
    static byte[] encode(Entry e) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(e.data().length + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(e.name());
            out.writeBoolean(e.deflated());
            out.writeLong(e.crc());
            out.writeLong(e.size());
            out.writeInt(e.data().length);
            out.write(e.data());
        } catch (IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    /** An entry as {@link #encode} wrote it; empty when the bytes are not one (the page is then made again). */
    static Optional<Entry> decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            String name = in.readUTF();
            boolean deflated = in.readBoolean();
            long crc = in.readLong();
            long size = in.readLong();
            byte[] data = new byte[in.readInt()];
            in.readFully(data);
            return in.read() == -1 ? Optional.of(new Entry(name, deflated, crc, size, data)) : Optional.empty();
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            return Optional.empty();
        }
    }

    static Entry stored(String name, byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return new Entry(name, false, crc.getValue(), bytes.length, bytes.clone());
    }

    void add(String path, byte[] data) throws IOException {
        add(deflate(path, data));
    }

    void add(String path, String text) throws IOException {
        add(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code e} (its local header and data) and notes it for the central directory. */
    void add(Entry e) throws IOException {
        if (++count > MAX_ENTRIES) {
            throw new IOException("an EPUB of more than " + MAX_ENTRIES + " files is not supported");
        }
        if (offset > 0xFFFFFFFFL - e.data().length - 1024) {
            throw new IOException("an EPUB larger than 4 GB is not supported");
        }
        byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
        int version = e.deflated() ? 20 : 10;
        int method = e.deflated() ? 8 : 0;
        ByteArrayOutputStream local = new ByteArrayOutputStream(30 + name.length);
        int32(local, 0x04034b50);
        int16(local, version);
        int16(local, 0x0800);                   // names are UTF-8
        int16(local, method);
        int16(local, dosTime);
        int16(local, dosDate);
        int32(local, e.crc());
        int32(local, e.data().length);
        int32(local, e.size());
        int16(local, name.length);
        int16(local, 0);                        // no extra field
        local.write(name);
        local.writeTo(out);
        out.write(e.data());

        int32(central, 0x02014b50);
        int16(central, version);                // made by: MS-DOS attributes, zip 2.0
        int16(central, version);
        int16(central, 0x0800);
        int16(central, method);
        int16(central, dosTime);
        int16(central, dosDate);
        int32(central, e.crc());
        int32(central, e.data().length);
        int32(central, e.size());
        int16(central, name.length);
        int16(central, 0);                      // extra
        int16(central, 0);                      // comment
        int16(central, 0);                      // disk
        int16(central, 0);                      // internal attributes
        int32(central, 0);                      // external attributes
        int32(central, offset);
        central.write(name);
        offset += local.size() + e.data().length;
    }

    /** Writes the central directory; the caller closes the stream. */
    @Override
    public void close() throws IOException {
        long start = offset;
        central.writeTo(out);
        ByteArrayOutputStream end = new ByteArrayOutputStream(22);
        int32(end, 0x06054b50);
        int16(end, 0);
        int16(end, 0);
        int16(end, count);
        int16(end, count);
        int32(end, central.size());
        int32(end, start);
        int16(end, 0);                          // comment
        end.writeTo(out);
        out.flush();
    }

    private static void int16(ByteArrayOutputStream b, int v) {
        b.write(v & 0xff);
        b.write(v >>> 8 & 0xff);
    }

    private static void int32(ByteArrayOutputStream b, long v) {
        int16(b, (int) (v & 0xffff));
        int16(b, (int) (v >>> 16 & 0xffff));
    }
}
