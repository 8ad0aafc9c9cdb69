package dev.sheaf.read;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** File-name- and id-safe slugs: ASCII letters, digits and hyphens, starting with a letter. */
public final class Slugs {

    private Slugs() { }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_HYPHENS = Pattern.compile("^-+|-+$");
    private static final Pattern LAST_WORD = Pattern.compile("-[^-]*$");

    public static String slug(String text, String fallback) {
        String s = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        s = s.toLowerCase(Locale.ROOT).replace("’", "").replace("'", "");
        s = EDGE_HYPHENS.matcher(NOT_SLUG.matcher(s).replaceAll("-")).replaceAll("");
        if (s.length() > 60) {
            s = LAST_WORD.matcher(s.substring(0, 60)).replaceAll("");
        }
        if (s.isEmpty()) {
            return fallback;
        }
        return Character.isLetter(s.charAt(0)) ? s : fallback + "-" + s;
    }
}
