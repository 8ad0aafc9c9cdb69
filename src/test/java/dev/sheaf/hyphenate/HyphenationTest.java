package dev.sheaf.hyphenate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HyphenationTest {

    private static String show(String tag, String word) {
        return Hyphenation.forLanguage(tag).orElseThrow().hyphenate(word, '-');
    }

    @Test
    void englishBritishAndAmerican() {
        assertThat(show("en-GB", "hyphenation")).isEqualTo("hy-phen-a-tion");
        assertThat(show("en-US", "hyphenation")).isEqualTo("hy-phen-ation");
        assertThat(show("en", "extraordinarily")).isEqualTo("ex-traor-di-nar-ily");
        // a capital first letter is fine, a capital inside is not
        assertThat(show("en-GB", "Afghanistan")).contains("-");
        assertThat(show("en-GB", "McDonalds")).isEqualTo("McDonalds");
    }

    @Test
    void otherLanguagesFromTheirPatterns() {
        assertThat(show("de-DE", "Silbentrennung")).isEqualTo("Sil-ben-tren-nung");
        assertThat(show("ru", "программирование")).contains("-").isNotEqualTo("программирование");
        assertThat(show("fr", "anticonstitutionnellement")).contains("-");
        assertThat(show("es", "desafortunadamente")).contains("-");
        assertThat(Hyphenation.forLanguage("fa")).isEmpty();
        assertThat(Hyphenation.forLanguage("")).isEmpty();
    }

    @Test
    void minimumsAreKept() {
        Hyphenator h = Hyphenation.forLanguage("en-GB").orElseThrow();
        for (String w : new String[] {"relationship", "government", "international", "between", "confrontation"}) {
            for (int p : h.points(w)) {
                assertThat(p).isGreaterThanOrEqualTo(h.left());
                assertThat(w.length() - p).isGreaterThanOrEqualTo(h.right());
            }
        }
        assertThat(h.points("table")).isEmpty();   // shorter than the shortest word hyphenated
    }

    @Test
    void textLeavesAddressesNumbersAndTheLastWordAlone() {
        Hyphenator h = Hyphenation.forLanguage("en-GB").orElseThrow();
        String out = h.hyphenateText("Write to editor@newspaper.example or see https://www.rusi.org/commentary "
                + "about the international situation in 2021-22 and government", '~', true);
        assertThat(out).contains("editor@newspaper.example", "https://www.rusi.org/commentary", "2021-22")
                .contains("in~ter~na~tional").endsWith(" government");
        assertThat(h.hyphenateText("self\u00ADgovernment", '~', false)).isEqualTo("self\u00ADgovernment");
    }

    @Test
    void patternsFileFormats() {
        Patterns p = Patterns.of("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n1b\n1c\n\\hyphenation{\nab-cd\n}\n");
        assertThat(p.leftMin()).isEqualTo(1);
        assertThat(p.points("abc", 1, 1)).containsExactly(1, 2);
        assertThat(p.points("abcd", 1, 1)).containsExactly(2);   // the exception wins
        Patterns tex = Patterns.of(".ab3a\n1ba\n");
        assertThat(tex.size()).isEqualTo(2);
        assertThat(tex.points("abababa", 2, 2)).containsExactly(2, 3, 5);
    }
}
