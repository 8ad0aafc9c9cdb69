package dev.sheaf.render.pdf;

import com.lowagie.text.pdf.BaseFont;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which letters become a ligature: the longest the face has, across a break point only where the line goes on,
 * never across a joiner or before an accent.
 */
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
    void acrossABreakPointOnlyWhereTheLineGoesOn() {
        // a break point inside the text measured or drawn is one the line did not break at
        assertThat(ALL.apply("dif\u00ADfer")).isEqualTo("di\uFB00er");
        assertThat(ALL.apply("of\uE0ADfice")).isEqualTo("o\uFB03ce");
        // one that ends it is where the line breaks: "dif-" then "fer" on the next line, both plain
        assertThat(ALL.apply("dif\uE0AD")).isEqualTo("dif\uE0AD");
        assertThat(ALL.apply("fer")).isEqualTo("fer");
        assertThat(ALL.across("dif\uE0AD", "fer")).isTrue();
        assertThat(ALL.across("of\uE0AD", "fice")).isTrue();
        assertThat(ALL.across("dis\uE0AD", "fer")).isFalse();
        assertThat(ALL.across("dif", "fer")).isFalse();
    }

    @Test
    void neverAcrossAJoinerOrBeforeAnAccent() {
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
