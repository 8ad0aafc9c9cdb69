package dev.sheaf.perf;

import dev.sheaf.buildcache.BuildCache;
import dev.sheaf.buildcache.Reuse;
import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.testing.EpubValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A build in a new JVM (a new {@link Sheaf}, as {@code mvn package} and {@code sheaf build} make) takes from the
 * output folder's build cache what an earlier build made from the same inputs; what it writes must be what a cold
 * build writes, byte for byte.
 */
class PartialRebuildTest {

    private static final List<String> FORMATS = List.of("epub", "citations", "site");

    @TempDir
    Path tmp;

    @Test
    void should_remake_only_the_edited_pages_and_write_what_a_cold_build_writes() throws Exception {
        // setup
        Path book = GeneratedBook.write(tmp.resolve("book"), 16, 11, true);
        Path out = tmp.resolve("out");
        BuildResult first = build(book, out, true);
        List<Path> pieces = pieces(book);
        // when: a new title (the piece, and the pagers of its neighbours) and a new paragraph (the piece alone)
        String text = Files.readString(pieces.get(6), StandardCharsets.UTF_8).replaceFirst("title: .*", "title: \"A New Title\"");
        Files.writeString(pieces.get(6), text, StandardCharsets.UTF_8);
        Files.writeString(pieces.get(12), "\nAn added paragraph with a new word: zyxwv.\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        BuildResult second = build(book, out, true);
        build(book, tmp.resolve("cold"), false);
        // then
        assertThat(first.reuse()).extracting(Reuse::reused).containsOnly(0);
        // A new title changes the sources list: the citations are formatted again, but of the bibliography entries
        // only the edited piece's two (its place in the sources list and its "cite this" line).
        assertThat(second.describeReuse()).matches(
                "read: 2 of 16 pieces parsed, 14 reused; citations: (\\d+) of \\1 citations and lists formatted, 0 reused; "
                        + "citations: 2 of (\\d+) bibliography entries formatted, \\d+ reused; "
                        + "EPUB: 2 of 16 pages compressed, 14 reused; site: .*");
        Reuse site = second.reuse().get(4);
        assertThat(site.total()).isEqualTo(16);
        assertThat(site.total() - site.reused()).isBetween(2, 4);
        assertSameFiles(out, tmp.resolve("cold"));
        Path epub = second.written().stream().filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
        assertThat(EpubValidator.problems(epub)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ieee", "chicago-notes-bibliography", "apa"})
    void should_format_only_the_edited_pieces_entries_and_write_what_a_cold_build_writes(String style) throws Exception {
        // setup: a numeric style (entries depend on their numbers), a note style, another author-date style
        Path book = GeneratedBook.write(tmp.resolve("book"), 12, 7, true);
        Files.writeString(book.resolve("book.yaml"), "citation-style: " + style + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Path out = tmp.resolve("out");
        build(book, out, true);
        List<Path> pieces = pieces(book);
        // when: a new title moves the piece in the sources list
        String text = Files.readString(pieces.get(4), StandardCharsets.UTF_8).replaceFirst("title: .*", "title: \"Aaa\"");
        Files.writeString(pieces.get(4), text, StandardCharsets.UTF_8);
        BuildResult second = build(book, out, true);
        build(book, tmp.resolve("cold"), false);
        // then
        assertSameFiles(out, tmp.resolve("cold"));
        Reuse entries = second.reuse().stream().filter(r -> r.items().equals("bibliography entries")).findFirst()
                .orElseThrow();
        assertThat(entries.reused()).isPositive().isLessThanOrEqualTo(entries.total() - 2);
    }

    @Test
    void should_reuse_every_page_of_an_unchanged_book_and_none_without_the_cache() throws Exception {
        // setup
        Path book = GeneratedBook.write(tmp.resolve("book"), 6, 5);
        Path out = tmp.resolve("out");
        build(book, out, true);
        // when
        BuildResult again = build(book, out, true);
        BuildResult without = build(book, out, false);
        // then
        // The sources list, the book's citation and a "cite this" line per piece.
        assertThat(again.describeReuse()).isEqualTo("read: 0 of 6 pieces parsed, 6 reused; "
                + "citations: 0 of 8 citations and lists formatted, 8 reused; EPUB: 0 of 6 pages compressed, 6 reused; "
                + "site: 0 of 6 piece pages written, 6 reused");
        assertThat(without.reuse()).extracting(Reuse::reused).containsOnly(0);
    }

    @Test
    void should_build_as_usual_when_the_cache_is_damaged() throws Exception {
        // setup
        Path book = GeneratedBook.write(tmp.resolve("book"), 6, 3);
        Path out = tmp.resolve("out");
        build(book, out, true);
        try (Stream<Path> s = Files.walk(out.resolve(BuildCache.FOLDER))) {
            for (Path f : s.filter(Files::isRegularFile).filter(f -> !f.endsWith("CACHEDIR.TAG")).toList()) {
                byte[] b = Files.readAllBytes(f);
                b[b.length / 2] ^= 0x55;
                Files.write(f, b);
            }
        }
        // when
        BuildResult damaged = build(book, out, true);
        build(book, tmp.resolve("cold"), false);
        // then
        assertThat(damaged.reuse()).extracting(Reuse::reused).containsOnly(0);
        assertSameFiles(out, tmp.resolve("cold"));
        assertThat(build(book, out, true).reuse()).filteredOn(r -> !r.edition().equals("citations"))
                .extracting(Reuse::reused).containsOnly(6);
    }

    @Test
    void should_take_unchanged_citations_from_the_cache_and_report_their_problems_where_they_now_are() throws Exception {
        // setup: a note style (citations become notes), a citation of an unknown key, a citation in a note
        Path book = GeneratedBook.write(tmp.resolve("book"), 9, 7, true);
        Files.writeString(book.resolve("book.yaml"), "citation-style: chicago-notes-bibliography\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        List<Path> pieces = pieces(book);
        Files.writeString(pieces.get(1), "\nUnknown [@nosuch, 3] and known [@work2].[^c]\n\n[^c]: See [@work3].\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path out = tmp.resolve("out");
        BuildResult first = build(book, out, true);
        // when: a paragraph before the citations, which moves them down but changes none
        String text = Files.readString(pieces.get(1), StandardCharsets.UTF_8);
        int body = text.indexOf("\n---\n", 4) + 5;
        Files.writeString(pieces.get(1), text.substring(0, body) + "\nA first paragraph.\n\nA second one.\n"
                + text.substring(body), StandardCharsets.UTF_8);
        BuildResult second = build(book, out, true);
        BuildResult cold = build(book, tmp.resolve("cold"), false);
        // then
        Reuse citations = citations(second);
        assertThat(citations.total()).isPositive();
        assertThat(citations.reused()).isEqualTo(citations.total());
        assertThat(citations(first).reused()).isZero();
        assertSameFiles(out, tmp.resolve("cold"));
        assertThat(second.diagnostics()).isEqualTo(cold.diagnostics());
        assertThat(second.diagnostics()).anyMatch(d -> d.id() == dev.sheaf.diag.MessageId.CIT_001
                && d.where().line() > first.diagnostics().stream()
                        .filter(f -> f.id() == dev.sheaf.diag.MessageId.CIT_001).findFirst().orElseThrow().where().line());
        // when: a citation changed
        Files.writeString(pieces.get(1), Files.readString(pieces.get(1), StandardCharsets.UTF_8)
                .replace("[@work2]", "[@work4, 7]"), StandardCharsets.UTF_8);
        BuildResult third = build(book, out, true);
        build(book, tmp.resolve("cold2"), false);
        // then
        assertThat(citations(third).reused()).isZero();
        assertSameFiles(out, tmp.resolve("cold2"));
    }

    @Test
    void should_replay_the_cite_this_lines_a_second_thread_formatted_for_a_large_book() throws Exception {
        // setup: enough pieces for a second citation processor (CitationProcessor.PARALLEL_FROM)
        Path book = GeneratedBook.write(tmp.resolve("book"), 210, 5, true);
        Path out = tmp.resolve("out");
        BuildResult first = new Sheaf().build(BuildRequest.of(book, out).withFormats(List.of("epub"))
                .withBuildCache(true));
        // when
        BuildResult second = new Sheaf().build(BuildRequest.of(book, out).withFormats(List.of("epub"))
                .withBuildCache(true));
        BuildResult cold = new Sheaf().build(BuildRequest.of(book, tmp.resolve("cold")).withFormats(List.of("epub"))
                .withBuildCache(false));
        // then
        assertThat(citations(first).reused()).isZero();
        assertThat(citations(second).reused()).isEqualTo(citations(second).total()).isGreaterThan(210);
        assertThat(Files.readAllBytes(second.written().get(0))).isEqualTo(Files.readAllBytes(cold.written().get(0)));
    }

    private static Reuse citations(BuildResult r) {
        return r.reuse().stream().filter(x -> x.edition().equals("citations")).findFirst().orElseThrow();
    }

    private static BuildResult build(Path book, Path out, boolean cache) {
        BuildResult r = new Sheaf().build(BuildRequest.of(book, out).withFormats(FORMATS).withBuildCache(cache));
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        return r;
    }

    /** Every edition file of {@code built} is in {@code cold} with the same bytes, and no other. */
    private static void assertSameFiles(Path built, Path cold) throws Exception {
        List<String> files = files(cold);
        assertThat(files(built)).isEqualTo(files);
        assertThat(files).contains("site/index.html", "site/cover.png").anyMatch(f -> f.endsWith(".epub"))
                .anyMatch(f -> f.endsWith(".bib"));
        for (String f : files) {
            assertThat(Files.readAllBytes(built.resolve(f))).as(f).isEqualTo(Files.readAllBytes(cold.resolve(f)));
        }
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .filter(f -> !f.startsWith(BuildCache.FOLDER) && !f.equals(".sheaf-written")).sorted().toList();
        }
    }

    private static List<Path> pieces(Path book) throws Exception {
        try (Stream<Path> s = Files.walk(book.resolve("chapters"))) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }
}
