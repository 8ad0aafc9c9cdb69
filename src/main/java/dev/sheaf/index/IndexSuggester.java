package dev.sheaf.index;

import dev.sheaf.model.Block;
import dev.sheaf.model.Book;
import dev.sheaf.model.BookIndex;
import dev.sheaf.model.Chapter;
import dev.sheaf.model.Inline;
import dev.sheaf.model.Piece;
import dev.sheaf.model.Walk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proposes index entries from the book itself, with no network and no language model: names that recur across
 * pieces (runs of capitalised words such as "Shanghai Cooperation Organisation", acronyms such as "CSTO"), the
 * countries and capitals of a gazetteer, and what the book's own metadata already names (tags, chapter
 * titles). Every candidate is then counted with the same {@link MentionMatcher} the build uses, so the counts
 * are what the index will find. Guesses a kind, joins a surname to its full name ("Xi" to "Xi Jinping") and an
 * acronym to its expansion.
 */
public final class IndexSuggester {

    /** One proposed entry: its term, other forms, a guessed kind (null when unsure), mentions and pieces. */
    public record Suggestion(String term, List<String> forms, BookIndex.Kind kind, int mentions, int pieces,
                             String why) { }

    /** A run of capitalised words, joined by spaces or the small words of names ("Bank of China"). */
    private static final Pattern NAME = Pattern.compile(
            "(?<![\\p{L}\\p{N}'’-])(\\p{Lu}[\\p{L}\\p{M}'’.-]*(?:(?: (?:of|the|for|de|al|bin|von|van|der|la|le|du))*"
                    + " \\p{Lu}[\\p{L}\\p{M}'’.-]*)*)");
    private static final Pattern ACRONYM = Pattern.compile("(?<![\\p{L}\\p{N}])(\\p{Lu}{2,6}s?)(?![\\p{L}\\p{N}])");
    private static final Set<String> ORGANISATION_WORDS = Set.of("organisation", "organization", "council",
            "ministry", "party", "bank", "union", "forum", "institute", "army", "corporation", "agency", "committee",
            "company", "group", "alliance", "treaty", "fund", "commission", "parliament", "assembly", "office",
            "association", "university", "service", "services", "front", "movement", "court", "guard", "navy",
            "force", "forces", "congress", "government", "times", "post", "news", "foundation", "initiative");
    private static final Set<String> TITLES = Set.of("president", "prime", "minister", "mr", "mrs", "ms", "dr",
            "general", "foreign", "secretary", "chairman", "premier", "king", "queen", "prince", "sheikh", "senator");
    /** Capitalised words that begin sentences or headings and name nothing. */
    private static final Set<String> STOP = Set.of("the", "a", "an", "in", "on", "at", "but", "and", "or", "if",
            "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her",
            "their", "our", "my", "there", "here", "what", "when", "where", "which", "who", "why", "how", "while",
            "however", "yet", "so", "as", "for", "of", "to", "from", "with", "by", "after", "before", "since",
            "during", "instead", "still", "also", "even", "then", "now", "all", "some", "many", "most", "much",
            "more", "one", "two", "three", "first", "second", "last", "next", "both", "each", "every", "no", "not",
            "nor", "such", "other", "another", "any", "few", "only", "just", "rather", "indeed", "thus", "although",
            "though", "because", "whether", "mr", "mrs", "ms", "dr", "january", "february", "march", "april", "may",
            "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday", "is", "was", "are", "were", "be", "has",
            "have", "had", "do", "does", "did", "will", "would", "can", "could", "should", "must", "might",
            "chapter", "part", "page", "see", "yes", "ok", "let", "once", "over", "under", "about", "into", "like",
            "until", "unless", "whereas", "meanwhile", "moreover", "furthermore", "therefore", "nevertheless",
            "today", "tomorrow", "yesterday", "perhaps", "clearly", "certainly", "equally", "similarly", "finally",
            "again", "already", "always", "never", "often", "sometimes", "ultimately", "beyond", "within",
            "without", "across", "against", "between", "among", "through", "around", "above", "below", "up",
            "down", "out", "off", "well", "very", "too", "less", "least", "same", "own", "new", "old", "great",
            "big", "small", "long", "short", "high", "low", "good", "bad", "right", "left", "true", "false");
    /** Acronyms that are words in capitals, roman numerals or units rather than names. */
    private static final Set<String> NOT_ACRONYMS = Set.of("I", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI",
            "XII", "AM", "PM", "OK", "TV", "A", "AN", "THE", "AND", "OR", "OF", "TO", "IN", "ON", "IS", "IT", "BE",
            "NO", "SO", "AT", "BY", "AS", "WE", "HE", "MY", "US", "ME", "DO");

