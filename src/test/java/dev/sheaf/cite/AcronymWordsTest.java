package dev.sheaf.cite;

import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLItemDataBuilder;
import de.undercouch.citeproc.csl.CSLType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link CslEngine#acronymWords}: the words a session kept from its previous build give what a cold build finds. */
class AcronymWordsTest {

    private static CSLItemData item(String id, String title, String container) {
        return new CSLItemDataBuilder().id(id).type(CSLType.ARTICLE_NEWSPAPER).title(title).containerTitle(container)
                .build();
    }

    @Test
    void words_kept_from_the_previous_build_give_a_cold_builds_words() {
        List<CSLItemData> first = List.of(item("a", "NATO and the EU in Central Asia", "The FT"),
                item("b", "Why the SCO matters", "RUSI Newsbrief"));
        Map<String, List<String>> kept = new HashMap<>();
        assertThat(CslEngine.acronymWords(first, Map.of(), kept)).containsExactly("EU", "FT", "NATO", "RUSI", "SCO");
        // an edited title loses one word in capitals and gains another; the other item is unchanged
        List<CSLItemData> second = List.of(item("a", "NATO and the OSCE in Central Asia", "The FT"),
                item("b", "Why the SCO matters", "RUSI Newsbrief"));
        Map<String, List<String>> now = new HashMap<>();
        assertThat(CslEngine.acronymWords(second, kept, now)).isEqualTo(CslEngine.acronymWords(second))
                .containsExactly("FT", "NATO", "OSCE", "RUSI", "SCO");
        assertThat(now).containsOnlyKeys("NATO and the OSCE in Central Asia", "The FT", "Why the SCO matters",
                "RUSI Newsbrief");
    }
}
