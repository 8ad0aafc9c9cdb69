package dev.sheaf.index;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The matcher as it was before its tokenizer read the text in one pass (kept for MentionMatcherAgreementTest, which
 * checks that the two find the same mentions): every token a record with its own strings.
 *
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
final class OldMentionMatcher {

    /** A mention found: characters {@code start} to {@code end} of the text belong to entry {@code entry}. */
    record Match(int start, int end, int entry) { }

    private record Form(int entry, String[] tokens, boolean[] gaps, boolean caseSensitive) { }

    private static final class Node {
        final Map<String, Node> next = new HashMap<>(4);
        final List<Form> ends = new ArrayList<>(1);
    }

    private final Node root = new Node();
    /** Forms already taken by an entry: form key → entry. */
    private final Map<String, Integer> owners = new HashMap<>();
    private final Inflection inflection;

    /** A matcher for an English book. */
    OldMentionMatcher() {
        this(Inflection.ENGLISH);
    }

    /** A matcher that reads words with the endings of {@code inflection} (the book language's). */
    OldMentionMatcher(Inflection inflection) {
        this.inflection = inflection;
    }

    /**
     * Adds {@code form} as a mention of entry {@code entry}. Returns the entry that already owns the same form
     * (which keeps it), or {@code entry} when the form is new; -1 when the form has no word in it.
     */
    public int add(String form, int entry) {
        List<Token> tokens = tokens(form, inflection);
        if (tokens.isEmpty() || tokens.stream().noneMatch(t -> t.word)) {
            return -1;
        }
        String key = String.join("\u0001", tokens.stream().map(t -> (t.gap ? " " : "") + t.key).toList());
        Integer owner = owners.putIfAbsent(key, entry);
        if (owner != null) {
            return owner;
        }
        Node n = root;
        String[] text = new String[tokens.size()];
        boolean[] gaps = new boolean[tokens.size()];
        boolean caseSensitive = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            n = n.next.computeIfAbsent(t.key, k -> new Node());
            text[i] = t.text;
            gaps[i] = t.gap;
            caseSensitive |= !t.text.equals(t.text.toLowerCase(Locale.ROOT));
        }
        n.ends.add(new Form(entry, text, gaps, caseSensitive));
        return entry;
    }

    /** Every mention in {@code text}, left to right, the longest form winning where forms overlap. */
    public List<Match> find(String text, BitSet excluded) {
        List<Token> tokens = tokens(text, inflection);
        List<Match> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Token first = tokens.get(i);
            Candidate best = null;
            if (first.word && startsWord(tokens, i) && !excluded.get(first.start)) {
                best = longest(tokens, i);
            }
            if (best == null || excluded.get(best.endChar - 1)) {
                i++;
                continue;
            }
            out.add(new Match(first.start, best.endChar, best.form.entry));
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

    private Candidate longest(List<Token> tokens, int start) {
        List<Path> paths = List.of(new Path(root, NO_STEMS));
        Candidate best = null;
        for (int j = start; j < tokens.size() && !paths.isEmpty(); j++) {
            Token t = tokens.get(j);
            List<Path> next = new ArrayList<>(1);
            for (Path path : paths) {
                Node n = path.node.next.get(t.key);
                if (n != null) {
                    Path p = path.then(n, -1);
                    next.add(p);
                    best = better(best, accept(tokens, start, j, p, false));
                }
                if (!t.word) {
                    continue;
                }
                // A word with an ending ("Uzbeks", "Путина") ends a form whose word is the stem with its own
                // ending; in Russian it may also go on to the form's next word ("Владимира Путина").
                for (Inflection.Reading r : inflection.readings(t.key)) {
                    Node s = path.node.next.get(r.base());
                    if (s != null) {
                        Path p = path.then(s, r.stem());
                        best = better(best, accept(tokens, start, j, p, true));
                        if (inflection.everyWord()) {
                            next.add(p);
                        }
                    }
                }
            }
            paths = next;
        }
        return best;
    }

    private static Candidate better(Candidate a, Candidate b) {
        return b == null ? a : a == null || b.endChar > a.endChar ? b : a;
    }

    /**
     * The first form ending at the node of {@code path} (token {@code last}) that the text really matches, or
     * null; {@code inflected}: the last token was read with an ending (and so takes no possessive).
     */
    private Candidate accept(List<Token> tokens, int start, int last, Path path, boolean inflected) {
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
            return new Candidate(f, end, tokens.get(end - 1).end);
        }
        return null;
    }

    private boolean matches(Form f, List<Token> tokens, int start, int[] stems) {
        for (int k = 0; k < f.tokens.length; k++) {
            Token t = tokens.get(start + k);
            if (k > 0 && t.gap != f.gaps[k]) {
                return false;
            }
            if (!f.caseSensitive || !t.word) {
                continue; // punctuation was compared in its common form by the trie
            }
            String want = inflection.fold(f.tokens[k]);
            String have = inflection.fold(t.text);
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
    private static int possessive(List<Token> tokens, int end) {
        if (end < tokens.size() && tokens.get(end).apostrophe && !tokens.get(end).gap) {
            if (end + 1 < tokens.size() && !tokens.get(end + 1).gap && tokens.get(end + 1).key.equals("s")
                    && endsWord(tokens, end + 2)) {
                return end + 2;
            }
            if (tokens.get(end - 1).key.endsWith("s") && endsWord(tokens, end + 1)) {
                return end + 1;
            }
        }
        return end;
    }

    /** The token before {@code i} does not run into it: "O’Brien" is not a mention of "Brien". */
    private static boolean startsWord(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (i == 0 || t.gap) {
            return true;
        }
        Token before = tokens.get(i - 1);
        if (before.word) {
            return before.cjk || t.cjk; // Chinese and Japanese run words together
        }
        return !(before.apostrophe && i >= 2 && !before.gap && tokens.get(i - 2).word);
    }

    /** Nothing after token {@code end - 1} continues the word: "Xi" is not mentioned in "Xi’an". */
    private static boolean endsWord(List<Token> tokens, int end) {
        if (end >= tokens.size()) {
            return true;
        }
        Token next = tokens.get(end);
        if (next.gap) {
            return true;
        }
        if (next.word) {
            return next.cjk || tokens.get(end - 1).cjk;
        }
        return !(next.apostrophe && end + 1 < tokens.size() && !tokens.get(end + 1).gap && tokens.get(end + 1).word);
    }

    private static boolean isUpper(String s) {
        return s.equals(s.toUpperCase(Locale.ROOT)) && !s.equals(s.toLowerCase(Locale.ROOT));
    }

    /** A word, a CJK character or a punctuation mark, with its place in the text. */
    record Token(String text, String key, int start, int end, boolean gap, boolean word, boolean cjk,
                         boolean apostrophe) { }

    static List<Token> tokens(String s, Inflection inflection) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        boolean gap = false;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                gap = true;
                i += len;
                continue;
            }
            if (cjk(cp)) {
                String t = s.substring(i, i + len);
                out.add(new Token(t, t, i, i + len, gap, true, true, false));
            } else if (wordChar(cp)) {
                int j = i + len;
                while (j < s.length()) {
                    int c = s.codePointAt(j);
                    if (!wordChar(c) || cjk(c)) {
                        break;
                    }
                    j += Character.charCount(c);
                }
                String t = nfc(s.substring(i, j));
                out.add(new Token(t, inflection.fold(t.toLowerCase(Locale.ROOT)), i, j, gap, true, false, false));
                i = j;
                gap = false;
                continue;
            } else {
                String t = s.substring(i, i + len);
                String key = punctuation(cp);
                out.add(new Token(t, key, i, i + len, gap, false, false, key.equals("'")));
            }
            i += len;
            gap = false;
        }
        return out;
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

    /** Apostrophes and hyphens written in any of their Unicode forms compare as one. */
    private static String punctuation(int cp) {
        return switch (cp) {
            case '\u2019', '\u02BC', '\u2018', '\u00B4', '`' -> "'";
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u00AD' -> "-";
            default -> new String(Character.toChars(cp));
        };
    }
}
