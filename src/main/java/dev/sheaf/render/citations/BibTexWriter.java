package dev.sheaf.render.citations;

import dev.sheaf.cite.PersonName;
import dev.sheaf.cite.Source;

import java.time.Month;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Sources as BibTeX (UTF-8, biblatex-friendly fields plus classic ones for BibTeX itself). */
final class BibTexWriter {

    private BibTexWriter() { }

    static String write(List<Source> sources) {
        StringBuilder sb = new StringBuilder();
        for (Source s : sources) {
            sb.append('@').append(entryType(s)).append('{').append(s.id()).append(",\n");
            field(sb, "author", s.authors().stream().map(BibTexWriter::name).collect(Collectors.joining(" and ")));
            field(sb, "title", "{" + escape(s.fullTitle()) + "}");
            if (s.containerTitle() != null) {
                field(sb, s.type().equals("book") ? "series" : "journal", escape(s.containerTitle()));
            }
            if (s.publisher() != null) {
                field(sb, "publisher", escape(s.publisher()));
            }
            field(sb, "year", Integer.toString(s.issued().year()));
            if (s.issued().month() > 0) {
                sb.append("  month = ").append(Month.of(s.issued().month()).name().substring(0, 3).toLowerCase(Locale.ROOT))
                        .append(",\n");
            }
            field(sb, "date", s.issued().iso() + (s.issued().estimated() ? "~" : ""));
            if (s.url() != null) {
                field(sb, "url", s.url().replace("}", "%7D").replace("{", "%7B"));
            }
            String note = note(s);
            if (note != null) {
                field(sb, "note", escape(note));
            }
            sb.setLength(sb.length() - 2);
            sb.append("\n}\n\n");
        }
        return sb.toString();
    }

    private static String entryType(Source s) {
        return switch (s.type()) {
            case "book" -> "book";
            case "report" -> "techreport";
            case "post-weblog", "webpage" -> "misc";
            default -> "article";
        };
    }

    private static String note(Source s) {
        String approx = s.issued().estimated() ? "Date approximate" : null;
        if (s.note() == null) {
            return approx;
        }
        return approx == null ? s.note() : s.note() + ". " + approx;
    }

    private static String name(PersonName n) {
        return n.isLiteral() ? "{" + escape(n.literal()) + "}" : escape(n.family()) + ", " + escape(n.given());
    }

    private static void field(StringBuilder sb, String name, String value) {
        if (value != null && !value.isEmpty()) {
            sb.append("  ").append(name).append(" = {").append(value).append("},\n");
        }
    }

    /** Escapes the characters TeX treats specially; everything else stays UTF-8. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\textbackslash{}");
                case '{', '}', '&', '%', '$', '#', '_' -> sb.append('\\').append(c);
                case '~' -> sb.append("\\textasciitilde{}");
                case '^' -> sb.append("\\textasciicircum{}");
                default -> sb.append(c < 0x20 ? ' ' : c);
            }
        }
        return sb.toString();
    }
}
