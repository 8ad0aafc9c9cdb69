package dev.sheaf.render;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The index's words come from the book's language; what a language lacks is printed in English. */
class LabelsTest {

    private static final List<String> INDEX_KEYS = List.of("index", "index.see", "index.see.also", "index.person",
            "index.place", "index.organisation", "index.subject");

    @Test
    void aRussianBookPrintsTheIndexInRussian() {
        Labels ru = new Labels(Locale.forLanguageTag("ru"));
        assertThat(ru.get("index")).isEqualTo("Указатель");
        assertThat(ru.get("index.see")).isEqualTo("см.");
        assertThat(ru.get("index.see.also")).isEqualTo("см. также");
        assertThat(ru.get("contents")).isEqualTo("Contents");
    }

    @Test
    void everyTranslatedLanguageHasEveryIndexWord() {
        Labels en = new Labels(Locale.ENGLISH);
        for (String lang : List.of("ru", "de", "fr", "es", "fa")) {
            Labels l = new Labels(Locale.forLanguageTag(lang + "-XX"));
            long translated = INDEX_KEYS.stream().filter(k -> !l.get(k).equals(en.get(k))).count();
            // French shares "Index" and "Organisations" with English; the rest differ in every language.
            assertThat(translated).as(lang).isGreaterThanOrEqualTo(INDEX_KEYS.size() - 2);
            // "See also" is "see" and a word for "also", in every one of them.
            assertThat(l.get("index.see.also")).as(lang).contains(l.get("index.see"));
        }
    }

    @Test
    void anUntranslatedLanguageFallsBackToEnglishNotToTheMachinesLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            assertThat(new Labels(Locale.forLanguageTag("sw")).get("index")).isEqualTo("Index");
            assertThat(new Labels(Locale.forLanguageTag("sw")).get("index.see")).isEqualTo("see");
        } finally {
            Locale.setDefault(before);
        }
    }
}
