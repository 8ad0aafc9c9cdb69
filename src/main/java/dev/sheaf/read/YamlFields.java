package dev.sheaf.read;

import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.SourceRef;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML mapping read through a real YAML parser (snakeyaml-engine's composer, so every value keeps
 * its line and column), with typed accessors that report type errors as diagnostics.
 */
final class YamlFields {

    /** Alias expansion beyond this is refused ("billion laughs"). */
    private static final int MAX_ALIASES = 50;
    /** Front matter and book.yaml larger than this are refused. */
    private static final int MAX_CODE_POINTS = 1 << 20;

    private final Map<String, NodeTuple> fields = new LinkedHashMap<>();
    private final SourceRef file;
    private final int firstLine;
    private final Diagnostics diags;
    private final MessageId typeError;

    private YamlFields(SourceRef file, int firstLine, Diagnostics diags, MessageId typeError) {
        this.file = file;
        this.firstLine = firstLine;
        this.diags = diags;
        this.typeError = typeError;
    }

    /**
     * Parses {@code yaml}, which starts on file line {@code firstLine}. Reports {@code parseError}
     * (with the parser's own position) and returns empty when it is not a YAML mapping.
     */
    static Optional<YamlFields> parse(String yaml, SourceRef file, int firstLine, Diagnostics diags,
                                      MessageId parseError, MessageId typeError) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file.toString())
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(MAX_CODE_POINTS)
                .build();
        YamlFields result = new YamlFields(file, firstLine, diags, typeError);
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(yaml);
        } catch (MarkedYamlEngineException e) {
            SourceRef at = e.getProblemMark().map(result::at).orElse(file.at(firstLine, 1));
            diags.report(parseError, at, e.getProblem());
            return Optional.empty();
        } catch (YamlEngineException | IllegalArgumentException e) {
            diags.report(parseError, file.at(firstLine, 1), e.getMessage());
            return Optional.empty();
        }
        if (root.isEmpty()) {
            return Optional.of(result);
        }
        if (!(root.get() instanceof MappingNode map)) {
            diags.report(parseError, result.at(root.get()), "it must be a mapping of \"field: value\" lines");
            return Optional.empty();
        }
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                diags.report(parseError, result.at(t.getKeyNode()), "a field name must be plain text");
                continue;
            }
            if (result.fields.containsKey(key.getValue())) {
                diags.report(parseError, result.at(key), "field \"" + key.getValue() + "\" appears twice");
                continue;
            }
            result.fields.put(key.getValue(), t);
        }
        return Optional.of(result);
    }

    /** Field names in file order. */
    List<String> names() {
        return new ArrayList<>(fields.keySet());
    }

    boolean has(String name) {
        return fields.containsKey(name) && !isNull(fields.get(name).getValueNode());
    }

    /** Where the field's name stands, or the start of the YAML block when it is absent. */
    SourceRef where(String name) {
        NodeTuple t = fields.get(name);
        return t == null ? file.at(firstLine, 1) : at(t.getKeyNode());
    }

    /** Where the field's value stands. */
    SourceRef whereValue(String name) {
        NodeTuple t = fields.get(name);
        return t == null ? file.at(firstLine, 1) : at(t.getValueNode());
    }

    /** A scalar as text; a mapping or list is a type error. Blank strings count as absent. */
    Optional<String> string(String name) {
        NodeTuple t = fields.get(name);
        if (t == null || isNull(t.getValueNode())) {
            return Optional.empty();
        }
        if (t.getValueNode() instanceof ScalarNode s) {
            String v = s.getValue().strip();
            return v.isEmpty() ? Optional.empty() : Optional.of(v);
        }
        diags.report(typeError, at(t.getValueNode()), name, "must be text, not a list or mapping");
        return Optional.empty();
    }

    /** Text kept exactly (for Markdown block scalars such as {@code note}), minus surrounding blank lines. */
    Optional<String> text(String name) {
        NodeTuple t = fields.get(name);
        if (t != null && t.getValueNode() instanceof ScalarNode s && !isNull(s)) {
            String v = s.getValue().strip();
            return v.isEmpty() ? Optional.empty() : Optional.of(v);
        }
        return string(name);
    }

    Optional<Boolean> bool(String name) {
        Optional<String> s = string(name);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        switch (s.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on":
                return Optional.of(true);
            case "false", "no", "off":
                return Optional.of(false);
            default:
                diags.report(typeError, whereValue(name), name, "must be true or false");
                return Optional.empty();
        }
    }

    /** A single scalar or a list of scalars. */
    List<String> strings(String name) {
        NodeTuple t = fields.get(name);
        if (t == null || isNull(t.getValueNode())) {
            return List.of();
        }
        if (t.getValueNode() instanceof ScalarNode) {
            return string(name).map(List::of).orElse(List.of());
        }
        if (t.getValueNode() instanceof SequenceNode seq) {
            List<String> out = new ArrayList<>();
            for (Node n : seq.getValue()) {
                if (n instanceof ScalarNode s) {
                    if (!s.getValue().isBlank()) {
                        out.add(s.getValue().strip());
                    }
                } else {
                    diags.report(typeError, at(n), name, "must be a list of plain values");
                }
            }
            return out;
        }
        diags.report(typeError, at(t.getValueNode()), name, "must be a value or a list of values");
        return List.of();
    }

    /** A list of mappings, e.g. the chapters of book.yaml. */
    List<YamlFields> mappings(String name) {
        NodeTuple t = fields.get(name);
        if (t == null || isNull(t.getValueNode())) {
            return List.of();
        }
        if (!(t.getValueNode() instanceof SequenceNode seq)) {
            diags.report(typeError, at(t.getValueNode()), name, "must be a list");
            return List.of();
        }
        List<YamlFields> out = new ArrayList<>();
        for (Node n : seq.getValue()) {
            if (n instanceof MappingNode m) {
                YamlFields f = new YamlFields(file, firstLine, diags, typeError);
                for (NodeTuple nt : m.getValue()) {
                    if (nt.getKeyNode() instanceof ScalarNode k) {
                        f.fields.put(k.getValue(), nt);
                    }
                }
                out.add(f);
            } else {
                diags.report(typeError, at(n), name, "must be a list of mappings (\"- title: ...\")");
            }
        }
        return out;
    }

    /** A plain Java view of an unknown field's value (String, List or Map), for templates. */
    Object plain(String name) {
        NodeTuple t = fields.get(name);
        return t == null ? null : plain(t.getValueNode(), 0);
    }

    private static Object plain(Node n, int depth) {
        if (depth > 20) {
            return "";
        }
        if (n instanceof ScalarNode s) {
            return s.getValue();
        }
        if (n instanceof SequenceNode seq) {
            List<Object> out = new ArrayList<>();
            seq.getValue().forEach(x -> out.add(plain(x, depth + 1)));
            return List.copyOf(out);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) n).getValue()) {
            out.put(String.valueOf(plain(t.getKeyNode(), depth + 1)), plain(t.getValueNode(), depth + 1));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static boolean isNull(Node n) {
        return n.getTag().equals(Tag.NULL);
    }

    private SourceRef at(Node n) {
        return n.getStartMark().map(this::at).orElse(file.at(firstLine, 1));
    }

    private SourceRef at(Mark m) {
        return file.at(firstLine + m.getLine(), m.getColumn() + 1);
    }
}
