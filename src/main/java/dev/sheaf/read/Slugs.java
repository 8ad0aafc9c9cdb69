package dev.sheaf.read;

import java.text.Normalizer;
import java.util.Locale;

/** File-name- and id-safe slugs: ASCII letters, digits and hyphens, starting with a letter. */
public final class Slugs {

    private Slugs() { }

    public static String slug(String text, String fallback) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        s = s.toLowerCase(Locale.ROOT).replace("’", "").replace("'", "");
        s = s.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 60) {
            s = s.substring(0, 60).replaceAll("-[^-]*$", "");
        }
        if (s.isEmpty()) {
            return fallback;
        }
        return Character.isLetter(s.charAt(0)) ? s : fallback + "-" + s;
    }
}
