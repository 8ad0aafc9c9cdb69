package dev.sheaf.cite;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.ListItemDataProvider;
import de.undercouch.citeproc.csl.CSLCitation;
import de.undercouch.citeproc.csl.CSLCitationItem;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLItemDataBuilder;
import de.undercouch.citeproc.csl.CSLNameBuilder;
import de.undercouch.citeproc.csl.CSLType;
import de.undercouch.citeproc.output.Citation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Title casing with remembered answers ({@link CslTitleCase}) must give citeproc-java's own output, in author-date,
 * note and numeric styles, for English items and for items in other languages (which are not title-cased).
 */
class CslTitleCaseTest {

    /** Titles that exercise stop words, acronyms, capitals, possessives, hyphens, quotes, addresses and sentences. */
    private static final String[] TITLES = {
        "kazakhstan in crisis: it’s about the country, not big power politics",
        "THE WEST, BEIJING AND THE FUTURE OF AFGHANISTAN",
        "Letter: India needs grey zones, not red lines in Pakistan",
        "the over-hyphenation of ‘China-Russia’ and step-by-step diplomacy",
        "on-demand power in the SCO: a view from www.example.org and mailto:ann@example.org",
        "d’Artagnan and the CSTO’s “new” role in Central Asia",
        "why eBay’s iPhone app is not a Vis-à-vis of the EU",
        "between empires: writings on russia, china and central asia",
        "α and β: a note on the Belt and Road",
        "2022 look ahead: Central Asia will cement its turn against the West",
    };

    @ParameterizedTest
    @ValueSource(strings = {"chicago-author-date", "chicago-notes-bibliography", "apa", "modern-language-association",
        "harvard-cite-them-right", "ieee", "american-political-science-association"})
    void should_format_as_citeproc_does_when_title_casing_is_remembered(String style) throws Exception {
        // setup
        List<CSLItemData> items = items();
        CSL plain = processor(style, items);
        CSL remembering = processor(style, items);
        CslTitleCase titles = new CslTitleCase();
        titles.install(remembering);
        // when
        List<String> expected = formatted(plain, items);
        List<String> actual = formatted(remembering, items);
        List<String> again = formatted(remembering, items);
        // then
        assertThat(actual).isEqualTo(expected);
        assertThat(again).isEqualTo(expected);
    }

    @Test
    void should_remember_the_title_case_of_a_style_that_title_cases() throws Exception {
        // setup
        List<CSLItemData> items = items();
        CSL csl = processor("chicago-author-date", items);
        CslTitleCase titles = new CslTitleCase();
        // when
        int replaced = titles.install(csl);
        formatted(csl, items);
        // then
        assertThat(replaced).as("title-casing behaviours replaced").isPositive();
        assertThat(titles.remembered()).as("strings title-cased").isPositive();
        assertThat(titles.install(csl)).as("a second install replaces nothing").isZero();
    }

    @Test
    void should_title_case_exactly_as_citeproc_does() {
        CslTitleCase titles = new CslTitleCase();
        for (String t : TITLES) {
            assertThat(titles.of(t)).isEqualTo(de.undercouch.citeproc.helper.StringHelper.toTitleCase(t));
            assertThat(titles.of(t)).isEqualTo(de.undercouch.citeproc.helper.StringHelper.toTitleCase(t));
        }
    }

    private static CSL processor(String style, List<CSLItemData> items) throws Exception {
        CSL csl = new CSL(new ListItemDataProvider(items), style, CslLocales.forLanguage("en-GB"));
        csl.setOutputFormat("html");
        return csl;
    }

    /** The bibliography, then a citation of each item, then one of them all. */
    private static List<String> formatted(CSL csl, List<CSLItemData> items) {
        csl.reset();
        csl.setOutputFormat("html");
        List<String> out = new ArrayList<>();
        List<String> ids = items.stream().map(CSLItemData::getId).toList();
        csl.registerCitationItems(ids);
        out.addAll(List.of(csl.makeBibliography().getEntries()));
        for (String id : ids) {
            for (Citation c : csl.makeCitation(new CSLCitation(new CSLCitationItem(id)))) {
                out.add(c.getText());
            }
        }
        CSLCitationItem[] all = ids.stream().map(CSLCitationItem::new).toArray(CSLCitationItem[]::new);
        for (Citation c : csl.makeCitation(new CSLCitation(all))) {
            out.add(c.getText());
        }
        return out;
    }

    /** Articles, chapters in a book and a book, some in other languages than English, with the titles above. */
    private static List<CSLItemData> items() {
        List<CSLItemData> items = new ArrayList<>();
        CSLType[] types = {CSLType.ARTICLE_NEWSPAPER, CSLType.CHAPTER, CSLType.ARTICLE_MAGAZINE, CSLType.BOOK,
            CSLType.POST_WEBLOG};
        String[] languages = {null, "en", "de", "en-GB", null, "fr", null, "en-US", null, null};
        for (int i = 0; i < TITLES.length; i++) {
            CSLItemDataBuilder b = new CSLItemDataBuilder().id("item" + i).type(types[i % types.length])
                    .title(TITLES[i])
                    .author(new CSLNameBuilder().family(i % 3 == 0 ? "Pantucci" : "Petersen").given("Ann").build())
                    .containerTitle(TITLES[(i + 7) % TITLES.length])
                    .publisher("the royal united services institute").issued(2015 + i % 4, 1 + i % 12);
            if (languages[i] != null) {
                b.language(languages[i]);
            }
            items.add(b.build());
        }
        return items;
    }
}