    private final Book book;

    public IndexSuggester(Book book) {
        this.book = book;
    }

    /** What {@link #forBook} found: the index.yaml to write (absent when the book could not be read). */
    public record Result(java.util.Optional<String> yaml, int suggestions, List<dev.sheaf.diag.Diagnostic> diagnostics) { }

    /**
     * A name in more than this share of the pieces is too common to index usefully: its locators would be most of
     * the book. Such names are written as comments, with their counts.
     */
    public static final int TOO_COMMON_PERCENT = 50;
    /** Below this many pieces a share says little (two of three pieces is not "everywhere"): nothing is left out. */
    static final int TOO_COMMON_FROM = 20;

    /** Reads the book in {@code bookDir} (problems are reported, nothing is written) and suggests its index. */
    public static Result forBook(java.nio.file.Path bookDir, int minPieces) {
        return forBook(bookDir, minPieces, TOO_COMMON_PERCENT);
    }

    /**
     * As {@link #forBook(java.nio.file.Path, int)}; names in more than {@code tooCommonPercent} percent of the pieces
     * are written as comments (100: none is).
     */
    public static Result forBook(java.nio.file.Path bookDir, int minPieces, int tooCommonPercent) {
        dev.sheaf.diag.Diagnostics diags = new dev.sheaf.diag.Diagnostics();
        java.util.Optional<Book> book = new dev.sheaf.read.BookReader(bookDir.toAbsolutePath().normalize(), diags).read();
        if (book.isEmpty()) {
            return new Result(java.util.Optional.empty(), 0, diags.all());
        }
        List<Suggestion> found = new IndexSuggester(book.get()).suggest(minPieces);
        int pieces = book.get().pieces().size();
        long kept = found.stream().filter(s -> !tooCommon(s, pieces, tooCommonPercent)).count();
        return new Result(java.util.Optional.of(yaml(found, pieces, tooCommonPercent)), (int) kept, diags.all());
    }

    /** Whether {@code s} is in more than {@code percent} percent of a book's {@code pieceCount} pieces. */
    static boolean tooCommon(Suggestion s, int pieceCount, int percent) {
        return pieceCount >= TOO_COMMON_FROM && percent < 100 && s.pieces() * 100L > (long) percent * pieceCount;
    }

