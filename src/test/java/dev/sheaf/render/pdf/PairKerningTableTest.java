package dev.sheaf.render.pdf;

import com.lowagie.text.pdf.BaseFont;
import dev.sheaf.fonts.ShippedFonts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The kerning of a pair is the same whether it is measured, looked up in the table of common pairs, or in the map. */
class PairKerningTableTest {

    private static PairKerning serif() throws Exception {
        byte[] bytes = ShippedFonts.bytes(ShippedFonts.byFile("LiberationSerif-Regular.ttf").orElseThrow());
        return PairKerning.of(BaseFont.createFont("LiberationSerif-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                false, bytes, null));
    }

    @Test
    void pairsKeepTheirKerningOnceLookedUp() throws Exception {
        PairKerning a = serif();
        PairKerning b = serif();
        String text = "AVATAR To Wavy \u201CYes\u201D L\u2019Tyrol \u0410\u0412\u0413\u0434 \u1E9E\u00C5V";
        int[] first = new int[text.length()];
        for (int i = 0; i + 1 < text.length(); i++) {
            first[i] = a.kern(text.charAt(i), text.charAt(i + 1));
        }
        for (int i = 0; i + 1 < text.length(); i++) {
            // looked up again, and measured afresh by a second face object of the same font
            assertThat(a.kern(text.charAt(i), text.charAt(i + 1))).isEqualTo(first[i]);
            assertThat(b.kern(text.charAt(i), text.charAt(i + 1))).as("pair %d", i).isEqualTo(first[i]);
        }
        assertThat(a.kern('A', 'V')).isNegative();
        assertThat(a.kern('A', ' ')).isZero();
        assertThat(a.total("AVATAR")).isEqualTo(a.kern('A', 'V') + a.kern('V', 'A') + a.kern('A', 'T')
                + a.kern('T', 'A') + a.kern('A', 'R'));
    }
}
