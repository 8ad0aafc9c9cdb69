package dev.sheaf.render.pdf;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.testing.PdfImages;
import dev.sheaf.testing.PdfText;
import dev.sheaf.testing.TestBooks;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every trim size gives pages of that size, and a picture wider than the page is scaled into the text block. */
class PdfTrimSizeTest {

    static final float MM = 72f / 25.4f;

    @ParameterizedTest
    @CsvSource({"6x9, 152.4, 228.6, 117.4", "a4, 210, 297, 156", "letter, 215.9, 279.4, 159.9"})
    void should_set_pages_at_the_trim_size_and_images_inside_the_text_block(String trim, float width, float height,
                                                                          float measure, @TempDir Path tmp)
            throws Exception {
        // given
        Path book = TestBooks.minimal(tmp.resolve("book"), "chapters/one/piece.md", TestBooks.piece(
                "title: Wide\ndate: 2021-03-01", "Before.\n\n![A wide picture](../../images/wide.png)\n\nAfter."));
        TestBooks.write(book, "book.yaml", "title: Trim\nauthor: A. Author\nlanguage: en\ntrim: " + trim + "\n");
        TestBooks.write(book, "images/wide.png", png(3000, 1000));
        // when
        BuildResult result = new Sheaf().build(BuildRequest.of(book, tmp.resolve("out")).withFormats(List.of("pdf")));
        // then
        assertThat(result.success()).as(result.diagnostics().toString()).isTrue();
        try (PdfText pdf = new PdfText(result.written().get(0))) {
            for (PDPage page : pdf.document().getPages()) {
                assertThat(page.getMediaBox().getWidth()).isCloseTo(width * MM, within(0.5f));
                assertThat(page.getMediaBox().getHeight()).isCloseTo(height * MM, within(0.5f));
            }
            List<float[]> images = PdfImages.drawn(pdf.document());
            float[] wide = images.get(images.size() - 1);
            assertThat(wide[0]).as("width").isCloseTo(measure * MM, within(1f));
            assertThat(wide[1]).as("height, in proportion").isCloseTo(wide[0] / 3, within(1f));
        }
    }

    static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
