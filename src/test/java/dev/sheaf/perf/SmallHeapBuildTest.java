package dev.sheaf.perf;

import dev.sheaf.testing.PdfText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A book of a few hundred pieces builds, EPUB and PDF, in a JVM of its own whose heap is smaller than the
 * book laid out in one go would need: the CLI runs with {@code -Xmx}{@value #HEAP}. Laid out as one document
 * (about 1,500 A5 pages), the same build runs out of memory at this heap (checked by hand with
 * {@code -Dsheaf.pdf.piecesPerPart=0}); the PDF edition is laid out in parts, so its memory does not grow with
 * the book. In parts it needed between 112 and 120 MB (2026-12-04); at 128 MB the test failed once in a clean
 * build, so the heap leaves room for the collector's timing. No timing is checked here.
 */
class SmallHeapBuildTest {

    static final String HEAP = "144m";

    @TempDir
    Path tmp;

    @Test
    void should_build_both_editions_of_450_pieces_when_the_heap_is_small() throws Exception {
        // setup
        Path book = GeneratedBook.write(tmp.resolve("book"), 450, 11);
        Path out = tmp.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx" + HEAP, "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "dev.sheaf.cli.Main",
                "build", book.toString(), "--out", out.toString(), "--format", "epub,pdf", "--quiet")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile());
        // when
        Process p = pb.start();
        boolean finished = p.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            p.destroyForcibly();
        }
        // then
        String log = read(tmp.resolve("log.txt"));
        assertThat(finished).as("finished; log: %s", log).isTrue();
        assertThat(p.exitValue()).as("exit code; log: %s", log).isZero();
        assertThat(log).doesNotContain("OutOfMemoryError", "internal error");
        List<Path> files;
        try (var s = Files.list(out)) {
            files = s.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString()).contains("generated.epub", "generated.pdf");
        try (PdfText pdf = new PdfText(out.resolve("generated.pdf"))) {
            assertThat(pdf.pages()).isGreaterThan(1200);
            assertThat(pdf.outline()).hasSize(4 + 1 + 1);
        }
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }
}
