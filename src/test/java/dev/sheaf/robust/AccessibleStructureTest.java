package dev.sheaf.robust;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.testing.EpubText;
import dev.sheaf.testing.EpubValidator;
import dev.sheaf.testing.TestBooks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.sheaf.testing.TestBooks.piece;
import static org.assertj.core.api.Assertions.assertThat;

/** Whatever the Markdown, the EPUB's structure reads well aloud: outline, link names, alt text, table headers. */
class AccessibleStructureTest {

    @TempDir
    Path dir;

    @Test
    void should_give_any_markdown_an_accessible_structure() throws Exception {
        TestBooks.minimal(dir,
                "chapters/a/first.md", piece("title: First\ndate: 2020-01-01", String.join("\n\n",
                        "### Starts low", "##### Skips a level", "### Back", "#### Below", "# Very high",
                        "[](second.md) [](https://example.org/x) [](mailto:a@example.org) [<img src=\"../../p.png\">](second.md)",
                        "![](../../p.png \"A grey square\")",
                        "| Name | Value |\n|---|---|\n| a | 1 |")),
                "chapters/a/second.md", piece("title: Second piece\ndate: 2020-01-02", "Text."));
        TestBooks.write(dir, "p.png", DegradeLocallyTest.png(10, 10));

        BuildResult r = new Sheaf().build(BuildRequest.of(dir, dir.resolve("out")).withFormats(List.of("epub")));

        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        assertThat(EpubValidator.problems(r.written().get(0))).isEmpty();
        Document page = Jsoup.parse(new EpubText(r.written().get(0)).entry("EPUB/text/first.xhtml"), "", Parser.xmlParser());
        assertThat(page.select("h1, h2, h3, h4, h5, h6").eachText()).containsExactly(
                "First", "Starts low", "Skips a level", "Back", "Below", "Very high");
        assertThat(page.select("h1, h2, h3, h4, h5, h6").stream().map(e -> e.tagName()).toList())
                .containsExactly("h1", "h2", "h3", "h2", "h3", "h2");
        assertThat(page.select("a[href]:not([role])").eachText())
                .containsExactly("Second piece", "https://example.org/x", "a@example.org", "Second piece");
        assertThat(page.select("img").eachAttr("alt")).contains("A grey square");
        assertThat(page.select("th").eachAttr("scope")).containsExactly("col", "col");
        assertThat(r.diagnostics()).extracting(d -> d.id().code()).contains("IMG-004");
    }
}
