package dev.sheaf.render.cover;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.diag.MessageId;
import dev.sheaf.testing.EpubValidator;
import dev.sheaf.testing.TestBooks;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** A book whose cover is SVG, and one whose PNG cover is too small to print. */
class CoverTest {

    static final String SVG = """
            <svg xmlns="http://www.w3.org/2000/svg" width="148mm" height="210mm" viewBox="0 0 740 1050">
              <rect width="740" height="1050" fill="#203040"/>
              <circle cx="370" cy="700" r="200" fill="#c9a55c"/>
              <text x="370" y="300" text-anchor="middle" font-family="Noto Serif" font-size="80" fill="#fff">Rivers</text>
            </svg>
            """;

    static Path book(Path dir, String cover, byte[] coverBytes) throws Exception {
        TestBooks.minimal(dir, "chapters/one/a.md", TestBooks.piece("title: A\ndate: \"2020-01-01\"", "Text."));
        Files.writeString(dir.resolve("book.yaml"), "title: Rivers\nauthor: A. Writer\nlanguage: en\ncover: " + cover
                + "\n");
        TestBooks.write(dir, cover, coverBytes);
        Files.createDirectories(dir.resolve("fonts"));
        Files.copy(Path.of("fonts/NotoSerif-Regular.ttf"), dir.resolve("fonts/NotoSerif-Regular.ttf"));
        return dir;
    }

    @Test
    void anSvgCoverIsAPictureInTheEpubAndVectorShapesInThePdf(@TempDir Path tmp) throws Exception {
        Path dir = book(tmp.resolve("book"), "covers/cover.svg", SVG.getBytes());
        BuildResult r = new dev.sheaf.core.Sheaf().build(BuildRequest.of(dir, tmp.resolve("out"))
                .withFormats(List.of("epub", "pdf", "site")));
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        Path epub = r.written().stream().filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
        assertThat(EpubValidator.problems(epub)).isEmpty();
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            BufferedImage png = ImageIO.read(zip.getInputStream(zip.getEntry("EPUB/images/cover.png")));
            assertThat(png.getWidth()).isEqualTo(Covers.PNG_WIDTH);
            assertThat(png.getHeight()).isEqualTo(Math.round(Covers.PNG_WIDTH * 1050f / 740f));
            assertThat(new java.awt.Color(png.getRGB(800, 1500))).isEqualTo(new java.awt.Color(0xc9a55c));
        }
        assertThat(tmp.resolve("out/site/cover.png")).exists();
        Path pdf = r.written().stream().filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDPage cover = doc.getPage(0);
            assertThat(cover.getResources().getXObjectNames()).as("no picture on the cover page").isEmpty();
            List<Object> tokens = new PDFStreamParser(cover).parse();
            long fills = tokens.stream().filter(t -> t instanceof Operator o && o.getName().equals("f")).count();
            assertThat(fills).as("filled shapes: background, circle, letters").isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void anSvgCoverDrawnOnceIsTakenFromTheBuildCacheUntilTheSvgChanges(@TempDir Path tmp) throws Exception {
        Path dir = book(tmp.resolve("book"), "covers/cover.svg", SVG.getBytes());
        Path out = tmp.resolve("out");
        build(dir, out, true);
        List<Path> drawn = cached(out);
        assertThat(drawn).hasSize(1);
        // when: built again (the cover from the cache), then with the circle in another colour
        build(dir, out, true);
        assertThat(cached(out)).isEqualTo(drawn);
        build(dir, tmp.resolve("cold"), false);
        assertSameEditions(out, tmp.resolve("cold"));
        Files.writeString(dir.resolve("covers/cover.svg"), SVG.replace("#c9a55c", "#5cc9a5"));
        build(dir, out, true);
        build(dir, tmp.resolve("cold2"), false);
        // then
        assertThat(cached(out)).hasSize(1).doesNotContainAnyElementsOf(drawn);
        assertSameEditions(out, tmp.resolve("cold2"));
        try (ZipFile zip = new ZipFile(out.resolve("rivers.epub").toFile())) {
            BufferedImage png = ImageIO.read(zip.getInputStream(zip.getEntry("EPUB/images/cover.png")));
            assertThat(new java.awt.Color(png.getRGB(800, 1500))).isEqualTo(new java.awt.Color(0x5cc9a5));
        }
    }

