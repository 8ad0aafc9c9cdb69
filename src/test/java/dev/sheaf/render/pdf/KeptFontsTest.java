package dev.sheaf.render.pdf;

import com.lowagie.text.pdf.BaseFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.pdf.ITextRenderer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The faces of a printed product are parsed once for all its documents, and a document written with faces that
 * served another document before is byte for byte the document written with faces of its own.
 */
class KeptFontsTest {

    @TempDir
    Path book;

    private static String face(String file) {
        return "@font-face { font-family: \"Body\"; src: url(\"" + PrintFonts.BUNDLED_PREFIX + file + "\");"
                + " -fs-pdf-font-embed: embed; -fs-pdf-font-encoding: Identity-H; }\n";
    }

    private static String document(String css, String text) {
        return "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><title>t</title><style>" + css
                + "@page { size: 100mm 150mm; margin: 10mm; } body { font-family: \"Body\"; font-size: 11pt; }"
                + "</style></head><body><p>" + text + "</p></body></html>";
    }

    private ITextRenderer renderer(ITextFontResolver fonts) {
        PrintOutputDevice device = new PrintOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT);
        return Typesetting.prepare(new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT,
                ITextRenderer.DEFAULT_DOTS_PER_PIXEL, device,
                new PrintUserAgent(device, ITextRenderer.DEFAULT_DOTS_PER_PIXEL, book.toUri().toString()), fonts,
                new FittingImages(device, 2000, 2000), new PrintText()));
    }

    private ITextRenderer laidOut(ITextFontResolver fonts, String xhtml) {
        ITextRenderer r = renderer(fonts);
        Typesetting.layout(r, xhtml, book.toUri().toString(), true);
        return r;
    }

    private static BaseFont body(ITextRenderer r) {
        return r.getFontResolver().getFonts().get("Body").getFontDescriptions().get(0).getFont();
    }

    private static byte[] pdf(ITextRenderer r, String xhtml) throws Exception {
        r.setListener(new FixedOutput("en", Instant.parse("2024-01-01T00:00:00Z"),
                xhtml.getBytes(StandardCharsets.UTF_8), 0));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.createPDF(out);
        return out.toByteArray();
    }

    @Test
    void facesAreParsedOnceWhileDocumentsDeclareTheSame() {
        KeptFonts kept = new KeptFonts();
        String serif = face("LiberationSerif-Regular.ttf");
        BaseFont first = body(laidOut(kept, document(serif + "p { color: black; }", "One paragraph.")));
        BaseFont second = body(laidOut(kept, document(serif + "p { color: gray; }", "Another paragraph.")));
        assertThat(second).isSameAs(first);

        BaseFont sans = body(laidOut(kept, document(face("LiberationSans-Regular.ttf"), "A third one.")));
        assertThat(sans).isNotSameAs(first);
        assertThat(sans.getPostscriptFontName()).contains("Sans");
        // Flying Saucer's own resolver parses the faces again for every document
        ITextFontResolver plain = new ITextFontResolver();
        assertThat(body(laidOut(plain, document(serif, "x")))).isNotSameAs(body(laidOut(plain, document(serif, "y"))));
    }

    @Test
    void aDocumentWrittenWithFacesThatServedAnotherIsTheSame() throws Exception {
        String serif = face("LiberationSerif-Regular.ttf");
        String before = document(serif, "AVATAR Travellers waved to Tom, quite unremarkably, and wrote it all down "
                + "in their notebooks before the day was over.");
        String after = document(serif, "Wavy yellow Tea at the Vale of Tyrol, where the common sight of AVATARS "
                + "surprised nobody at all.");
        KeptFonts kept = new KeptFonts();
        pdf(laidOut(kept, before), before);
        byte[] shared = pdf(laidOut(kept, after), after);
        byte[] alone = pdf(laidOut(new KeptFonts(), after), after);
        assertThat(shared).isEqualTo(alone);
    }
}
