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

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class WordPressImportTest {

    static final Path WXR = Path.of("src/test/resources/import/wordpress/blog.wordpress.xml");

    @TempDir
    Path tmp;

    static ImportRequest request(Path source, Path book, ImportRequest.ChapterBy by) {
        return new ImportRequest(List.of(source), book, by, Set.of(), null, null, null, false);
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void publishedPostsBecomePiecesAndTheRestIsCounted() throws IOException {
        Path book = tmp.resolve("book");
        Diagnostics diags = new Diagnostics();
        ImportReport report = new ImportRun(diags).run(request(WXR, book, ImportRequest.ChapterBy.TAG));

        assertThat(report.count(ImportReport.Outcome.NEW)).isEqualTo(3);
        assertThat(report.skipped).containsEntry("drafts", 1).containsEntry("private posts", 1)
                .containsEntry("pages", 1).containsEntry("revisions", 1).containsEntry("attachments", 1)
                .containsEntry("password-protected posts", 1);
        assertThat(report.summary()).startsWith("3 pieces imported from 1 source; skipped 6:");
        assertThat(diags.hasErrors()).isFalse();
        assertThat(diags.all()).extracting(Diagnostic::id).containsOnly(MessageId.IMP_003);

        assertThat(read(book.resolve("book.yaml"))).contains("title: \"Steppe Notes\"", "author: \"Amira Sadykova\"",
                "language: \"en-GB\"");
        Path water = book.resolve("chapters/uzbekistan/water-before-pipelines-why-the-ferghana-valley-matters.md");
        String piece = read(water);
        // The intro above the repeated title is the headnote; the excerpt the subtitle (not repeated in the body).
        assertThat(piece).contains("note: |\n  Back to writing after the holidays.",
                "  It also picks up a thread from [my October post on dams](https://steppe.example.org/2021/10/01/dams/).",
                "subtitle: \"Shared rivers, not great powers, decide the region’s next decade.\"",
                "date: \"2022-01-07\"", "tags: [\"Water\", \"Uzbekistan\", \"Central Asia\"]",
                "url: \"https://steppe.example.org/2022/01/07/water-before-pipelines/\"");
        String body = piece.substring(piece.indexOf("\n---\n") + 5);
        assertThat(body).doesNotContain("Water Before Pipelines", "Shared rivers", "<!--", "[caption", "[embed",
                "Comments are not part of the piece");
        // [caption] → image (a link, as the export only links to it) and an italic caption line.
        assertThat(body).contains("[Image: An irrigation canal near Andijan](https://steppe.example.org/wp-content/uploads/2022/01/canal-640x427.png)\n\n"
                + "*An irrigation canal near Andijan, 2021. Photo: the author.*");
        // wpautop: blank lines are paragraphs, single newlines line breaks; typographic quotes and dashes kept.
        assertThat(body).contains("they mean pipelines, railways and bases.",
                "about water — who stores it, who releases it, and when.\\\nUpstream states want winter power;",
                "“the great game”", "- Kyrgyzstan and Tajikistan signed a border deal;",
                "possible.\n\n> Water is the valley’s constitution.", "<https://www.youtube.com/watch?v=abc123>");

        // Gutenberg blocks: comments gone, heading, figure, ordered list.
        String railway = read(book.resolve("chapters/uzbekistan/the-railway-that-runs-on-promises.md"));
        assertThat(railway).doesNotContain("wp:", "<!--", "<figure", "<p>")
                .contains("## What is different now", "*feasibility study*", "*Rails at the Torugart crossing.*",
                        "1. Beijing wants a route that avoids Russia.");
        // Published at 23:30 on 31 December in the site's zone (04:30 UTC on 1 January): the site's date counts.
        assertThat(railway).contains("date: \"2021-12-31\"");
        String letter = read(book.resolve("chapters/sanctions/letter-on-sanctions-their-limits.md"));
        assertThat(letter).contains("title: \"Letter: On Sanctions & Their Limits\"", "Sir,\\\nYour leader")
                .doesNotContain("Uncategorized");
        assertThat(read(book.resolve("chapters/sanctions/_chapter.md"))).contains("title: \"Sanctions\"");
    }

    @Test
    void theImportedBookChecksCleanAndBuildsAValidEpub() throws IOException {
        Path book = tmp.resolve("book");
        new ImportRun(new Diagnostics()).run(request(WXR, book, ImportRequest.ChapterBy.YEAR));
        BuildResult check = new Sheaf().check(book, null);
        assertThat(check.diagnostics()).filteredOn(d -> d.severity() != Severity.INFO).isEmpty();
        BuildResult built = new Sheaf().build(BuildRequest.of(book, tmp.resolve("out")).withFormats(List.of("epub")));
        assertThat(built.success()).as(built.diagnostics().toString()).isTrue();
        Path epub = built.written().stream().filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
        assertThat(EpubValidator.problems(epub)).isEmpty();
    }

    @Test
    void aSecondRunRecognisesEveryPieceAndNeverOverwritesAnEditedOne() throws IOException {
        Path book = tmp.resolve("book");
        new ImportRun(new Diagnostics()).run(request(WXR, book, ImportRequest.ChapterBy.NONE));
        ImportReport again = new ImportRun(new Diagnostics()).run(request(WXR, book, ImportRequest.ChapterBy.NONE));
        assertThat(again.count(ImportReport.Outcome.UNCHANGED)).isEqualTo(3);
        assertThat(again.count(ImportReport.Outcome.NEW)).isZero();

        // The source changes two posts; the author has edited one of them (and moved the other).
        Path changedWxr = tmp.resolve("changed.xml");
        Files.writeString(changedWxr, read(WXR).replace("fund the gauges, not the grand plans", "fund the gauges first")
                .replace("names a gauge.", "names a gauge at last."), StandardCharsets.UTF_8);
        Path water = book.resolve("chapters/pieces/water-before-pipelines-why-the-ferghana-valley-matters.md");
        String edited = read(water).replace("The lesson for outsiders", "The lesson for all outsiders");
        Files.writeString(water, edited, StandardCharsets.UTF_8);
        Path moved = book.resolve("chapters/railways/the-railway-that-runs-on-promises.md");
        Files.createDirectories(moved.getParent());
        Files.move(book.resolve("chapters/pieces/the-railway-that-runs-on-promises.md"), moved);

        Diagnostics diags = new Diagnostics();
        ImportReport third = new ImportRun(diags).run(request(changedWxr, book, ImportRequest.ChapterBy.NONE));
        assertThat(third.count(ImportReport.Outcome.KEPT)).isEqualTo(1);
        assertThat(third.count(ImportReport.Outcome.UPDATED)).isEqualTo(1);
        assertThat(third.count(ImportReport.Outcome.UNCHANGED)).isEqualTo(1);
        assertThat(read(water)).isEqualTo(edited);
        assertThat(read(moved)).contains("names a gauge at last.");
        assertThat(Files.exists(book.resolve("chapters/pieces/the-railway-that-runs-on-promises.md"))).isFalse();
        assertThat(diags.all()).extracting(Diagnostic::id).contains(MessageId.IMP_004);
    }

    @Test
    void aTruncatedExportIsAnErrorWithItsPositionAndWritesNothing() throws IOException {
        String text = read(WXR);
        Path cut = tmp.resolve("cut.xml");
        Files.writeString(cut, text.substring(0, text.indexOf("<wp:post_id>103")), StandardCharsets.UTF_8);
        Path book = tmp.resolve("book");
        Diagnostics diags = new Diagnostics();
        ImportReport report = new ImportRun(diags).run(request(cut, book, ImportRequest.ChapterBy.NONE));
        assertThat(diags.all()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(MessageId.IMP_001);
            assertThat(d.where().line()).isGreaterThan(100);
            assertThat(d.format()).startsWith(cut + ":").contains("error: cannot import this WordPress export");
        });
        assertThat(report.entries).isEmpty();
        assertThat(Files.exists(book)).isFalse();
    }

    @Test
    void theMediaFolderBringsTheImagesNextToThePiece() throws IOException {
        Path uploads = tmp.resolve("uploads");
        // Only the full-size canal.png exists, as when the resized copies were not kept.
        writePng(uploads.resolve("2022/01/canal.png"));
        Path book = tmp.resolve("book");
        Diagnostics diags = new Diagnostics();
        new ImportRun(diags).run(new ImportRequest(List.of(WXR), book, ImportRequest.ChapterBy.NONE, Set.of(),
                null, null, uploads, false));
        Path dir = book.resolve("chapters/pieces");
        String piece = read(dir.resolve("water-before-pipelines-why-the-ferghana-valley-matters.md"));
        assertThat(piece).contains("![An irrigation canal near Andijan](water-before-pipelines-why-the-ferghana-valley-matters-canal.png)");
        assertThat(dir.resolve("water-before-pipelines-why-the-ferghana-valley-matters-canal.png")).exists();
        // rails.png is not in the uploads folder: a warning, and it stays a link.
        assertThat(diags.all()).extracting(Diagnostic::id).containsExactly(MessageId.IMP_005);
        assertThat(new Sheaf().check(book, null).diagnostics()).filteredOn(d -> d.severity() == Severity.ERROR).isEmpty();
    }

    @Test
    void filtersAndDryRun() throws IOException {
        Path book = tmp.resolve("book");
        ImportReport report = new ImportRun(new Diagnostics()).run(new ImportRequest(List.of(WXR), book,
                ImportRequest.ChapterBy.CATEGORY, Set.of("uzbekistan"), LocalDate.of(2022, 1, 1), null, null, true));
        assertThat(report.entries).singleElement().satisfies(e -> {
            assertThat(e.title()).startsWith("Water Before Pipelines");
            assertThat(e.file().toString().replace('\\', '/')).isEqualTo(
                    "chapters/central-asia/water-before-pipelines-why-the-ferghana-valley-matters.md");
        });
        assertThat(report.skipped).containsEntry("not tagged uzbekistan", 1).containsEntry("outside the dates asked for", 1);
        assertThat(Files.exists(book)).isFalse();
    }

    static void writePng(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 30; y++) {
                img.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8 | 0x60);
            }
        }
        ImageIO.write(img, "png", file.toFile());
    }

    static long count(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    /** A WordPress export of the posts given as {id, status, slug, title, content}. */
    static String wxr(String[]... posts) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" "
                + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                + "xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><title>Links</title><link>https://blog.example.org</link>"
                + "<language>en</language><wp:base_blog_url>https://blog.example.org</wp:base_blog_url>");
        for (String[] p : posts) {
            b.append("<item><title>").append(p[3]).append("</title><link>https://blog.example.org/2022/01/0").append(p[0])
                    .append("/").append(p[2]).append("/</link><guid isPermaLink=\"false\">https://blog.example.org/?p=")
                    .append(p[0]).append("</guid><dc:creator>ann</dc:creator><content:encoded><![CDATA[").append(p[4])
                    .append("]]></content:encoded><wp:post_id>").append(p[0]).append("</wp:post_id><wp:post_date>2022-01-0")
                    .append(p[0]).append(" 10:00:00</wp:post_date><wp:status>").append(p[1])
                    .append("</wp:status><wp:post_type>post</wp:post_type></item>");
        }
        return b.append("</channel></rss>").toString();
    }

    @Test
    void postsLinkingToPostsOfTheExportLinkToTheirPieces() throws IOException {
        Path source = tmp.resolve("links.wordpress.xml");
        Files.writeString(source, wxr(
                new String[] {"1", "publish", "first", "First post", "<p>See <a href=\"http://www.blog.example.org/2022/01/02/second\">"
                        + "the second post</a>, its <a href=\"https://blog.example.org/2022/01/02/second/#answer\">answer</a>, "
                        + "a <a href=\"https://blog.example.org/2022/01/03/draft/\">draft</a> and "
                        + "<a href=\"https://elsewhere.example.com/2022/01/02/second/\">another site</a>.</p>"},
                new String[] {"2", "publish", "second", "Second post", "<p>Back to <a href=\"/?p=1\">the first</a>.</p>"
                        + "<h2 id=\"answer\">The answer</h2><p>Yes, and <a href=\"/2022/01/01/first/\">again</a>.</p>"},
                new String[] {"3", "draft", "draft", "A draft", "<p>Not yet.</p>"}), StandardCharsets.UTF_8);
        Path book = tmp.resolve("book");
        Diagnostics diags = new Diagnostics();
        ImportReport report = new ImportRun(diags).run(request(source, book, ImportRequest.ChapterBy.NONE));
        assertThat(report.count(ImportReport.Outcome.NEW)).isEqualTo(2);
        String first = read(book.resolve("chapters/pieces/first-post.md"));
        String second = read(book.resolve("chapters/pieces/second-post.md"));
        assertThat(first).contains("[the second post](second-post.md)", "[answer](second-post.md#answer)",
                "[draft](https://blog.example.org/2022/01/03/draft/)", "[another site](https://elsewhere.example.com/2022/01/02/second/)");
        assertThat(second).contains("[the first](first-post.md)", "## The answer {#answer}", "[again](first-post.md)");
        assertThat(diags.all()).extracting(Diagnostic::id).doesNotContain(MessageId.IMP_012);
        assertThat(new Sheaf().check(book, null).diagnostics()).filteredOn(d -> d.severity() != Severity.INFO).isEmpty();
    }
}
