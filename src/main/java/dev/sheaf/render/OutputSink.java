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
