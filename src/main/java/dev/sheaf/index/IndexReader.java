package dev.sheaf.index;

import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.BookIndex;
import dev.sheaf.model.SourceRef;
import dev.sheaf.read.FieldNames;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the author's index: {@code index.yaml} in the book folder or, when there is none, the {@code index:}
 * mapping of {@code book.yaml}. An entry is written as
 * <pre>
 * entries:
 *   Tokayev:                                   # the term is its own form
 *   Xi Jinping: [Xi, President Xi, 习近平]      # further forms
 *   CSTO: {forms: [Collective Security Treaty Organization], kind: organisation}
 *   Russia:
 *     kind: place
 *     sub:
 *       and China: [Sino-Russian]              # a sub-entry, also writable as "Russia › and China"
 *   Muscovy: {see: Russia}
 * </pre>
 * or as a list of terms and {@code {term: …}} mappings. Every problem is reported with its line and column.
 */
public final class IndexReader {

    static final String FILE = "index.yaml";
    /** Separates an entry from its sub-entry in a key; "&gt;" is accepted for keyboards without "›". */
    static final String SUB = " › ";
    // Also the schema's fields (index.schema.json); BookSchemasTest checks that they agree.
    static final Set<String> TOP = Set.of("title", "separate", "dense-above", "entries");
    static final Set<String> ENTRY_FIELDS = Set.of("term", "forms", "kind", "sort", "see", "see-also", "sub");
    private static final Map<String, BookIndex.Kind> KINDS = kinds();

    private final Path root;
    private final Diagnostics diags;
    private SourceRef file;

    public IndexReader(Path root, Diagnostics diags) {
        this.root = root;
        this.diags = diags;
    }

