package dev.sheaf.cite;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.Book;
import dev.sheaf.model.Piece;
import dev.sheaf.model.ReferenceList;
import dev.sheaf.model.Walk;
import dev.sheaf.model.Block;
import dev.sheaf.read.BookReader;
import dev.sheaf.testing.EpubText;
import dev.sheaf.testing.EpubValidator;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.sheaf.testing.TestBooks.piece;
import static org.assertj.core.api.Assertions.assertThat;

class CitationProcessorTest {

    @TempDir
    Path tmp;

    private final Diagnostics diags = new Diagnostics();

    private Book process(Path book, String style) {
        Book read = new BookReader(book, diags).read().orElseThrow();
        return new CitationProcessor(diags).process(read, style);
    }

    private static String bodyText(Piece p) {
        return Walk.text(((Block.Paragraph) p.body().get(0)).content());
    }

    @Test
    void should_format_inline_citations_in_author_date_style_and_list_the_cited_works() {
        Book book = process(TestBooks.copy("cited", tmp), null);
        assertThat(diags.all()).isEmpty();
        Piece p = book.pieces().get(0);
        assertThat(bodyText(p))
                .contains("Strongmen are back (Rachman 2021, p. 4).")
                .contains("As Cooley (2012) argued")
                .contains("(see Pantucci and Petersen 2022; Cooley 2012)")
                .contains("himself (2021).")
                .contains("editor@example.org or @nobody on social media");
        ReferenceList refs = p.references();
        assertThat(refs.entries()).hasSize(3);
        assertThat(refs.entries().stream().map(Walk::text))
                .anyMatch(e -> e.contains("Rachman, Gideon. 2021. The Age of the Strongman"));
    }

    @Test
    void should_turn_citations_into_numbered_notes_in_a_note_style() {
        Book book = process(TestBooks.copy("cited", tmp), "chicago-notes-bibliography");
        assertThat(diags.all()).isEmpty();
        Piece p = book.pieces().get(0);
        assertThat(p.footnotes()).extracting(n -> n.number()).containsExactly(1, 2, 3, 4);
        assertThat(Walk.text(((Block.Paragraph) p.footnotes().get(0).content().get(0)).content()))
                .contains("Rachman", "Age of the Strongman");
    }

    @Test
    void should_change_the_rendered_sources_when_the_style_changes() {
        Path dir = TestBooks.copy("cited", tmp);
        String chicago = Walk.text(process(dir, "chicago-author-date").backMatter().get(0).entries().get(0));
        String apa = Walk.text(process(dir, "apa").backMatter().get(0).entries().get(0));
        // British English (the book's language): single quotes, full stop outside.
        assertThat(chicago).isEqualTo("Example, Ada. 2022. \u2018A Piece That Cites\u2019. The Example Review, June 1.");
        assertThat(apa).isEqualTo("Example, A. (2022, June 1). A Piece That Cites. The Example Review.");
    }

    /** A self-published collection: one piece by its author, one written with another, one by an organisation. */
    private Book collection(String publisher, String style) {
        TestBooks.minimal(tmp,
                "chapters/x/a.md", piece("title: Wooing Central Asia\ndate: 2021-02-01", "Text."),
                "chapters/x/b.md", piece("title: China and Russia\ndate: 2021-03-01\n"
                        + "authors: [Raffaello Pantucci, Alexandros Petersen]", "Text."),
                "chapters/x/c.md", piece("title: Annual Report\ndate: 2021-04-01\nauthor: RUSI", "Text."));
        TestBooks.write(tmp, "book.yaml", "title: Between Empires\nauthor: Raffaello Pantucci\nlanguage: en-GB\n"
                + "date: 2026-12-01\npublisher: " + publisher + "\n");
        return process(tmp, style);
    }

    private static List<String> citeThisLines(Book book) {
        return book.pieces().stream().map(p -> Walk.text(p.citeAs())).toList();
    }

    @Test
    void should_name_the_author_of_a_piece_in_their_own_collection_once() {
        Book book = collection("Raffaello Pantucci", "chicago-author-date");
        assertThat(diags.all()).isEmpty();
        // The collection's author names no one new after its title, and publishing it oneself is no publisher.
        assertThat(citeThisLines(book)).containsExactly(
                "Pantucci, Raffaello. 2026. \u2018Wooing Central Asia\u2019. In Between Empires.",
                "Pantucci, Raffaello, and Alexandros Petersen. 2026. \u2018China and Russia\u2019. In Between Empires, "
                        + "by Raffaello Pantucci.",
                "RUSI. 2026. \u2018Annual Report\u2019. In Between Empires, by Raffaello Pantucci.");
        assertThat(Walk.text(book.citeAs())).isEqualTo("Pantucci, Raffaello. 2026. Between Empires.");
    }

