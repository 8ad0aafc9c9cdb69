package dev.sheaf.core;

import dev.sheaf.render.OutputSink;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Passes a renderer's files on to the staging folder and tells {@link Progress} how many bytes it has written. */
final class CountingSink implements OutputSink {

    private final OutputSink target;
    private final String format;
    private final Progress progress;
    private final AtomicLong bytes = new AtomicLong();

    CountingSink(OutputSink target, String format, Progress progress) {
        this.target = target;
        this.format = format;
        this.progress = progress;
    }

    @Override
    public OutputStream create(String relativePath) throws IOException {
        OutputStream out = target.create(relativePath);
        if (progress == Progress.NONE) {
            return out;
        }
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                progress.written(format, bytes.incrementAndGet());
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                progress.written(format, bytes.addAndGet(len));
            }
        };
    }

    @Override
    public void write(String relativePath, byte[] data) throws IOException {
        target.write(relativePath, data);
        if (progress != Progress.NONE) {
            progress.written(format, bytes.addAndGet(data.length));
        }
    }

    @Override
    public Map<String, Long> written() throws IOException {
        return target.written();
    }

    @Override
    public InputStream open(String relativePath) throws IOException {
        return target.open(relativePath);
    }
}
