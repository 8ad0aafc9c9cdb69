package dev.sheaf.cite;

import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.model.Book;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static dev.sheaf.testing.TestBooks.piece;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SourceCatalog#of(Book, Map, Map)}: the key words a session kept from its previous build give a cold build's
 * citation keys after a piece is retitled and another one added that wants the same key.
 */
class CitationKeysKeptTest {

    @TempDir
    Path dir;

    @Test
    void key_words_kept_from_the_previous_build_give_a_cold_builds_keys() throws Exception {
        // setup: two pieces by one author in one year, their keys made once
        Path root = TestBooks.minimal(dir.resolve("book"),
                "book.yaml", "title: Keys\nauthor: A. Writer\nlanguage: en\ndate: \"2026-12-01\"\n",
                "chapters/one/alpha.md", piece("title: Kazakhstan in crisis\nauthor: Raffaello Pantucci\ndate: 2022-01-01",
                        "Text."),
                "chapters/one/beta.md", piece("title: Georgia in crisis\nauthor: Raffaello Pantucci\ndate: 2022-02-01",
                        "Text."));
        Map<SourceCatalog.KeyWords, String> kept = new HashMap<>();
        SourceCatalog first = SourceCatalog.of(read(root), Map.of(), kept);
        assertThat(first.all()).extracting(Source::id).contains("pantucci2022kazakhstan", "pantucci2022georgia");
        // when: beta retitled to alpha's key word, and a third piece added before them wanting the same key
        TestBooks.write(root, "chapters/one/beta.md", piece(
                "title: Kazakhstan, again\nauthor: Raffaello Pantucci\ndate: 2022-02-01", "Text."));
        TestBooks.write(root, "chapters/one/aardvark.md", piece(
                "title: Kazakhstan at dawn\nauthor: Raffaello Pantucci\ndate: 2021-12-01", "Text."));
        Book second = read(root);
        Map<SourceCatalog.KeyWords, String> now = new HashMap<>();
        SourceCatalog warm = SourceCatalog.of(second, kept, now);
        // then: a cold catalogue's sources, keys made unique in reading order
        assertThat(warm.all()).isEqualTo(SourceCatalog.of(second).all());
        assertThat(warm.all()).extracting(Source::id).contains("pantucci2021kazakhstan", "pantucci2022kazakhstan",
                "pantucci2022kazakhstanb");
        // and only what this build used is kept for the next
        assertThat(now.keySet()).extracting(SourceCatalog.KeyWords::title)
                .containsExactlyInAnyOrder("Keys", "Kazakhstan in crisis", "Kazakhstan, again", "Kazakhstan at dawn");
    }

    private static Book read(Path root) {
        return new Sheaf().book(root, new Diagnostics()).orElseThrow();
    }
}
