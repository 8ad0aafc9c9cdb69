package dev.sheaf.hyphenate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Liang's hyphenation patterns (as in TeX, LibreOffice and most word processors) for one language, with the
 * language's exceptions, and the rule that finds the odd-numbered points of a word.
 *
 * <p>Two file formats are read, both as distributed:
 * <ul>
 *   <li>LibreOffice/libhyphen {@code .dic}: the first line names the encoding ({@code UTF-8}, {@code KOI8-R},
 *       {@code ISO8859-1}…), then keywords such as {@code LEFTHYPHENMIN 2}, then one pattern a line.
 *       {@code NEXTLEVEL} separates compound-word patterns from the ordinary ones; the last level is the
 *       ordinary one and the only one kept.</li>
 *   <li>TeX's hyph-utf8 {@code .pat.txt}: UTF-8, one pattern a line.</li>
 * </ul>
 * Lines starting with {@code %} or {@code #} are comments. A TeX {@code \hyphenation{…}} block lists
 * exceptions, words with their break points written as hyphens ({@code as-best}).
 */
public final class Patterns {

    /** A node of the pattern trie: children by character, and the pattern's values when one ends here. */
    private static final class Node {
        final TreeMap<Character, Node> build = new TreeMap<>();
        char[] keys = new char[0];
        Node[] kids = new Node[0];
        byte[] values;

        Node child(char c) {
            // binary search: most nodes have few children, the root and second level many
            int lo = 0;
            int hi = keys.length - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                char k = keys[mid];
                if (k < c) {
                    lo = mid + 1;
                } else if (k > c) {
                    hi = mid - 1;
                } else {
                    return kids[mid];
                }
            }
            return null;
        }

        void freeze() {
            keys = new char[build.size()];
            kids = new Node[build.size()];
            int i = 0;
            for (Map.Entry<Character, Node> e : build.entrySet()) {
                keys[i] = e.getKey();
                kids[i] = e.getValue();
                e.getValue().freeze();
                i++;
            }
            build.clear();
        }
    }

    private final Node root = new Node();
    private final Map<String, int[]> exceptions = new HashMap<>();
    private final int leftMin;
    private final int rightMin;
    private int count;

    private Patterns(int leftMin, int rightMin) {
        this.leftMin = leftMin;
        this.rightMin = rightMin;
    }

    /** Reads a pattern file in either format; the file's own minimums are kept as defaults. */
    public static Patterns read(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        int eol = 0;
        while (eol < bytes.length && bytes[eol] != '\n' && bytes[eol] != '\r') {
            eol++;
        }
        String first = new String(bytes, 0, eol, StandardCharsets.US_ASCII).trim();
        Charset charset = StandardCharsets.UTF_8;
        int start = 0;
        if (isCharsetName(first)) {
            charset = charset(first);
            start = eol;
        }
        String text = new String(bytes, start, bytes.length - start, charset);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return parse(text);
    }

    private static boolean isCharsetName(String s) {
        if (!s.matches("[A-Za-z][A-Za-z0-9_-]*-?\\d*") || s.matches("[a-z]+")) {
            return false;
        }
        try {
            return Charset.isSupported(normalize(s));
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    private static String normalize(String name) {
        return name.toUpperCase(Locale.ROOT).replace("ISO8859", "ISO-8859").replace("MICROSOFT-CP", "windows-");
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(normalize(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static Patterns parse(String text) {
        int left = 2;
        int right = 2;
        List<List<String>> levels = new ArrayList<>();
        levels.add(new ArrayList<>());
        List<String> exceptionWords = new ArrayList<>();
        boolean inExceptions = false;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("%") || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("\\hyphenation{")) {
                inExceptions = true;
                line = line.substring("\\hyphenation{".length()).strip();
            } else if (line.startsWith("\\patterns{")) {
                line = line.substring("\\patterns{".length()).strip();
            }
            if (line.startsWith("}")) {
                inExceptions = false;
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split("\\s+");
            if (words[0].equals("LEFTHYPHENMIN") && words.length > 1) {
                left = Integer.parseInt(words[1]);
            } else if (words[0].equals("RIGHTHYPHENMIN") && words.length > 1) {
                right = Integer.parseInt(words[1]);
            } else if (words[0].equals("NEXTLEVEL")) {
                levels.add(new ArrayList<>());
            } else if (words[0].matches("[A-Z]+") && words[0].length() > 3) {
                // other libhyphen keywords (COMPOUNDLEFTHYPHENMIN, NOHYPHEN, …) concern compound words
                continue;
            } else {
                for (String w : words) {
                    if (inExceptions) {
                        exceptionWords.add(w);
                    } else if (w.indexOf('/') < 0) {
                        // a '/' marks libhyphen's non-standard hyphenation (ck → k-k), not Liang's
                        levels.get(levels.size() - 1).add(w);
                    }
                }
            }
        }
        Patterns p = new Patterns(left, right);
        List<String> patterns = levels.get(levels.size() - 1);
        if (patterns.isEmpty() && levels.size() > 1) {
            patterns = levels.get(0);
        }
        for (String pattern : patterns) {
            p.add(pattern);
        }
        p.root.freeze();
        for (String w : exceptionWords) {
            p.addException(w);
        }
        return p;
    }

    /** Adds one pattern such as {@code .ab3a} or {@code 4a1ma}: letters with the values between them. */
    private void add(String pattern) {
        StringBuilder letters = new StringBuilder();
        List<Byte> values = new ArrayList<>();
        values.add((byte) 0);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c >= '0' && c <= '9') {
                values.set(values.size() - 1, (byte) (c - '0'));
            } else {
                letters.append(Character.toLowerCase(c));
                values.add((byte) 0);
            }
        }
        if (letters.isEmpty()) {
            return;
        }
        Node n = root;
        for (int i = 0; i < letters.length(); i++) {
            n = n.build.computeIfAbsent(letters.charAt(i), k -> new Node());
        }
        byte[] v = new byte[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        n.values = v;
        count++;
    }

    private void addException(String written) {
        StringBuilder word = new StringBuilder();
        List<Integer> points = new ArrayList<>();
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c == '-') {
                points.add(word.length());
            } else {
                word.append(Character.toLowerCase(c));
            }
        }
        exceptions.put(word.toString(), points.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Reads patterns from memory (tests, and books that bring their own). */
    public static Patterns of(String text) {
        try {
            return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The minimum number of letters before a break that the pattern file asks for. */
    public int leftMin() {
        return leftMin;
    }

    /** The minimum number of letters after a break that the pattern file asks for. */
    public int rightMin() {
        return rightMin;
    }

    /** How many patterns were read. */
    public int size() {
        return count;
    }

    /**
     * The places where {@code word} (lower case, letters only) may break: each index {@code i} means a break
     * between {@code word.charAt(i - 1)} and {@code word.charAt(i)}. Points closer than {@code left} to the
     * start or {@code right} to the end are left out.
     */
    public int[] points(String word, int left, int right) {
        int n = word.length();
        if (n < left + right) {
            return new int[0];
        }
        int[] exception = exceptions.get(word);
        if (exception != null) {
            return java.util.Arrays.stream(exception).filter(i -> i >= left && i <= n - right).toArray();
        }
        // ".word." with a value slot between every two characters
        char[] w = new char[n + 2];
        w[0] = '.';
        word.getChars(0, n, w, 1);
        w[n + 1] = '.';
        byte[] values = new byte[n + 3];
        for (int start = 0; start < w.length; start++) {
            Node node = root;
            for (int i = start; i < w.length; i++) {
                node = node.child(w[i]);
                if (node == null) {
                    break;
                }
                byte[] v = node.values;
                if (v != null) {
                    for (int k = 0; k < v.length; k++) {
                        if (v[k] > values[start + k]) {
                            values[start + k] = v[k];
                        }
                    }
                }
            }
        }
        // values[j] sits before w[j]; w[j] is word.charAt(j - 1), so a break before word.charAt(i) is values[i + 1]
        int[] out = new int[n];
        int m = 0;
        for (int i = Math.max(1, left); i <= n - Math.max(1, right); i++) {
            if ((values[i + 1] & 1) == 1) {
                out[m++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, m);
    }
}
