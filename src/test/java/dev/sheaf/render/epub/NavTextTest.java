package dev.sheaf.render.epub;

import dev.sheaf.diag.Diagnostics;
import dev.sheaf.model.Book;
import dev.sheaf.render.Labels;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NavText}: the nav document and the NCX written with the entries a previous build kept are what they are
 * written without them, after the edits a session sees — a retitled piece, page breaks dropped and moved, a piece
 * gone, a title that needs escaping.
 */
class NavTextTest {

    @TempDir
    Path dir;

    @Test
    void the_nav_document_and_the_ncx_with_kept_entries_are_those_written_afresh() throws Exception {
        // setup: a book (for the nav document's frame), a first build's contents and page list
        Book book = new dev.sheaf.core.Sheaf().book(TestBooks.minimal(dir.resolve("book"),
                "book.yaml", "title: Nav\nauthor: A. Writer\nlanguage: en\ndate: \"2026-12-01\"\n",
                "chapters/one/alpha.md", TestBooks.piece("title: Alpha\ndate: 2020-01-01", "Text.")),
                new Diagnostics()).orElseThrow();
        EpubPages pages = new EpubPages(book, new Labels(Locale.ENGLISH));
        Labels labels = new Labels(Locale.ENGLISH);
        List<TocEntry> toc = toc("Alpha", "Beta", "Gamma");
        List<String[]> pageList = pageList(new String[] {"alpha", "1", "2"}, new String[] {"beta", "3", "iv", "5"},
                new String[] {"gamma", "6"});
        NavText first = NavText.empty();
        NavDocuments.nav(pages, labels, toc, landmarks(), pageList, first);
        NavDocuments.ncx(book.meta(), "Pages", toc, pageList, spine(toc), first);
        // when: Beta retitled (with a character to escape), Alpha's breaks dropped, Gamma's moved, Gamma gone after
        List<List<TocEntry>> tocs = List.of(toc("Alpha", "Beta & <co>", "Gamma"), toc("Alpha", "Beta & <co>", "Gamma"),
                toc("Alpha", "Beta & <co>"));
        List<List<String[]>> lists = List.of(
                pageList(new String[] {"alpha"}, new String[] {"beta", "3", "iv", "5"}, new String[] {"gamma", "6"}),
                pageList(new String[] {"alpha", "1", "2"}, new String[] {"beta", "3", "iv", "5"},
                        new String[] {"gamma", "7", "8"}),
                pageList(new String[] {"alpha", "1", "2"}, new String[] {"beta", "3", "iv", "5"}));
        NavText before = first;
        for (int i = 0; i < tocs.size(); i++) {
            NavText kept = NavText.after(before);
            List<TocEntry> t = tocs.get(i);
            List<String[]> p = lists.get(i);
            // then: the same text as without kept entries
            assertThat(NavDocuments.nav(pages, labels, t, landmarks(), p, kept))
                    .isEqualTo(NavDocuments.nav(pages, labels, t, landmarks(), p, NavText.empty()))
                    .contains("Beta &amp; &lt;co&gt;");
            assertThat(NavDocuments.ncx(book.meta(), "Pages", t, p, spine(t), kept))
                    .isEqualTo(NavDocuments.ncx(book.meta(), "Pages", t, p, spine(t), NavText.empty()))
                    .contains("Beta &amp; &lt;co&gt;");
            before = kept;
        }
        // and the last NCX numbers its targets without the pages gone (the last page is 5)
        String ncx = NavDocuments.ncx(book.meta(), "Pages", tocs.get(2), lists.get(2), spine(tocs.get(2)),
                NavText.after(before));
        assertThat(ncx).contains("name=\"dtb:maxPageNumber\" content=\"5\"").contains("id=\"pt-5\"")
                .doesNotContain("id=\"pt-6\"").contains("type=\"front\" playOrder=");
    }

    /** One chapter with a piece per title. */
    private static List<TocEntry> toc(String... titles) {
        List<TocEntry> pieces = new ArrayList<>();
        for (String t : titles) {
            pieces.add(new TocEntry(t, file(t), List.of()));
        }
        return List.of(new TocEntry("One", "ch-one.xhtml", List.copyOf(pieces)));
    }

    private static String file(String title) {
        return title.split(" ")[0].toLowerCase(Locale.ROOT) + ".xhtml";
    }

    /** Per piece: its name, then the labels of the pages that begin in it. */
    private static List<String[]> pageList(String[]... pieces) {
        List<String[]> out = new ArrayList<>();
        for (String[] p : pieces) {
            for (int i = 1; i < p.length; i++) {
                out.add(new String[] {p[0] + ".xhtml#page-" + p[i], p[i]});
            }
        }
        return out;
    }

    private static List<String> spine(List<TocEntry> toc) {
        List<String> out = new ArrayList<>(List.of("nav.xhtml"));
        for (TocEntry c : toc) {
            out.add(c.href());
            c.children().forEach(p -> out.add(p.href()));
        }
        return out;
    }

    private static List<String[]> landmarks() {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"toc", "nav.xhtml#toc", "Contents"});
        return out;
    }
}
