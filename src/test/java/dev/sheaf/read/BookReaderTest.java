package dev.sheaf.read;

import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.Book;
import dev.sheaf.model.Chapter;
import dev.sheaf.model.Piece;
import dev.sheaf.model.PrintPageNumbers;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static dev.sheaf.testing.TestBooks.piece;
import static org.assertj.core.api.Assertions.assertThat;

class BookReaderTest {

    @TempDir
    Path dir;

    private final Diagnostics diags = new Diagnostics();

    private Path smallestBook() {
        return TestBooks.minimal(dir,
                "chapters/b-second/late.md", piece("title: Late\ndate: 2021-05-01", "Late text."),
                "chapters/b-second/early.md", piece("title: Early\ndate: 2020-05-01", "Early text."),
                "chapters/a-first/only.md", piece("title: Only\ndate: 2019", "Only text."));
    }

    @Test
    void should_order_chapters_by_folder_and_pieces_by_date_with_defaults() {
        Book book = new BookReader(smallestBook(), diags).read().orElseThrow();
        assertThat(diags.all()).isEmpty();
        assertThat(book.chapters()).extracting(Chapter::title).containsExactly("A First", "B Second");
        assertThat(book.chapters().get(1).pieces()).extracting(Piece::title).containsExactly("Early", "Late");
        assertThat(book.meta().language()).isEqualTo("en");
        assertThat(book.meta().identifier()).startsWith("urn:uuid:");
        assertThat(book.meta().date()).isEqualTo(LocalDate.of(2021, 5, 1));
        assertThat(book.pieces().get(0).meta().authors()).containsExactly("Test Author");
    }

