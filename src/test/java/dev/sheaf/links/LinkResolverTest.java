package dev.sheaf.links;

import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.model.Block;
import dev.sheaf.model.Book;
import dev.sheaf.model.Inline;
import dev.sheaf.model.Piece;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.sheaf.testing.TestBooks.piece;
import static org.assertj.core.api.Assertions.assertThat;

class LinkResolverTest {

    @TempDir
    Path dir;

    private final Diagnostics diags = new Diagnostics();

    private List<Inline> links(String bookYamlExtra, String body) {
        TestBooks.minimal(dir,
                "chapters/central-asia/kazakhstan-in-crisis.md", piece("title: Kazakhstan in Crisis\ndate: 2022-01-07",
                        "Text.\n\n## Botched handling\n\nMore.\n\n## Botched handling\n\nAgain."),
                "chapters/letters/2021-05-03-grey-zones.md", piece("title: Grey Zones\ndate: 2021-05-03", "A letter."),
                "chapters/letters/here.md", piece("title: Here\ndate: 2021-06-01", body + "\n\n## Local part\n\nx"));
        TestBooks.write(dir, "book.yaml", "title: T\nauthor: A\nlanguage: en\n" + bookYamlExtra);
        Book book = new Sheaf().book(dir, diags).orElseThrow();
        Piece here = book.pieces().stream().filter(p -> p.id().equals("letters/here")).findFirst().orElseThrow();
        List<Inline> out = new ArrayList<>();
        dev.sheaf.model.Walk.inlines(here.body(), i -> {
            if (i instanceof Inline.Link || i instanceof Inline.PieceLink) {
                out.add(i);
            }
        });
        return out;
    }

    private static Inline.PieceLink to(String piece, String fragment, String text) {
        return new Inline.PieceLink(piece, fragment, "", List.of(new Inline.Text(text)));
    }

    @Test
    void should_turn_links_to_sources_pages_and_site_paths_into_links_to_pieces() {
        List<Inline> links = links("", String.join(" ",
                "[a](../central-asia/kazakhstan-in-crisis.md#botched-handling)",
                "[b](../central-asia/kazakhstan-in-crisis.md#Botched_Handling)",
                "[c](2021-05-03-grey-zones.html)",
                "[d](/2021/05/grey-zones/)",
                "[e](kazakhstan-in-crisis.md#botched-handling-2)",
                "[f](#local-part)",
                "[g](grey%20zones.md)"));
        assertThat(links).containsExactly(
                to("central-asia/kazakhstan-in-crisis", "botched-handling", "a"),
                to("central-asia/kazakhstan-in-crisis", "botched-handling", "b"),
                to("letters/2021-05-03-grey-zones", null, "c"),
                to("letters/2021-05-03-grey-zones", null, "d"),
                to("central-asia/kazakhstan-in-crisis", "botched-handling-2", "e"),
                to("letters/here", "local-part", "f"));
        assertThat(diags.all()).extracting(Diagnostic::format).singleElement().asString()
                .contains("link \"grey%20zones.md\" leads to nothing in the book", "[LINK-001]");
    }

    @Test
    void should_report_a_link_to_an_index_anchor_like_any_missing_target() {
        // Index anchors are numbered in reading order and written as "ix_1" in the EPUB's and the site's pages (and
        // only where the index links to them): "#ix1-alpha", the model's id, named nothing there (EPUBCheck's
        // RSC-012). A link to one is a link to an id the piece does not have.
        TestBooks.minimal(dir,
                "index.yaml", "entries:\n  Tashkent: []\n",
                "chapters/one/alpha.md", piece("title: Alpha\ndate: 2020-01-01", "A word about Tashkent here."),
                "chapters/one/beta.md", piece("title: Beta\ndate: 2020-02-01", "See [the mention](alpha.md#ix1-alpha)."));
        Book book = new Sheaf().book(dir, diags).orElseThrow();
        List<Inline> marks = new ArrayList<>();
        List<Inline> links = new ArrayList<>();
        dev.sheaf.model.Walk.inlines(book.pieces().get(0).body(), i -> {
            if (i instanceof Inline.IndexMark) {
                marks.add(i);
            }
        });
        dev.sheaf.model.Walk.inlines(book.pieces().get(1).body(), i -> {
            if (i instanceof Inline.PieceLink) {
                links.add(i);
            }
        });
        assertThat(marks).containsExactly(new Inline.IndexMark("ix1-alpha"));
        assertThat(links).containsExactly(to("one/alpha", null, "the mention"));
        assertThat(diags.all()).extracting(Diagnostic::format).containsExactly("chapters/one/beta.md:6:5: warning: link"
                + " \"alpha.md#ix1-alpha\": \"ix1-alpha\" is no heading or note of \"Alpha\"; the link goes to the start of"
                + " the piece \u2014 heading ids are the heading in lower case with hyphens, e.g. #a-heading-like-this"
                + " [LINK-002]");
    }