    @Test
    void theTypographicCoverIsDrawnOnceForEveryEditionAndTakenFromTheBuildCache(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("book");
        TestBooks.minimal(dir, "chapters/one/a.md", TestBooks.piece("title: A\ndate: \"2020-01-01\"", "Text."));
        Files.writeString(dir.resolve("book.yaml"), "title: Rivers\nsubtitle: And Their Banks\nauthor: A. Writer\n"
                + "language: en\n");
        Files.createDirectories(dir.resolve("fonts"));
        Files.copy(Path.of("fonts/NotoSerif-Regular.ttf"), dir.resolve("fonts/NotoSerif-Regular.ttf"));
        Path out = tmp.resolve("out");
        // when: built with the cache (once drawn, once taken from it) and without it
        build(dir, out, true);
        List<Path> drawn = cached(out, "typographic-cover");
        build(dir, out, true);
        build(dir, tmp.resolve("cold"), false);
        // then: one drawing for the PDF, the EPUB and the site, the same editions either way
        assertThat(drawn).hasSize(1);
        assertThat(cached(out, "typographic-cover")).isEqualTo(drawn);
        assertSameEditions(out, tmp.resolve("cold"));
        try (ZipFile zip = new ZipFile(out.resolve("rivers.epub").toFile())) {
            BufferedImage png = ImageIO.read(zip.getInputStream(zip.getEntry("EPUB/images/cover.png")));
            assertThat(png.getWidth()).isEqualTo(TypographicCover.WIDTH);
            assertThat(png.getHeight()).isEqualTo(TypographicCover.HEIGHT);
        }
        assertThat(Files.readAllBytes(out.resolve("site/cover.png")))
                .isEqualTo(TypographicCover.png(new dev.sheaf.read.BookReader(dir, new dev.sheaf.diag.Diagnostics())
                        .read().orElseThrow()));
    }

    private static void build(Path dir, Path out, boolean cache) {
        BuildResult r = new dev.sheaf.core.Sheaf().build(BuildRequest.of(dir, out).withFormats(List.of("epub", "pdf", "site"))
                .withBuildCache(cache));
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
    }

    private static List<Path> cached(Path out) throws Exception {
        return cached(out, "svg-cover");
    }

    private static List<Path> cached(Path out, String kind) throws Exception {
        try (var s = Files.list(out.resolve(dev.sheaf.buildcache.BuildCache.FOLDER).resolve(kind))) {
            return s.sorted().toList();
        }
    }

    private static void assertSameEditions(Path built, Path cold) throws Exception {
        for (String f : List.of("rivers.epub", "rivers.pdf", "site/cover.png", "site/index.html")) {
            assertThat(Files.readAllBytes(built.resolve(f))).as(f).isEqualTo(Files.readAllBytes(cold.resolve(f)));
        }
    }

    @Test
    void aSmallPictureGetsAWarning(@TempDir Path tmp) throws Exception {
        BufferedImage small = new BufferedImage(600, 850, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(small, "png", png);
        Path dir = book(tmp.resolve("book"), "covers/cover.png", png.toByteArray());
        BuildResult r = new dev.sheaf.core.Sheaf().build(BuildRequest.of(dir, tmp.resolve("out"))
                .withFormats(List.of("pdf")));
        assertThat(r.success()).isTrue();
        assertThat(r.diagnostics()).anyMatch(d -> d.id() == MessageId.COVER_001
                && d.message().contains("600 \u00d7 850") && d.message().contains("1749 \u00d7 2481"));
    }
}
