package dev.sheaf.index;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds mentions of index entries in running text. Forms are matched as whole words (a token trie, so a
 * thousand forms cost no more than ten per word of text):
 * <ul>
 *   <li>a form with a capital letter matches only as written (or in capitals, as in a headline): "Kabul" not
 *       "kabul", "CSTO" not "Csto"; a form in lower case matches in any case ("sanctions", "Sanctions");</li>
 *   <li>possessives count: "Tokayev’s", "the Uzbeks’"; so do the endings the book language's {@link Inflection}
 *       lists: English plurals ("NGOs"), Russian cases ("Путина", "Чечнёй");</li>
 *   <li>a form never matches part of a word ("Xi" in "Xi’an" or "Xinjiang", "Iran" in "Iranian"), across a
 *       hyphen inside a form it does not have, or where the caller excluded the text (URLs, marks).</li>
 * </ul>
 * Spaces of any kind (no-break spaces, line breaks) match a space; the apostrophes and hyphens of Unicode match
 * their ASCII forms. Chinese and Japanese characters are words of one character each, so "习近平" matches
 * inside a sentence written without spaces.
 */
public final class MentionMatcher {

    /** A mention found: characters {@code start} to {@code end} of the text belong to entry {@code entry}. */
    public record Match(int start, int end, int entry) { }

    private record Form(int entry, String[] tokens, boolean[] gaps, boolean caseSensitive) { }

    private static final class Node {
        final Children next = new Children();
        final List<Form> ends = new ArrayList<>(1);
    }

    /**
     * A node's children by token key: an open-addressing table that is also looked up by a key held in a char
     * buffer, so that the text's words are looked up without making a string of each.
     */
    private static final class Children {
        private String[] keys = new String[4];
        private Node[] nodes = new Node[4];
        private int size;

        Node get(String key) {
            return get(key.toCharArray(), key.length());
        }

        Node get(char[] key, int length) {
            if (size == 0) {
                return null;
            }
            int mask = keys.length - 1;
            for (int i = hash(key, length) & mask; keys[i] != null; i = (i + 1) & mask) {
                if (same(keys[i], key, length)) {
                    return nodes[i];
                }
            }
            return null;
        }