    @Test
    void should_print_links_to_nothing_as_text_and_warn_at_their_place() {
        List<Inline> links = links("", "[gone](../nowhere/none.md) and [pdf](../files/report.pdf) "
                + "and [ftp](ftp://example.org/x) and [broken](#no-such-part)");
        assertThat(links).isEmpty();
        assertThat(diags.all()).extracting(d -> d.id().code() + "@" + d.where().line() + ":" + d.where().column())
                .containsExactly("LINK-001@6:1", "LINK-001@6:32", "LINK-003@6:63", "LINK-002@6:94");
    }

    @Test
    void should_send_links_to_the_authors_site_there_when_base_url_is_set() {
        List<Inline> links = links("base-url: https://example.org/blog\n",
                "[old post](/2019/01/old-post/) and [same](https://example.org/blog/2021/05/grey-zones/) "
                        + "and [web](https://example.org/ü)");
        assertThat(links).containsExactly(
                new Inline.Link("https://example.org/blog/2019/01/old-post/", "", List.of(new Inline.Text("old post")),
                        ((Inline.Link) links.get(0)).where()),
                to("letters/2021-05-03-grey-zones", null, "same"),
                new Inline.Link("https://example.org/%C3%BC", "", List.of(new Inline.Text("web")),
                        ((Inline.Link) links.get(2)).where()));
        assertThat(diags.all()).isEmpty();
    }

    @Test
    void should_refuse_a_base_url_that_is_no_web_address() {
        links("base-url: blog/\n", "x");
        assertThat(diags.all()).extracting(d -> d.id().code()).containsExactly("BOOK-004");
    }

    @Test
    void should_keep_heading_ids_readable_unique_and_clear_of_the_editions_own_ids() {
        TestBooks.minimal(dir, "chapters/a/p.md", piece("title: P\ndate: 2020",
                "## Main\n\n## Piece title\n\n## FN 1\n\n## Notes\n\n## Notes\n\n## Ünïcödé heading"));
        Book book = new Sheaf().book(dir, diags).orElseThrow();
        assertThat(book.pieces().get(0).body()).extracting(b -> ((Block.Heading) b).id())
                .containsExactly("main-2", "piece-title-2", "section-fn-1", "notes-2", "notes-3", "unicode-heading");
    }

    @Test
    void should_find_pages_of_a_flattened_collection_and_ids_given_in_heading_attributes() {
        TestBooks.minimal(dir,
                "chapters/tutorial/tutorial-index.md", piece("title: Tutorial\ndate: 2020-01-01", "Start."),
                "chapters/tutorial/tutorial-first-steps.md", piece("title: First steps\ndate: 2020-01-02",
                        "## Install it { #install .wide data-x=\"1\" }\n\nText."),
                "chapters/intro/index.md", piece("title: Intro\ndate: 2020-01-03",
                        "[a](../tutorial/index.md) [b](tutorial/#top) [c](tutorial/first-steps.md#install) "
                                + "[d](../tutorial/first-steps.md#install)"));
        Book book = new Sheaf().book(dir, diags).orElseThrow();
        Piece steps = book.pieces().stream().filter(p -> p.id().endsWith("tutorial-first-steps")).findFirst().orElseThrow();
        assertThat(steps.body().get(0)).isEqualTo(new Block.Heading(2, "install", List.of(new Inline.Text("Install it"))));
        Piece intro = book.pieces().stream().filter(p -> p.id().equals("intro/index")).findFirst().orElseThrow();
        List<Inline> links = new ArrayList<>();
        dev.sheaf.model.Walk.inlines(intro.body(), i -> {
            if (i instanceof Inline.PieceLink) {
                links.add(i);
            }
        });
        assertThat(links).extracting(i -> ((Inline.PieceLink) i).pieceId() + "#" + ((Inline.PieceLink) i).fragment())
                .containsExactly("tutorial/tutorial-index#null", "tutorial/tutorial-index#null",
                        "tutorial/tutorial-first-steps#install", "tutorial/tutorial-first-steps#install");
        assertThat(diags.all()).extracting(Diagnostic::format).anyMatch(m -> m.contains("\"top\" is no heading"));
    }
}
