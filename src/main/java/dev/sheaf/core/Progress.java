package dev.sheaf.core;

/**
 * Hears how a build advances, for a progress line on long builds. The core never prints: the CLI passes
 * an implementation through {@link BuildRequest#withProgress}. Every method has an empty default, so a
 * listener overrides only what it shows. Calls may come from any thread, but never two at once.
 */
public interface Progress {

    /** Hears nothing. */
    Progress NONE = new Progress() { };

    /** {@code done} of {@code total} pieces have been read and parsed. */
    default void piecesRead(int done, int total) { }

    /** Citations are being formatted (sources list, "cite this" lines, inline citations). */
    default void citing() { }

    /**
     * A pass over the whole book begins: {@code "index"} (index marks), {@code "links"} (link resolution), {@code
     * "commit"} (the editions are complete and being moved into place). Reading begins with the build, citations
     * with {@link #citing()}, each edition with {@link #writing}; a timeline ({@code --verbose} of a rebuild) puts
     * them together.
     */
    default void stage(String name) { }

    /** The edition {@code format} (a renderer id such as {@code epub}) is being written. */
    default void writing(String format) { }

    /** The edition being written has put out {@code bytes} bytes so far. */
    default void written(String format, long bytes) { }

    /** The edition {@code format} is complete; it took {@code nanos} nanoseconds. */
    default void finished(String format, long nanos) { }

    /** A listener that tells this one, then {@code other}. */
    default Progress and(Progress other) {
        Progress self = this;
        if (other == NONE) {
            return self;
        }
        if (self == NONE) {
            return other;
        }
        return new Progress() {
            @Override
            public void piecesRead(int done, int total) {
                self.piecesRead(done, total);
                other.piecesRead(done, total);
            }

            @Override
            public void citing() {
                self.citing();
                other.citing();
            }

            @Override
            public void stage(String name) {
                self.stage(name);
                other.stage(name);
            }

            @Override
            public void writing(String format) {
                self.writing(format);
                other.writing(format);
            }

            @Override
            public void written(String format, long bytes) {
                self.written(format, bytes);
                other.written(format, bytes);
            }

            @Override
            public void finished(String format, long nanos) {
                self.finished(format, nanos);
                other.finished(format, nanos);
            }
        };
    }
}
