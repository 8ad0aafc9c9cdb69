package dev.sheaf.importer;

import org.jsoup.Jsoup;

import java.util.regex.Pattern;

/** Plain text from a fragment of HTML (titles, excerpts), with WordPress's entities decoded. */
final class TextOnly {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern MARKUP = Pattern.compile("[*_`#>\\[\\]\\\\]|\\]\\([^)]*\\)|!\\[");

    private TextOnly() { }

    static String of(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return SPACES.matcher(Jsoup.parseBodyFragment(html).body().text()).replaceAll(" ").trim();
    }

    /** The first {@code n} words of a Markdown text, for a piece that has no title. */
    static String firstWords(String markdown, int n) {
        String plain = SPACES.matcher(MARKUP.matcher(markdown.replaceAll("\\]\\([^)]*\\)", "]")).replaceAll(" "))
                .replaceAll(" ").trim();
        String[] words = plain.split(" ");
        if (plain.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(n, words.length); i++) {
            b.append(i == 0 ? "" : " ").append(words[i]);
        }
        return words.length > n ? b + "\u2026" : b.toString();
    }
}
