package dev.sheaf.render.pdf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xhtmlrenderer.pdf.ITextRenderer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document laid out again after a change at its end (an index filled in, blank pages before the sources) starts
 * from the hyphenation rules' corrections of the first layout: it is laid out once instead of as many times as the
 * first needed, and written byte for byte as it is without them.
 */
class HyphenCorrectionsTest {

    @TempDir
    Path tmp;

    static String document(int paragraphs, String after) {
        String full = HyphenRunsTest.document(paragraphs)
                .replace("font-family: \"Noto Serif\";", "font-family: \"Body\";")
                .replace("<style>", "<style>@font-face { font-family: \"Body\"; src: url(\"" + PrintFonts.BUNDLED_PREFIX
                        + "LiberationSerif-Regular.ttf\"); -fs-pdf-font-embed: embed; -fs-pdf-font-encoding: Identity-H; }\n");
        return full.replace("</body>", after + "</body>");
    }

    private ITextRenderer renderer() {
        PrintOutputDevice device = new PrintOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT);
        return Typesetting.prepare(new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT,
                ITextRenderer.DEFAULT_DOTS_PER_PIXEL, device,
                new PrintUserAgent(device, ITextRenderer.DEFAULT_DOTS_PER_PIXEL, tmp.toUri().toString()),
                new KeptFonts(), new FittingImages(device, 2000, 2000), new PrintText()));
    }

    private static byte[] pdf(ITextRenderer r, String xhtml) throws Exception {
        r.setListener(new FixedOutput("en-GB", Instant.parse("2024-01-01T00:00:00Z"),
                xhtml.getBytes(StandardCharsets.UTF_8), 0));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.createPDF(out);
        return out.toByteArray();
    }

    @Test
    void aDocumentChangedAtItsEndStartsFromTheCorrections() throws Exception {
        String first = document(6, "<div id=\"index\"><h2>Index</h2></div>");
        String changed = document(6, "<div id=\"index\"><h2>Index</h2>"
                + "<p style=\"hyphens: manual; text-align: left\">administrations, 1\u20133; compensation, 2; "
                + "telecommunications, 1, 4</p></div>");
        String url = tmp.toUri().toString();

        Typesetting.Corrections found = Typesetting.layout(renderer(), first, url, true);
        assertThat(found.layouts()).as("layouts of the first document").isGreaterThan(1);
        assertThat(found.size()).isPositive();

        ITextRenderer fresh = renderer();
        Typesetting.Corrections alone = Typesetting.layout(fresh, changed, url, true);
        assertThat(alone.layouts()).isEqualTo(found.layouts());
        ITextRenderer again = renderer();
        Typesetting.Corrections started = Typesetting.layout(again, changed, url, true, found);
        assertThat(started.layouts()).isEqualTo(1);
        assertThat(pdf(again, changed)).isEqualTo(pdf(fresh, changed));

        // corrections of another document are not taken for this one's texts
        String other = document(6, "").replace("<p>", "<p>Preface. ");
        ITextRenderer otherFresh = renderer();
        Typesetting.layout(otherFresh, other, url, true);
        ITextRenderer otherStarted = renderer();
        Typesetting.layout(otherStarted, other, url, true, found);
        assertThat(pdf(otherStarted, other)).isEqualTo(pdf(otherFresh, other));
    }
}
