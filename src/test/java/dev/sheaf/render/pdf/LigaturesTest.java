package dev.sheaf.render.pdf;

import com.lowagie.text.pdf.BaseFont;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which letters become a ligature: the longest the face has, never across a break point or before an accent. */
class LigaturesTest {

    static final Ligatures ALL = new Ligatures(Map.of("ffi", '\uFB03', "ffl", '\uFB04', "ff", '\uFB00',
            "fi", '\uFB01', "fl", '\uFB02'));

    @Test
    void longestFirst() {
        assertThat(ALL.apply("office fluffy affine baffle")).isEqualTo("o\uFB03ce \uFB02u\uFB00y a\uFB03ne ba\uFB04e");
        assertThat(ALL.apply("Schifffahrt")).isEqualTo("Schi\uFB00fahrt");
        assertThat(ALL.apply("FIFTY fjord")).isEqualTo("FIFTY fjord");
    }

    @Test
    void onlyTheLigaturesTheFaceHas() {
        Ligatures two = new Ligatures(Map.of("fi", '\uFB01', "fl", '\uFB02'));
        assertThat(two.apply("office fluffy")).isEqualTo("of\uFB01ce \uFB02uffy");
    }

    @Test
    void neverAcrossABreakPointAJoinerOrBeforeAnAccent() {
        assertThat(ALL.apply("dif\u00ADfer")).isEqualTo("dif\u00ADfer");
        assertThat(ALL.apply("dif\uE0ADfer")).isEqualTo("dif\uE0ADfer");
        assertThat(ALL.apply("of\uE0ADfice")).isEqualTo("of\uE0AD\uFB01ce");
        assertThat(ALL.apply("Auf\u200Clage")).isEqualTo("Auf\u200Clage");
        assertThat(ALL.apply("fi\u0301n")).isEqualTo("fi\u0301n");
    }

    @Test
    void readFromTheFace() throws Exception {
        // Noto Serif: all five in GSUB liga and as presentation forms
        BaseFont serif = BaseFont.createFont(Path.of("fonts/NotoSerif-Regular.ttf").toAbsolutePath().toString(),
                BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, Files.readAllBytes(Path.of("fonts/NotoSerif-Regular.ttf")), null);
        assertThat(Ligatures.of(serif).apply("office fluffy baffle")).isEqualTo("o\uFB03ce \uFB02u\uFB00y ba\uFB04e");
    }
}
