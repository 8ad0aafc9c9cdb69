package dev.sheaf.render.epub;

import dev.sheaf.buildcache.BuildCache;
import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.model.Book;
import dev.sheaf.model.FontFace;
import dev.sheaf.testing.EpubValidator;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The EPUB's fonts: deflated at zlib's default level, begun while the pieces are read, kept in the build cache; the
 * EPUB is the same byte for byte however its fonts were made.
 */
class FontEntriesTest {

    @TempDir
    Path tmp;

    private static final List<String> FACES = List.of("NotoSerif-Regular.ttf", "NotoSerif-Italic.ttf");

    private Path book(Path dir) throws Exception {
        TestBooks.minimal(dir, "chapters/one/a.md", TestBooks.piece("title: A\ndate: \"2020-01-01\"", "Text."));
        Files.createDirectories(dir.resolve("fonts"));
        for (String f : FACES) {
            Files.copy(Path.of("fonts", f), dir.resolve("fonts").resolve(f));
        }
        return dir;
    }

    @Test
    void should_deflate_a_face_at_the_default_level_into_an_entry_that_inflates_to_the_file() throws Exception {
        // setup
        Path dir = book(tmp.resolve("book"));
        Book book = new Sheaf().book(dir, new dev.sheaf.diag.Diagnostics()).orElseThrow();
        FontFace face = book.fonts().stream().filter(f -> f.file().endsWith("NotoSerif-Regular.ttf")).findFirst()
                .orElseThrow();
        byte[] file = Files.readAllBytes(dir.resolve(face.file()));
        // when
        EpubZip.Entry e = FontEntries.entry(book, face, BuildCache.disabled());
        // then
        assertThat(e.name()).isEqualTo("EPUB/fonts/NotoSerif-Regular.ttf");
        assertThat(e.deflated()).isTrue();
        assertThat(e.size()).isEqualTo(file.length);
        CRC32 crc = new CRC32();
        crc.update(file);
        assertThat(e.crc()).isEqualTo(crc.getValue());
        assertThat(inflate(e.data())).isEqualTo(file);
        assertThat(e.data()).isEqualTo(EpubZip.deflate(e.name(), file, java.util.zip.Deflater.DEFAULT_COMPRESSION).data());
    }

    @Test
    void should_write_the_same_epub_whether_its_fonts_are_deflated_begun_early_or_taken_from_the_cache() throws Exception {
        // setup
        Path dir = book(tmp.resolve("book"));
        Path out = tmp.resolve("out");
        // when: a single build (fonts begun early), again into the same folder (from the cache), and one without it
        Path first = epub(build(dir, out, true));
        byte[] cold = Files.readAllBytes(first);
        assertThat(cacheFiles(out, FontEntries.KIND)).hasSize(FACES.size());
        Path again = epub(build(dir, out, true));
        Path without = epub(build(dir, tmp.resolve("plain"), false));
        // then
        assertThat(Files.readAllBytes(again)).isEqualTo(cold);
        assertThat(Files.readAllBytes(without)).isEqualTo(cold);
        assertThat(EpubValidator.problems(again)).isEmpty();
        try (ZipFile zip = new ZipFile(again.toFile())) {
            for (String f : FACES) {
                ZipEntry e = zip.getEntry("EPUB/fonts/" + f);
                assertThat(zip.getInputStream(e).readAllBytes()).isEqualTo(Files.readAllBytes(dir.resolve("fonts/" + f)));
            }
        }
    }

    @Test
    void should_deflate_a_face_again_when_the_cache_gives_back_a_damaged_entry() throws Exception {
        // setup
        Path dir = book(tmp.resolve("book"));
        Path out = tmp.resolve("out");
        byte[] cold = Files.readAllBytes(epub(build(dir, out, true)));
        for (Path f : cacheFiles(out, FontEntries.KIND)) {
            byte[] b = Files.readAllBytes(f);
            b[b.length / 2] ^= 0x55;
            Files.write(f, b);
        }
        // when
        byte[] damaged = Files.readAllBytes(epub(build(dir, out, true)));
        // then
        assertThat(damaged).isEqualTo(cold);
    }

    @Test
    void should_deflate_a_face_again_when_its_file_changes() throws Exception {
        // setup
        Path dir = book(tmp.resolve("book"));
        Path out = tmp.resolve("out");
        build(dir, out, true);
        // when: another face under the same name
        Files.copy(Path.of("fonts/NotoSerif-Bold.ttf"), dir.resolve("fonts/NotoSerif-Regular.ttf"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path changed = epub(build(dir, out, true));
        // then
        try (ZipFile zip = new ZipFile(changed.toFile())) {
            assertThat(zip.getInputStream(zip.getEntry("EPUB/fonts/NotoSerif-Regular.ttf")).readAllBytes())
                    .isEqualTo(Files.readAllBytes(Path.of("fonts/NotoSerif-Bold.ttf")));
        }
        assertThat(Files.readAllBytes(changed)).isEqualTo(Files.readAllBytes(epub(build(dir, tmp.resolve("cold"), false))));
    }

    private static BuildResult build(Path dir, Path out, boolean cache) {
        BuildResult r = new Sheaf().build(BuildRequest.of(dir, out).withFormats(List.of("epub")).withBuildCache(cache));
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        return r;
    }

    private static Path epub(BuildResult r) {
        return r.written().stream().filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
    }

    private static List<Path> cacheFiles(Path out, String kind) throws Exception {
        try (Stream<Path> s = Files.list(out.resolve(BuildCache.FOLDER).resolve(kind))) {
            return s.toList();
        }
    }

    private static byte[] inflate(byte[] raw) throws Exception {
        Inflater inf = new Inflater(true);
        inf.setInput(raw);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        while (!inf.finished()) {
            int n = inf.inflate(buf);
            if (n == 0 && inf.needsInput()) {
                break;
            }
            out.write(buf, 0, n);
        }
        inf.end();
        return out.toByteArray();
    }
}
