package dev.sheaf.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a word of an index entry changes in the book's language, as a small table of endings: a word of the text
 * that ends in one of them is also read as the entry's word with the ending it replaces ("Uzbeks" as "Uzbek",
 * "Путина" as "Путин", "Чечнёй" as "Чечня"). Only endings are listed, never whole words, so a longer word
 * ("Iranian", "Путинизм") is never a form of a shorter one.
 *
 * <ul>
 *   <li>English ({@code en}): plurals in -s and -es, on the last word of a form ("Central Asian republics");
 *       possessives ("Tokayev’s", "the Uzbeks’") are read by the matcher itself, in every language.</li>
 *   <li>Russian ({@code ru}): the case and number endings of nouns (hard and soft stems, -а/-я, -й, -ь, -о/-е),
 *       of surnames in -ин/-ов (Путиным) and of adjectives (Российской Федерации), on every word of a form; ё is
 *       read as е, as Russian text mostly prints it.</li>
 *   <li>Every other language: the forms as written (and possessives), whole words only. An author lists other
 *       forms in {@code index.yaml} ({@code forms: [...]}) or marks a mention in the text.</li>
 * </ul>
 */
public final class Inflection {

    /** A way a text word may be read as an entry's word: {@code base} is the entry's word, {@code stem} chars shared. */
    public record Reading(String base, int stem) { }

    /** English plurals: "NGOs" is the plural of "NGO", "churches" of "church". */
    public static final Inflection ENGLISH = new Inflection("en", false, 2, Map.of("", List.of("s", "es")));

    /** No inflection: the forms as written. */
    public static final Inflection NONE = new Inflection("", false, 2, Map.of());

    /**
     * Russian endings, by the ending of the entry's word (the nominative): the endings of its other cases and of
     * its plural. Enough for the names an index lists (people, places, organisations); the table is not a
     * morphological analyser, and irregular forms (Москва → в Москве is regular; Орёл → Орла is not) are left to
     * {@code forms:}.
     */
    private static final Map<String, List<String>> RUSSIAN = russian();

    private static Map<String, List<String>> russian() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        // Hard consonant: Иран, Ирана, Ирану, Ираном, Иране; surnames in -ин/-ов: Путиным, Путиных.
        m.put("", List.of("а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах", "ым", "ыми", "ых"));
        m.put("а", List.of("ы", "и", "е", "у", "ой", "ою", "ам", "ами", "ах")); // Москва, Америка
        m.put("я", List.of("и", "е", "ю", "ей", "ею", "ям", "ями", "ях")); // Чечня, Россия
        m.put("й", List.of("я", "ю", "ем", "е", "и", "ев", "ям", "ями", "ях")); // Китай, Андрей, Дмитрий
        m.put("ь", List.of("я", "ю", "ем", "е", "и", "ей", "ью", "ям", "ями", "ях")); // Кремль, Тверь
        m.put("о", List.of("а", "у", "ом", "е")); // правительство
        m.put("е", List.of("я", "ю", "ем")); // Поморье
        // Adjectives, as in names of organisations and places: Белый дом, Российская Федерация, Верхний Ларс.
        m.put("ый", List.of("ого", "ому", "ым", "ом", "ая", "ой", "ую", "ые", "ых", "ыми", "ое"));
        m.put("ий", List.of("ого", "его", "ому", "ему", "им", "ем", "ом", "ая", "яя", "ой", "ей", "ую", "юю", "ие",
                "их", "ими", "ое", "ее"));
        m.put("ой", List.of("ого", "ому", "ым", "ом", "ая", "ую", "ые", "ых", "ыми", "ое"));
        m.put("ая", List.of("ой", "ую", "ою", "ые", "ых", "ым", "ыми"));
        m.put("яя", List.of("ей", "юю", "ею", "ие", "их"));
        m.put("ое", List.of("ого", "ому", "ым", "ом"));
        return m;
    }

    private final String language;
    private final boolean everyWord;
    private final int minStem;
    /** Text ending → the entry's endings it may replace, longest text ending first. */
    private final List<Map.Entry<String, List<String>>> byTextEnding;

    private Inflection(String language, boolean everyWord, int minStem, Map<String, List<String>> table) {
        this.language = language;
        this.everyWord = everyWord;
        this.minStem = minStem;
        Map<String, List<String>> inverse = new LinkedHashMap<>();
        table.forEach((base, endings) -> endings.forEach(
                e -> inverse.computeIfAbsent(e, k -> new ArrayList<>()).add(base)));
        List<Map.Entry<String, List<String>>> list = new ArrayList<>();
        inverse.forEach((e, bases) -> list.add(Map.entry(e, List.copyOf(bases))));
        list.sort((a, b) -> b.getKey().length() - a.getKey().length());
        this.byTextEnding = List.copyOf(list);
    }

    /** The inflection of the language {@code tag} ("ru", "en-GB"); languages without a table get {@link #NONE}. */
    public static Inflection of(String tag) {
        String lang = tag == null || tag.isBlank() ? "en" : Locale.forLanguageTag(tag).getLanguage();
        return switch (lang) {
            case "en" -> ENGLISH;
            case "ru" -> new Inflection("ru", true, 2, RUSSIAN);
            default -> NONE;
        };
    }

    /** The language this is the inflection of ("" for none). */
    public String language() {
        return language;
    }

    /** Whether every word of a form inflects (Russian), or only the last (English plurals). */
    public boolean everyWord() {
        return everyWord;
    }

    /** A word as compared: Russian ё as е (case kept). */
    public String fold(String word) {
        if (!language.equals("ru") || word.indexOf('ё') < 0 && word.indexOf('Ё') < 0) {
            return word;
        }
        return word.replace('ё', 'е').replace('Ё', 'Е');
    }

    /** A character as compared: Russian ё as е (case kept). */
    public char fold(char c) {
        if (c == 'ё' || c == 'Ё') {
            return language.equals("ru") ? (c == 'ё' ? 'е' : 'Е') : c;
        }
        return c;
    }

    /** How many text endings there are, longest first: the matcher reads a word with each without making strings. */
    int endings() {
        return byTextEnding.size();
    }

    /** Text ending {@code k} ("s", "ами"). */
    String ending(int k) {
        return byTextEnding.get(k).getKey();
    }

    /** The endings of the entry's word that text ending {@code k} may replace ("" for English plurals). */
    List<String> bases(int k) {
        return byTextEnding.get(k).getValue();
    }

    /** The fewest characters a word read with an ending keeps of its own. */
    int minStem() {
        return minStem;
    }

    /**
     * The entry words {@code key} (a word of the text, in lower case and folded) may be a form of, other than
     * itself, each with how many of its characters it shares with that word.
     */
    public List<Reading> readings(String key) {
        if (byTextEnding.isEmpty()) {
            return List.of();
        }
        List<Reading> out = new ArrayList<>(2);
        for (Map.Entry<String, List<String>> e : byTextEnding) {
            String ending = e.getKey();
            int stem = key.length() - ending.length();
            if (stem < minStem || !key.endsWith(ending)) {
                continue;
            }
            String base = key.substring(0, stem);
            for (String b : e.getValue()) {
                out.add(new Reading(base + b, stem));
            }
        }
        return out;
    }
}
