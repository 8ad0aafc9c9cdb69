package dev.sheaf.render.epub;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The EPUB container: {@code mimetype} first and stored, then every entry deflated, all with one fixed
 * timestamp and no extra fields, so the same input always gives the same bytes.
 */
final class EpubZip implements AutoCloseable {

    private final ZipOutputStream zip;
    private final LocalDateTime time;

    EpubZip(OutputStream out, LocalDateTime time) throws IOException {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.zip.setLevel(Deflater.BEST_COMPRESSION);
        // DOS timestamps cannot go before 1980.
        this.time = time.getYear() < 1980 ? LocalDateTime.of(1980, 1, 1, 0, 0) : time;
        byte[] mimetype = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
        ZipEntry e = new ZipEntry("mimetype");
        e.setMethod(ZipEntry.STORED);
        e.setSize(mimetype.length);
        e.setCompressedSize(mimetype.length);
        CRC32 crc = new CRC32();
        crc.update(mimetype);
        e.setCrc(crc.getValue());
        e.setTimeLocal(this.time);
        zip.putNextEntry(e);
        zip.write(mimetype);
        zip.closeEntry();
    }

    void add(String path, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(path);
        e.setTimeLocal(time);
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    void add(String path, String text) throws IOException {
        add(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        zip.finish();
        zip.flush();
    }
}