    /**
     * The suggestions, most mentioned first within each kind (people, places, organisations, the rest).
     *
     * @param minPieces a name must occur in at least this many pieces, unless the gazetteer or the book's
     *                  metadata names it
     */
    public List<Suggestion> suggest(int minPieces) {
        List<String> texts = new ArrayList<>();
        List<Integer> pieceOf = new ArrayList<>();
        List<Piece> pieces = book.pieces();
        for (int i = 0; i < pieces.size(); i++) {
            for (String run : runs(pieces.get(i))) {
                texts.add(run);
                pieceOf.add(i);
            }
        }
        Map<String, String> why = new LinkedHashMap<>();
        Map<String, BookIndex.Kind> known = new HashMap<>();
        Map<String, List<String>> knownForms = new HashMap<>();
        gazetteer(why, known, knownForms);
        metadata(why);
        Map<String, Integer> firstSeen = new HashMap<>();
        for (String text : texts) {
            Matcher m = NAME.matcher(text);
            while (m.find()) {
                for (String name : names(text, m.start(1), m.group(1))) {
                    firstSeen.merge(name, 1, Integer::sum);
                    why.putIfAbsent(name, "name");
                }
            }
            Matcher a = ACRONYM.matcher(text);
            while (a.find()) {
                String acronym = a.group(1).endsWith("s") ? a.group(1).substring(0, a.group(1).length() - 1) : a.group(1);
                if (acronym.length() >= 2 && !NOT_ACRONYMS.contains(acronym)) {
                    why.putIfAbsent(acronym, "acronym");
                }
            }
        }
        // Count every candidate as the build would find it.
        List<String> candidates = new ArrayList<>(why.keySet());
        MentionMatcher matcher = new MentionMatcher(Inflection.of(book.meta().language()));
        Map<Integer, Integer> slot = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            int owner = matcher.add(candidates.get(i), i);
            slot.put(i, owner < 0 ? i : owner);
            for (String f : knownForms.getOrDefault(candidates.get(i), List.of())) {
                matcher.add(f, i);
            }
        }
        int[] mentions = new int[candidates.size()];
        List<Set<Integer>> inPieces = new ArrayList<>();
        candidates.forEach(c -> inPieces.add(new HashSet<>()));
        for (int t = 0; t < texts.size(); t++) {
            for (MentionMatcher.Match m : matcher.find(texts.get(t), IndexProcessor.addresses(texts.get(t)))) {
                mentions[m.entry()]++;
                inPieces.get(m.entry()).add(pieceOf.get(t));
            }
        }
        List<Suggestion> out = new ArrayList<>();
        Set<String> absorbed = new HashSet<>();
        Set<String> vouched = new HashSet<>();
        why.forEach((c, reason) -> {
            if (!reason.equals("name") && !reason.equals("acronym")) {
                vouched.add(c);
            }
        });
        Map<String, List<String>> extraForms = joinForms(candidates, mentions, vouched, absorbed);
        // An entry that took over another's forms takes over its mentions too (the matcher never counts one twice).
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            index.put(candidates.get(i), i);
        }
        extraForms.forEach((keeper, others) -> {
            int k = index.get(keeper);
            for (String o : others) {
                Integer j = index.get(o);
                if (j != null) {
                    mentions[k] += mentions[j];
                    inPieces.get(k).addAll(inPieces.get(j));
                }
            }
        });
        for (int i = 0; i < candidates.size(); i++) {
            String c = candidates.get(i);
            String reason = why.get(c);
            boolean sure = vouched.contains(c);
            int need = sure ? 1 : minPieces;
            if (absorbed.contains(c) || mentions[i] == 0 || inPieces.get(i).size() < need
                    || !sure && mentions[i] < 2) {
                continue;
            }
            List<String> forms = new ArrayList<>(knownForms.getOrDefault(c, List.of()));
            forms.addAll(extraForms.getOrDefault(c, List.of()));
            BookIndex.Kind kind = known.containsKey(c) ? known.get(c) : guess(c, forms, sure ? Map.of() : firstSeen);
            out.add(new Suggestion(c, List.copyOf(new LinkedHashSet<>(forms)), kind, mentions[i], inPieces.get(i).size(),
                    reason));
        }
        out.sort(Comparator.comparingInt((Suggestion s) -> s.kind() == null ? 9 : s.kind().ordinal())
                .thenComparing(Comparator.comparingInt(Suggestion::mentions).reversed())
                .thenComparing(Suggestion::term));
        return out;
    }

    /**
     * The suggestions as an {@code index.yaml} to edit: grouped by kind, each with its counts and why it was
     * proposed in a comment, so that the author deletes what the index should not list.
     */
    public static String yaml(List<Suggestion> suggestions, int pieceCount) {
        return yaml(suggestions, pieceCount, TOO_COMMON_PERCENT);
    }

    /**
     * As {@link #yaml(List, int)}; names in more than {@code tooCommonPercent} percent of the pieces come last, as
     * comments with their counts ("mentioned in 1,999 of 2,000 pieces: too common to index usefully").
     */
    public static String yaml(List<Suggestion> suggestions, int pieceCount, int tooCommonPercent) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Suggested by \"sheaf index suggest\" from ").append(pieceCount).append(" pieces. Keep the entries\n")
                .append("# the index should list, delete the others, add the forms the pieces use (\"Xi Jinping: [Xi]\"),\n")
                .append("# then run \"sheaf check\": it names entries that match nothing. After each entry: mentions\n")
                .append("# found, in how many pieces, and why it was suggested.\n")
                // No title: the heading is then the book language's word for an index ("Index", "Указатель").
                .append("# title: Index of Names    (the heading; without it, the book language's word for an index)\n")
                .append("separate: false\n")
                .append("# dense-above: ").append(IndexSpec.DENSE_ABOVE)
                .append("    (\"sheaf check\" warns about an entry mentioned in more pieces than this)\n")
                .append("entries:\n");
        BookIndex.Kind group = null;
        boolean first = true;
        List<Suggestion> common = new ArrayList<>();
        for (Suggestion s : suggestions) {
            if (tooCommon(s, pieceCount, tooCommonPercent)) {
                common.add(s);
                continue;
            }
            if (first || s.kind() != group) {
                sb.append("\n  # ").append(s.kind() == null ? "Other names and subjects (give each a kind)"
                        : switch (s.kind()) {
                            case PERSON -> "People";
                            case PLACE -> "Places";
                            case ORGANISATION -> "Organisations";
                            case SUBJECT -> "Subjects";
                        }).append('\n');
                group = s.kind();
                first = false;
            }
            String line = "  " + entryLine(s);
            sb.append(line).append(" ".repeat(Math.max(1, 60 - line.length())))
                    .append("# ").append(s.mentions()).append(" in ").append(s.pieces())
                    .append(s.pieces() == 1 ? " piece" : " pieces").append(" (").append(s.why()).append(")\n");
        }
        if (!common.isEmpty()) {
            sb.append("\n  # Too common to index usefully: each is mentioned in more than ").append(tooCommonPercent)
                    .append(" % of the pieces, so its\n")
                    .append("  # locators would be most of the book. To keep one, uncomment it and add sub-entries for what\n")
                    .append("  # the pieces say about it (\"China › and Russia\": [forms]); \"sheaf check\" warns about an entry\n")
                    .append("  # in more pieces than \"dense-above:\" allows (IDX-009).\n");
            for (Suggestion s : common) {
                String line = "  # " + entryLine(s);
                sb.append(line).append(" ".repeat(Math.max(1, 60 - line.length())))
                        .append("# mentioned in ").append(String.format(Locale.ROOT, "%,d of %,d", s.pieces(), pieceCount))
                        .append(" pieces: too common to index usefully\n");
            }
        }
        return sb.toString();
    }

    /** "Term: {forms: […], kind: …}" as written in index.yaml. */
    private static String entryLine(Suggestion s) {
        List<String> fields = new ArrayList<>();
        if (!s.forms().isEmpty()) {
            fields.add("forms: [" + String.join(", ", s.forms().stream().map(IndexSuggester::scalar).toList()) + "]");
        }
        if (s.kind() != null) {
            fields.add("kind: " + s.kind().id());
        }
        return scalar(s.term()) + ":" + (fields.isEmpty() ? "" : " {" + String.join(", ", fields) + "}");
    }

    /** A YAML scalar: plain where YAML reads it back as the same string, else double-quoted. */
    static String scalar(String s) {
        boolean plain = s.matches("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N} .'’-]*")
                && !s.matches("(?i)y|n|yes|no|true|false|on|off|null|~|[0-9].*") && !s.endsWith(" ");
        if (plain) {
            return s;
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * The candidates in a run of capitalised words: the run itself without a leading small word ("The
     * Taliban" → "Taliban"); a single word only where it does not begin a sentence.
     */
    private static List<String> names(String text, int start, String run) {
        // A word ending in a full stop ends a sentence: the run stops there ("China. The" is "China").
        // So does a possessive: "China’s Belt" is "China".
        String name = run;
        Matcher end = Pattern.compile("\\. |['’]s ").matcher(name);
        if (end.find()) {
            name = name.substring(0, end.start());
        }
        name = name.replaceAll("['’]s?$", "").replaceAll("[.-]+$", "");
        String[] words = name.split(" ");
        int from = 0;
        // Small words and titles before a name are not part of it: "The Taliban", "President Xi".
        while (from < words.length - 1 && (STOP.contains(words[from].toLowerCase(Locale.ROOT))
                || TITLES.contains(words[from].toLowerCase(Locale.ROOT))
                && !ORGANISATION_WORDS.contains(words[words.length - 1].toLowerCase(Locale.ROOT)))) {
            from++;
        }
        if (from == words.length - 1 && STOP.contains(words[from].toLowerCase(Locale.ROOT))) {
            from++;
        }
        int to = words.length;
        while (to > from && STOP.contains(words[to - 1].toLowerCase(Locale.ROOT))) {
            to--;
        }
        if (from >= to) {
            return List.of();
        }
        String kept = String.join(" ", java.util.Arrays.asList(words).subList(from, to));
        String last = words[to - 1];
        if (adjective(last) || last.endsWith("s") && adjective(last.substring(0, last.length() - 1))) {
            return List.of(); // "Central Asian", "the Kazakhs": the index lists the place
        }
        if (to - from == 1) {
            boolean sentenceStart = from == 0 && startsSentence(text, start);
            if (sentenceStart || kept.length() < 2 || kept.equals(kept.toUpperCase(Locale.ROOT)) || adjective(kept)) {
                return List.of();
            }
        }
        return List.of(kept);
    }

    /**
     * Words that describe rather than name: demonyms and other adjectives ("Russian", "Chinese", "Western",
     * "European") and compounds such as "Russian-led"; the index lists what they derive from.
     */
    static boolean adjective(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        int hyphen = w.lastIndexOf('-');
        if (hyphen > 0 && hyphen + 1 < word.length() && Character.isLowerCase(word.charAt(hyphen + 1))) {
            return true;
        }
        return w.endsWith("ian") || w.endsWith("ese") || w.endsWith("ean") || w.endsWith("ern") || w.endsWith("ish")
                || w.endsWith("ic") && !w.endsWith("republic") || w.endsWith("can") || w.endsWith("ghan")
                || w.endsWith("zakh") || w.endsWith("viet");
    }

    private static boolean startsSentence(String text, int at) {
        int i = at - 1;
        while (i >= 0 && (Character.isWhitespace(text.charAt(i)) || "\"“‘'([".indexOf(text.charAt(i)) >= 0)) {
            i--;
        }
        return i < 0 || ".!?:;…—–".indexOf(text.charAt(i)) >= 0;
    }

    /**
     * Surnames and acronyms join the entry they abbreviate: "Xi" (also used alone) becomes a form of "Xi Jinping"
     * when that is the only name it ends or starts; "CSTO" and "Collective Security Treaty Organization" become
     * one entry under the more frequent of the two.
     */
    private static Map<String, List<String>> joinForms(List<String> candidates, int[] mentions,
                                                       Set<String> vouched, Set<String> absorbed) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            at.put(candidates.get(i), i);
        }
        Map<String, List<String>> forms = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            String c = candidates.get(i);
            if (mentions[i] == 0) {
                continue;
            }
            String[] words = c.split(" ");
            if (words.length >= 2 && words.length <= 4) {
                // Acronym of the words' initials (small words skipped).
                StringBuilder initials = new StringBuilder();
                for (String w : words) {
                    if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
                        initials.append(w.charAt(0));
                    }
                }
                Integer acr = at.get(initials.toString());
                if (initials.length() >= 2 && acr != null && mentions[acr] > 0 && !absorbed.contains(c)) {
                    String keep = mentions[acr] >= mentions[i] ? initials.toString() : c;
                    String other = keep.equals(c) ? initials.toString() : c;
                    forms.computeIfAbsent(keep, k -> new ArrayList<>()).add(other);
                    absorbed.add(other);
                }
            }
        }
        for (int i = 0; i < candidates.size(); i++) {
            String c = candidates.get(i);
            String[] words = c.split(" ");
            if (words.length != 1 || mentions[i] == 0 || absorbed.contains(c)) {
                continue;
            }
            if (vouched.contains(c)) {
                continue; // a country or a tag is an entry of its own, never a surname
            }
            List<String> fullNames = new ArrayList<>();
            for (int j = 0; j < candidates.size(); j++) {
                String[] w = candidates.get(j).split(" ");
                if (j != i && w.length == 2 && mentions[j] > 0 && !absorbed.contains(candidates.get(j))
                        && !vouched.contains(candidates.get(j))
                        && java.util.Arrays.stream(w).allMatch(x -> Character.isUpperCase(x.charAt(0)))
                        && (w[w.length - 1].equals(c) || w[0].equals(c))
                        && !ORGANISATION_WORDS.contains(w[w.length - 1].toLowerCase(Locale.ROOT))) {
                    fullNames.add(candidates.get(j));
                }
            }
            fullNames.removeIf(f -> TITLES.contains(f.split(" ")[0].toLowerCase(Locale.ROOT)));
            if (fullNames.size() == 1) {
                forms.computeIfAbsent(fullNames.get(0), k -> new ArrayList<>()).add(c);
                absorbed.add(c);
            }
        }
        return forms;
    }

    /** A kind from the words of the name: an organisation's words, a title before a name, or a surname used alone. */
    private static BookIndex.Kind guess(String term, List<String> forms, Map<String, Integer> seen) {
        String[] words = term.split(" ");
        if (term.equals(term.toUpperCase(Locale.ROOT)) && term.length() <= 6
                || forms.stream().anyMatch(f -> f.equals(f.toUpperCase(Locale.ROOT)))) {
            return BookIndex.Kind.ORGANISATION;
        }
        for (String w : words) {
            if (ORGANISATION_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
                return BookIndex.Kind.ORGANISATION;
            }
        }
        if (words.length >= 2 && words.length <= 3 && (forms.stream().anyMatch(f -> f.equals(words[words.length - 1])
                || f.equals(words[0])) || seen.containsKey(words[words.length - 1]))) {
            return BookIndex.Kind.PERSON; // a name whose surname is also used alone
        }
        return null;
    }

    /** Countries and capitals of the gazetteer: candidates vouched for, of kind place, with their other names. */
    private static void gazetteer(Map<String, String> why, Map<String, BookIndex.Kind> kinds,
                                  Map<String, List<String>> forms) {
        try (InputStream in = IndexSuggester.class.getResourceAsStream("gazetteer.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                for (String part : line.split("\\|")) {
                    String[] names = part.strip().split("\\s*/\\s*");
                    why.putIfAbsent(names[0], "gazetteer");
                    kinds.put(names[0], BookIndex.Kind.PLACE);
                    for (int i = 1; i < names.length; i++) {
                        forms.computeIfAbsent(names[0], k -> new ArrayList<>()).add(names[i]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tags of the pieces and names in chapter titles: the book's own metadata already calls them topics. */
    private void metadata(Map<String, String> why) {
        for (Piece p : book.pieces()) {
            for (String tag : p.meta().tags()) {
                if (!tag.isBlank() && Character.isLetter(tag.codePointAt(0))) {
                    why.putIfAbsent(tag.strip(), "tag");
                }
            }
        }
        for (Chapter c : book.chapters()) {
            Matcher m = NAME.matcher(c.title());
            while (m.find()) {
                for (String name : names(" " + c.title(), m.start(1) + 1, m.group(1))) {
                    why.putIfAbsent(name, "chapter title");
                }
            }
        }
    }

    /**
     * The searchable text of a piece: its paragraphs, headings, list items, table cells and notes as runs of
     * text, without code, raw HTML, citations or addresses.
     */
    static List<String> runs(Piece p) {
        List<String> out = new ArrayList<>();
        collect(p.body(), out);
        p.footnotes().forEach(n -> collect(n.content(), out));
        return out;
    }

    private static void collect(List<Block> blocks, List<String> out) {
        Walk.mapInlineLists(blocks, list -> {
            StringBuilder sb = new StringBuilder();
            text(list, sb);
            out.add(sb.toString());
            return list;
        });
    }

    private static void text(List<Inline> inlines, StringBuilder sb) {
        for (Inline i : inlines) {
            if (i instanceof Inline.Text t) {
                sb.append(t.text());
            } else if (i instanceof Inline.SoftBreak || i instanceof Inline.LineBreak) {
                sb.append(' ');
            } else if (i instanceof Inline.Emphasis e) {
                text(e.children(), sb);
            } else if (i instanceof Inline.Strong s) {
                text(s.children(), sb);
            } else if (i instanceof Inline.Strikethrough s) {
                text(s.children(), sb);
            } else if (i instanceof Inline.Link l && !Walk.text(l.children()).contains("://")) {
                text(l.children(), sb);
            } else {
                sb.append(" \u2029 "); // code, citations, notes: a break no name runs across
            }
        }
    }
}
