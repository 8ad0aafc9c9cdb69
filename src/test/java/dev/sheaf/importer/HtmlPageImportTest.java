package dev.sheaf.importer;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.diag.Severity;
import dev.sheaf.testing.EpubValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlPageImportTest {

    static final Path SAMPLE = Path.of("src/test/resources/import/html/readability");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"ars-1", "medium-2", "heise", "lemonde-1"})
    void metadataAndTextAgreeWithReadabilitysExpectations(String page) throws IOException {
        ReadabilityPages.Score s = ReadabilityPages.scoreOne(SAMPLE.resolve(page));
        assertThat(s.imported()).as(s.detail()).isTrue();
        assertThat(s.title()).as(s.detail()).isTrue();
        assertThat(s.byline()).as(s.detail()).isTrue();
        assertThat(s.site()).as(s.detail()).isTrue();
        assertThat(s.overlap()).as(s.detail()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void aSavedPageBecomesAPieceWithItsMetadataAndLocalImages() throws IOException {
        Path dir = tmp.resolve("saved");
        Files.createDirectories(dir.resolve("article_files"));
        WordPressImportTest.writePng(dir.resolve("article_files/chart.png"));
        StringBuilder paragraphs = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            paragraphs.append("<p>Paragraph ").append(i).append(" of the argument: Kazakhstan’s elites used their wealth to ")
                    .append("foster a middle class, and the protests show where that stopped — in towns far from the capital.</p>\n");
        }
        Files.writeString(dir.resolve("article.html"), """
                <!DOCTYPE html>
                <!-- saved from url=(0045)https://outlet.example.com/2022/01/kazakhstan -->
                <html lang="en-GB"><head><meta charset="utf-8">
                <title>Kazakhstan in Crisis | The Outlet</title>
                <meta property="og:title" content="OG title that loses to JSON-LD">
                <meta property="og:site_name" content="The Outlet">
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                  {"@type":"WebPage","name":"Kazakhstan in Crisis | The Outlet"},
                  {"@type":"NewsArticle","headline":"Kazakhstan in Crisis","datePublished":"2022-01-07T09:30:00+06:00",
                   "author":[{"@type":"Person","name":"Amira Sadykova"}],"publisher":{"@type":"Organization","name":"The Outlet"},
                   "url":"https://outlet.example.com/2022/01/kazakhstan","keywords":["Kazakhstan","CSTO"]}]}</script>
                </head><body>
                <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/opinion">Opinion</a></nav>
                <article><h1>Kazakhstan in Crisis</h1>
                <div class="share"><a href="https://twitter.com/share">Share on Twitter</a></div>
                %s
                <figure><img src="article_files/chart.png" alt="Protests by region"><figcaption>Where the protests were.</figcaption></figure>
                </article>
                <aside class="comments"><h2>Comments</h2><p>First!</p></aside>
                </body></html>
                """.formatted(paragraphs), StandardCharsets.UTF_8);
        Path book = tmp.resolve("book");
        Diagnostics diags = new Diagnostics();
        ImportReport report = new ImportRun(diags).run(new ImportRequest(List.of(dir), book,
                ImportRequest.ChapterBy.NONE, Set.of(), null, null, null, false));
        assertThat(report.count(ImportReport.Outcome.NEW)).isEqualTo(1);
        assertThat(diags.hasErrors()).isFalse();
        Path piece = book.resolve("chapters/pieces/kazakhstan-in-crisis.md");
        String text = Files.readString(piece, StandardCharsets.UTF_8);
        assertThat(text).contains("title: \"Kazakhstan in Crisis\"", "author: \"Amira Sadykova\"", "outlet: \"The Outlet\"",
                "date: \"2022-01-07\"", "url: \"https://outlet.example.com/2022/01/kazakhstan\"",
                "tags: [\"Kazakhstan\", \"CSTO\"]", "Paragraph 6 of the argument: Kazakhstan’s elites",
                "![Protests by region](kazakhstan-in-crisis-chart.png)", "*Where the protests were.*")
                .doesNotContain("Share on Twitter", "First!", "Opinion", "# Kazakhstan in Crisis");
        assertThat(piece.resolveSibling("kazakhstan-in-crisis-chart.png")).exists();
        assertThat(Files.readString(book.resolve("book.yaml"), StandardCharsets.UTF_8)).contains("language: \"en-GB\"");

        BuildResult built = new Sheaf().build(BuildRequest.of(book, tmp.resolve("out")).withFormats(List.of("epub")));
        assertThat(built.diagnostics()).filteredOn(d -> d.severity() == Severity.ERROR).isEmpty();
        Path epub = built.written().stream().filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
        assertThat(EpubValidator.problems(epub)).isEmpty();
    }

    @Test
    void aPageWithNoArticleIsAnErrorAndWritesNothing() throws IOException {
        Path page = tmp.resolve("index.html");
        Files.writeString(page, "<html><head><title>Home</title></head><body><nav><ul>"
                + "<li><a href='/a'>World news and more</a></li><li><a href='/b'>Opinion and comment</a></li>"
                + "<li><a href='/c'>Sport results today</a></li></ul></nav><p>© 2024</p></body></html>", StandardCharsets.UTF_8);
        Diagnostics diags = new Diagnostics();
        Path book = tmp.resolve("book");
        new ImportRun(diags).run(new ImportRequest(List.of(page), book, ImportRequest.ChapterBy.NONE, Set.of(),
                null, null, null, false));
        assertThat(diags.all()).extracting(Diagnostic::id).containsExactly(MessageId.IMP_001);
        assertThat(diags.all().get(0).format()).contains("cannot import this web page: no article found");
        assertThat(Files.exists(book)).isFalse();
    }

    @Test
    void visibleBylinesLoseTheirByAndTheDatePrintedAfterTheName() {
        // Bylines as Readability's test pages print them (wordpress, telegraph, ars-1, cnet-svg-classes, msn, breitbart).
        assertThat(HtmlPageImporter.cleanByline("Sarah Gooding March 9, 2017 13")).isEqualTo("Sarah Gooding");
        assertThat(HtmlPageImporter.cleanByline("Our Foreign Staff 16 November 2017 • 2:15pm")).isEqualTo("Our Foreign Staff");
        assertThat(HtmlPageImporter.cleanByline("Dan Goodin - Apr 16, 2015 8:02 pm UTC")).isEqualTo("Dan Goodin");
        assertThat(HtmlPageImporter.cleanByline("César Salza 1 de diciembre de 2017 3:00 AM PST")).isEqualTo("César Salza");
        assertThat(HtmlPageImporter.cleanByline("Alex Perry 1 day ago")).isEqualTo("Alex Perry");
        assertThat(HtmlPageImporter.cleanByline("by Lucas Nolan22 Dec 2016651")).isEqualTo("Lucas Nolan");
        assertThat(HtmlPageImporter.cleanByline("Posted by Andrew Zonenberg")).isEqualTo("Andrew Zonenberg");
        assertThat(HtmlPageImporter.cleanByline("Written by Rob Ewaschuk Edited by Betsy Beyer")).isEqualTo("Rob Ewaschuk");
        assertThat(HtmlPageImporter.cleanByline("Par Sébastien Farcis")).isEqualTo("Sébastien Farcis");
        assertThat(HtmlPageImporter.cleanByline("Gina Roberts-Grey")).isEqualTo("Gina Roberts-Grey");
        assertThat(HtmlPageImporter.cleanByline("Mac & i")).isEqualTo("Mac & i");
        assertThat(HtmlPageImporter.cleanByline("June Byers")).isEqualTo("June Byers");
        assertThat(HtmlPageImporter.cleanByline("Joe Wee Monday, 9 May 2016")).isEqualTo("Joe Wee");
    }

    /** A saved article page: its canonical address, title and paragraphs (markup). */
    private static String page(String url, String title, String... paragraphs) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(title).append("</title><link rel=\"canonical\" href=\"").append(url)
                .append("\"><meta name=\"author\" content=\"Ann Author\"></head><body><nav><a href=\"/\">Home</a></nav>"
                        + "<article><h1>").append(title).append("</h1>");
        for (String para : paragraphs) {
            b.append(para);
        }
        for (int i = 1; i <= 4; i++) {
            b.append("<p>Paragraph ").append(i).append(" of the article goes on about rivers, dams and the people who ")
                    .append("live downstream of them, long enough to read as an article to anyone.</p>");
        }
        return b.append("</article></body></html>").toString();
    }

    @Test
    void savedPagesLinkingToEachOtherLinkToTheirPieces() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("saved"));
        Files.writeString(dir.resolve("dams.html"), page("https://news.example.org/2021/dams/", "Dams",
                "<p>See <a href=\"rivers.html#downstream\">downstream</a>, <a href=\"http://www.news.example.org/2021/rivers\">"
                        + "the rivers story</a> and <a href=\"https://news.example.org/2021/other/\">one not saved</a>.</p>"),
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("rivers.html"), page("https://news.example.org/2021/rivers/", "Rivers",
                "<p>Back to <a href=\"https://news.example.org/2021/dams/\">dams</a>.</p>",
                "<h2 id=\"downstream\">Downstream</h2><p>Text downstream, where <a href=\"#downstream\">this</a> leads.</p>"),
                StandardCharsets.UTF_8);
        Path book = tmp.resolve("book");
        Diagnostics diags = new Diagnostics();
        ImportReport report = new ImportRun(diags).run(new ImportRequest(List.of(dir), book, ImportRequest.ChapterBy.NONE,
                Set.of(), null, null, null, false));
        assertThat(report.count(ImportReport.Outcome.NEW)).isEqualTo(2);
        String dams = Files.readString(book.resolve("chapters/pieces/dams.md"), StandardCharsets.UTF_8);
        String rivers = Files.readString(book.resolve("chapters/pieces/rivers.md"), StandardCharsets.UTF_8);
        assertThat(dams).contains("[downstream](rivers.md#downstream)", "[the rivers story](rivers.md)",
                "[one not saved](https://news.example.org/2021/other/)");
        assertThat(rivers).contains("[dams](dams.md)", "## Downstream {#downstream}", "[this](#downstream)");
        assertThat(new Sheaf().check(book, null).diagnostics()).filteredOn(d -> d.severity() != Severity.INFO).isEmpty();
    }

    @Test
    void aBlogHostsAccountNameIsNoByline() {
        assertThat(HtmlPageImporter.isAccountName("mcupdate", "http://mcupdate.tumblr.com/post/1/x")).isTrue();
        assertThat(HtmlPageImporter.isAccountName("JaneDoe", "https://janedoe.wordpress.com/2020/01/01/x/")).isTrue();
        assertThat(HtmlPageImporter.isAccountName("Jane Doe", "https://janedoe.wordpress.com/2020/01/01/x/")).isFalse();
        assertThat(HtmlPageImporter.isAccountName("news", "https://news.example.org/2020/x")).isTrue();
        assertThat(HtmlPageImporter.isAccountName("example", "https://www.example.org/2020/x")).isFalse();
        assertThat(HtmlPageImporter.isAccountName("mcupdate", null)).isFalse();
    }
}
