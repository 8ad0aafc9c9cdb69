package dev.sheaf.render.citations;

import dev.sheaf.cite.PersonName;
import dev.sheaf.cite.Source;

import java.util.List;
import java.util.Locale;

/** Sources as RIS, for EndNote, Zotero, Mendeley and RefWorks. Lines end in CRLF, as the format asks. */
final class RisWriter {

    private static final String EOL = "\r\n";

    private RisWriter() { }

    static String write(List<Source> sources) {
        StringBuilder sb = new StringBuilder();
        for (Source s : sources) {
            tag(sb, "TY", type(s));
            tag(sb, "ID", s.id());
            for (PersonName n : s.authors()) {
                tag(sb, "AU", n.inverted());
            }
            tag(sb, "TI", s.fullTitle());
            if (s.containerTitle() != null) {
                tag(sb, "T2", s.containerTitle());
            }
            if (s.publisher() != null) {
                tag(sb, "PB", s.publisher());
            }
            tag(sb, "PY", Integer.toString(s.issued().year()));
            tag(sb, "DA", String.format(Locale.ROOT, "%04d/%s/%s/", s.issued().year(),
                    s.issued().month() > 0 ? String.format(Locale.ROOT, "%02d", s.issued().month()) : "",
                    s.issued().day() > 0 ? String.format(Locale.ROOT, "%02d", s.issued().day()) : ""));
            if (s.url() != null) {
                tag(sb, "UR", s.url());
            }
            if (s.note() != null) {
                tag(sb, "M3", s.note());
            }
            if (s.issued().estimated()) {
                tag(sb, "N1", "Date approximate");
            }
            sb.append("ER  - ").append(EOL).append(EOL);
        }
        return sb.toString();
    }

    private static String type(Source s) {
        return switch (s.type()) {
            case "book" -> "BOOK";
            case "article-newspaper" -> "NEWS";
            case "article-magazine" -> "MGZN";
            case "report" -> "RPRT";
            case "post-weblog" -> "BLOG";
            default -> "GEN";
        };
    }

    private static void tag(StringBuilder sb, String tag, String value) {
        sb.append(tag).append("  - ").append(value.replaceAll("[\\r\\n]+", " ")).append(EOL);
    }
}
