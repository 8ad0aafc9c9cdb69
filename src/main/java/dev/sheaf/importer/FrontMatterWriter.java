package dev.sheaf.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a piece file: YAML front matter in the field order of the README's example, then the body.
 * The last field, {@code import_hash}, is a hash of everything else in the file, so the next import can
 * tell whether the source changed (new text, new hash) and whether the author edited the file (the
 * file no longer hashes to the recorded value).
 */
public final class FrontMatterWriter {

    private static final Pattern HASH_LINE = Pattern.compile("(?m)^import_hash: \"?([0-9a-f]*)\"?\\r?\\n");

    private FrontMatterWriter() { }

    /** The whole file for {@code piece}, whose media references have already been resolved. */
    static String file(ImportedPiece piece, String body) {
        StringBuilder y = new StringBuilder("---\n");
        scalar(y, "title", piece.title);
        scalar(y, "subtitle", piece.subtitle);
        if (piece.authors.size() == 1) {
            scalar(y, "author", piece.authors.get(0));
        } else if (piece.authors.size() > 1) {
            list(y, "authors", piece.authors);
        }
        scalar(y, "outlet", piece.outlet);
        scalar(y, "type", piece.type);
        scalar(y, "url", piece.url);
        scalar(y, "date", piece.date);
        if (piece.dateEstimated) {
            y.append("date_estimated: true\n");
        }
        scalar(y, "date_basis", piece.dateBasis);
        List<String> tags = piece.allTags();
        if (!tags.isEmpty()) {
            list(y, "tags", tags);
        }
        scalar(y, "caption", piece.caption);
        scalar(y, "credit", piece.credit);
        if (piece.note != null && !piece.note.isBlank()) {
            block(y, "note", piece.note.strip());
        }
        scalar(y, "import_source", piece.sourceId);
        y.append("---\n\n").append(body.strip()).append('\n');
        String text = y.toString();
        int end = text.indexOf("\n---\n\n");
        return text.substring(0, end) + "\nimport_hash: \"" + hash(text) + "\"" + text.substring(end);
    }

    /** The hash recorded in a piece file's front matter, or null. */
    static String recordedHash(String fileText) {
        Matcher m = HASH_LINE.matcher(frontMatter(fileText));
        return m.find() ? m.group(1) : null;
    }

    /** The hash the file has now (of everything but its import_hash line), to compare with the recorded one. */
    static String currentHash(String fileText) {
        String normalized = fileText.replace("\r\n", "\n");
        return hash(HASH_LINE.matcher(normalized).replaceFirst(""));
    }

    private static String frontMatter(String text) {
        int end = text.indexOf("\n---", 4);
        return end < 0 ? "" : text.substring(0, end + 1);
    }

    static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void scalar(StringBuilder y, String key, String value) {
        if (value != null && !value.isBlank()) {
            y.append(key).append(": ").append(quote(value.strip())).append('\n');
        }
    }

    private static void list(StringBuilder y, String key, List<String> values) {
        y.append(key).append(": [");
        for (int i = 0; i < values.size(); i++) {
            y.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
        }
        y.append("]\n");
    }

    /** A literal block keeps the note readable; a note whose first line is indented needs quotes instead. */
    private static void block(StringBuilder y, String key, String value) {
        if (value.startsWith(" ") || value.chars().anyMatch(c -> c == '\t' || c < 0x20 && c != '\n')) {
            scalar(y, key, value);
            return;
        }
        y.append(key).append(": |\n");
        for (String line : value.split("\n", -1)) {
            y.append(line.isBlank() ? "" : "  " + line.stripTrailing()).append('\n');
        }
    }

    /** A YAML double-quoted scalar: always valid, whatever the text. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> { }
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
