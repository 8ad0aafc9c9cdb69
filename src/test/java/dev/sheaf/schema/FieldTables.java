package dev.sheaf.schema;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's field tables, written from the schemas' descriptions: each table stands between
 * {@code <!-- fields: ID -->} and {@code <!-- /fields -->} and is replaced whole.
 */
final class FieldTables {

    /** Table id → schema name and JSON pointer of the properties it lists. */
    static final Map<String, String[]> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("book", new String[] {"book", ""});
        TABLES.put("book-chapters", new String[] {"book", "/$defs/chapter"});
        TABLES.put("book-handouts", new String[] {"book", "/$defs/handout"});
        TABLES.put("piece", new String[] {"piece", ""});
        TABLES.put("chapter", new String[] {"chapter", ""});
        TABLES.put("index", new String[] {"index", "/anyOf/0"});
        TABLES.put("index-entry", new String[] {"index", "/$defs/entry/anyOf/3"});
    }

    private static final Pattern BLOCK = Pattern.compile("(<!-- fields: ([a-z-]+) -->\\n)(.*?)(<!-- /fields -->)",
            Pattern.DOTALL);

    private FieldTables() {
    }

    /** The README with every marked table rewritten from the schemas. */
    static String update(String readme) {
        Matcher m = BLOCK.matcher(readme);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String[] where = TABLES.get(m.group(2));
            String table = where == null ? "unknown table id \"" + m.group(2) + "\"\n" : table(where[0], where[1]);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + table + m.group(4)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static List<String> markers(String readme) {
        List<String> ids = new ArrayList<>();
        Matcher m = BLOCK.matcher(readme);
        while (m.find()) {
            ids.add(m.group(2));
        }
        return ids;
    }

    static String table(String schemaName, String pointer) {
        JsonNode schema = BookSchemas.json(schemaName);
        JsonNode object = pointer.isEmpty() ? schema : schema.at(pointer);
        Set<String> required = new LinkedHashSet<>();
        object.path("required").forEach(r -> required.add(r.asString()));
        StringBuilder sb = new StringBuilder("| field | value | default | what it does |\n|---|---|---|---|\n");
        object.get("properties").properties().forEach(e -> {
            JsonNode p = e.getValue();
            if (p.path("deprecated").asBoolean(false)) {
                return;
            }
            String dflt = required.contains(e.getKey()) ? "required"
                    : p.has("default") ? "`" + scalar(p.get("default")) + "`" : "";
            sb.append("| `").append(e.getKey()).append("` | ").append(type(p)).append(" | ").append(dflt)
                    .append(" | ").append(p.path("description").asString().replace("|", "\\|")).append(" |\n");
        });
        return sb.toString();
    }

    private static String scalar(JsonNode n) {
        return n.isString() ? n.asString() : n.toString();
    }

    /** A reader's word for the value a field takes. */
    static String type(JsonNode p) {
        if (p.has("examples")) {
            List<String> values = new ArrayList<>();
            p.get("examples").forEach(v -> values.add("`" + scalar(v) + "`"));
            return String.join(", ", values);
        }
        if (p.has("enum")) {
            Set<String> values = new LinkedHashSet<>();
            p.get("enum").forEach(v -> values.add(scalar(v).toLowerCase(Locale.ROOT)));
            return String.join(", ", values.stream().map(v -> "`" + v + "`").toList());
        }
        String ref = p.path("$ref").asString("");
        return switch (ref) {
            case "#/$defs/text" -> "text";
            case "#/$defs/texts" -> "text or list";
            case "#/$defs/flag" -> "`true` or `false`";
            case "#/$defs/day" -> "YYYY-MM-DD";
            case "#/$defs/date" -> "YYYY-MM-DD, YYYY-MM or YYYY";
            case "#/$defs/number" -> "whole number";
            case "#/$defs/filename" -> "file name";
            case "#/$defs/entries" -> "mapping or list";
            case "index.schema.json" -> "as `index.yaml`";
            default -> p.path("type").asString("").equals("array") ? "list" : "see the schema";
        };
    }
}
