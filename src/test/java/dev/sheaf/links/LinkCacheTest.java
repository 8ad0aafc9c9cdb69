package dev.sheaf.links;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.model.Book;
import dev.sheaf.testing.EpubValidator;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.sheaf.testing.TestBooks.piece;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LinkCache}: a session's build after edits resolves the book's links exactly as a build without the cache —
 * the same book, the same problems, the same bytes in the EPUB and the site — though it takes the ids of unchanged
 * pieces from the build before.
 */
class LinkCacheTest {

    @TempDir
    Path dir;

    @Test
    void a_sessions_links_after_edits_are_a_cold_builds() throws Exception {
        // setup: pieces linking to each other's headings and notes, read once in a session
        Path book = dir.resolve("book");
        TestBooks.minimal(book,
                "book.yaml", "title: Linked\nauthor: A. Writer\nlanguage: en\ndate: \"2026-12-01\"\n",
                "chapters/one/alpha.md", piece("title: Alpha\ndate: 2020-01-01",
                        "Intro.[^1]\n\n## Grey zones\n\nText.\n\n[^1]: A note."),
                "chapters/one/beta.md", piece("title: Beta\ndate: 2020-01-02",
                        "See [the zones](alpha.md#grey-zones), [the note](alpha.md#fn-1) and [red](alpha.md#red-lines)."),
                "chapters/one/gamma.md", piece("title: Gamma\ndate: 2020-01-03", "Unchanged [link](beta.md)."),
                "chapters/one/delta.md", piece("title: Delta\ndate: 2020-01-04", "No link yet."));
        LinkCache links = LinkCache.create();
        Sheaf session = Sheaf.incremental(dev.sheaf.render.RendererRegistry.session(), links);
        BuildRequest request = BuildRequest.of(book, dir.resolve("out")).withFormats(List.of("epub", "site"));
        assertThat(session.build(request).success()).isTrue();
        // when: the linked piece's heading renamed and its note removed, the linking piece untouched
        TestBooks.write(book, "chapters/one/alpha.md", piece("title: Alpha\ndate: 2020-01-01",
                "Intro.\n\n## Red lines\n\nText."));
        // and a piece without links given one
        TestBooks.write(book, "chapters/one/delta.md", piece("title: Delta\ndate: 2020-01-04",
                "Now [a link](alpha.md#red-lines)."));
        Diagnostics warm = new Diagnostics();
        Book incremental = session.book(book, warm).orElseThrow();
        assertThat(links.reusedInLastBuild()).isEqualTo(2); // beta's and gamma's ids, not alpha's
        Diagnostics cold = new Diagnostics();
        Book fresh = new Sheaf().book(book, cold).orElseThrow();
        // then: the same book and the same problems (the zones and the note are gone, red lines found)
        assertThat(incremental).isEqualTo(fresh);
        assertThat(messages(warm.all())).isEqualTo(messages(cold.all()))
                .anyMatch(m -> m.contains("grey-zones")).anyMatch(m -> m.contains("fn-1"))
                .noneMatch(m -> m.contains("red-lines"));
        // and the session's editions are a fresh build's, byte for byte
        assertThat(session.build(request).success()).isTrue();
        Path freshOut = dir.resolve("fresh");
        assertThat(new Sheaf().build(BuildRequest.of(book, freshOut).withFormats(List.of("epub", "site"))).success())
                .isTrue();
        List<String> files = files(freshOut);
        assertThat(files(dir.resolve("out"))).isEqualTo(files);
        for (String f : files) {
            assertThat(Files.readAllBytes(dir.resolve("out").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(freshOut.resolve(f)));
        }
        assertThat(EpubValidator.problems(freshOut.resolve("linked.epub"))).isEmpty();
    }

    @Test
    void a_sessions_links_after_a_piece_is_renamed_are_a_cold_builds() throws Exception {
        // setup: a piece linked to by its file and by its site address, read once in a session
        Path book = TestBooks.minimal(dir.resolve("book"),
                "book.yaml", "title: Renamed\nauthor: A. Writer\nlanguage: en\ndate: \"2026-12-01\"\n",
                "chapters/one/alpha.md", piece("title: Alpha\ndate: 2020-01-01",
                        "See [old](gamma.md), [new](delta.md), [by address](/2021/05/delta/) and [dated](2021-05-03-gamma.html)."),
                "chapters/one/2021-05-03-gamma.md", piece("title: Gamma\ndate: 2020-01-03", "Text."));
        LinkCache links = LinkCache.create();
        Sheaf session = Sheaf.incremental(dev.sheaf.render.RendererRegistry.session(), links);
        session.book(book, new Diagnostics()).orElseThrow();
        // when: the linked piece's file renamed
        Files.move(book.resolve("chapters/one/2021-05-03-gamma.md"), book.resolve("chapters/one/delta.md"));
        Diagnostics warm = new Diagnostics();
        Book incremental = session.book(book, warm).orElseThrow();
        Diagnostics cold = new Diagnostics();
        Book fresh = new Sheaf().book(book, cold).orElseThrow();
        // then: found by its new names only, as a cold build finds it
        assertThat(incremental).isEqualTo(fresh);
        assertThat(messages(warm.all())).isEqualTo(messages(cold.all())).anyMatch(m -> m.contains("gamma.md"))
                .noneMatch(m -> m.contains("delta"));
    }

    private static List<String> messages(List<Diagnostic> all) {
        return all.stream().map(Diagnostic::toString).toList();
    }

    private static List<String> files(Path out) throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(Files::isRegularFile).map(p -> out.relativize(p).toString().replace('\\', '/'))
                    .filter(f -> !f.startsWith(".sheaf")).sorted().toList();
        }
    }
}