        Node getOrAdd(String key) {
            Node n = get(key);
            if (n != null) {
                return n;
            }
            if (2 * (size + 1) > keys.length) {
                String[] oldKeys = keys;
                Node[] oldNodes = nodes;
                keys = new String[keys.length * 2];
                nodes = new Node[keys.length];
                size = 0;
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldKeys[i] != null) {
                        put(oldKeys[i], oldNodes[i]);
                    }
                }
            }
            n = new Node();
            put(key, n);
            return n;
        }

        private void put(String key, Node node) {
            int mask = keys.length - 1;
            int i = key.hashCode() & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            nodes[i] = node;
            size++;
        }

        /** String.hashCode of the key, spread. */
        private static int hash(char[] key, int length) {
            int h = 0;
            for (int i = 0; i < length; i++) {
                h = 31 * h + key[i];
            }
            return h;
        }

        private static boolean same(String a, char[] b, int length) {
            if (a.length() != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (a.charAt(i) != b[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Node root = new Node();
    /** Forms already taken by an entry: form key → entry. */
    private final Map<String, Integer> owners = new HashMap<>();
    private final Inflection inflection;

    /** A matcher for an English book. */
    public MentionMatcher() {
        this(Inflection.ENGLISH);
    }

    /** A matcher that reads words with the endings of {@code inflection} (the book language's). */
    public MentionMatcher(Inflection inflection) {
        this.inflection = inflection;
    }

    /**
     * Adds {@code form} as a mention of entry {@code entry}. Returns the entry that already owns the same form
     * (which keeps it), or {@code entry} when the form is new; -1 when the form has no word in it.
     */
    public int add(String form, int entry) {
        Tokens tokens = Tokens.of(form, inflection);
        boolean anyWord = false;
        for (int i = 0; i < tokens.size; i++) {
            anyWord |= tokens.word(i);
        }
        if (!anyWord) {
            return -1;
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < tokens.size; i++) {
            key.append(i > 0 ? "\u0001" : "").append(tokens.gap(i) ? " " : "").append(tokens.key(i));
        }
        Integer owner = owners.putIfAbsent(key.toString(), entry);
        if (owner != null) {
            return owner;
        }
        Node n = root;
        String[] text = new String[tokens.size];
        boolean[] gaps = new boolean[tokens.size];
        boolean caseSensitive = false;
        for (int i = 0; i < tokens.size; i++) {
            n = n.next.getOrAdd(tokens.key(i));
            text[i] = tokens.text(i);
            gaps[i] = tokens.gap(i);
            caseSensitive |= !text[i].equals(text[i].toLowerCase(Locale.ROOT));
        }
        n.ends.add(new Form(entry, text, gaps, caseSensitive));
        return entry;
    }

    /** Every mention in {@code text}, left to right, the longest form winning where forms overlap. */
    public List<Match> find(String text, BitSet excluded) {
        Tokens tokens = Tokens.of(text, inflection);
        Lookup look = new Lookup();
        List<Match> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size) {
            Candidate best = null;
            if (tokens.word(i) && startsWord(tokens, i) && !excluded.get(tokens.start[i])) {
                best = longest(tokens, i, look);
            }
            if (best == null || excluded.get(best.endChar - 1)) {
                i++;
                continue;
            }
            out.add(new Match(tokens.start[i], best.endChar, best.form.entry));
            i = best.endToken;
        }
        return out;
    }

    private record Candidate(Form form, int endToken, int endChar) { }

    /**
     * A way through the trie: the node reached and, for each token so far, how many of its characters belong to
     * the entry's word when it was read with an ending (-1 when read as written).
     */
    private record Path(Node node, int[] stems) {
        Path then(Node next, int stem) {
            int[] s = java.util.Arrays.copyOf(stems, stems.length + 1);
            s[stems.length] = stem;
            return new Path(next, s);
        }
    }

    private static final int[] NO_STEMS = new int[0];

    /** The buffers one search looks keys up with: a token's key, and the same read with another ending. */
    private static final class Lookup {
        char[] key = new char[32];
        int length;
        char[] base = new char[32];

        /** Reads token {@code i}'s key into {@link #key}. */
        void read(Tokens tokens, int i) {
            length = tokens.keyInto(i, this);
        }

        char[] key(int capacity) {
            if (key.length < capacity) {
                key = new char[Math.max(capacity, 2 * key.length)];
            }
            return key;
        }

        char[] base(int capacity) {
            if (base.length < capacity) {
                base = new char[Math.max(capacity, 2 * base.length)];
            }
            return base;
        }
    }

    private Candidate longest(Tokens tokens, int start, Lookup look) {
        Candidate best = null;
        List<Path> paths = null;
        for (int j = start; j < tokens.size; j++) {
            look.read(tokens, j);
            List<Path> next = null;
            int count = j == start ? 1 : paths.size();
            for (int q = 0; q < count; q++) {
                Path path = j == start ? null : paths.get(q);
                Node from = path == null ? root : path.node;
                Node n = from.next.get(look.key, look.length);
                if (n != null) {
                    Path p = (path == null ? ROOT_PATH : path).then(n, -1);
                    next = add(next, p);
                    best = better(best, accept(tokens, start, j, p, false));
                }
                if (!tokens.word(j)) {
                    continue;
                }
                // A word with an ending ("Uzbeks", "Путина") ends a form whose word is the stem with its own
                // ending; in Russian it may also go on to the form's next word ("Владимира Путина").
                for (int e = 0; e < inflection.endings(); e++) {
                    String ending = inflection.ending(e);
                    int stem = look.length - ending.length();
                    if (stem < inflection.minStem() || !endsWith(look.key, look.length, ending)) {
                        continue;
                    }
                    for (String b : inflection.bases(e)) {
                        char[] base = look.base(stem + b.length());
                        System.arraycopy(look.key, 0, base, 0, stem);
                        b.getChars(0, b.length(), base, stem);
                        Node s = from.next.get(base, stem + b.length());
                        if (s != null) {
                            Path p = (path == null ? ROOT_PATH : path).then(s, stem);
                            best = better(best, accept(tokens, start, j, p, true));
                            if (inflection.everyWord()) {
                                next = add(next, p);
                            }
                        }
                    }
                }
            }
            if (next == null) {
                break;
            }
            paths = next;
        }
        return best;
    }

    private static final Path ROOT_PATH = new Path(null, NO_STEMS);

    private static List<Path> add(List<Path> paths, Path p) {
        List<Path> out = paths == null ? new ArrayList<>(1) : paths;
        out.add(p);
        return out;
    }

    private static boolean endsWith(char[] key, int length, String ending) {
        int from = length - ending.length();
        if (from < 0) {
            return false;
        }
        for (int k = 0; k < ending.length(); k++) {
            if (key[from + k] != ending.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static Candidate better(Candidate a, Candidate b) {
        return b == null ? a : a == null || b.endChar > a.endChar ? b : a;
    }

    /**
     * The first form ending at the node of {@code path} (token {@code last}) that the text really matches, or
     * null; {@code inflected}: the last token was read with an ending (and so takes no possessive).
     */
    private Candidate accept(Tokens tokens, int start, int last, Path path, boolean inflected) {
        for (Form f : path.node.ends) {
            if (f.tokens.length != last - start + 1 || !matches(f, tokens, start, path.stems)) {
                continue;
            }
            int end = last + 1;
            if (!inflected) {
                end = possessive(tokens, end);
            }
            if (!endsWord(tokens, end)) {
                continue;
            }
            return new Candidate(f, end, tokens.end[end - 1]);
        }
        return null;
    }

    private boolean matches(Form f, Tokens tokens, int start, int[] stems) {
        for (int k = 0; k < f.tokens.length; k++) {
            int t = start + k;
            if (k > 0 && tokens.gap(t) != f.gaps[k]) {
                return false;
            }
            if (!f.caseSensitive || !tokens.word(t)) {
                continue; // punctuation was compared in its common form by the trie
            }
            String want = inflection.fold(f.tokens[k]);
            String have = inflection.fold(tokens.text(t));
            if (stems[k] >= 0) {
                // Read with an ending: the stem shared with the entry's word is compared ("Путин|а", "Чечн|ёй").
                int n = Math.min(stems[k], Math.min(want.length(), have.length()));
                want = want.substring(0, n);
                have = have.substring(0, n);
            }
            if (!have.equals(want) && !(isUpper(have) && have.equals(want.toUpperCase(Locale.ROOT)))) {
                return false;
            }
        }
        return true;
    }

    /** After a name: "’s" or, after an s, a lone "’" — part of the mention. */
    private static int possessive(Tokens tokens, int end) {
        if (end < tokens.size && tokens.apostrophe(end) && !tokens.gap(end)) {
            if (end + 1 < tokens.size && !tokens.gap(end + 1) && tokens.keyIs(end + 1, 's')
                    && endsWord(tokens, end + 2)) {
                return end + 2;
            }
            if (tokens.keyEndsWith(end - 1, 's') && endsWord(tokens, end + 1)) {
                return end + 1;
            }
        }
        return end;
    }

    /** The token before {@code i} does not run into it: "O’Brien" is not a mention of "Brien". */
    private static boolean startsWord(Tokens tokens, int i) {
        if (i == 0 || tokens.gap(i)) {
            return true;
        }
        int before = i - 1;
        if (tokens.word(before)) {
            return tokens.cjk(before) || tokens.cjk(i); // Chinese and Japanese run words together
        }
        return !(tokens.apostrophe(before) && i >= 2 && !tokens.gap(before) && tokens.word(i - 2));
    }

    /** Nothing after token {@code end - 1} continues the word: "Xi" is not mentioned in "Xi’an". */
    private static boolean endsWord(Tokens tokens, int end) {
        if (end >= tokens.size) {
            return true;
        }
        if (tokens.gap(end)) {
            return true;
        }
        if (tokens.word(end)) {
            return tokens.cjk(end) || tokens.cjk(end - 1);
        }
        return !(tokens.apostrophe(end) && end + 1 < tokens.size && !tokens.gap(end + 1) && tokens.word(end + 1));
    }

    private static boolean isUpper(String s) {
        return s.equals(s.toUpperCase(Locale.ROOT)) && !s.equals(s.toLowerCase(Locale.ROOT));
    }

    /**
     * The tokens of a text — words, CJK characters and punctuation marks — found in one pass, as offsets into the
     * text and flags in parallel arrays: no object per token. A token's key (how the trie knows it: a word in lower
     * case, in NFC and folded by the inflection; a punctuation mark in its common form) is read from the text
     * character by character when that gives the same as the string operations would; a word for which it would
     * not (characters NFC might change, İ, Σ, or characters outside the Basic Multilingual Plane) has its key made
     * as a string once, when the text is tokenized.
     */
    static final class Tokens {
        static final int GAP = 1;
        static final int WORD = 2;
        static final int CJK = 4;
        static final int APOSTROPHE = 8;

        final String text;
        /** The text's characters, read once: the loops below read each several times. */
        final char[] chars;
        final Inflection inflection;
        int size;
        int[] start;
        int[] end;
        byte[] flags;
        /** The keys of the tokens whose key is not read character by character from the text, else null. */
        String[] keys;

        private Tokens(String text, Inflection inflection) {
            this.text = text;
            this.chars = text.toCharArray();
            this.inflection = inflection;
            int capacity = Math.max(4, text.length() / 4);
            start = new int[capacity];
            end = new int[capacity];
            flags = new byte[capacity];
        }

        static Tokens of(String s, Inflection inflection) {
            Tokens t = new Tokens(s, inflection);
            int i = 0;
            boolean gap = false;
            char[] cs = t.chars;
            int length = cs.length;
            while (i < length) {
                char c = cs[i];
                int cp = Character.isHighSurrogate(c) ? Character.codePointAt(cs, i) : c;
                int len = Character.charCount(cp);
                if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                    gap = true;
                    i += len;
                    continue;
                }
                int f = gap ? GAP : 0;
                if (MentionMatcher.cjk(cp)) {
                    t.add(i, i + len, f | WORD | CJK, null);
                } else if (wordChar(cp)) {
                    int j = i + len;
                    boolean plain = plain(cp);
                    while (j < length) {
                        char d = cs[j];
                        int c2 = Character.isHighSurrogate(d) ? Character.codePointAt(cs, j) : d;
                        if (!wordChar(c2) || MentionMatcher.cjk(c2)) {
                            break;
                        }
                        plain &= plain(c2);
                        j += Character.charCount(c2);
                    }
                    String key = plain ? null
                            : inflection.fold(nfc(s.substring(i, j)).toLowerCase(Locale.ROOT));
                    t.add(i, j, f | WORD, key);
                    i = j;
                    gap = false;
                    continue;
                } else {
                    t.add(i, i + len, f | (MentionMatcher.apostrophe(cp) ? APOSTROPHE : 0), null);
                }
                i += len;
                gap = false;
            }
            return t;
        }

        private void add(int from, int to, int f, String key) {
            if (size == start.length) {
                int capacity = size * 2;
                start = java.util.Arrays.copyOf(start, capacity);
                end = java.util.Arrays.copyOf(end, capacity);
                flags = java.util.Arrays.copyOf(flags, capacity);
                if (keys != null) {
                    keys = java.util.Arrays.copyOf(keys, capacity);
                }
            }
            if (key != null && keys == null) {
                keys = new String[start.length];
            }
            start[size] = from;
            end[size] = to;
            flags[size] = (byte) f;
            if (keys != null) {
                keys[size] = key;
            }
            size++;
        }

        boolean gap(int i) {
            return (flags[i] & GAP) != 0;
        }

        boolean word(int i) {
            return (flags[i] & WORD) != 0;
        }

        boolean cjk(int i) {
            return (flags[i] & CJK) != 0;
        }

        boolean apostrophe(int i) {
            return (flags[i] & APOSTROPHE) != 0;
        }

        /** The token as written (a word in NFC). */
        String text(int i) {
            String t = text.substring(start[i], end[i]);
            return word(i) && !cjk(i) ? nfc(t) : t;
        }

        /** The token's key as a string (for forms being added, and for tests). */
        String key(int i) {
            Lookup look = new Lookup();
            look.read(this, i);
            return new String(look.key, 0, look.length);
        }

        /** Writes token {@code i}'s key into {@code look}'s key buffer; returns its length. */
        int keyInto(int i, Lookup look) {
            String made = keys == null ? null : keys[i];
            if (made != null) {
                char[] buf = look.key(made.length());
                made.getChars(0, made.length(), buf, 0);
                return made.length();
            }
            int from = start[i];
            int n = end[i] - from;
            char[] buf = look.key(n);
            if (!word(i)) {
                // Apostrophes and hyphens written in any of their Unicode forms compare as one.
                char c = chars[from];
                char common = n == 1 ? punctuation(c) : 0;
                if (common != 0) {
                    buf[0] = common;
                    return 1;
                }
                System.arraycopy(chars, from, buf, 0, n);
                return n;
            }
            if (cjk(i)) {
                System.arraycopy(chars, from, buf, 0, n);
                return n;
            }
            for (int k = 0; k < n; k++) {
                buf[k] = inflection.fold(Character.toLowerCase(chars[from + k]));
            }
            return n;
        }

        /** Whether token {@code i}'s key is the one letter {@code c} (in lower case). */
        boolean keyIs(int i, char c) {
            if (keys != null && keys[i] != null) {
                return keys[i].length() == 1 && keys[i].charAt(0) == c;
            }
            return end[i] - start[i] == 1 && keyChar(i, start[i]) == c;
        }

        /** Whether token {@code i}'s key ends with the letter {@code c} (in lower case). */
        boolean keyEndsWith(int i, char c) {
            if (keys != null && keys[i] != null) {
                return keys[i].endsWith(String.valueOf(c));
            }
            return keyChar(i, end[i] - 1) == c;
        }

        private char keyChar(int i, int at) {
            char c = chars[at];
            if (!word(i)) {
                char common = end[i] - start[i] == 1 ? punctuation(c) : 0;
                return common != 0 ? common : c;
            }
            return cjk(i) ? c : inflection.fold(Character.toLowerCase(c));
        }
    }

    /**
     * Whether a word character's key may be read on its own — lower-cased by {@link Character#toLowerCase(char)} —
     * with the same result as {@code String.toLowerCase(Locale.ROOT)} and NFC on the whole word: a character of
     * the Basic Multilingual Plane below U+0300 (none of them is changed by NFC, and a combining mark after one is
     * not plain) other than İ (lower-cased to two characters), or a Cyrillic letter, or an Arabic letter or digit
     * (Persian); never Σ, whose lower case depends on its place in the word.
     */
    private static boolean plain(int cp) {
        if (cp < 0x300) {
            return cp != 0x130;
        }
        if (cp >= 0x400 && cp <= 0x4FF) {
            int type = Character.getType(cp);
            return type == Character.UPPERCASE_LETTER || type == Character.LOWERCASE_LETTER;
        }
        if (cp >= 0x620 && cp <= 0x6FF) {
            int type = Character.getType(cp);
            return type == Character.OTHER_LETTER || type == Character.DECIMAL_DIGIT_NUMBER;
        }
        return false;
    }

    private static boolean apostrophe(int cp) {
        return cp == '\'' || punctuation(cp) == '\'';
    }

    /** The word in NFC; a word without characters from U+0300 on (no combining marks) is in NFC already. */
    private static String nfc(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (word.charAt(k) >= '\u0300') {
                return Normalizer.normalize(word, Normalizer.Form.NFC);
            }
        }
        return word;
    }

    private static boolean wordChar(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean cjk(int cp) {
        if (cp < 0x2E80) {
            return false; // below the CJK radicals: Latin, Cyrillic, Arabic… (the script lookup is a binary search)
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    /** Apostrophes and hyphens written in any of their Unicode forms compare as one: the common form, else 0. */
    private static char punctuation(int cp) {
        return switch (cp) {
            case '\u2019', '\u02BC', '\u2018', '\u00B4', '`' -> '\'';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u00AD' -> '-';
            default -> 0;
        };
    }
}
