package dev.sheaf.cite;

import de.undercouch.citeproc.CSL;

import java.util.Locale;
import java.util.Map;

/**
 * Picks the CSL locale file for the book's language: the exact tag when there is one
 * ({@code en-GB}), else the language's main locale ({@code en} → {@code en-US}), else US English.
 */
final class CslLocales {

    private static final Map<String, String> MAIN = Map.ofEntries(
            Map.entry("en", "en-US"), Map.entry("de", "de-DE"), Map.entry("fr", "fr-FR"), Map.entry("es", "es-ES"),
            Map.entry("pt", "pt-PT"), Map.entry("zh", "zh-CN"), Map.entry("sr", "sr-Latn-RS"), Map.entry("ca", "ca-AD"),
            Map.entry("nb", "nb-NO"), Map.entry("no", "nb-NO"), Map.entry("nn", "nn-NO"));

    private CslLocales() { }

    static String forLanguage(String tag) {
        if (exists(tag)) {
            return tag;
        }
        String language = Locale.forLanguageTag(tag).getLanguage();
        if (MAIN.containsKey(language)) {
            return MAIN.get(language);
        }
        if (exists(language)) {
            return language;
        }
        String country = language + "-" + language.toUpperCase(Locale.ROOT);
        return exists(country) ? country : "en-US";
    }

    private static boolean exists(String tag) {
        return CSL.class.getResource("/locales-" + tag + ".xml") != null;
    }
}
