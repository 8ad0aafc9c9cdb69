package dev.sheaf.render.pdf;

import com.lowagie.text.pdf.BaseFont;
import dev.sheaf.bench.LineMeasure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.ITextReplacedElementFactory;
import org.xhtmlrenderer.pdf.ITextUserAgent;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "No more than two hyphenated lines in a row" on a narrow justified column of long words, whose first layout
 * (every hyphen that fits) has runs of three and more: after {@link HyphenRules} and the layouts it asks for,
 * the PDF has none. (Moving a word to the next line moves the breaks of the lines after it, so each layout may
 * make new runs; this column needed five layouts before the last check took every break point out of the rest
 * of a paragraph that still had a run.) Runs are counted in the PDF, from PDFBox's text lines ({@link LineMeasure}).
 */
class HyphenRunsTest {

    @TempDir
    Path tmp;

    static final String WORDS = "the internationalisation of telecommunications infrastructure characteristically "
            + "necessitates unprecedented intergovernmental coordination between administrations responsible for "
            + "authorisation procurement standardisation and environmental considerations whose representatives "
            + "consistently underestimated the organisational complexity of transcontinental interconnections "
            + "and the extraordinarily uncomfortable negotiations surrounding compensation mechanisms ";

    static String document(int paragraphs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < paragraphs; i++) {
            String[] words = WORDS.split(" ");
            StringBuilder p = new StringBuilder();
            for (int w = 0; w < words.length * 2; w++) {
                p.append(words[(w + i * 3) % words.length]).append(' ');
            }
            body.append("<p>").append(p.toString().strip()).append(".</p>\n");
        }
        return """
                <html xmlns="http://www.w3.org/1999/xhtml" lang="en-GB"><head><style>
                @page { size: 105mm 148mm; margin: 12mm; }
                body { font-family: "Noto Serif"; font-size: 10pt; line-height: 1.4; }
                p { width: 52mm; margin: 0; text-indent: 1em; text-align: justify; hyphens: auto; }
                </style></head><body>
                """ + body + "</body></html>";
    }

    int runs(int passes) throws Exception {
        PrintOutputDevice device = new PrintOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT);
        ITextRenderer renderer = Typesetting.prepare(new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT,
                ITextRenderer.DEFAULT_DOTS_PER_PIXEL, device,
                new ITextUserAgent(device, ITextRenderer.DEFAULT_DOTS_PER_PIXEL), new ITextFontResolver(),
                new ITextReplacedElementFactory(device), new PrintText()));
        renderer.getFontResolver().addFont(Path.of("fonts/NotoSerif-Regular.ttf").toString(), BaseFont.IDENTITY_H,
                BaseFont.EMBEDDED);
        Typesetting.layout(renderer, document(12), tmp.toUri().toString(), true, passes);
        Path pdf = tmp.resolve("runs-" + passes + ".pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            renderer.createPDF(out);
        }
        return LineMeasure.measure(pdf.toFile()).runs();
    }

    @Test
    void noThreeHyphenatedLinesInARow() throws Exception {
        assertThat(runs(0)).as("runs in the first layout").isGreaterThan(5);
        assertThat(runs(Typesetting.PASSES)).as("runs after the rules").isZero();
        // the last check leaves no run, however few layouts it follows
        assertThat(runs(1)).isZero();
    }
}
