package dev.sheaf.render;

import java.io.IOException;
import java.io.OutputStream;

/** Where renderers write their files, by path relative to the output folder ({@code handouts/x.pdf}). */
public interface OutputSink {

    /** Opens a new file for writing; the caller closes it. */
    OutputStream create(String relativePath) throws IOException;
}
