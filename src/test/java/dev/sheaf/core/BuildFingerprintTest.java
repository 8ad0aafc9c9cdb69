package dev.sheaf.core;

import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.sheaf.testing.TestBooks.piece;
import static org.assertj.core.api.Assertions.assertThat;

class BuildFingerprintTest {

    @TempDir
    Path dir;

    private BuildResult build() {
        return new Sheaf().buildIfChanged(BuildRequest.of(dir, dir.resolve("target/book")).withFormats(List.of("citations")));
    }

    @Test
    void should_skip_an_unchanged_book_and_rebuild_when_anything_changes() throws Exception {
        TestBooks.minimal(dir, "chapters/a/p.md", piece("title: P\ndate: 2020", "Text."));
        assertThat(build().upToDate()).isFalse();
        Files.writeString(dir.resolve("build.log"), "logs are not inputs");
        BuildResult second = build();
        assertThat(second.upToDate()).isTrue();
        assertThat(second.written()).extracting(p -> p.getFileName().toString()).contains("test-book.bib");

        TestBooks.write(dir, "chapters/a/p.md", piece("title: P\ndate: 2021", "Text."));
        assertThat(build().upToDate()).isFalse();
        TestBooks.write(dir, "fonts/x.ttf", "not really a font");
        assertThat(build().upToDate()).isFalse();
        BuildResult otherStyle = new Sheaf().buildIfChanged(BuildRequest.of(dir, dir.resolve("target/book"))
                .withFormats(List.of("citations")).withCitationStyle("apa"));
        assertThat(otherStyle.upToDate()).isFalse();
    }

    @Test
    void should_rebuild_when_an_edition_was_deleted() throws Exception {
        TestBooks.minimal(dir, "chapters/a/p.md", piece("title: P\ndate: 2020", "Text."));
        build();
        Files.delete(dir.resolve("target/book/test-book.ris"));
        assertThat(build().upToDate()).isFalse();
        assertThat(dir.resolve("target/book/test-book.ris")).exists();
    }
}
