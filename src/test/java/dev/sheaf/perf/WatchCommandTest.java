package dev.sheaf.perf;

import dev.sheaf.cli.Main;
import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.Sheaf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sheaf build --watch} builds, then rebuilds after a piece is saved, until it is stopped. */
class WatchCommandTest {

    private static final java.util.regex.Pattern BOTH =
            java.util.regex.Pattern.compile("sheaf: rebuilt 2 files \\((epub, pdf|pdf, epub)\\)");

    @TempDir
    Path tmp;

    @Test
    void should_rebuild_after_a_piece_is_saved_when_watching() throws Exception {
        // setup
        Path book = GeneratedBook.write(tmp.resolve("book"), 12, 9);
        Path out = tmp.resolve("out");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread watch = new Thread(() -> code.set(Main.execute(new String[] {"build", book.toString(), "--out",
                out.toString(), "--format", "epub,pdf", "--watch"}, new PrintWriter(stdout, true), new PrintWriter(stderr, true))));
        watch.start();
        try {
            assertThat(waitFor(() -> stdout.toString().contains("watching"))).as(stdout + "\n" + stderr).isTrue();
            Path piece = book.resolve("chapters").resolve("afghanistan").resolve("00001.md");
            // when
            Files.writeString(piece, "\nOne more sentence.\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            // then: the EPUB first, on its own, then both editions
            // (the summary names the editions in the order they were made: the PDF first, since the EPUB takes
            // its print page numbers from the PDF's layout)
            assertThat(waitFor(() -> BOTH.matcher(stdout.toString()).find())).as(stdout + "\n" + stderr).isTrue();
            String said = stdout.toString();
            java.util.regex.Matcher both = BOTH.matcher(said);
            assertThat(both.find()).isTrue();
            assertThat(said.indexOf("sheaf: rebuilt 1 file (epub)")).as(said).isPositive().isLessThan(both.start());
            assertThat(stderr.toString()).doesNotContain("error");
            // What is left is what a fresh build writes.
            Path fresh = tmp.resolve("fresh");
            assertThat(new Sheaf().build(BuildRequest.of(book, fresh).withFormats(List.of("epub", "pdf"))).success()).isTrue();
            for (String ext : List.of(".epub", ".pdf")) {
                assertThat(Files.readAllBytes(only(out, ext))).as(ext).isEqualTo(Files.readAllBytes(only(fresh, ext)));
            }
        } finally {
            watch.interrupt();
            watch.join(10_000);
        }
        assertThat(watch.isAlive()).isFalse();
        assertThat(code.get()).isEqualTo(Main.OK);
    }

    private static Path only(Path dir, String ext) throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(ext)).findFirst().orElseThrow();
        }
    }

    private static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
