package dev.sheaf.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.util.Map;

/** Where renderers write their files, by path relative to the output folder ({@code handouts/x.pdf}). */
public interface OutputSink {

    /** Opens a new file for writing; the caller closes it. */
    OutputStream create(String relativePath) throws IOException;

    /**
     * Writes a whole file. A sink may leave a file that already holds exactly {@code data} where it is instead of
     * writing it again (a rebuild then rewrites only what changed); the result is the same.
     */
    default void write(String relativePath, byte[] data) throws IOException {
        try (OutputStream os = create(relativePath)) {
            os.write(data);
        }
    }

    /**
     * The files written so far in this build (closed ones, by earlier renderers), by relative path in the
     * order they were created, with their sizes in bytes. Empty when the sink does not keep track.
     */
    default Map<String, Long> written() throws IOException {
        return Map.of();
    }

    /** Reads back a file written earlier in this build, one of {@link #written()}; the caller closes it. */
    default InputStream open(String relativePath) throws IOException {
        throw new NoSuchFileException(relativePath);
    }
}
