package dev.sheaf.perf;

import dev.sheaf.buildcache.Reuse;
import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A build into the folder of an earlier one lays out again only the handouts whose inputs changed, and writes what a
 * build without the cache writes, byte for byte: an edited piece reaches the handouts that hold it, a changed picture
 * the handout that shows it, the book's metadata every handout.
 */
class HandoutRebuildTest {

    @TempDir
    Path tmp;

    @Test
    void should_lay_out_again_only_the_handouts_an_edit_reaches() throws Exception {
        // setup: five handouts; "letters" holds a letter and the ferries piece, the others the rivers chapter
        Path book = TestBooks.copy("handouts-event", tmp.resolve("book"));
        Path out = tmp.resolve("out");
        assertThat(handouts(build(book, out, true)).reused()).isZero();
        // when: nothing changed
        BuildResult again = build(book, out, true);
        // then
        assertThat(handouts(again).describe()).isEqualTo("handouts: 0 of 5 handouts laid out, 5 reused");
        assertThat(again.describeReuse()).contains("handouts: 0 of 5 handouts laid out, 5 reused");
        // when: a paragraph added to the slow river, which "letters" does not hold
        Files.writeString(book.resolve("chapters/rivers/the-slow-river.md"),
                "\nAn added paragraph about the lock keeper's cat.\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        BuildResult edited = build(book, out, true);
        build(book, tmp.resolve("cold"), false);
        // then
        assertThat(handouts(edited).describe()).isEqualTo("handouts: 4 of 5 handouts laid out, 1 reused");
        assertSameHandouts(out, tmp.resolve("cold"));
        // when: the book's date, which is the PDFs' date
        Files.writeString(book.resolve("book.yaml"), Files.readString(book.resolve("book.yaml"))
                .replace("date: 2024-05-01", "date: 2024-06-01"), StandardCharsets.UTF_8);
        BuildResult redated = build(book, out, true);
        build(book, tmp.resolve("cold-redated"), false);
        // then
        assertThat(handouts(redated).reused()).isZero();
        assertSameHandouts(out, tmp.resolve("cold-redated"));
    }

    @Test
    void should_lay_out_again_the_handout_whose_picture_changed_and_none_without_the_cache() throws Exception {
        // setup: a picture in the letter, which "letters" and "everything" hold
        Path book = TestBooks.copy("handouts-event", tmp.resolve("book"));
        Path picture = book.resolve("chapters/letters/bridge.png");
        png(picture, Color.BLUE);
        Files.writeString(book.resolve("chapters/letters/a-letter-on-bridges.md"),
                "\n![The old bridge](bridge.png)\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path out = tmp.resolve("out");
        build(book, out, true);
        // when: the same picture in another colour
        png(picture, Color.ORANGE);
        Files.setLastModifiedTime(picture, FileTime.fromMillis(Files.getLastModifiedTime(picture).toMillis() + 2000));
        BuildResult second = build(book, out, true);
        build(book, tmp.resolve("cold"), false);
        // then
        assertThat(handouts(second).describe()).as("letters, and everything (tagged bridges)")
                .isEqualTo("handouts: 2 of 5 handouts laid out, 3 reused");
        assertSameHandouts(out, tmp.resolve("cold"));
        assertThat(handouts(build(book, out, false)).reused()).isZero();
    }

    private static void png(Path file, Color colour) throws Exception {
        BufferedImage image = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 60, 40);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static BuildResult build(Path book, Path out, boolean cache) {
        BuildResult r = new Sheaf().build(BuildRequest.of(book, out).withFormats(List.of("handouts"))
                .withBuildCache(cache));
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        return r;
    }

    private static Reuse handouts(BuildResult r) {
        return r.reuse().stream().filter(x -> x.edition().equals("handouts")).findFirst().orElseThrow();
    }

    /** Every handout of {@code built} is in {@code cold} with the same bytes, and no other. */
    private static void assertSameHandouts(Path built, Path cold) throws Exception {
        List<String> files = files(cold.resolve("handouts"));
        assertThat(files).hasSize(5);
        assertThat(files(built.resolve("handouts"))).isEqualTo(files);
        for (String f : files) {
            assertThat(Files.readAllBytes(built.resolve("handouts").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(cold.resolve("handouts").resolve(f)));
        }
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
