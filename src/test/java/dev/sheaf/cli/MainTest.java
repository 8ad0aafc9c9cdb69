package dev.sheaf.cli;

import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.sheaf.testing.TestBooks.piece;
import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void should_print_help_and_version() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("build", "check", "new");
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("sheaf ");
    }

    @Test
    void a_command_run_alone_is_modelled_as_in_the_whole_command_line() {
        picocli.CommandLine all = Main.commandLine();
        assertThat(all.getSubcommands().keySet()).containsExactly("build", "check", "new", "serve", "import", "index",
                "resident", "help");
        for (String name : all.getSubcommands().keySet()) {
            picocli.CommandLine alone = Main.commandLine(name);
            if (name.equals("help")) {
                assertThat(alone.getSubcommands()).hasSameSizeAs(all.getSubcommands());
                continue;
            }
            assertThat(alone.getSubcommands().keySet()).containsExactly(name);
            assertThat(alone.getSubcommands().get(name).getCommandName()).isEqualTo(name);
            assertThat(alone.getSubcommands().get(name).getUsageMessage())
                    .isEqualTo(all.getSubcommands().get(name).getUsageMessage());
        }
        assertThat(Main.commandLine("biuld").getSubcommands()).hasSameSizeAs(all.getSubcommands());
        assertThat(run("biuld")).isEqualTo(2);
        assertThat(err.toString()).contains("build");
    }

    @Test
    void the_commands_written_in_code_set_each_option_on_their_own_field() {
        picocli.CommandLine check = Main.commandLine("check");
        check.parseArgs("check");
        CheckCommand c = check.getSubcommands().get("check").getCommand();
        assertThat(c.bookDir).isEqualTo(Path.of("."));
        assertThat(c.failOnWarnings || c.verbosity.quiet || c.verbosity.verbose || c.diagnostics.json()).isFalse();
        assertThat(c.citationStyle).isNull();
        check.parseArgs("check", "b", "--fail-on-warnings", "--citation-style", "apa", "-q", "--diagnostics", "json");
        assertThat(c.bookDir).isEqualTo(Path.of("b"));
        assertThat(c.failOnWarnings).isTrue();
        assertThat(c.citationStyle).isEqualTo("apa");
        assertThat(c.verbosity.quiet).isTrue();
        assertThat(c.verbosity.verbose).isFalse();
        assertThat(c.diagnostics.json()).isTrue();
        check.parseArgs("check", "--verbose");
        assertThat(c.verbosity.verbose).isTrue();
        assertThat(c.verbosity.quiet || c.failOnWarnings || c.diagnostics.json()).isFalse();
        assertThat(c.bookDir).isEqualTo(Path.of("."));

        picocli.CommandLine build = Main.commandLine("build");
        build.parseArgs("build");
        BuildCommand b = build.getSubcommands().get("build").getCommand();
        assertThat(b.formats).isEmpty();
        assertThat(b.out).isNull();
        assertThat(b.failOnWarnings || b.watch || b.noCache || b.verbosity.quiet || b.verbosity.verbose).isFalse();
        build.parseArgs("build", "b", "-o", "o", "-f", "epub,pdf", "--format", "site", "--fail-on-warnings", "--citation-style",
                "mla", "-w", "-v", "--no-cache", "--diagnostics=json");
        assertThat(b.bookDir).isEqualTo(Path.of("b"));
        assertThat(b.out).isEqualTo(Path.of("o"));
        assertThat(b.formats).containsExactly("epub", "pdf", "site");
        assertThat(b.citationStyle).isEqualTo("mla");
        assertThat(b.failOnWarnings && b.watch && b.noCache && b.verbosity.verbose && b.diagnostics.json()).isTrue();
        assertThat(b.verbosity.quiet).isFalse();
        build.parseArgs("build", "--quiet");
        assertThat(b.formats).isEmpty();
        assertThat(b.verbosity.quiet).isTrue();
        assertThat(b.failOnWarnings || b.watch || b.noCache || b.verbosity.verbose || b.diagnostics.json()).isFalse();
    }

    @Test
    void should_exit_2_on_usage_errors() {
        assertThat(run("build", "--no-such-option")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
        assertThat(run("build", ".", "--format", "docx")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown format 'docx'");
    }

    @Test
    void should_build_the_smallest_valid_book() throws Exception {
        TestBooks.minimal(dir, "chapters/one/p.md", piece("title: P\ndate: 2020-01-02", "Text."));
        assertThat(run("build", dir.toString(), "--out", dir.resolve("out").toString())).isZero();
        assertThat(dir.resolve("out/test-book.epub")).exists();
        assertThat(dir.resolve("out/test-book.bib")).exists();
        assertThat(out.toString()).containsPattern("sheaf: built \\d+ files \\(pdf, epub, [a-z, ]+\\) in [\\d.]+ s into ")
                .doesNotContain("wrote ");
        assertThat(out.toString().lines()).hasSize(1);
    }

    @Test
    void should_list_the_files_written_only_when_verbose() throws Exception {
        TestBooks.minimal(dir, "chapters/one/p.md", piece("title: P\ndate: 2020-01-02", "Text."));
        Path outDir = dir.resolve("out");
        assertThat(run("build", dir.toString(), "--out", outDir.toString(), "--verbose", "--format", "epub")).isZero();
        assertThat(out.toString()).contains("wrote " + outDir.resolve("test-book.epub"))
                .containsPattern("sheaf: built 1 file \\(epub\\) in ");
        out.getBuffer().setLength(0);
        assertThat(run("build", dir.toString(), "--out", outDir.toString(), "--quiet")).isZero();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void should_say_with_verbose_what_a_second_build_took_from_the_build_cache() throws Exception {
        TestBooks.minimal(dir, "chapters/one/p.md", piece("title: P\ndate: 2020-01-02", "Text."),
                "chapters/one/q.md", piece("title: Q\ndate: 2020-01-03", "More text."));
        Path outDir = dir.resolve("out");
        assertThat(run("build", dir.toString(), "--out", outDir.toString(), "--verbose", "--format", "epub")).isZero();
        assertThat(out.toString()).contains("sheaf: read: 2 of 2 pieces parsed, 0 reused; "
                + "citations: 4 of 4 citations and lists formatted, 0 reused; EPUB: 2 of 2 pages compressed, 0 reused");
        Files.writeString(dir.resolve("chapters/one/q.md"), piece("title: Q\ndate: 2020-01-03", "Other text."));
        out.getBuffer().setLength(0);
        assertThat(run("build", dir.toString(), "--out", outDir.toString(), "--verbose", "--format", "epub")).isZero();
        assertThat(out.toString()).contains("sheaf: read: 1 of 2 pieces parsed, 1 reused; "
                + "citations: 0 of 4 citations and lists formatted, 4 reused; EPUB: 1 of 2 pages compressed, 1 reused");
        out.getBuffer().setLength(0);
        assertThat(run("build", dir.toString(), "--out", outDir.toString(), "-v", "-f", "epub", "--no-cache")).isZero();
        assertThat(out.toString()).contains("sheaf: EPUB: 2 of 2 pages compressed, 0 reused");
    }

    @Test
    void should_exit_1_with_located_errors_and_write_nothing() throws Exception {
        TestBooks.minimal(dir, "chapters/one/p.md", piece("title: P\ndate: someday", "Text."),
                "chapters/one/q.md", "---\ntitle: Q\n");
        Path outDir = dir.resolve("out");
        assertThat(run("build", dir.toString(), "--out", outDir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("chapters/one/p.md:3:7: error: date \"someday\" is not a date")
                .contains("chapters/one/q.md:1:1: error: front matter is not closed")
                .contains("no edition was written")
                .doesNotContain("Exception");
        try (Stream<Path> files = Files.exists(outDir) ? Files.walk(outDir) : Stream.empty()) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void should_keep_the_previous_edition_when_a_rebuild_fails() throws Exception {
        TestBooks.minimal(dir, "chapters/one/p.md", piece("title: P\ndate: 2020-01-02", "Text."));
        Path outDir = dir.resolve("out");
        assertThat(run("build", dir.toString(), "--out", outDir.toString())).isZero();
        byte[] before = Files.readAllBytes(outDir.resolve("test-book.epub"));
        List<String> firstBuild;
        try (Stream<Path> files = Files.list(outDir)) {
            firstBuild = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        TestBooks.write(dir, "chapters/one/p.md", piece("title: P\ndate: never", "Text."));
        assertThat(run("build", dir.toString(), "--out", outDir.toString())).isEqualTo(1);
        assertThat(Files.readAllBytes(outDir.resolve("test-book.epub"))).isEqualTo(before);
        try (Stream<Path> files = Files.list(outDir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactlyElementsOf(firstBuild);
        }
    }

    @Test
    void should_refuse_an_output_folder_inside_the_sources() {
        TestBooks.minimal(dir, "chapters/one/p.md", piece("title: P\ndate: 2020-01-02", "Text."));
        assertThat(run("build", dir.toString(), "--out", dir.resolve("chapters/out").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("inside the book's chapters/ folder");
        assertThat(dir.resolve("chapters/out")).doesNotExist();
    }

    @Test
    void should_check_without_writing_and_list_unknown_fields() {
        TestBooks.minimal(dir, "chapters/one/p.md", piece("title: P\ndate: 2020-01-02\nmood: calm\ntitel: x", "Text."));
        assertThat(run("check", dir.toString())).isZero();
        assertThat(err.toString()).contains("info: unknown field \"mood\" is kept for templates")
                .contains("warning: unknown field \"titel\" \u2014 did you mean \"title\"?")
                .contains("1 warning");
        assertThat(dir.resolve("target")).doesNotExist();
        assertThat(run("check", dir.toString(), "--fail-on-warnings")).isEqualTo(1);
    }

    @Test
    void should_count_the_warnings_of_a_kind_past_the_first_ten_unless_verbose() throws Exception {
        TestBooks.minimal(dir, "chapters/one/p.md", piece("title: P\ndate: 2020-01-02", "Nothing indexed here."));
        StringBuilder index = new StringBuilder("entries:\n");
        for (int i = 1; i <= 14; i++) {
            index.append("  Absent").append(i).append(":\n");
        }
        Files.writeString(dir.resolve("index.yaml"), index.toString());
        assertThat(run("check", dir.toString())).isZero();
        assertThat(err.toString().lines().filter(l -> l.matches("index\\.yaml:[0-9]+:3: warning: .*\\[IDX-004]")))
                .hasSize(10);
        assertThat(err.toString()).contains("index.yaml: warning: and 4 more like the ones above, 14 in all \u2014 "
                + "--verbose lists every one, as does --diagnostics json [IDX-004]").contains("14 warnings");
        err.getBuffer().setLength(0);
        assertThat(run("check", dir.toString(), "--verbose")).isZero();
        assertThat(err.toString().lines().filter(l -> l.contains("[IDX-004]"))).hasSize(14)
                .allMatch(l -> l.matches("index\\.yaml:[0-9]+:3: .*"));
    }

    @Test
    void should_scaffold_a_new_book_that_builds() {
        Path book = dir.resolve("my-book");
        assertThat(run("new", book.toString())).isZero();
        assertThat(run("check", book.toString())).isZero();
        assertThat(run("build", book.toString(), "--out", dir.resolve("out").toString())).isZero();
        assertThat(dir.resolve("out/my-anthology.epub")).exists();
        assertThat(run("new", book.toString())).isEqualTo(1);
    }
}
