package dev.sheaf.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.sheaf.testing.TestBooks.minimal;
import static dev.sheaf.testing.TestBooks.piece;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild into the same output folder removes what an earlier build wrote and it no longer writes (the site's
 * page of a deleted piece), and nothing else: not a file someone else put there, not a file changed since Sheaf
 * wrote it, not the files of a format the rebuild did not make. It leaves the site's files that already hold the
 * bytes it makes as they are.
 */
class LeftoverFilesTest {

    private static final List<String> FORMATS = List.of("epub", "site");

    @TempDir
    Path tmp;

    @Test
    void should_remove_the_page_of_a_deleted_piece_and_nothing_it_did_not_write() throws Exception {
        // setup
        Path book = book();
        Path out = tmp.resolve("out");
        build(new Sheaf(), book, out, FORMATS);
        Path gone = page(out, "beta");
        Path edited = page(out, "gamma");
        assertThat(gone).isRegularFile();
        Path mine = Files.writeString(out.resolve("site/pieces/mine.html"), "<p>mine</p>", StandardCharsets.UTF_8);
        Path notes = Files.writeString(out.resolve("notes.txt"), "notes", StandardCharsets.UTF_8);
        Files.writeString(edited, "<p>changed by hand</p>", StandardCharsets.UTF_8);
        // when
        Files.delete(book.resolve("chapters/one/beta.md"));
        Files.delete(book.resolve("chapters/one/gamma.md"));
        BuildResult r = build(new Sheaf(), book, out, FORMATS);
        // then
        assertThat(gone).doesNotExist();
        assertThat(edited).hasContent("<p>changed by hand</p>");
        assertThat(mine).hasContent("<p>mine</p>");
        assertThat(notes).hasContent("notes");
        assertThat(page(out, "alpha")).isRegularFile();
        assertThat(r.written()).allMatch(Files::isRegularFile);
        assertThat(files(out)).doesNotContain("site/pieces/beta.html").contains(".sheaf-written")
                .noneMatch(f -> f.contains("staging") || f.endsWith(".tmp"));
    }

    @Test
    void should_leave_the_files_of_formats_the_build_did_not_make() throws Exception {
        // setup
        Path book = book();
        Path out = tmp.resolve("out");
        build(new Sheaf(), book, out, FORMATS);
        Path gone = page(out, "beta");
        // when
        Files.delete(book.resolve("chapters/one/beta.md"));
        build(new Sheaf(), book, out, List.of("epub"));
        // then
        assertThat(gone).isRegularFile();
        build(new Sheaf(), book, out, FORMATS);
        assertThat(gone).doesNotExist();
    }

    @Test
    void should_leave_removing_to_the_full_build_after_a_quick_step_that_leaves_work() throws Exception {
        // setup: the exports are not written in the quick step
        List<String> formats = List.of("epub", "citations", "site");
        Path book = book();
        Path out = tmp.resolve("out");
        Sheaf session = Sheaf.incremental();
        build(session, book, out, formats);
        Path gone = page(out, "beta");
        // when
        Files.delete(book.resolve("chapters/one/beta.md"));
        BuildResult quick = session.build(BuildRequest.of(book, out).withFormats(formats).asQuickStep());
        // then
        assertThat(quick.success()).isTrue();
        assertThat(session.fullBuildNeeded()).isTrue();
        assertThat(gone).isRegularFile();
        build(session, book, out, formats);
        assertThat(gone).doesNotExist();
    }

    @Test
    void should_remove_leftovers_in_a_quick_step_that_is_the_whole_build() throws Exception {
        // setup
        Path book = book();
        Path out = tmp.resolve("out");
        Sheaf session = Sheaf.incremental();
        build(session, book, out, FORMATS);
        Path gone = page(out, "beta");
        // when
        Files.delete(book.resolve("chapters/one/beta.md"));
        BuildResult quick = session.build(BuildRequest.of(book, out).withFormats(FORMATS).asQuickStep());
        // then
        assertThat(quick.success()).isTrue();
        assertThat(session.fullBuildNeeded()).isFalse();
        assertThat(gone).doesNotExist();
    }

