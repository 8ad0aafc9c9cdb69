package dev.sheaf.render.pdf;

import com.lowagie.text.pdf.BaseFont;
import dev.sheaf.fonts.ShippedFonts;
import org.junit.jupiter.api.Test;
import org.xhtmlrenderer.pdf.FontDescription;
import org.xhtmlrenderer.pdf.ITextFSFont;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A width measured once is the width measured afresh: the same text in another face or at another size is measured
 * for itself, and the widths a product's measurers share are those each would measure alone.
 */
class PrintTextWidthsTest {

    private static BaseFont face(String file) throws Exception {
        byte[] bytes = ShippedFonts.bytes(ShippedFonts.byFile(file).orElseThrow());
        return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
    }

    @Test
    void sharedWidthsAreTheWidthsMeasuredAfresh() throws Exception {
        BaseFont serif = face("LiberationSerif-Regular.ttf");
        BaseFont bold = face("LiberationSerif-Bold.ttf");
        List<ITextFSFont> fonts = List.of(new ITextFSFont(new FontDescription(serif), 230f),
                new ITextFSFont(new FontDescription(serif), 460f), new ITextFSFont(new FontDescription(bold), 230f));
        List<String> texts = List.of("office", "mm", "Wavy", "AVATAR", "diffi" + SoftHyphens.SOFT, "the", "Th", "\u2014");
        PrintText.Widths shared = new PrintText.Widths();
        PrintText first = new PrintText(shared);
        PrintText second = new PrintText(shared);
        for (ITextFSFont font : fonts) {
            for (String text : texts) {
                int alone = new PrintText().getWidth(null, font, text);
                assertThat(first.getWidth(null, font, text)).as(text).isEqualTo(alone);
                assertThat(second.getWidth(null, font, text)).as(text + " again").isEqualTo(alone);
            }
        }
        assertThat(first.getWidth(null, fonts.get(1), "AVATAR")).as("twice the size")
                .isGreaterThan(first.getWidth(null, fonts.get(0), "AVATAR"));
        assertThat(first.getWidth(null, fonts.get(2), "mm")).as("bold")
                .isNotEqualTo(first.getWidth(null, fonts.get(0), "mm"));
    }
}