    @Test
    void print_page_numbers_default_to_auto_take_the_three_values_and_report_others_where_they_are() {
        smallestBook();
        assertThat(new BookReader(dir, diags).read().orElseThrow().meta().printPageNumbers())
                .isEqualTo(PrintPageNumbers.AUTO);
        for (String v : new String[] {"auto", "Always", " never "}) {
            TestBooks.write(dir, "book.yaml", "title: T\nauthor: A\nlanguage: en\nprint-page-numbers: \"" + v + "\"\n");
            assertThat(new BookReader(dir, diags).read().orElseThrow().meta().printPageNumbers())
                    .isEqualTo(PrintPageNumbers.of(v).orElseThrow());
        }
        assertThat(diags.all()).isEmpty();
        TestBooks.write(dir, "book.yaml", "title: T\nauthor: A\nlanguage: en\nprint-page-numbers: sometimes\n");
        new BookReader(dir, diags).read();
        assertThat(diags.all()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(MessageId.BOOK_004);
            assertThat(d.where().line()).isEqualTo(4);
            assertThat(d.where().column()).isEqualTo(21);
            assertThat(d.message()).contains("print-page-numbers", "auto", "always", "never");
        });
    }

    @Test
    void should_take_chapter_title_order_and_intro_from_the_intro_file() {
        smallestBook();
        TestBooks.write(dir, "chapters/b-second/_chapter.md", "---\ntitle: The Second\norder: 1\n---\n\nIntro text.");
        Book book = new BookReader(dir, diags).read().orElseThrow();
        assertThat(book.chapters()).extracting(Chapter::title).containsExactly("The Second", "A First");
        assertThat(book.chapters().get(0).intro()).hasSize(1);
    }

    @Test
    void should_select_pieces_by_tag_date_list_and_exclude() {
        TestBooks.write(dir, "book.yaml", """
                title: T
                author: A
                language: en
                chapters:
                  - title: Belarus
                    tags: [belarus]
                    exclude: [x/b2]
                  - title: Recent
                    folder: x
                    from: 2021-01-01
                    to: 2021-12-31
                  - title: Picked
                    pieces: [x/b2, x/c]
                    sort: listed
                """);
        TestBooks.write(dir, "chapters/x/b1.md", piece("title: B1\ndate: 2020-01-01\ntags: [Belarus]", "b1"));
        TestBooks.write(dir, "chapters/x/b2.md", piece("title: B2\ndate: 2021-06-01\ntags: [Belarus]", "b2"));
        TestBooks.write(dir, "chapters/x/c.md", piece("title: C\ndate: 2021-02-01", "c"));
        Book book = new BookReader(dir, diags).read().orElseThrow();
        assertThat(diags.all()).isEmpty();
        assertThat(book.chapters()).extracting(Chapter::title).containsExactly("Belarus", "Recent", "Picked");
        assertThat(book.chapters().get(0).pieces()).extracting(Piece::title).containsExactly("B1");
        assertThat(book.chapters().get(1).pieces()).extracting(Piece::title).containsExactly("C", "B2");
        assertThat(book.chapters().get(2).pieces()).extracting(Piece::title).containsExactly("B2", "C");
        // slugs stay unique although B2 and C appear twice
        assertThat(book.pieces()).extracting(Piece::slug).doesNotHaveDuplicates();
    }

    @Test
    void should_report_unknown_selection_and_unplaced_pieces() {
        TestBooks.write(dir, "book.yaml", "title: T\nauthor: A\nlanguage: en\nchapters:\n  - folder: nope\n  - pieces: [x/a]\n");
        TestBooks.write(dir, "chapters/x/a.md", piece("title: A\ndate: 2020", "a"));
        TestBooks.write(dir, "chapters/x/b.md", piece("title: B\ndate: 2020", "b"));
        new BookReader(dir, diags).read();
        assertThat(diags.all()).extracting(Diagnostic::id)
                .containsExactlyInAnyOrder(MessageId.CH_002, MessageId.CH_003, MessageId.CH_004);
    }

    @Test
    void should_report_every_problem_of_every_file_in_one_run() {
        TestBooks.write(dir, "book.yaml", "title: T\nlanguage: en\nsubtitel: x\n");
        TestBooks.write(dir, "chapters/x/a.md", piece("title: A\ndate: not-a-date", "a"));
        TestBooks.write(dir, "chapters/x/b.md", "---\ntitle: [unclosed\n---\n");
        TestBooks.write(dir, "chapters/y/c.md", "no front matter");
        assertThat(new BookReader(dir, diags).read()).isEmpty();
        assertThat(diags.all()).extracting(d -> d.where() == null ? "" : d.where().file().toString())
                .contains("book.yaml", "chapters/x/a.md", "chapters/x/b.md", "chapters/y/c.md");
        assertThat(diags.all()).extracting(Diagnostic::id)
                .contains(MessageId.BOOK_003, MessageId.BOOK_005, MessageId.FM_004, MessageId.FM_002, MessageId.FM_001);
    }

    @Test
    void should_report_a_book_yaml_that_is_not_yaml() {
        TestBooks.write(dir, "book.yaml", "title: \"unterminated\nauthor: x\n");
        TestBooks.write(dir, "chapters/x/a.md", piece("title: A\ndate: 2020", "a"));
        assertThat(new BookReader(dir, diags).read()).isEmpty();
        assertThat(diags.all()).extracting(Diagnostic::id).contains(MessageId.BOOK_002);
        assertThat(diags.all().get(0).where().toString()).startsWith("book.yaml:");
    }

    @Test
    void should_report_a_missing_book_yaml_and_missing_chapters() {
        assertThat(new BookReader(dir, diags).read()).isEmpty();
        assertThat(diags.all()).extracting(Diagnostic::id).containsExactlyInAnyOrder(MessageId.BOOK_001, MessageId.CH_001);
    }

    @Test
    void should_refuse_alias_bombs() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p)
                    .append(", *").append(p).append(", *").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        TestBooks.write(dir, "chapters/x/a.md", "---\ntitle: A\ndate: 2020\n" + yaml + "---\nbody");
        TestBooks.write(dir, "book.yaml", "title: T\nauthor: A\nlanguage: en\n");
        new BookReader(dir, diags).read();
        assertThat(diags.all()).extracting(Diagnostic::id).contains(MessageId.FM_002);
    }

    @Test
    void should_resolve_handouts_by_chapter_tag_and_list() {
        TestBooks.write(dir, "book.yaml", """
                title: T
                author: A
                language: en
                url: https://example.org/book
                handouts:
                  - name: panel
                    chapter: x
                    event: "Panel on X"
                    event-date: 10 February 2022
                    place: London
                    layout: booklet
                  - name: belarus
                    tags: [belarus]
                    paper: letter
                    link: https://example.org/belarus
                  - name: broken
                    chapter: nope
                  - name: bad/name
                """);
        TestBooks.write(dir, "chapters/x/a.md", piece("title: A\ndate: 2021\ntags: [Belarus]", "a"));
        TestBooks.write(dir, "chapters/x/b.md", piece("title: B\ndate: 2020", "b"));
        Book book = new BookReader(dir, diags).read().orElseThrow();
        assertThat(book.meta().handouts()).hasSize(2);
        var panel = book.meta().handouts().get(0);
        assertThat(panel.pieceIds()).containsExactly("x/b", "x/a");
        assertThat(panel.booklet()).isTrue();
        assertThat(panel.paper()).isEqualTo("a4");
        assertThat(panel.link()).isEqualTo("https://example.org/book");
        assertThat(panel.title()).isEqualTo("X");
        var belarus = book.meta().handouts().get(1);
        assertThat(belarus.pieceIds()).containsExactly("x/a");
        assertThat(belarus.link()).isEqualTo("https://example.org/belarus");
        assertThat(diags.all()).extracting(Diagnostic::id).containsExactlyInAnyOrder(MessageId.CH_002, MessageId.BOOK_004);
    }
}