    /**
     * Whether the book in {@code root} seems to have an index, without reading it: there is an index.yaml, or
     * book.yaml has a line that begins with {@code index:}. A hint for work begun early, which a wrong answer
     * only wastes or delays: {@link #read} is what decides.
     */
    public static boolean likely(Path root) {
        if (Files.isRegularFile(root.resolve(FILE))) {
            return true;
        }
        try (java.util.stream.Stream<String> lines = Files.lines(root.resolve("book.yaml"), StandardCharsets.UTF_8)) {
            return lines.anyMatch(l -> l.startsWith("index:"));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** The index, or empty when the book has none (or it could not be read: that is reported). */
    public Optional<IndexSpec> read() {
        Path own = root.resolve(FILE);
        if (Files.isRegularFile(own)) {
            file = SourceRef.of(Path.of(FILE));
            return compose(own).flatMap(this::index);
        }
        Path book = root.resolve("book.yaml");
        if (!Files.isRegularFile(book)) {
            return Optional.empty();
        }
        file = SourceRef.of(Path.of("book.yaml"));
        Optional<Node> manifest = compose(book);
        if (manifest.isEmpty() || !(manifest.get() instanceof MappingNode map)) {
            return Optional.empty(); // book.yaml's own reader reports what is wrong with it
        }
        for (NodeTuple t : map.getValue()) {
            if ("index".equals(scalar(t.getKeyNode()))) {
                return index(t.getValueNode());
            }
        }
        return Optional.empty();
    }

    private Optional<Node> compose(Path path) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (CharacterCodingException e) {
            diags.report(MessageId.IO_002, file, "?");
            return Optional.empty();
        } catch (IOException e) {
            diags.report(MessageId.IO_001, file, e.getMessage());
            return Optional.empty();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).setMaxAliasesForCollections(50)
                .setAllowRecursiveKeys(false).setCodePointLimit(4 << 20).build();
        try {
            return new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            SourceRef at = e.getProblemMark().map(m -> file.at(m.getLine() + 1, m.getColumn() + 1)).orElse(file);
            diags.report(MessageId.IDX_001, at, e.getProblem());
        } catch (YamlEngineException | IllegalArgumentException e) {
            diags.report(MessageId.IDX_001, file, e.getMessage());
        }
        return Optional.empty();
    }

    private Optional<IndexSpec> index(Node node) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            return Optional.empty();
        }
        if (node instanceof SequenceNode) {
            return Optional.of(new IndexSpec(null, false, entries(node), IndexSpec.DENSE_ABOVE));
        }
        if (!(node instanceof MappingNode map)) {
            diags.report(MessageId.IDX_001, at(node), "it must be a mapping with \"entries:\" or a list of entries");
            return Optional.empty();
        }
        boolean structured = map.getValue().stream().anyMatch(t -> "entries".equals(scalar(t.getKeyNode())));
        if (!structured) {
            return Optional.of(new IndexSpec(null, false, entries(node), IndexSpec.DENSE_ABOVE));
        }
        String title = null;
        boolean separate = false;
        int denseAbove = IndexSpec.DENSE_ABOVE;
        List<IndexSpec.EntrySpec> entries = List.of();
        for (NodeTuple t : map.getValue()) {
            String name = scalar(t.getKeyNode());
            Node value = t.getValueNode();
            switch (name == null ? "" : name) {
                case "title" -> title = text(value, "title");
                case "separate" -> separate = bool(value, "separate");
                case "dense-above" -> denseAbove = count(value, "dense-above", denseAbove);
                case "entries" -> entries = entries(value);
                default -> unknown(name, "(index)", t.getKeyNode(), TOP);
            }
        }
        return Optional.of(new IndexSpec(title, separate, entries, denseAbove));
    }

    private List<IndexSpec.EntrySpec> entries(Node node) {
        List<IndexSpec.EntrySpec> out = new ArrayList<>();
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                String key = scalar(t.getKeyNode());
                if (key == null || key.isBlank()) {
                    diags.report(MessageId.IDX_002, at(t.getKeyNode()), "", "an entry needs a term as its key");
                    continue;
                }
                entry(normalKey(key), null, t.getValueNode(), at(t.getKeyNode()), out);
            }
        } else if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                if (item instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
                    entry(normalKey(s.getValue()), null, null, at(item), out);
                } else if (item instanceof MappingNode m) {
                    Node term = field(m, "term");
                    String t = term == null ? null : scalar(term);
                    if (t == null || t.isBlank()) {
                        diags.report(MessageId.IDX_002, at(item), "", "an entry in a list needs \"term:\"");
                        continue;
                    }
                    entry(normalKey(t), null, item, at(item), out);
                } else {
                    diags.report(MessageId.IDX_002, at(item), "", "a list entry is a term or a mapping with \"term:\"");
                }
            }
        } else if (!(node instanceof ScalarNode s && s.getTag().equals(Tag.NULL))) {
            diags.report(MessageId.IDX_001, at(node), "\"entries\" must be a mapping of terms or a list");
        }
        return out;
    }

    /** Reads one entry (and its sub-entries) whose key is {@code key}; {@code parent} is given for "sub:". */
    private void entry(String key, String parent, Node value, SourceRef where, List<IndexSpec.EntrySpec> out) {
        if (parent == null && key.contains(SUB.trim())) {
            int cut = key.lastIndexOf(SUB.trim());
            parent = key.substring(0, cut).strip();
        }
        String term = parent == null ? key : key.substring(key.lastIndexOf(SUB.trim()) + 1).strip();
        List<String> given = new ArrayList<>();
        BookIndex.Kind kind = null;
        String sort = null;
        List<String> see = List.of();
        List<String> seeAlso = List.of();
        List<IndexSpec.EntrySpec> subs = new ArrayList<>();
        if (value instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            given.add(s.getValue().strip());
        } else if (value instanceof SequenceNode) {
            given.addAll(strings(value, key));
        } else if (value instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String name = scalar(t.getKeyNode());
                Node v = t.getValueNode();
                switch (name == null ? "" : name) {
                    case "term" -> { }
                    case "forms" -> given.addAll(strings(v, key));
                    case "kind" -> kind = kind(v, key);
                    case "sort" -> sort = text(v, key);
                    case "see" -> see = strings(v, key).stream().map(IndexReader::normalKey).toList();
                    case "see-also", "see_also", "seealso" ->
                            seeAlso = strings(v, key).stream().map(IndexReader::normalKey).toList();
                    case "sub", "subs", "sub-entries" -> subs(key, v, subs);
                    default -> unknown(name, key, t.getKeyNode(), ENTRY_FIELDS);
                }
            }
        }
        Set<String> forms = new LinkedHashSet<>();
        boolean bareReference = given.isEmpty() && (!see.isEmpty());
        if (parent == null && !bareReference) {
            forms.add(term);
        }
        given.stream().filter(f -> !f.isBlank()).forEach(forms::add);
        out.add(new IndexSpec.EntrySpec(key, parent, term, List.copyOf(forms),
                kind != null ? kind : BookIndex.Kind.SUBJECT, sort, see, seeAlso, where));
        for (IndexSpec.EntrySpec sub : subs) {
            // A sub-entry without a kind of its own takes its parent's.
            out.add(kind == null || value == null ? sub : new IndexSpec.EntrySpec(sub.key(), sub.parent(), sub.term(),
                    sub.forms(), sub.kind() == BookIndex.Kind.SUBJECT ? kind : sub.kind(), sub.sort(), sub.see(),
                    sub.seeAlso(), sub.where()));
        }
    }

    private void subs(String parent, Node v, List<IndexSpec.EntrySpec> subs) {
        if (v instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String name = scalar(t.getKeyNode());
                if (name != null && !name.isBlank()) {
                    entry(parent + SUB + name.strip(), parent, t.getValueNode(), at(t.getKeyNode()), subs);
                }
            }
        } else if (v instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                String name = scalar(item);
                if (name != null && !name.isBlank()) {
                    entry(parent + SUB + name.strip(), parent, null, at(item), subs);
                } else if (item instanceof MappingNode m && field(m, "term") != null) {
                    entry(parent + SUB + scalar(field(m, "term")).strip(), parent, item, at(item), subs);
                }
            }
        } else {
            diags.report(MessageId.IDX_002, at(v), parent, "\"sub\" must be a mapping of sub-entries");
        }
    }

    /** "Russia > and China", "Russia›and China" and "Russia › and China" are the same key. */
    static String normalKey(String key) {
        return SUBS.matcher(SPACES.matcher(key.strip()).replaceAll(" ")).replaceAll(SUB);
    }

    /** Compiled once: a key is normalised for every entry, form and reference (String.replaceAll compiles each time). */
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern SUBS = java.util.regex.Pattern.compile(" ?(›|>) ?");

    private BookIndex.Kind kind(Node v, String entry) {
        String s = scalar(v);
        BookIndex.Kind k = s == null ? null : KINDS.get(s.strip().toLowerCase(Locale.ROOT));
        if (k == null) {
            diags.report(MessageId.IDX_002, at(v), entry, "kind must be person, place, organisation or subject");
        }
        return k;
    }

    private List<String> strings(Node v, String entry) {
        if (v instanceof ScalarNode s) {
            return s.getTag().equals(Tag.NULL) ? List.of() : List.of(s.getValue().strip());
        }
        List<String> out = new ArrayList<>();
        if (v instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                String s = scalar(item);
                if (s == null) {
                    diags.report(MessageId.IDX_002, at(item), entry, "expected a word or name here");
                } else if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
            return out;
        }
        diags.report(MessageId.IDX_002, at(v), entry, "expected a name or a list of names");
        return out;
    }

    private String text(Node v, String entry) {
        String s = scalar(v);
        if (s == null) {
            diags.report(MessageId.IDX_002, at(v), entry, "expected text");
        }
        return s;
    }

    private int count(Node v, String entry, int otherwise) {
        String s = scalar(v);
        if (s != null && s.strip().matches("[0-9]{1,9}")) {
            return Integer.parseInt(s.strip());
        }
        diags.report(MessageId.IDX_002, at(v), entry, "expected a whole number (0: never)");
        return otherwise;
    }

    private boolean bool(Node v, String entry) {
        String s = scalar(v);
        if ("true".equalsIgnoreCase(s) || "yes".equalsIgnoreCase(s)) {
            return true;
        }
        if (!"false".equalsIgnoreCase(s) && !"no".equalsIgnoreCase(s)) {
            diags.report(MessageId.IDX_002, at(v), entry, "expected true or false");
        }
        return false;
    }

    private void unknown(String name, String entry, Node where, Set<String> known) {
        FieldNames.nearest(String.valueOf(name), known).ifPresentOrElse(
                near -> diags.reportWithHint(MessageId.IDX_003, at(where), "did you mean \"" + near + "\"?", name, entry),
                () -> diags.report(MessageId.IDX_003, at(where), name, entry));
    }

    private static Node field(MappingNode m, String name) {
        for (NodeTuple t : m.getValue()) {
            if (name.equals(scalar(t.getKeyNode()))) {
                return t.getValueNode();
            }
        }
        return null;
    }

    /** A scalar's text (numbers and booleans as written), or null for anything else. */
    private static String scalar(Node n) {
        return n instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) ? s.getValue() : null;
    }

    private SourceRef at(Node n) {
        return n.getStartMark().map(m -> file.at(m.getLine() + 1, m.getColumn() + 1)).orElse(file);
    }

    private static Map<String, BookIndex.Kind> kinds() {
        Map<String, BookIndex.Kind> m = new LinkedHashMap<>();
        for (String s : List.of("person", "people", "persons", "name")) {
            m.put(s, BookIndex.Kind.PERSON);
        }
        for (String s : List.of("place", "places", "location", "country", "city")) {
            m.put(s, BookIndex.Kind.PLACE);
        }
        for (String s : List.of("organisation", "organization", "org", "orgs", "organisations", "organizations")) {
            m.put(s, BookIndex.Kind.ORGANISATION);
        }
        for (String s : List.of("subject", "subjects", "topic", "topics")) {
            m.put(s, BookIndex.Kind.SUBJECT);
        }
        return Map.copyOf(m);
    }
}
