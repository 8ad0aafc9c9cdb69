package dev.sheaf.core;

import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static dev.sheaf.testing.TestBooks.piece;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A build nobody waits for any more ({@link BuildRequest#cancelled()}: its command was interrupted) is given up and
 * writes nothing, whether it was given up before it began or between two editions; with the build cache too. A failed
 * build leaves no output folder it made behind.
 */
class CancelledBuildTest {

    @TempDir
    Path tmp;

    private Path book() {
        return TestBooks.minimal(tmp.resolve("book"), "chapters/one/p.md", piece("title: P\ndate: 2020-01-02", "Text."));
    }

    @Test
    void a_build_cancelled_before_it_begins_writes_nothing() throws IOException {
        Path out = tmp.resolve("out");
        BuildResult r = new Sheaf().build(BuildRequest.of(book(), out).withFormats(List.of("epub", "site"))
                .withCancelled(() -> true));
        assertThat(r.success()).isFalse();
        assertThat(files(out)).isEmpty();
    }

    @Test
    void a_build_cancelled_after_its_first_edition_writes_none_of_them_and_keeps_the_earlier_ones() throws IOException {
        Path book = book();
        Path out = tmp.resolve("out");
        BuildResult first = new Sheaf().build(BuildRequest.of(book, out).withFormats(List.of("epub", "citations"))
                .withBuildCache(true));
        assertThat(first.success()).isTrue();
        List<String> before = files(out);
        byte[] epub = Files.readAllBytes(out.resolve("test-book.epub"));
        Files.writeString(book.resolve("chapters/one/p.md"), piece("title: P\ndate: 2020-01-02", "Other text."));

        AtomicBoolean gone = new AtomicBoolean();
        BuildResult r = new Sheaf().build(BuildRequest.of(book, out).withFormats(List.of("epub", "citations"))
                .withBuildCache(true).withCancelled(gone::get).withProgress(new Progress() {
                    @Override
                    public void finished(String format, long nanos) {
                        gone.set(true);
                    }
                }));
        assertThat(r.success()).isFalse();
        assertThat(files(out)).isEqualTo(before);
        assertThat(Files.readAllBytes(out.resolve("test-book.epub"))).as("the earlier EPUB, untouched").isEqualTo(epub);
    }

    /**
     * A failed build leaves no trace, not even the output folder it had to make (nor the folders above it); a folder
     * that was there before stays.
     */
    @Test
    void a_failed_build_removes_the_output_folders_it_made_and_keeps_those_it_found() throws IOException {
        Path book = TestBooks.minimal(tmp.resolve("bad"), "chapters/one/p.md", piece("title: P\ndate: 2020-13-45", "Text."));
        for (boolean cache : List.of(true, false)) {
            Path out = tmp.resolve("made-" + cache).resolve("a/out");
            BuildResult r = new Sheaf().build(BuildRequest.of(book, out).withFormats(List.of("epub"))
                    .withBuildCache(cache));
            assertThat(r.success()).as(r.diagnostics().toString()).isFalse();
            assertThat(tmp.resolve("made-" + cache)).as("with the cache: " + cache).doesNotExist();
        }
        Path existing = Files.createDirectories(tmp.resolve("existing/out"));
        assertThat(new Sheaf().build(BuildRequest.of(book, existing).withFormats(List.of("epub"))
                .withBuildCache(true)).success()).isFalse();
        assertThat(existing).isEmptyDirectory();
        Path cancelled = tmp.resolve("cancelled/out");
        assertThat(new Sheaf().build(BuildRequest.of(book(), cancelled).withFormats(List.of("epub"))
                .withCancelled(() -> true)).success()).isFalse();
        assertThat(tmp.resolve("cancelled")).doesNotExist();
    }

    private static List<String> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
