package dev.sheaf.render;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.testing.EpubText;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PieceText}: what the EPUB and the site find in each piece (the images they carry, whether each has a text
 * alternative) kept by a session gives a cold build's editions after an image is added to a piece and removed from
 * another.
 */
class PieceTextTest {

    @TempDir
    Path tmp;

    @Test
    void a_sessions_images_after_edits_are_a_cold_builds() throws Exception {
        // setup: a book with an image in one piece, built once in a session
        Path book = TestBooks.copy("kitchen-sink", tmp.resolve("book"));
        Sheaf session = Sheaf.incremental();
        List<String> formats = List.of("epub", "site");
        Path out = tmp.resolve("out");
        build(session, BuildRequest.of(book, out).withFormats(formats));
        Path letter = book.resolve("chapters/02-letters/a-letter.md");
        Path notes = book.resolve("chapters/01-essays/steppe-notes.md");
        // when: the image added, without a text alternative, to another piece; then taken out of both pieces' text
        Files.writeString(letter, "\n![](../../images/map.png)\n", StandardOpenOption.APPEND);
        compare(session, book, out, formats, "added");
        assertThat(new EpubText(out.resolve(epub(out))).entry("EPUB/package.opf")).doesNotContain("WCAG");
        Files.writeString(notes, Files.readString(notes).replace("![Inline map](../../images/map.png)", ""));
        Files.writeString(letter, Files.readString(letter).replace("![](../../images/map.png)", "No image."));
        // then: after each, a cold build's files (every image described again at the end: the lead image has its text)
        compare(session, book, out, formats, "removed");
        assertThat(new EpubText(out.resolve(epub(out))).entry("EPUB/package.opf")).contains("WCAG");
    }

    private void compare(Sheaf session, Path book, Path out, List<String> formats, String step) throws Exception {
        build(session, BuildRequest.of(book, out).withFormats(formats));
        Path fresh = tmp.resolve("fresh-" + step);
        build(new Sheaf(), BuildRequest.of(book, fresh).withFormats(formats));
        List<String> files = files(fresh);
        assertThat(files(out)).as(step).isEqualTo(files);
        for (String f : files) {
            assertThat(Files.readAllBytes(out.resolve(f))).as(f + " " + step).isEqualTo(Files.readAllBytes(fresh.resolve(f)));
        }
    }

    private static void build(Sheaf sheaf, BuildRequest request) {
        BuildResult r = sheaf.build(request);
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
    }

    private static String epub(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".epub")).findFirst().orElseThrow();
        }
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .filter(f -> !f.startsWith(".sheaf")).sorted().toList();
        }
    }
}
