package dev.sheaf.fuzz;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostic;
import dev.sheaf.testing.EpubText;
import dev.sheaf.testing.EpubValidator;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static dev.sheaf.testing.TestBooks.piece;
import static org.assertj.core.api.Assertions.assertThat;

/** Markup and book-shape extremes: each either builds valid editions or fails with located errors. */
class ExtremeInputTest {

    @TempDir
    Path dir;

    private BuildResult build(String... formats) {
        return new Sheaf().build(BuildRequest.of(dir, dir.resolve("out")).withFormats(List.of(formats)));
    }

    @Test
    void should_build_a_five_megabyte_paragraph() throws Exception {
        String para = "word ".repeat(1_000_000) + "end.";
        TestBooks.minimal(dir, "chapters/a/p.md", piece("title: Long\ndate: 2020", para));
        BuildResult r = build("epub");
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        assertThat(EpubValidator.problems(r.written().get(0))).isEmpty();
    }

    @Test
    void should_build_a_table_with_a_thousand_columns_and_a_hundred_thousand_footnotes() throws Exception {
        StringBuilder table = new StringBuilder("|");
        StringBuilder sep = new StringBuilder("|");
        StringBuilder row = new StringBuilder("|");
        for (int i = 0; i < 1000; i++) {
            table.append(" h").append(i).append(" |");
            sep.append("---|");
            row.append(" c").append(i).append(" |");
        }
        StringBuilder notes = new StringBuilder();
        StringBuilder refs = new StringBuilder("Notes");
        for (int i = 0; i < 100_000; i++) {
            refs.append("[^").append(i).append(']');
            notes.append("[^").append(i).append("]: n").append(i).append('\n');
        }
        TestBooks.minimal(dir, "chapters/a/t.md", piece("title: Table\ndate: 2020", table + "\n" + sep + "\n" + row),
                "chapters/a/n.md", piece("title: Notes\ndate: 2021", refs + "\n\n" + notes));
        BuildResult r = build("epub");
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        String text = new EpubText(r.written().get(0)).text();
        assertThat(text).contains("h999", "c999", "n99999");
    }

    @Test
    void should_keep_ids_unique_with_duplicate_titles_punctuation_headings_and_empty_pieces() throws Exception {
        TestBooks.minimal(dir,
                "chapters/a/same.md", piece("title: Same\ndate: 2020", "## ?!\n\n## ?!\n\nText."),
                "chapters/b/same.md", piece("title: Same\ndate: 2020", "Other text."),
                "chapters/b/only-front-matter.md", "---\ntitle: Empty\ndate: 2021\n---\n",
                "chapters/c/_chapter.md", "---\ntitle: Empty chapter\n---\n");
        BuildResult r = build("epub", "pdf");
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        Path epub = r.written().stream().filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
        assertThat(EpubValidator.problems(epub)).isEmpty();
        assertThat(new EpubText(epub).names())
                .contains("EPUB/text/same.xhtml", "EPUB/text/same-2.xhtml", "EPUB/text/only-front-matter.xhtml");
    }

    @Test
    void should_let_two_builds_into_one_folder_finish_without_corrupting_each_other() throws Exception {
        TestBooks.minimal(dir, "chapters/a/p.md", piece("title: P\ndate: 2020", "Text."));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<BuildResult>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit((Callable<BuildResult>) () -> build("epub")));
            }
            for (Future<BuildResult> f : runs) {
                assertThat(f.get().success()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(EpubValidator.problems(dir.resolve("out/test-book.epub"))).isEmpty();
        try (Stream<Path> left = Files.list(dir.resolve("out"))) {
            // The edition and the list of files Sheaf wrote; no staging folder or half-written list left behind.
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("test-book.epub", ".sheaf-written");
        }
    }

    @Test
    void should_refuse_a_citation_style_that_declares_entities() {
        TestBooks.minimal(dir, "chapters/a/p.md", piece("title: P\ndate: 2020", "Text."),
                "evil.csl", "<?xml version=\"1.0\"?><!DOCTYPE style [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\">&x;</style>");
        BuildResult r = new Sheaf().build(BuildRequest.of(dir, dir.resolve("out")).withCitationStyle("evil.csl"));
        assertThat(r.success()).isFalse();
        assertThat(r.diagnostics()).extracting(Diagnostic::format).singleElement().asString()
                .startsWith("evil.csl:1:22: error: the style file evil.csl cannot be used: it declares a DOCTYPE");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
