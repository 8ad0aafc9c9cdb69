package dev.sheaf.fonts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs per face, on the shipped faces: Liberation Serif sets the text, the fallbacks the rest. */
class FontRunsTest {

    private static final ShippedFonts.Face SERIF = ShippedFonts.text().get(0);

    private static FontChain chain() {
        FontChain.Link serif = new FontChain.Link(SERIF.family(), ShippedFonts.coverage(SERIF));
        List<FontChain.Link> links = new java.util.ArrayList<>(List.of(serif));
        ShippedFonts.fallbacks().stream().filter(f -> !f.family().equals(SERIF.family()))
                .forEach(f -> links.add(new FontChain.Link(f.family(), ShippedFonts.coverage(f))));
        return new FontChain(List.of(serif), links);
    }

    @Test
    void should_put_each_run_the_text_face_lacks_in_a_span_of_the_face_that_has_it() {
        String doc = "<html><head><title>北京</title></head><body><p class=\"x\">In 北京 市, Москва &amp; 서울 🙂!</p></body></html>";

        String out = FontRuns.wrap(doc, chain());

        assertThat(out).isEqualTo("<html><head><title>北京</title></head><body><p class=\"x\">In "
                + "<span class=\"font-droid-sans-fallback\">北京 市</span>, Москва &amp; "
                + "<span class=\"font-nanumsquare\">서울</span> <span class=\"font-noto-emoji\">🙂</span>!</p></body></html>");
    }

    @Test
    void should_close_a_run_at_every_tag_and_leave_attributes_alone() {
        String doc = "<body><a href=\"#北京\" title=\"北京\">北<em>京</em></a>&#x4E2D;&#20013;</body>";

        String out = FontRuns.wrap(doc, chain());

        assertThat(out).isEqualTo("<body><a href=\"#北京\" title=\"北京\"><span class=\"font-droid-sans-fallback\">北</span>"
                + "<em><span class=\"font-droid-sans-fallback\">京</span></em></a>"
                + "<span class=\"font-droid-sans-fallback\">&#x4E2D;&#20013;</span></body>");
    }

    @Test
    void should_leave_text_the_face_has_and_characters_no_face_has_unwrapped() {
        assertThat(FontRuns.wrap("<body>Ελλάδα İstanbul \uD81C\uDC00</body>", chain()))
                .isEqualTo("<body>Ελλάδα İstanbul \uD81C\uDC00</body>");
        assertThat(chain().missing("a\uD81C\uDC00 b ❤\uFE0F\u200D")).isEqualTo("\uD81C\uDC00");
    }

    @Test
    void should_read_coverage_from_format_4_and_format_12_cmaps() {
        Coverage emoji = ShippedFonts.coverage(ShippedFonts.fallbacks().stream()
                .filter(f -> f.family().equals("Noto Emoji")).findFirst().orElseThrow());
        Coverage hebrew = ShippedFonts.coverage(ShippedFonts.fallbacks().stream()
                .filter(f -> f.family().equals("Noto Sans Hebrew")).findFirst().orElseThrow());

        assertThat(emoji.covers(0x1F642)).isTrue();
        assertThat(emoji.covers('中')).isFalse();
        assertThat(hebrew.covers('ש')).isTrue();
        assertThat(hebrew.covers(0x1F642)).isFalse();
        assertThat(hebrew.size()).isBetween(100, 200);
    }
}