    @Test
    void should_print_no_label_for_a_role_without_a_word_as_pandoc_does() {
        // The expected lines are Pandoc's (pandoc --citeproc) for the same items as CSL-JSON, with the same styles.
        assertThat(citeThisLines(collection("Raffaello Pantucci", "modern-language-association"))).containsExactly(
                "Pantucci, Raffaello. \u2018Wooing Central Asia\u2019. Between Empires, 2026.",
                "Pantucci, Raffaello, and Alexandros Petersen. \u2018China and Russia\u2019. Between Empires, by Raffaello"
                        + " Pantucci, 2026.",
                "RUSI. \u2018Annual Report\u2019. Between Empires, by Raffaello Pantucci, 2026.");
        assertThat(citeThisLines(collection("Raffaello Pantucci", "apa"))).containsExactly(
                "Pantucci, R. (2026). Wooing Central Asia. In Between Empires.",
                "Pantucci, R., & Petersen, A. (2026). China and Russia. In R. Pantucci, Between Empires.",
                "RUSI. (2026). Annual Report. In R. Pantucci, Between Empires.");
        assertThat(diags.all()).isEmpty();
    }

    @Test
    void should_keep_a_publisher_who_is_not_the_author() {
        Book book = collection("Hurst", "chicago-author-date");
        assertThat(citeThisLines(book).get(0))
                .isEqualTo("Pantucci, Raffaello. 2026. \u2018Wooing Central Asia\u2019. In Between Empires. Hurst.");
        assertThat(Walk.text(book.citeAs())).isEqualTo("Pantucci, Raffaello. 2026. Between Empires. Hurst.");
    }

    @Test
    void should_report_an_unknown_key_at_its_place_with_the_nearest_keys() {
        TestBooks.minimal(tmp, "chapters/x/a.md", piece("title: A\ndate: 2020", "Text [@rachmann2021] here."),
                "refs.bib", "@book{rachman2021, author={Rachman, Gideon}, title={T}, year={2021}}");
        TestBooks.write(tmp, "book.yaml", "title: T\nauthor: A\nlanguage: en\nbibliography: refs.bib\n");
        process(tmp, null);
        assertThat(diags.all()).extracting(Diagnostic::format).containsExactly(
                "chapters/x/a.md:6:6: warning: unknown citation key \"rachmann2021\"; the citation is printed as written \u2014 did you mean rachman2021? [CIT-001]");
    }

    @Test
    void should_report_a_malformed_bibliography_with_its_line() {
        TestBooks.minimal(tmp, "chapters/x/a.md", piece("title: A\ndate: 2020", "Text."),
                "refs.bib", "@book{ok, title={T}, year={2021}}\n\n@book{broken, title={T\n");
        TestBooks.write(tmp, "book.yaml", "title: T\nauthor: A\nlanguage: en\nbibliography: refs.bib\n");
        process(tmp, null);
        assertThat(diags.all()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(MessageId.CIT_002);
            assertThat(d.where().toString()).isEqualTo("refs.bib:3:1");
        });
    }

    @Test
    void should_suggest_a_style_for_an_unknown_one() {
        TestBooks.minimal(tmp, "chapters/x/a.md", piece("title: A\ndate: 2020", "Text."));
        process(tmp, "chicago-author-dat");
        assertThat(diags.all()).extracting(Diagnostic::format).singleElement().asString()
                .startsWith("book.yaml: error: unknown citation style \"chicago-author-dat\" \u2014 did you mean \"chicago-author-date");
    }

    @Test
    void should_build_an_epub_with_citations_that_passes_epubcheck() throws Exception {
        Path dir = TestBooks.copy("cited", tmp);
        BuildResult r = new Sheaf().build(BuildRequest.of(dir, tmp.resolve("out")).withFormats(List.of("epub")));
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        assertThat(EpubValidator.problems(r.written().get(0))).isEmpty();
        EpubText text = new EpubText(r.written().get(0));
        assertThat(text.text()).contains("Strongmen are back (Rachman 2021, p. 4).", "Cite this piece:",
                "How to cite this book:", "Sources");
    }
}
