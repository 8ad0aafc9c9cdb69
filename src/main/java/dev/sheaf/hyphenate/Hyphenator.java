package dev.sheaf.hyphenate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds where the words of a text may break, for one language, by its patterns and its publisher's rules:
 * the shortest word that is hyphenated and the fewest letters left before and carried after a break.
 *
 * <p>Only plain words are touched. A token (a run without spaces) holding a digit, {@code @}, {@code /},
 * {@code \}, {@code _}, {@code :} followed by {@code //}, or {@code www.} is a number, an address or a path and
 * is left whole; so is a word with a capital after its first letter (NATO, McDonald, iPhone) and any token
 * that already has a soft hyphen, where the author has chosen the breaks.
 */
public final class Hyphenator {

    /** A break point the hyphenator chose (the author's own soft hyphen is U+00AD). */
    public static final char SOFT_HYPHEN = '\u00AD';

    private static final int CACHE_LIMIT = 200_000;

    /** A token ending like a domain name, or holding a common one: compiled once (it is tried on every word). */
    private static final java.util.regex.Pattern ADDRESS =
            java.util.regex.Pattern.compile(".*\\.[a-z]{2,4}\\.?$|.*\\.(com|org|net|gov|edu)\\b.*");

    private final String language;
    private final Patterns patterns;
    private final int shortestWord;
    private final int left;
    private final int right;
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    public Hyphenator(String language, Patterns patterns, int shortestWord, int left, int right) {
        this.language = language;
        this.patterns = patterns;
        this.shortestWord = Math.max(shortestWord, left + right);
        this.left = Math.max(1, left);
        this.right = Math.max(1, right);
    }

    public String language() {
        return language;
    }

    public int shortestWord() {
        return shortestWord;
    }

    public int left() {
        return left;
    }

    public int right() {
        return right;
    }

    /** Where {@code word} may break (indexes into the word: a break before that character). */
    public int[] points(String word) {
        if (word.length() < shortestWord || !plain(word)) {
            return new int[0];
        }
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        if (lower.length() != word.length()) {
            return new int[0];
        }
        int[] cached = cache.get(lower);
        if (cached == null) {
            cached = patterns.points(lower, left, right);
            if (cache.size() > CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(lower, cached);
        }
        return cached;
    }

    /** The word with {@code mark} at every break point. */
    public String hyphenate(String word, char mark) {
        int[] points = points(word);
        if (points.length == 0) {
            return word;
        }
        StringBuilder out = new StringBuilder(word.length() + points.length);
        int from = 0;
        for (int p : points) {
            out.append(word, from, p).append(mark);
            from = p;
        }
        return out.append(word, from, word.length()).toString();
    }

    /**
     * The text with {@code mark} at every break point of its words, except in the last {@code keepLast} words
     * (a paragraph's last word is never broken).
     */
    public String hyphenateText(String text, char mark, boolean keepLastWord) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 8);
        int lastWordStart = keepLastWord ? lastWordStart(text) : text.length();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (Character.isWhitespace(text.charAt(i))) {
                out.append(text.charAt(i++));
                continue;
            }
            int end = i;
            while (end < n && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            String token = text.substring(i, end);
            if (i >= lastWordStart || !ordinary(token)) {
                out.append(token);
            } else {
                appendToken(out, token, mark, end > lastWordStart ? lastWordStart - i : token.length());
            }
            i = end;
        }
        return out.toString();
    }

    /** Hyphenates the letter runs of {@code token} that end before {@code limit}. */
    private void appendToken(StringBuilder out, String token, char mark, int limit) {
        int i = 0;
        int n = token.length();
        while (i < n) {
            if (!isLetter(token, i)) {
                out.append(token.charAt(i++));
                continue;
            }
            int end = i;
            while (end < n && isLetter(token, end)) {
                end++;
            }
            String word = token.substring(i, end);
            out.append(end <= limit ? hyphenate(word, mark) : word);
            i = end;
        }
    }

    private static boolean isLetter(String s, int i) {
        char c = s.charAt(i);
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** Where the last word of {@code text} starts (its last letter run), or the text's length when none. */
    static int lastWordStart(String text) {
        int i = text.length();
        while (i > 0 && !isLetter(text, i - 1)) {
            i--;
        }
        while (i > 0 && isLetter(text, i - 1)) {
            i--;
        }
        return i;
    }

    /** False for numbers, addresses, paths and tokens the author has already hyphenated. */
    static boolean ordinary(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isDigit(c) || c == '@' || c == '/' || c == '\\' || c == '_' || c == SOFT_HYPHEN
                    || c == '=' || c == '#' || c == '<' || c == '>' || c == '|' || c == '~') {
                return false;
            }
        }
        if (token.indexOf('.') < 0 && token.indexOf(':') < 0) {
            return true;   // every address below has a dot or "://"
        }
        String lower = token.toLowerCase(java.util.Locale.ROOT);
        return !lower.contains("www.") && !lower.contains("://") && !ADDRESS.matcher(lower).matches();
    }

    /** A word in lower case, or with a capital first letter only. */
    private static boolean plain(String word) {
        for (int i = 1; i < word.length(); i++) {
            if (Character.isUpperCase(word.charAt(i)) || Character.isTitleCase(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
