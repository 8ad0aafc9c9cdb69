package dev.sheaf.cite;

import de.undercouch.citeproc.bibtex.BibTeXConverter;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.helper.json.JsonLexer;
import de.undercouch.citeproc.helper.json.JsonParser;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.SourceRef;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.ParseException;
import org.jbibtex.TokenMgrException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the bibliography files named in book.yaml: BibTeX ({@code .bib}) and CSL-JSON ({@code .json}). */
final class Bibliographies {

    private static final Pattern LINE_COL = Pattern.compile("line (\\d+), column (\\d+)");

    private Bibliographies() { }

    /** Every entry of every file, by key; problems are reported with the file's path and line. */
    static Map<String, CSLItemData> load(Path root, List<Path> files, Diagnostics diags) {
        Map<String, CSLItemData> items = new LinkedHashMap<>();
        for (Path rel : files) {
            SourceRef where = SourceRef.of(rel);
            Map<String, CSLItemData> loaded;
            try {
                byte[] bytes = Files.readAllBytes(root.resolve(rel));
                loaded = rel.toString().toLowerCase(Locale.ROOT).endsWith(".json")
                        ? json(bytes, where, diags) : bibtex(bytes, where, diags);
            } catch (IOException e) {
                diags.report(MessageId.IO_001, where, e.getMessage());
                continue;
            }
            for (Map.Entry<String, CSLItemData> e : loaded.entrySet()) {
                if (items.putIfAbsent(e.getKey(), e.getValue()) != null) {
                    diags.report(MessageId.CIT_004, where, e.getKey());
                }
            }
        }
        return items;
    }

    private static Map<String, CSLItemData> bibtex(byte[] bytes, SourceRef where, Diagnostics diags) {
        try {
            BibTeXConverter converter = new BibTeXConverter();
            BibTeXDatabase db = converter.loadDatabase(new ByteArrayInputStream(bytes));
            return converter.toItemData(db);
        } catch (ParseException | TokenMgrException e) {
            diags.report(MessageId.CIT_002, at(where, e.getMessage(), bytes), where.file(), firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            diags.report(MessageId.CIT_002, where, where.file(), String.valueOf(e.getMessage()));
        }
        return Map.of();
    }

    private static Map<String, CSLItemData> json(byte[] bytes, SourceRef where, Diagnostics diags) {
        Map<String, CSLItemData> out = new LinkedHashMap<>();
        try {
            String text = new String(bytes, StandardCharsets.UTF_8);
            List<Object> array = new JsonParser(new JsonLexer(new StringReader(text))).parseArray();
            for (Object o : array) {
                if (!(o instanceof Map<?, ?> m) || !(m.get("id") instanceof String)) {
                    diags.report(MessageId.CIT_002, where, where.file(), "every entry needs an \"id\"");
                    continue;
                }
                @SuppressWarnings("unchecked")
                CSLItemData item = CSLItemData.fromJson((Map<String, Object>) m);
                out.put(item.getId(), item);
            }
        } catch (IOException | RuntimeException e) {
            diags.report(MessageId.CIT_002, where, where.file(), "not a CSL-JSON array: " + e.getMessage());
        }
        return out;
    }

    /** The parser's position; for "unexpected EOF", the start of the last entry, which is the unclosed one. */
    private static SourceRef at(SourceRef where, String message, byte[] bytes) {
        Matcher m = LINE_COL.matcher(String.valueOf(message));
        if (m.find()) {
            return where.at(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int at = text.lastIndexOf('@');
        if (at < 0) {
            return where;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return where.at(line, at - lineStart + 1);
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message).strip();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }
}
