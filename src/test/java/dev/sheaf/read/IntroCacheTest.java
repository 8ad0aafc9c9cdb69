package dev.sheaf.read;

import dev.sheaf.buildcache.BuildCache;
import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostic;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.sheaf.testing.TestBooks.piece;
import static org.assertj.core.api.Assertions.assertThat;

/** A chapter's introduction taken from the build cache is what reading it gives: text, images and problems. */
class IntroCacheTest {

    @TempDir
    Path tmp;

    private Path book() throws Exception {
        Path dir = tmp.resolve("book");
        TestBooks.minimal(dir, "chapters/one/a.md", piece("title: A\ndate: \"2020-01-01\"", "Text."));
        TestBooks.write(dir, "chapters/one/_chapter.md", "---\ntitle: The First\nsubtitel: x\n---\n\n"
                + "Why these pieces belong together.\n\n![A map](map.png)\n");
        picture(dir.resolve("chapters/one/map.png"), 40);
        return dir;
    }

    private static void picture(Path file, int width) throws Exception {
        ImageIO.write(new BufferedImage(width, 20, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    }

    private static BuildResult build(Path dir, Path out, boolean cache) {
        BuildResult r = new Sheaf().build(BuildRequest.of(dir, out).withFormats(List.of("epub")).withBuildCache(cache));
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        return r;
    }

    private static byte[] epub(BuildResult r) throws Exception {
        return Files.readAllBytes(r.written().stream().filter(p -> p.toString().endsWith(".epub")).findFirst()
                .orElseThrow());
    }

    private static List<String> problems(BuildResult r) {
        return r.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    private static long kept(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out.resolve(BuildCache.FOLDER).resolve("chapter-intro"))) {
            return s.count();
        }
    }

    @Test
    void should_take_an_unchanged_introduction_from_the_cache_with_its_problems() throws Exception {
        // setup
        Path dir = book();
        Path out = tmp.resolve("out");
        BuildResult first = build(dir, out, true);
        // when
        BuildResult again = build(dir, out, true);
        BuildResult cold = build(dir, tmp.resolve("cold"), false);
        // then
        assertThat(kept(out)).isEqualTo(1);
        assertThat(problems(first)).anySatisfy(p -> assertThat(p).contains("chapters/one/_chapter.md:3:1")
                .contains("subtitel"));
        assertThat(problems(again)).isEqualTo(problems(first)).isEqualTo(problems(cold));
        assertThat(epub(again)).isEqualTo(epub(cold));
    }

    @Test
    void should_read_an_introduction_again_when_it_or_its_picture_changes() throws Exception {
        // setup
        Path dir = book();
        Path out = tmp.resolve("out");
        build(dir, out, true);
        // when: a new title
        TestBooks.write(dir, "chapters/one/_chapter.md", "---\ntitle: The Second\n---\n\nNew words.\n\n![A map](map.png)\n");
        BuildResult retitled = build(dir, out, true);
        // then
        assertThat(epub(retitled)).isEqualTo(epub(build(dir, tmp.resolve("cold1"), false)));
        assertThat(problems(retitled)).noneMatch(p -> p.contains("subtitel"));
        // when: the picture is damaged (the introduction's text is the same)
        Files.write(dir.resolve("chapters/one/map.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        BuildResult damaged = new Sheaf().build(BuildRequest.of(dir, out).withFormats(List.of("epub"))
                .withBuildCache(true));
        BuildResult damagedCold = new Sheaf().build(BuildRequest.of(dir, tmp.resolve("cold2"))
                .withFormats(List.of("epub")).withBuildCache(false));
        // then: read again, so the picture's problem is reported as a cold build reports it
        assertThat(problems(damagedCold)).anySatisfy(p -> assertThat(p).contains("map.png"));
        assertThat(problems(damaged)).isEqualTo(problems(damagedCold));
    }
}
