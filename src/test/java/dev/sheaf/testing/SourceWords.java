package dev.sheaf.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a piece's Markdown source, paragraph by paragraph, for "every word is in the edition"
 * checks. Words are runs of letters and digits, so punctuation, smart quotes and markup do not matter,
 * but order within a paragraph does.
 */
public final class SourceWords {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private SourceWords() { }

    /** Each paragraph of the body and of the front matter's text fields, as a string of words. */
    public static List<String> paragraphs(Path piece) {
        String text;
        try {
            text = Files.readString(piece, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String body = text;
        List<String> out = new ArrayList<>();
        if (text.startsWith("---\n")) {
            int end = text.indexOf("\n---\n", 3);
            String yaml = text.substring(4, end);
            body = text.substring(end + 5);
            for (String line : yaml.split("\n")) {
                Matcher m = Pattern.compile("^(title|subtitle|caption|credit|author_bio):\\s*\"?(.*?)\"?$").matcher(line);
                if (m.matches()) {
                    out.add(words(m.group(2).replace("\\\"", "\"")));
                }
            }
        }
        for (String para : body.split("\n\\s*\n")) {
            String p = para.replaceAll("\\[\\^[^\\]]+\\]:?", " ").replaceAll("\\\\(.)", "$1");
            String w = words(p);
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** The words of {@code text}, joined by single spaces. */
    public static String words(String text) {
        StringBuilder sb = new StringBuilder();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(m.group());
        }
        return sb.toString();
    }
}
