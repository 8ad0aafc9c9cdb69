package dev.sheaf.render.pdf;

import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.model.Book;
import dev.sheaf.render.RenderContext;
import dev.sheaf.testing.TestBooks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.sheaf.testing.TestBooks.piece;
import static org.assertj.core.api.Assertions.assertThat;

/** The PDF's print document holds the whole book: each id once, and every internal link leads to one. */
class PrintDocumentIdsTest {

    @TempDir
    Path dir;

    @Test
    void should_write_each_id_once_and_link_only_to_ids_it_has() throws Exception {
        String repeated = "Twice[^a] and again[^a].\n\n## Notes\n\n## Notes\n\n## Title\n\n"
                + "[other](b.md#notes) [self](#notes-2) [top](b.md)\n\n[^a]: A note.";
        TestBooks.minimal(dir, "chapters/x/a.md", piece("title: Same\ndate: 2020-01-01", repeated),
                "chapters/x/b.md", piece("title: Same\ndate: 2020-01-02", repeated),
                "chapters/y/_chapter.md", "---\ntitle: Y\n---\n\n## Notes\n\nSee [a](../x/a.md#title).\n",
                "chapters/y/c.md", piece("title: Same\ndate: 2020-01-03", repeated));
        Diagnostics diags = new Diagnostics();
        Book book = new Sheaf().book(dir, diags).orElseThrow();
        String xhtml = new PrintDocument(book, RenderContext.of(book, diags, null).labels(), "", "cover.png",
                new CoverFit(1, 1, 0, 0), PrintFonts.of(book, List.of("text"))).render();
        var doc = Jsoup.parse(xhtml, "", Parser.xmlParser());
        Set<String> ids = new HashSet<>();
        for (Element e : doc.select("[id]")) {
            assertThat(ids.add(e.id())).as("id written twice: " + e.id()).isTrue();
        }
        List<String> internal = doc.select("a[href^=#]").eachAttr("href");
        assertThat(internal).isNotEmpty().allSatisfy(h -> assertThat(ids).contains(h.substring(1)));
        assertThat(internal).contains("#p-b-notes-2", "#p-a-notes-2", "#p-b", "#p-a-title-2");
    }
}