    @Test
    void should_delete_nothing_listed_outside_the_output_folder() throws Exception {
        // setup: a list that names files outside the folder and Sheaf's own bookkeeping
        Path book = book();
        Path out = tmp.resolve("out");
        build(new Sheaf(), book, out, FORMATS);
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "x", StandardCharsets.UTF_8);
        Path cache = Files.createDirectories(out.resolve(".sheaf-cache")).resolve("entry");
        Files.writeString(cache, "y", StandardCharsets.UTF_8);
        long t1 = Files.getLastModifiedTime(outside).toMillis();
        long t2 = Files.getLastModifiedTime(cache).toMillis();
        Files.writeString(out.resolve(WrittenFiles.FILE), Files.readString(out.resolve(WrittenFiles.FILE))
                + "site\t1\t" + t1 + "\t../outside.txt\n" + "site\t1\t" + t2 + "\t.sheaf-cache/entry\n",
                StandardCharsets.UTF_8);
        // when
        build(new Sheaf(), book, out, FORMATS);
        // then
        assertThat(outside).hasContent("x");
        assertThat(cache).hasContent("y");
    }

    @Test
    void should_leave_unchanged_pages_in_place_and_write_changed_ones() throws Exception {
        // setup: every file of a first build dated in the past, one page altered by hand
        Path book = book();
        Path out = tmp.resolve("out");
        build(new Sheaf(), book, out, FORMATS);
        java.nio.file.attribute.FileTime past = java.nio.file.attribute.FileTime.fromMillis(946_684_800_000L);
        for (String f : files(out)) {
            Files.setLastModifiedTime(out.resolve(f), past);
        }
        Files.writeString(page(out, "gamma"), "<p>changed by hand</p>", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(page(out, "gamma"), past);
        // when: one piece edited
        Files.writeString(book.resolve("chapters/one/beta.md"), "\nAn added sentence.\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        BuildResult r = build(new Sheaf(), book, out, FORMATS);
        build(new Sheaf(), book, tmp.resolve("fresh"), FORMATS);
        // then: the untouched pages left alone, the edited and the altered one written, all as a fresh build's
        assertThat(Files.getLastModifiedTime(page(out, "alpha"))).isEqualTo(past);
        assertThat(Files.getLastModifiedTime(page(out, "beta"))).isNotEqualTo(past);
        assertThat(Files.getLastModifiedTime(page(out, "gamma"))).isNotEqualTo(past);
        assertThat(r.written()).contains(page(out, "alpha"), page(out, "beta"));
        List<String> fresh = files(tmp.resolve("fresh")).stream().filter(f -> !f.startsWith(".sheaf")).sorted().toList();
        assertThat(files(out).stream().filter(f -> !f.startsWith(".sheaf")).sorted().toList()).isEqualTo(fresh);
        for (String f : fresh) {
            assertThat(Files.readAllBytes(out.resolve(f))).as(f).isEqualTo(Files.readAllBytes(tmp.resolve("fresh").resolve(f)));
        }
    }

    @Test
    void should_leave_unchanged_editions_and_their_downloads_in_place() throws Exception {
        // setup: a build of the editions and the site, every file dated in the past
        Path book = book();
        Path out = tmp.resolve("out");
        List<String> formats = List.of("epub", "pdf", "site");
        build(new Sheaf(), book, out, formats);
        java.nio.file.attribute.FileTime past = java.nio.file.attribute.FileTime.fromMillis(946_684_800_000L);
        for (String f : files(out)) {
            Files.setLastModifiedTime(out.resolve(f), past);
        }
        List<String> downloads = files(out).stream().filter(f -> f.startsWith("site/downloads/")).toList();
        assertThat(downloads).anyMatch(f -> f.endsWith(".pdf")).anyMatch(f -> f.endsWith(".epub"));
        // when: built again with nothing changed
        BuildResult same = build(new Sheaf(), book, out, formats);
        // then: every edition and every download left as it was, still listed as written
        for (String f : files(out).stream().filter(f -> !f.startsWith(".sheaf")).toList()) {
            assertThat(Files.getLastModifiedTime(out.resolve(f))).as(f).isEqualTo(past);
        }
        assertThat(same.written()).contains(downloads.stream().map(out::resolve).toArray(Path[]::new));
        assertThat(files(out)).noneMatch(f -> f.contains("staging"));
        // when: a piece edited
        Files.writeString(book.resolve("chapters/one/beta.md"), "\nAn added sentence.\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        build(new Sheaf(), book, out, formats);
        build(new Sheaf(), book, tmp.resolve("fresh"), formats);
        // then: the editions and their downloads written again, as a fresh build writes them
        for (String f : downloads) {
            assertThat(Files.getLastModifiedTime(out.resolve(f))).as(f).isNotEqualTo(past);
            assertThat(Files.readAllBytes(out.resolve(f))).as(f).isEqualTo(Files.readAllBytes(tmp.resolve("fresh").resolve(f)));
        }
    }

    private Path book() {
        return minimal(tmp.resolve("book"),
                "chapters/one/alpha.md", piece("title: Alpha\ndate: 2020-01-01", "The first piece."),
                "chapters/one/beta.md", piece("title: Beta\ndate: 2020-01-02", "The second piece."),
                "chapters/one/gamma.md", piece("title: Gamma\ndate: 2020-01-03", "The third piece."));
    }

    private static BuildResult build(Sheaf sheaf, Path book, Path out, List<String> formats) {
        BuildResult r = sheaf.build(BuildRequest.of(book, out).withFormats(formats));
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        return r;
    }

    /** The site's page of the piece with slug {@code slug}. */
    private static Path page(Path out, String slug) throws Exception {
        try (Stream<Path> s = Files.list(out.resolve("site/pieces"))) {
            return s.filter(p -> p.getFileName().toString().contains(slug)).findFirst()
                    .orElse(out.resolve("site/pieces/" + slug + ".html"));
        }
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).toList();
        }
    }
}
