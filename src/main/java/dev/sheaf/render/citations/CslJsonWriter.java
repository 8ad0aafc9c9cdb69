package dev.sheaf.render.citations;

import dev.sheaf.cite.PersonName;
import dev.sheaf.cite.Source;

import java.util.List;

/** Sources as CSL-JSON, the format Pandoc, Zotero and every CSL processor read. */
final class CslJsonWriter {

    private CslJsonWriter() { }

    static String write(List<Source> sources) {
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            sb.append("  {\n");
            prop(sb, "id", s.id());
            prop(sb, "type", s.type());
            prop(sb, "title", s.fullTitle());
            if (!s.authors().isEmpty()) {
                sb.append("    \"author\": [");
                for (int a = 0; a < s.authors().size(); a++) {
                    PersonName n = s.authors().get(a);
                    sb.append(a == 0 ? "" : ", ").append('{');
                    if (n.isLiteral()) {
                        sb.append("\"literal\": ").append(str(n.literal()));
                    } else {
                        sb.append("\"family\": ").append(str(n.family())).append(", \"given\": ").append(str(n.given()));
                    }
                    sb.append('}');
                }
                sb.append("],\n");
            }
            if (s.containerTitle() != null) {
                prop(sb, "container-title", s.containerTitle());
            }
            if (s.publisher() != null) {
                prop(sb, "publisher", s.publisher());
            }
            if (s.url() != null) {
                prop(sb, "URL", s.url());
            }
            if (s.note() != null) {
                prop(sb, "genre", s.note());
            }
            sb.append("    \"issued\": {\"date-parts\": [[").append(s.issued().year());
            if (s.issued().month() > 0) {
                sb.append(", ").append(s.issued().month());
            }
            if (s.issued().day() > 0) {
                sb.append(", ").append(s.issued().day());
            }
            sb.append("]]").append(s.issued().estimated() ? ", \"circa\": true" : "").append("}\n");
            sb.append(i == sources.size() - 1 ? "  }\n" : "  },\n");
        }
        return sb.append("]\n").toString();
    }

    private static void prop(StringBuilder sb, String name, String value) {
        sb.append("    ").append(str(name)).append(": ").append(str(value)).append(",\n");
    }

    /** A JSON string literal. */
    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
