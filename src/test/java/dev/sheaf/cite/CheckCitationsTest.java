package dev.sheaf.cite;

import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.index.IndexProcessor;
import dev.sheaf.links.LinkResolver;
import dev.sheaf.model.Book;
import dev.sheaf.read.BookReader;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sheaf check} does not format citations ({@link CitationProcessor#check}); it must still report exactly
 * what reading the book for a build reports, with its citations formatted.
 */
class CheckCitationsTest {

    @TempDir
    Path tmp;

    /** The problems a build's reading reports: read, index, format the citations, resolve the links. */
    private static List<Diagnostic> whenFormatted(Path book, String style) {
        Diagnostics diags = new Diagnostics();
        Book read = new BookReader(book, diags).read().orElseThrow();
        Book cited = new CitationProcessor(diags).process(new IndexProcessor(diags).process(read), style);
        new LinkResolver(diags).process(cited);
        return diags.all();
    }

    private static List<Diagnostic> checked(Path book, String style) {
        return new Sheaf().check(book, style).diagnostics();
    }

    private static void assertSameProblems(Path book, String style) {
        assertThat(checked(book, style)).containsExactlyElementsOf(whenFormatted(book, style));
    }

    @ParameterizedTest
    @ValueSource(strings = {"chicago-author-date", "chicago-notes-bibliography", "apa", "modern-language-association",
            "oscola", "ieee"})
    void should_report_what_a_build_reports_in_author_date_and_note_styles(String style) throws Exception {
        Path book = TestBooks.copy("cited", tmp);
        // Unknown keys (one close to a known key), a narrative handle, and links to notes that exist only once
        // citations have become notes (note styles), or only before (author-date styles).
        TestBooks.write(book, "chapters/essays/more.md", TestBooks.piece("title: More\ndate: \"2022-07-01\"",
                "As argued [@rachman2012; @nosuch, 3], and @someone agrees.[^1] See [the note](#fn-1),"
                        + " [another](#fn-2), [the third](#fn-3) and [back](#fnref-2).\n\n"
                        + "[^1]: An author's note [@cooley2012], then [see the first](#fn-1).\n"));
        assertSameProblems(book, style);
        assertThat(checked(book, style)).extracting(Diagnostic::id).contains(MessageId.CIT_001);
    }

    @Test
    void should_report_the_same_with_references_at_the_end_of_the_book() throws Exception {
        Path book = TestBooks.copy("cited", tmp);
        Files.writeString(book.resolve("book.yaml"), Files.readString(book.resolve("book.yaml"))
                + "references: book\ncite-pieces: false\n");
        TestBooks.write(book, "chapters/essays/more.md", TestBooks.piece("title: More\ndate: \"2022-07-01\"",
                "Unknown [@nosuch] and known [@cooley2012].\n"));
        assertSameProblems(book, null);
        assertSameProblems(book, "chicago-notes-bibliography");
    }

    @Test
    void should_report_a_style_file_citeproc_cannot_read_and_then_nothing_about_keys() throws Exception {
        Path book = TestBooks.copy("cited", tmp);
        TestBooks.write(book, "broken.csl", "<?xml version=\"1.0\"?>\n<style xmlns=\"http://purl.org/net/xbiblio/csl\""
                + " class=\"in-text\" version=\"1.0\"><info><title>Broken</title></info><citation>");
        TestBooks.write(book, "chapters/essays/more.md", TestBooks.piece("title: More\ndate: \"2022-07-01\"",
                "Unknown [@nosuch].\n"));
        assertSameProblems(book, "broken.csl");
        assertThat(checked(book, "broken.csl")).extracting(Diagnostic::id).containsExactly(MessageId.CIT_005);
    }

    @Test
    void should_check_a_style_file_that_citeproc_reads() throws Exception {
        Path book = TestBooks.copy("cited", tmp);
        try (var in = de.undercouch.citeproc.CSL.class.getResourceAsStream("/chicago-notes-bibliography.csl")) {
            TestBooks.write(book, "own.csl", in.readAllBytes());
        }
        TestBooks.write(book, "chapters/essays/more.md", TestBooks.piece("title: More\ndate: \"2022-07-01\"",
                "Unknown [@nosuch], known [@cooley2012].[^1] See [it](#fn-2).\n\n[^1]: A note.\n"));
        assertSameProblems(book, "own.csl");
        assertThat(checked(book, "own.csl")).extracting(Diagnostic::id).contains(MessageId.CIT_001)
                .doesNotContain(MessageId.LINK_002);
    }

    @Test
    void should_report_unknown_styles_and_broken_bibliographies() throws Exception {
        Path book = TestBooks.copy("cited", tmp);
        Files.writeString(book.resolve("refs.bib"), Files.readString(book.resolve("refs.bib")) + "\n@book{cooley2012,\n");
        assertSameProblems(book, null);
        assertThat(checked(book, null)).extracting(Diagnostic::id).contains(MessageId.CIT_002);
        assertSameProblems(book, "chicago-autor-date");
        assertThat(checked(book, "chicago-autor-date")).extracting(Diagnostic::id).contains(MessageId.CIT_003);
    }

    @Test
    void should_read_the_bundled_style_citeproc_cannot_read_and_report_it() throws Exception {
        Path book = TestBooks.copy("cited", tmp);
        assertSameProblems(book, "university-of-bucharest-faculty-of-law");
        assertThat(checked(book, "university-of-bucharest-faculty-of-law")).extracting(Diagnostic::id)
                .containsExactly(MessageId.CIT_003);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kitchen-sink", "handouts-event", "cited"})
    void should_report_what_a_build_reports_on_the_test_books(String name) {
        Path book = TestBooks.copy(name, tmp);
        assertSameProblems(book, null);
        assertSameProblems(book, "chicago-notes-bibliography");
    }

    @Test
    void should_report_what_a_build_reports_on_the_companion_book() {
        Path companion = Path.of("").toAbsolutePath();
        assertThat(companion.resolve("book.yaml")).exists();
        assertSameProblems(companion, null);
    }
}
