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

    /**
     * {@link FontChain#linkFor} answers from the characters all primaries share as the definition does (a character
     * that needs no glyph, or one every primary has, stays in the primaries; else the first link that has it), for
     * every character of the Basic Multilingual Plane and a sample beyond, with one primary, two, and none.
     */
    @Test
    void should_find_the_link_of_every_character_as_its_definition_does() {
        List<FontChain.Link> links = new java.util.ArrayList<>();
        ShippedFonts.fallbacks().forEach(f -> links.add(new FontChain.Link(f.family(), ShippedFonts.coverage(f))));
        FontChain.Link serif = new FontChain.Link(SERIF.family(), ShippedFonts.coverage(SERIF));
        links.add(0, serif);
        FontChain.Link second = links.get(1);
        for (List<FontChain.Link> primaries : List.of(List.of(serif), List.of(serif, second), List.<FontChain.Link>of())) {
            FontChain chain = new FontChain(primaries, links);
            for (int cp = 0; cp <= 0x10FFFF; cp += cp < 0x10000 ? 1 : 97) {
                int c = cp;
                int expected;
                if (FontChain.needsNoGlyph(c) || primaries.stream().allMatch(l -> l.coverage().covers(c))) {
                    expected = FontChain.PRIMARY;
                } else {
                    expected = FontChain.MISSING;
                    for (int i = 0; i < links.size(); i++) {
                        if (links.get(i).coverage().covers(c)) {
                            expected = i;
                            break;
                        }
                    }
                }
                assertThat(chain.linkFor(c)).as("U+%04X with %d primaries", c, primaries.size()).isEqualTo(expected);
            }
        }
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
