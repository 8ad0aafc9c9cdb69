package dev.sheaf.render.xhtml;

import java.util.Locale;
import java.util.Set;

/**
 * Writing direction for the editions' markup: {@code dir="rtl"} on a piece in a right-to-left language, and
 * on every stretch of Arabic-script or Hebrew text inside other text, so that reading systems and browsers
 * isolate it and order its words and punctuation right to left.
 */
public final class Direction {

    /** Languages written right to left (ISO 639 codes). */
    private static final Set<String> RTL_LANGUAGES = Set.of("ar", "fa", "he", "iw", "ur", "ps", "yi", "ji", "ckb",
            "dv", "sd", "ug", "syr", "prs", "pnb", "ku-arab");

    private Direction() {
    }

    /** {@code "rtl"} for a language written right to left, else null (no attribute). */
    public static String of(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return null;
        }
        String tag = languageTag.toLowerCase(Locale.ROOT);
        String language = tag.split("[-_]")[0];
        boolean arabicScript = tag.contains("-arab") || tag.contains("-hebr");
        return RTL_LANGUAGES.contains(language) || arabicScript ? "rtl" : null;
    }

    /** True for a letter of a right-to-left script. */
    public static boolean isRightToLeft(int cp) {
        byte d = Character.getDirectionality(cp);
        return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    }

    /**
     * Writes {@code text}, each stretch of right-to-left letters (with the spaces, marks and punctuation between
     * them) in a {@code <span dir="rtl">}.
     */
    public static void text(Xml x, String text) {
        int n = text.length();
        int from = 0;
        int i = 0;
        while (i < n) {
            char ch = text.charAt(i);
            if (ch < 0x0590) {
                i++;   // below Hebrew, the first right-to-left block: no need to ask for the directionality
                continue;
            }
            int cp = text.codePointAt(i);
            if (!isRightToLeft(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int end = i + Character.charCount(cp);
            int j = end;
            while (j < n) {
                int c = text.codePointAt(j);
                if (isRightToLeft(c)) {
                    end = j + Character.charCount(c);
                } else if (Character.isLetterOrDigit(c) && !Character.isDigit(c)) {
                    break;   // a letter of a left-to-right script ends the stretch
                }
                j += Character.charCount(c);
            }
            x.text(text.substring(from, start));
            x.open("span", "dir", "rtl").text(text.substring(start, end)).close("span");
            from = end;
            i = end;
        }
        x.text(text.substring(from));
    }
}
