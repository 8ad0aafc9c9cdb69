package dev.sheaf.read;

import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.model.Book;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.sheaf.testing.TestBooks.piece;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An SVG cover is checked on a thread of its own while the pieces are read: the book, the problems reported and what
 * the listener hears are what they were when it was checked on the spot.
 */
class CoverCheckTest {

    @TempDir
    Path dir;

    private static final String GOOD = """
            <svg xmlns="http://www.w3.org/2000/svg" width="148mm" height="210mm" viewBox="0 0 740 1050">
              <rect width="740" height="1050" fill="#203040"/>
            </svg>
            """;

    private final List<Book> heard = new CopyOnWriteArrayList<>();

    private Optional<Book> read(Diagnostics diags) {
        return new BookReader(dir, diags, PieceCache.none(), new BookReader.Listener() {
            @Override
            public void piecesRead(int done, int total) {
            }

            @Override
            public void begun(Book book) {
                heard.add(book);
            }
        }).read();
    }

    private void book(String yaml, String cover) {
        TestBooks.minimal(dir, "chapters/a/p.md", piece("title: P\ndate: 2020-01-01", "Text."));
        TestBooks.write(dir, "book.yaml", yaml);
        TestBooks.write(dir, "covers/cover.svg", cover);
    }

    private static List<String> problems(Diagnostics diags) {
        return diags.all().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void should_give_the_book_and_the_listener_an_svg_cover_that_passed() {
        book("title: T\nauthor: A\nlanguage: en\ncover: covers/cover.svg\n", GOOD);
        Diagnostics diags = new Diagnostics();
        Book book = read(diags).orElseThrow();
        assertThat(problems(diags)).isEmpty();
        assertThat(book.meta().cover()).isEqualTo(Path.of("covers/cover.svg"));
        assertThat(heard).singleElement().satisfies(b -> assertThat(b.meta().cover()).isEqualTo(Path.of("covers/cover.svg")));
    }

    @Test
    void should_report_an_svg_cover_that_is_not_well_formed_and_leave_it_out_everywhere() {
        book("title: T\nauthor: A\nlanguage: en\ncover: covers/cover.svg\n", "<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>");
        Diagnostics diags = new Diagnostics();
        Book book = read(diags).orElseThrow();
        assertThat(problems(diags)).singleElement().satisfies(p -> assertThat(p)
                .startsWith("book.yaml:4:8: error")
                .contains("BOOK-006").contains("covers/cover.svg").contains("the SVG is not well-formed XML"));
        assertThat(book.meta().cover()).isNull();
        assertThat(heard).singleElement().satisfies(b -> assertThat(b.meta().cover()).isNull());
    }

    @Test
    void should_report_an_svg_cover_that_loads_another_file() {
        book("title: T\nauthor: A\nlanguage: en\ncover: covers/cover.svg\n", """
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
                  <image xlink:href="photo.jpg" width="10" height="10"/>
                </svg>
                """);
        Diagnostics diags = new Diagnostics();
        Book book = read(diags).orElseThrow();
        assertThat(problems(diags)).singleElement().satisfies(p -> assertThat(p).contains("BOOK-006")
                .contains("photo.jpg"));
        assertThat(book.meta().cover()).isNull();
    }

    @Test
    void should_report_a_broken_svg_cover_beside_the_other_errors_of_a_book_that_cannot_be_read() throws Exception {
        // book.yaml without a title, and no chapters folder
        TestBooks.write(dir, "book.yaml", "author: A\nlanguage: en\ncover: covers/cover.svg\n");
        TestBooks.write(dir, "covers/cover.svg", "<svg");
        Diagnostics diags = new Diagnostics();
        assertThat(read(diags)).isEmpty();
        assertThat(Files.exists(dir.resolve("chapters"))).isFalse();
        assertThat(problems(diags)).anySatisfy(p -> assertThat(p).contains("BOOK-006").contains("not well-formed"))
                .anySatisfy(p -> assertThat(p).contains("CH-001"));
        assertThat(heard).isEmpty();
    }
}
