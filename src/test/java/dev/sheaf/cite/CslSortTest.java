package dev.sheaf.cite;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.ItemDataProvider;
import de.undercouch.citeproc.csl.CSLItemData;
import dev.sheaf.model.PieceDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sources list is sorted by rendering each item's sort keys once ({@link CslSort}) instead of by
 * citeproc-java's insertion sort; the entries and their order must be citeproc-java's own.
 */
class CslSortTest {

    @ParameterizedTest
    @ValueSource(strings = {"chicago-author-date", "apa", "modern-language-association", "harvard-cite-them-right",
        "ieee", "chicago-notes-bibliography"})
    void should_list_the_sources_in_citeproc_order_when_keys_are_rendered_once(String styleId) throws Exception {
        // setup
        Map<String, CSLItemData> items = items(120);
        CitationStyles.Style style = new CitationStyles.Style(styleId, false);
        CSL reference = new CSL(new ItemDataProvider() {
            @Override
            public CSLItemData retrieveItem(String id) {
                return items.get(id);
            }

            @Override
            public Collection<String> getIds() {
                return items.keySet();
            }
        }, CslLocales.PROVIDER, null, styleId, CslLocales.forLanguage("en-GB")); // the locale files as Sheaf gives them
        reference.setOutputFormat("html");
        reference.registerCitationItems(items.keySet());
        List<String> expected = new ArrayList<>();
        for (String entry : reference.makeBibliography().getEntries()) {
            expected.add(dev.sheaf.model.Walk.text(CslHtml.toInlines(NestedQuotes.alternate(entry.strip()))));
        }
        // when
        CslEngine engine = new CslEngine(style, items, "en-GB");
        List<String> actual = engine.bibliography(items.keySet()).values().stream()
                .map(dev.sheaf.model.Walk::text).toList();
        // then
        assertThat(CslSort.of(reference)).as("the fast path is available").isPresent();
        assertThat(actual).isEqualTo(expected);
    }

    /** Pieces by a few authors (so that sorting goes past the first key), over a few years, of every type. */
    private static Map<String, CSLItemData> items(int count) {
        Random rnd = new Random(3);
        String[] families = {"Pantucci", "Cooley", "Petersen", "Umarov"};
        String[] types = {"article-newspaper", "article-magazine", "post-weblog", "report"};
        String[] words = {"Kazakhstan", "the", "steppe", "China", "of", "and", "Russia", "water", "a", "Belt", "Road",
            "in", "crisis", "letter", "on", "corridors"};
        Map<String, CSLItemData> items = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            StringBuilder title = new StringBuilder("Piece " + i);
            for (int w = 0; w < 3 + rnd.nextInt(6); w++) {
                title.append(' ').append(words[rnd.nextInt(words.length)]);
            }
            PieceDate date = rnd.nextBoolean()
                    ? new PieceDate(2012 + rnd.nextInt(4), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28), false, null)
                    : new PieceDate(2012 + rnd.nextInt(4), 1 + rnd.nextInt(12), 0, rnd.nextBoolean(), null);
            Source s = new Source("key" + i, types[rnd.nextInt(types.length)], title.toString(), null,
                    List.of(PersonName.parse(families[rnd.nextInt(families.length)] + ", Ann")), "The Outlet " + (i % 5),
                    date, null, null, null, "chapter/piece" + i);
            items.put(s.id(), CslItems.of(s));
        }
        return items;
    }
}
