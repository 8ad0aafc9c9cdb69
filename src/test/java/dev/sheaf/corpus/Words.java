package dev.sheaf.corpus;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words as a multiset, for "how much of the source's text is in the edition". A word is a run of letters,
 * marks and digits, compared without case, accents or compatibility forms; each Chinese, Japanese or Korean
 * character is a word of its own, since those scripts put no spaces between words and a line may break
 * anywhere. The zero-width non-joiner, which Persian writes inside words, separates words here: editions
 * may keep or drop it.
 */
final class Words {

    private static final Pattern RUN = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]");

    private Words() { }

    static List<String> of(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        Matcher m = RUN.matcher(folded);
        while (m.find()) {
            String w = m.group();
            if (!CJK.matcher(w).find()) {
                out.add(w);
                continue;
            }
            StringBuilder other = new StringBuilder();
            w.codePoints().forEach(cp -> {
                String c = new String(Character.toChars(cp));
                if (CJK.matcher(c).matches()) {
                    if (other.length() > 0) {
                        out.add(other.toString());
                        other.setLength(0);
                    }
                    out.add(c);
                } else {
                    other.append(c);
                }
            });
            if (other.length() > 0) {
                out.add(other.toString());
            }
        }
        return out;
    }

    static Map<String, Integer> bag(String text) {
        Map<String, Integer> out = new HashMap<>();
        of(text).forEach(w -> out.merge(w, 1, Integer::sum));
        return out;
    }

    static int size(Map<String, Integer> bag) {
        return bag.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The share of {@code source}'s words (counted with repeats) that {@code edition} has as often. */
    static double coverage(Map<String, Integer> source, Map<String, Integer> edition) {
        int total = size(source);
        if (total == 0) {
            return 1;
        }
        int found = 0;
        for (Map.Entry<String, Integer> e : source.entrySet()) {
            found += Math.min(e.getValue(), edition.getOrDefault(e.getKey(), 0));
        }
        return (double) found / total;
    }

    /** The source words the edition lacks most, with how many of each are missing, for a failure message. */
    static String missing(Map<String, Integer> source, Map<String, Integer> edition, int limit) {
        return source.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - edition.getOrDefault(e.getKey(), 0)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(e -> e.getKey() + "×" + e.getValue()).reduce((a, b) -> a + " " + b).orElse("");
    }
}
