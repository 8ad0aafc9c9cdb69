package dev.sheaf.cite;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.DefaultLocaleProvider;
import de.undercouch.citeproc.LocaleProvider;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Picks the CSL locale file for the book's language: the exact tag when there is one
 * ({@code en-GB}), else the language's main locale ({@code en} → {@code en-US}), else US English.
 */
final class CslLocales {

    private static final Map<String, String> MAIN = Map.ofEntries(
            Map.entry("en", "en-US"), Map.entry("de", "de-DE"), Map.entry("fr", "fr-FR"), Map.entry("es", "es-ES"),
            Map.entry("pt", "pt-PT"), Map.entry("zh", "zh-CN"), Map.entry("sr", "sr-Latn-RS"), Map.entry("ca", "ca-AD"),
            Map.entry("nb", "nb-NO"), Map.entry("no", "nb-NO"), Map.entry("nn", "nn-NO"));

    /**
     * The locale files as citeproc-java is given them: without their blank terms. The CSL locales Sheaf ships
     * (org.citationstyles 26.2, CSL 1.0.2) write the role terms that have no word ({@code author},
     * {@code container-author}, {@code composer}…) as {@code <term name="author"/>}, and citeproc-java 3.4.0 prints a
     * label's affixes around a blank term: every MLA entry began "Pantucci, Raffaello, . ‘Title’" (the style's
     * {@code <label prefix=", "/>}) and APA's container-authors read "In R. Pantucci (), Title", where Pandoc's
     * citeproc prints no label. citeproc-java 3.4.1 treats a blank term as none (its commit e88dc31); it is not
     * served, and 3.5.1 puts a British English full stop inside the quotation marks. A term that is not there is
     * one citeproc-java 3.4.0 leaves out, label and affixes, which is what the blank term means.
     */
    static final LocaleProvider PROVIDER = new LocaleProvider() {
        private final LocaleProvider files = new DefaultLocaleProvider();
        private final Map<String, String> read = new ConcurrentHashMap<>();

        @Override
        public String retrieveLocale(String lang) {
            return read.computeIfAbsent(lang, l -> withoutBlankTerms(files.retrieveLocale(l)));
        }
    };

    private static final Pattern BLANK_TERM = Pattern.compile("<term\\b[^>]*?/>|<term\\b[^>]*>\\s*</term>");

    private CslLocales() { }

    /** A locale file's XML without its blank {@code <term>} elements. */
    static String withoutBlankTerms(String xml) {
        return BLANK_TERM.matcher(xml).replaceAll("");
    }

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
