package dev.sheaf.robust;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.Severity;
import dev.sheaf.testing.EpubText;
import dev.sheaf.testing.EpubValidator;
import dev.sheaf.testing.PdfText;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.sheaf.testing.TestBooks.piece;
import static org.assertj.core.api.Assertions.assertThat;

/** One piece's troubles stay in that piece: the element falls back, a warning says where, the book builds. */
class DegradeLocallyTest {

    static final String GOOD_SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"750px\" height=\"10.5em\" "
            + "viewBox=\"0,0,750,168\"><rect x=\"10\" y=\"10\" width=\"700\" height=\"80\" fill=\"#369\"/></svg>";
    static final String PERCENT_SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"50%\" height=\"100%\" "
            + "viewBox=\"0 0 200 100\"><circle cx=\"100\" cy=\"50\" r=\"40\" fill=\"#963\"/></svg>";
    /** Not well-formed: Batik (and any XML parser) rejects it. */
    static final String BROKEN_SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">"
            + "<rect width=\"10\" height=\"<10\"/></svg";
    /** Well-formed, but Batik cannot draw it (a gradient that references itself). */
    static final String BATIK_REJECTS = "<svg xmlns=\"http://www.w3.org/2000/svg\" "
            + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"100\" height=\"100\"><defs>"
            + "<linearGradient id=\"g\" xlink:href=\"#g\"/></defs><rect width=\"10\" height=\"10\" fill=\"url(#g)\"/></svg>";
    /** Loads a picture from the web: no edition may. */
    static final String REMOTE_SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" "
            + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"100\" height=\"100\">"
            + "<image width=\"10\" height=\"10\" xlink:href=\"http://example.org/x.png\"/></svg>";

    @TempDir
    Path dir;

    private BuildResult build() {
        return new Sheaf().build(BuildRequest.of(dir, dir.resolve("out")).withFormats(List.of("epub", "pdf", "site")));
    }

    @Test
    void should_build_with_warnings_when_images_cannot_be_used() throws Exception {
        TestBooks.minimal(dir, "chapters/a/p.md", piece("title: Pictures\ndate: 2020", String.join("\n\n",
                "Before the pictures.",
                "![A broken drawing](../../images/broken.svg)",
                "![A drawing Batik refuses](../../images/rejected.svg)",
                "![A good drawing](../../images/good.svg)",
                "![A round drawing](../../images/percent.svg \"Round\")",
                "<img src=\"../../images/good.svg\" width=\"750px\" alt=\"The same drawing, sized in HTML\">",
                "Inline <img src=\"../../images/percent.svg\" width=\"50%\" alt=\"small\"> picture.",
                "![A missing photo](../../images/missing.png)",
                "![A remote photo](https://example.org/photo.png)",
                "![A photo outside](../../../outside.png)",
                "![Not a picture](../../images/text.png)",
                "![A truncated photo](../../images/truncated.png)",
                "![A drawing from the web](../../images/remote.svg)",
                "After the pictures.")));
        TestBooks.write(dir, "images/remote.svg", REMOTE_SVG);
        TestBooks.write(dir, "images/broken.svg", BROKEN_SVG);
        TestBooks.write(dir, "images/rejected.svg", BATIK_REJECTS);
        TestBooks.write(dir, "images/good.svg", GOOD_SVG);
        TestBooks.write(dir, "images/percent.svg", PERCENT_SVG);
        TestBooks.write(dir, "images/text.png", "just text");
        byte[] png = png(40, 20);
        TestBooks.write(dir, "images/truncated.png", java.util.Arrays.copyOf(png, png.length - 12));

        BuildResult r = build();

        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        assertThat(r.diagnostics()).allMatch(d -> d.severity() == Severity.WARNING);
        assertThat(r.diagnostics()).extracting(d -> d.id().code() + "@" + d.where().line())
                .contains("IMG-006@8", "IMG-007@10", "IMG-001@20", "IMG-005@22", "IMG-002@24", "IMG-003@26",
                        "IMG-006@28", "IMG-006@30");
        assertThat(r.diagnostics()).noneMatch(d -> d.id().code().startsWith("OUT"));
        Path epub = r.written().stream().filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
        assertThat(EpubValidator.problems(epub)).isEmpty();
        String epubText = new EpubText(epub).text();
        assertThat(epubText).contains("A broken drawing", "A missing photo",
                "A remote photo", "A photo outside", "Not a picture", "A truncated photo", "After the pictures.");
        Path pdf = r.written().stream().filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
        try (PdfText text = new PdfText(pdf)) {
            String all = String.join("\n", java.util.stream.IntStream.range(0, text.pages()).mapToObj(text::page).toList());
            assertThat(all).contains("A broken drawing", "A drawing Batik refuses", "A missing photo", "A truncated photo", "After the pictures.");
            // The four drawable SVG pictures are in the PDF as images.
            assertThat(dev.sheaf.testing.PdfImages.drawn(text.document())).hasSizeGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void should_print_the_text_of_markdown_the_parser_cannot_take() throws Exception {
        TestBooks.minimal(dir, "chapters/a/p.md", piece("title: Odd\ndate: 2020",
                "<math><mi>x</mi><mo>=</mo><mn>42</mn></math>\n\n<custom-widget data-x=\"1\">Kept words</custom-widget>\n\n"
                        + "<table><tr><td>cell one<td>cell two</table>\n\nEnd."));
        BuildResult r = build();
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        Path epub = r.written().stream().filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
        assertThat(EpubValidator.problems(epub)).isEmpty();
        assertThat(new EpubText(epub).text()).contains("x=42", "Kept words", "cell one", "cell two", "End.");
    }

    static byte[] png(int width, int height) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
