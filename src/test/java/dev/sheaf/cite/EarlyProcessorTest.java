package dev.sheaf.cite;

import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.Book;
import dev.sheaf.read.BookReader;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The citation processor begun from book.yaml while the pieces are read ({@link CitationProcessor#begin}): the book
 * and the problems reported are the same as when the processor is made when the citations are formatted.
 */
class EarlyProcessorTest {

    @TempDir
    Path tmp;

    /** The book as processed, and what was reported, with the processor begun for {@code begunFor} or not at all. */
    private record Outcome(Book book, List<String> problems, boolean tookEarly) { }

    private static Outcome process(Path dir, String style, boolean begin, String begunFor) {
        Diagnostics diags = new Diagnostics();
        Book read = new BookReader(dir, diags).read().orElseThrow();
        CitationProcessor processor = new CitationProcessor(diags);
        if (begin) {
            processor.begin(new Book(read.root(), read.meta(), List.of(), read.fonts()), begunFor);
        }
        Book out = processor.process(read, style);
        return new Outcome(out, diags.all().stream().map(Diagnostic::format).toList(), processor.tookEarly());
    }

    private static void assertSame(Path dir, String style, boolean taken) {
        Outcome plain = process(dir, style, false, null);
        Outcome early = process(dir, style, true, style);
        assertThat(early.tookEarly()).as("the processor begun early was used").isEqualTo(taken);
        assertThat(early.problems()).isEqualTo(plain.problems());
        assertThat(early.book()).isEqualTo(plain.book());
    }

    @Test
    void should_give_the_same_book_in_the_book_s_style_a_note_style_and_a_style_file() throws Exception {
        Path dir = TestBooks.copy("cited", tmp);
        try (var in = de.undercouch.citeproc.CSL.class.getResourceAsStream("/apa.csl")) {
            TestBooks.write(dir, "own.csl", in.readAllBytes());
        }
        TestBooks.write(dir, "chapters/essays/more.md", TestBooks.piece("title: More\ndate: \"2022-07-01\"",
                "Unknown [@nosuch], known [@cooley2012; @rachman2021]. RUSI said so [@cooley2012, p. 3].\n"));
        assertSame(dir, null, true);
        assertSame(dir, "chicago-notes-bibliography", true);
        assertSame(dir, "own.csl", true);
        assertThat(process(dir, null, true, null).book().backMatter()).isNotEmpty();
    }

    @Test
    void should_make_the_processor_again_when_it_was_begun_for_another_style() {
        Path dir = TestBooks.copy("cited", tmp);
        Outcome plain = process(dir, "apa", false, null);
        Outcome early = process(dir, "apa", true, "chicago-notes-bibliography");
        assertThat(early.tookEarly()).isFalse();
        assertThat(early.problems()).isEqualTo(plain.problems());
        assertThat(early.book()).isEqualTo(plain.book());
    }

    @Test
    void should_report_a_style_it_cannot_read_as_before() throws Exception {
        Path dir = TestBooks.copy("cited", tmp);
        TestBooks.write(dir, "broken.csl", "<?xml version=\"1.0\"?>\n<style xmlns=\"http://purl.org/net/xbiblio/csl\""
                + " class=\"in-text\" version=\"1.0\"><info><title>Broken</title></info><citation>");
        assertSame(dir, "broken.csl", false);
        assertThat(process(dir, "broken.csl", true, "broken.csl").problems()).singleElement().asString()
                .contains("[" + MessageId.CIT_005.code() + "]");
        assertSame(dir, "chicago-autor-date", false);
    }

    @Test
    void should_not_begin_when_the_build_cache_holds_formatted_citations() throws Exception {
        // setup: a first build into the folder keeps its formatted citations
        Path dir = TestBooks.copy("cited", tmp);
        Path out = tmp.resolve("out");
        Diagnostics diags = new Diagnostics();
        Book read = new BookReader(dir, diags).read().orElseThrow();
        Book preview = new Book(read.root(), read.meta(), List.of(), read.fonts());
        dev.sheaf.buildcache.BuildCache first = dev.sheaf.buildcache.BuildCache.open(out, "test",
                java.nio.file.Files.createDirectories(tmp.resolve("scratch-1")));
        CitationProcessor cold = new CitationProcessor(diags, CitationCache.none(), first);
        cold.begin(preview, null);
        Book formatted = cold.process(read, null);
        first.commit();
        // when
        dev.sheaf.buildcache.BuildCache second = dev.sheaf.buildcache.BuildCache.open(out, "test",
                java.nio.file.Files.createDirectories(tmp.resolve("scratch-2")));
        CitationProcessor again = new CitationProcessor(diags, CitationCache.none(), second);
        again.begin(preview, null);
        Book replayed = again.process(read, null);
        // then
        assertThat(cold.tookEarly()).isTrue();
        assertThat(again.tookEarly()).as("nothing begun: the citations are replayed").isFalse();
        assertThat(replayed).isEqualTo(formatted);
        assertThat(diags.all()).isEmpty();
    }
}
