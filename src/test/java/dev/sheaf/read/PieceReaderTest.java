package dev.sheaf.read;

import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.Block;
import dev.sheaf.model.Inline;
import dev.sheaf.model.Piece;
import dev.sheaf.model.Walk;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PieceReaderTest {

    @TempDir
    Path dir;

    private final Diagnostics diags = new Diagnostics();

    private Optional<Piece> read(String content) {
        return read(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private Optional<Piece> read(byte[] content) {
        Path file = TestBooks.write(dir, "chapters/c/piece.md", content);
        return new PieceReader(dir, diags).read(file, "c/piece", List.of("Default Author"));
    }

    private List<String> messages() {
        return diags.all().stream().map(Diagnostic::format).toList();
    }

    @Test
    void should_read_front_matter_and_body() {
        // when
        Piece p = read(TestBooks.piece("""
                title: "Kazakhstan in Crisis"
                subtitle: A subtitle
                outlet: RUSI
                type: commentary
                date: "2022-01"
                date_estimated: true
                date_basis: inferred from events
                tags: [Kazakhstan, CSTO]
                note: |
                  The *blog* introduction.
                """, "Body with \"quotes\" -- and a note[^1].\n\n## Section\n\n[^1]: The note.")).orElseThrow();
        // then
        assertThat(messages()).isEmpty();
        assertThat(p.title()).isEqualTo("Kazakhstan in Crisis");
        assertThat(p.meta().authors()).containsExactly("Default Author");
        assertThat(p.meta().date().iso()).isEqualTo("2022-01");
        assertThat(p.meta().date().estimated()).isTrue();
        assertThat(p.meta().date().basis()).isEqualTo("inferred from events");
        assertThat(p.meta().tags()).containsExactly("Kazakhstan", "CSTO");
        assertThat(p.meta().note()).hasSize(1);
        Block.Paragraph first = (Block.Paragraph) p.body().get(0);
        assertThat(Walk.text(first.content())).isEqualTo("Body with \u201cquotes\u201d \u2013 and a note.");
        assertThat(first.content()).anyMatch(i -> i instanceof Inline.NoteRef n && n.number() == 1);
        assertThat(p.body().get(1)).isInstanceOf(Block.Heading.class);
        assertThat(p.footnotes()).hasSize(1);
    }

    @Test
    void should_report_unclosed_front_matter_at_line_1() {
        assertThat(read("---\ntitle: x\ndate: 2020-01-01\n\nBody")).isEmpty();
        assertThat(messages()).containsExactly(
                "chapters/c/piece.md:1:1: error: front matter is not closed \u2014 start the file with a line \"---\", "
                        + "then title and date, then a closing \"---\" line [FM-001]");
    }

    @Test
    void should_report_malformed_yaml_with_its_line_and_column() {
        assertThat(read("---\ntitle: x\ndate: [2020\n---\nBody")).isEmpty();
        assertThat(diags.all()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(MessageId.FM_002);
            assertThat(d.where().line()).isBetween(3, 5);
            assertThat(d.where().column()).isPositive();
        });
    }

    @Test
    void should_report_a_date_that_is_not_a_date_at_its_value() {
        assertThat(read("---\ntitle: x\ndate: \"2022-13-45\"\n---\nBody")).isEmpty();
        assertThat(messages()).singleElement().asString()
                .startsWith("chapters/c/piece.md:3:7: error: date \"2022-13-45\" is not a date");
    }

    @Test
    void should_report_every_missing_required_field() {
        assertThat(read("---\noutlet: x\n---\nBody")).isEmpty();
        assertThat(diags.all()).extracting(Diagnostic::id).containsExactly(MessageId.FM_003, MessageId.FM_003);
        assertThat(messages()).anyMatch(m -> m.contains("piece has no \"title\""))
                .anyMatch(m -> m.contains("piece has no \"date\""));
    }

    @Test
    void should_suggest_the_known_field_for_a_misspelt_one_and_keep_unknown_fields() {
        Piece p = read("---\ntitle: x\ndate: 2020-01-01\nsubtitel: y\nmood: calm\n---\nBody").orElseThrow();
        assertThat(messages()).containsExactly(
                "chapters/c/piece.md:4:1: warning: unknown field \"subtitel\" \u2014 did you mean \"subtitle\"? [FM-006]",
                "chapters/c/piece.md:5:1: info: unknown field \"mood\" is kept for templates [FM-007]");
        assertThat(p.meta().extra()).containsEntry("mood", "calm").containsEntry("subtitel", "y");
    }

    @Test
    void should_report_invalid_utf8_with_the_byte_offset() {
        byte[] bad = "---\ntitle: x\ndate: 2020-01-01\n---\nab\u00e9".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(read(bad)).isEmpty();
        assertThat(messages()).singleElement().asString()
                .startsWith("chapters/c/piece.md:5:3: error: file is not valid UTF-8 (at byte offset 36)");
    }

    @Test
    void should_accept_byte_order_mark_and_crlf_line_ends() {
        Piece p = read("\uFEFF---\r\ntitle: x\r\ndate: 2020-01-01\r\n---\r\n\r\nOne\r\ntwo").orElseThrow();
        assertThat(messages()).isEmpty();
        assertThat(Walk.text(((Block.Paragraph) p.body().get(0)).content())).isEqualTo("One two");
    }

    @Test
    void should_report_a_footnote_without_definition_at_its_reference() {
        read("---\ntitle: x\ndate: 2020-01-01\n---\n\nText[^missing] here.");
        assertThat(messages()).singleElement().asString()
                .startsWith("chapters/c/piece.md:6:5: warning: footnote [^missing] has no definition; it is printed as written");
    }

    @Test
    void should_report_missing_and_escaping_images() {
        read("---\ntitle: x\ndate: 2020-01-01\n---\n\n![a](nowhere.png)\n\n![b](../../../etc/passwd)\n\n![](http://x/y.png)");
        assertThat(diags.all()).extracting(Diagnostic::id)
                .containsExactly(MessageId.IMG_001, MessageId.IMG_002, MessageId.IMG_004, MessageId.IMG_005);
    }

    @Test
    void should_report_a_file_that_claims_to_be_an_image_but_is_not() {
        TestBooks.write(dir, "chapters/c/fake.png", "not an image");
        read("---\ntitle: x\ndate: 2020-01-01\n---\n\n![a](fake.png)");
        assertThat(diags.all()).extracting(Diagnostic::id).containsExactly(MessageId.IMG_003);
    }

    @Test
    void should_reduce_raw_html_to_safe_markup_and_say_what_was_removed() {
        Piece p = read("---\ntitle: x\ndate: 2020-01-01\n---\n\n<script>alert(1)</script>\n\n"
                + "Text <b onclick=\"x()\">bold <i>and italic</b> and <a href=\"javascript:evil()\">a link</a>.\n\n"
                + "<div style=\"background:url(x)\"><p>Kept <em>text</em></p><iframe src=\"x\"></iframe><ul><li>one</ul>").orElseThrow();
        assertThat(messages()).containsExactly(
                "chapters/c/piece.md:6:1: warning: raw HTML reduced to safe markup; removed: script \u2014 write it in "
                        + "Markdown; scripts, styles, frames, forms and event handlers never reach the editions [MD-001]",
                "chapters/c/piece.md:8:1: warning: raw HTML reduced to safe markup; removed: event handlers, unsafe link "
                        + "\u2014 write it in Markdown; scripts, styles, frames, forms and event handlers never reach the editions [MD-001]",
                "chapters/c/piece.md:10:1: warning: raw HTML reduced to safe markup; removed: iframe, style attributes "
                        + "\u2014 write it in Markdown; scripts, styles, frames, forms and event handlers never reach the editions [MD-001]");
        assertThat(p.body()).hasSize(2);
        Block.Paragraph para = (Block.Paragraph) p.body().get(0);
        assertThat(Walk.text(para.content())).isEqualTo("Text bold and italic and a link.");
        assertThat(para.content()).anyMatch(i -> i instanceof Inline.Strong);
        assertThat(para.content()).noneMatch(i -> i instanceof Inline.Link || i instanceof Inline.RawText);
        Block.BlockQuote div = (Block.BlockQuote) p.body().get(1);
        assertThat(div.children()).hasSize(2);
        assertThat(div.children().get(1)).isInstanceOf(Block.ListBlock.class);
    }

    @Test
    void should_flatten_nesting_beyond_the_limit_with_a_warning() {
        Piece p = read("---\ntitle: x\ndate: 2020-01-01\n---\n\n" + ">".repeat(10_000) + " deep text\n").orElseThrow();
        assertThat(diags.all()).extracting(Diagnostic::id).containsExactly(MessageId.MD_004);
        int depth = 0;
        Block b = p.body().get(0);
        while (b instanceof Block.BlockQuote q && !q.children().isEmpty()) {
            depth++;
            b = q.children().get(0);
        }
        assertThat(depth).isLessThanOrEqualTo(MarkdownConverter.MAX_DEPTH);
        assertThat(Walk.text(((Block.Paragraph) b).content())).isEqualTo("deep text");
    }

    @Test
    void should_give_headings_unique_ids() {
        Piece p = read("---\ntitle: x\ndate: 2020-01-01\n---\n\n## Same\n\n## Same\n\n## !!!").orElseThrow();
        assertThat(p.body()).extracting(b -> ((Block.Heading) b).id()).containsExactly("same", "same-2", "section");
    }

    @Test
    void should_read_code_spans_and_inline_comments_as_commonmark_does() {
        Piece p = read("---\ntitle: x\ndate: 2020-01-01\n---\n\nA `` `tick` `` and ` a` and ``\nfoo \n``"
                + " <!-- TODO -- check this --> end.").orElseThrow();
        List<Inline> content = ((Block.Paragraph) p.body().get(0)).content();
        assertThat(content).filteredOn(Inline.Code.class::isInstance).extracting(i -> ((Inline.Code) i).text())
                .containsExactly("`tick`", " a", "foo ");
        assertThat(Walk.text(content)).doesNotContain("TODO").endsWith("foo   end.");
        assertThat(messages()).isEmpty();
    }
}
