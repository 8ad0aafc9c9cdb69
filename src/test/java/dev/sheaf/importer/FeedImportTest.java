package dev.sheaf.importer;

import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.diag.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FeedImportTest {

    static final Path FEEDS = Path.of("src/test/resources/import/feeds");

    @TempDir
    Path tmp;

    @Test
    void rssAndAtomItemsBecomePieces() throws IOException {
        Path book = tmp.resolve("book");
        Diagnostics diags = new Diagnostics();
        ImportReport report = new ImportRun(diags).run(new ImportRequest(List.of(FEEDS), book,
                ImportRequest.ChapterBy.NONE, Set.of(), null, null, null, false));
        assertThat(diags.all()).isEmpty();
        assertThat(report.count(ImportReport.Outcome.NEW)).isEqualTo(4);
        Path dir = book.resolve("chapters/pieces");
        String csto = Files.readString(dir.resolve("kazakhstan-the-csto.md"), StandardCharsets.UTF_8);
        assertThat(csto).contains("title: \"Kazakhstan & the CSTO\"", "subtitle: \"Why Tokayev called in his allies.\"",
                "date: \"2022-01-07\"", "tags: [\"Kazakhstan\", \"CSTO\"]", "url: \"https://amira.example.org/csto\"",
                "import_source: \"feed:amira-2022-001\"", "The deployment was *small* and brief — yet it mattered.",
                "“Peacekeepers”, the communiqué said.");
        String letter = Files.readString(dir.resolve("a-letter-on-water.md"), StandardCharsets.UTF_8);
        assertThat(letter).contains("date: \"2021-06-02\"", "Sir, your leader on the Aral Sea misses the point.")
                .doesNotContain("subtitle:");
        String rails = Files.readString(dir.resolve("rails-promises.md"), StandardCharsets.UTF_8);
        assertThat(rails).contains("title: \"Rails & promises\"", "author: \"Amira Sadykova\"", "date: \"2021-12-31\"",
                "tags: [\"China\"]", "url: \"https://steppe.example.org/rails\"",
                "The railway has been **about to start** for twenty-five years.", "- Money\n- A gauge");
        String plain = Files.readString(dir.resolve("plain-text-entry.md"), StandardCharsets.UTF_8);
        assertThat(plain).contains("date: \"2021-05-01\"", "First paragraph with a \\<tag\\> in text.", "Second paragraph.");
        assertThat(new Sheaf().check(book, null).diagnostics()).filteredOn(d -> d.severity() != Severity.INFO).isEmpty();
    }

    @Test
    void aTruncatedFeedIsAnError() throws IOException {
        String rss = Files.readString(FEEDS.resolve("pieces.rss"), StandardCharsets.UTF_8);
        Path cut = tmp.resolve("cut.rss");
        Files.writeString(cut, rss.substring(0, rss.indexOf("A letter on water")), StandardCharsets.UTF_8);
        Diagnostics diags = new Diagnostics();
        ImportReport report = new ImportRun(diags).run(new ImportRequest(List.of(cut), tmp.resolve("book"),
                ImportRequest.ChapterBy.NONE, Set.of(), null, null, null, false));
        assertThat(diags.all()).extracting(Diagnostic::id).containsExactly(MessageId.IMP_001);
        assertThat(diags.all().get(0).format()).contains("cannot import this feed");
        assertThat(report.entries).isEmpty();
        assertThat(Files.exists(tmp.resolve("book"))).isFalse();
    }
}
