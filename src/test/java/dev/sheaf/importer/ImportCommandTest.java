package dev.sheaf.importer;

import dev.sheaf.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ImportCommandTest {

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) { }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void dryRunListsAndWritesNothing() {
        Path book = tmp.resolve("book");
        Run r = run("import", WordPressImportTest.WXR.toString(), "--into", book.toString(), "--dry-run",
                "--chapter-by", "year");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("would write book.yaml", "would write chapters/chapter-2022/_chapter.md",
                "would write chapters/chapter-2021/the-railway-that-runs-on-promises.md");
        assertThat(r.err()).contains("sheaf import: (dry run) 3 pieces imported from 1 source; skipped 6:");
        assertThat(Files.exists(book)).isFalse();
    }

    @Test
    void badInputIsAnErrorAndExitCodeOne() throws Exception {
        Path broken = tmp.resolve("broken.xml");
        Files.writeString(broken, "<?xml version=\"1.0\"?>\n<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><title>x",
                StandardCharsets.UTF_8);
        Path notes = tmp.resolve("notes.txt");
        Files.writeString(notes, "hello", StandardCharsets.UTF_8);
        Run r = run("import", broken.toString(), notes.toString(), "--into", tmp.resolve("book").toString());
        assertThat(r.code()).isEqualTo(Main.INPUT_ERRORS);
        assertThat(r.err()).contains(broken + ":2:", "error: cannot import this WordPress export", "[IMP-001]",
                notes + ": error: not a file sheaf import can read", "[IMP-002]")
                .doesNotContain("Exception", "\tat ");
        assertThat(Files.exists(tmp.resolve("book"))).isFalse();
    }

    @Test
    void wrongOptionsAreUsageErrors() {
        assertThat(run("import", "x.xml", "--into", "b", "--chapter-by", "colour").code()).isEqualTo(Main.USAGE);
        assertThat(run("import", "x.xml", "--into", "b", "--from", "last week").code()).isEqualTo(Main.USAGE);
        assertThat(run("import", "x.xml").code()).isEqualTo(Main.USAGE);
    }
}
