package dev.sheaf.perf;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.testing.EpubText;
import dev.sheaf.testing.EpubValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a session keeps of the documents that list the whole book — the EPUB's nav document, NCX, chapter openers
 * and back-matter lists, the site's chapter and back-matter pages — and the citation keys: after each edit a
 * session sees (a quick step, then the full build), the EPUB and the site are a cold build's, byte for byte.
 */
class KeptDocumentsTest {

    @TempDir
    Path tmp;

    /**
     * With the print edition's page numbers in the EPUB and the site (the documents then change wherever an edit moves
     * a page) and without (they change only where the book's text does).
     */
    @ParameterizedTest
    @ValueSource(strings = {"always", "never"})
    void after_a_retitled_piece_a_changed_citation_and_a_removed_heading_the_editions_are_a_cold_builds(
            String printPageNumbers) throws Exception {
        // setup: a cited book, built once in a session
        Path book = GeneratedBook.write(tmp.resolve("book"), 16, 7, true);
        Files.writeString(book.resolve("book.yaml"), "date: \"2026-12-01\"\nprint-page-numbers: " + printPageNumbers
                + "\n", StandardOpenOption.APPEND);
        // a work no piece cites yet, for the changed citation
        Files.writeString(book.resolve("refs.bib"), "@book{work13, author = {Newcomer, Ann}, title = {A work cited "
                + "after an edit}, year = {2024}, publisher = {Test Press}}\n", StandardOpenOption.APPEND);
        Sheaf session = Sheaf.incremental();
        List<String> formats = List.of("epub", "site");
        Path out = tmp.resolve("out");
        build(session, BuildRequest.of(book, out).withFormats(formats));
        assertThat(new EpubText(out.resolve(epub(out))).entry("EPUB/toc.ncx").contains("<pageTarget"))
                .isEqualTo(printPageNumbers.equals("always"));
        List<Path> pieces = pieces(book);
        Path cites = pieces.stream().filter(p -> read(p).contains("[@work")).findFirst().orElseThrow();
        Path heading = pieces.stream().filter(p -> read(p).contains("\n## ")).findFirst().orElseThrow();
        List<Edit> edits = List.of(
                new Edit(pieces.get(5), s -> s.replaceFirst("title: \"[^\"]*\"", "title: \"A new title & <more>\"")),
                new Edit(cites, KeptDocumentsTest::anotherWork),
                new Edit(heading, s -> s.replaceFirst("\n## [^\n]*\n", "\n")));
        int n = 0;
        for (Edit edit : edits) {
            String before = read(edit.piece());
            Files.writeString(edit.piece(), edit.change().apply(before), StandardCharsets.UTF_8);
            assertThat(read(edit.piece())).isNotEqualTo(before);
            // when: the quick step, then the full build, as serve and --watch make them
            build(session, BuildRequest.of(book, out).withFormats(formats).asQuickStep());
            build(session, BuildRequest.of(book, out).withFormats(formats));
            // then
            Path fresh = tmp.resolve("fresh-" + ++n);
            build(new Sheaf(), BuildRequest.of(book, fresh).withFormats(formats));
            List<String> files = files(fresh);
            assertThat(files(out)).isEqualTo(files);
            for (String f : files) {
                assertThat(Files.readAllBytes(out.resolve(f))).as(f + " after edit " + n)
                        .isEqualTo(Files.readAllBytes(fresh.resolve(f)));
            }
        }
        assertThat(new EpubText(out.resolve(epub(out))).entry("EPUB/text/nav.xhtml"))
                .contains("A new title &amp; &lt;more&gt;");
        EpubText last = new EpubText(out.resolve(epub(out)));
        assertThat(last.names().stream().filter(name -> name.startsWith("EPUB/text/back-")).map(last::entry))
                .anyMatch(list -> list.contains("Newcomer"));
        assertThat(EpubValidator.problems(out.resolve(epub(out)))).isEmpty();
    }

    private record Edit(Path piece, UnaryOperator<String> change) { }

    /** The first citation made to cite the work no piece cited. */
    private static String anotherWork(String text) {
        return text.replaceFirst("\\[@work\\d+", "[@work13");
    }

    private static void build(Sheaf sheaf, BuildRequest request) {
        BuildResult r = sheaf.build(request);
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String epub(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".epub")).findFirst().orElseThrow();
        }
    }

    private static List<Path> pieces(Path book) throws Exception {
        try (Stream<Path> s = Files.walk(book.resolve("chapters"))) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            // The list of the files Sheaf wrote holds their times, which differ from build to build.
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .filter(f -> !f.startsWith(".sheaf")).sorted().toList();
        }
    }
}
