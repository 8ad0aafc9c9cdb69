package dev.sheaf.importer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A blog post that quotes a published piece under a few lines of its own: the author's lines, then
 * the piece's title repeated, then the piece. The lines above the repeated title become the piece's
 * {@code note:} (printed as the headnote), the rest its body. A post without a repeated title near the
 * top is all body.
 */
final class Headnotes {

    /** The repeated title must come within this many paragraphs of the top. */
    private static final int MAX_INTRO_BLOCKS = 6;
    private static final Pattern BLOCKS = Pattern.compile("\\n\\s*\\n");
    /** The id a heading keeps for links to it ({@link DocumentLinks}): not part of its text. */
    private static final Pattern HEADING_ID = Pattern.compile("\\s*\\{#[A-Za-z][A-Za-z0-9-]*}\\s*$");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern MARKUP = Pattern.compile("[#*_>`\\\\]");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern EMPHASIS_ONLY = Pattern.compile("^(\\*{1,2}|_{1,2})([^*_].*?)\\1$", Pattern.DOTALL);

    private Headnotes() { }

    static void split(ImportedPiece piece, String markdown) {
        List<String> blocks = new ArrayList<>(Arrays.asList(BLOCKS.split(markdown.strip())));
        String title = normalize(piece.title);
        if (!title.isEmpty()) {
            for (int i = 1; i < Math.min(blocks.size() - 1, MAX_INTRO_BLOCKS + 1); i++) {
                if (normalize(blocks.get(i)).equals(title) && !looksLikeList(blocks.subList(0, i))) {
                    piece.note = String.join("\n\n", blocks.subList(0, i));
                    List<String> rest = new ArrayList<>(blocks.subList(i + 1, blocks.size()));
                    standfirst(piece, rest);
                    piece.body = String.join("\n\n", rest) + "\n";
                    return;
                }
            }
        }
        piece.body = markdown;
    }

    /** An emphasised line right under the repeated title is the piece's standfirst. */
    private static void standfirst(ImportedPiece piece, List<String> rest) {
        if (rest.size() < 2) {
            return;
        }
        var m = EMPHASIS_ONLY.matcher(rest.get(0).strip());
        if (m.matches() && !m.group(2).contains("\n")) {
            if (piece.subtitle == null) {
                piece.subtitle = m.group(2).strip();
                rest.remove(0);
            } else if (normalize(piece.subtitle).equals(normalize(m.group(2)))) {
                rest.remove(0);   // the excerpt repeated as the standfirst
            }
        }
    }

    private static boolean looksLikeList(List<String> intro) {
        return intro.stream().anyMatch(b -> b.startsWith("|") || b.startsWith("```"));
    }

    /** Text for comparing titles: no markup, no accents or quote styles, no punctuation, lower case. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String s = HEADING_ID.matcher(text).replaceAll("");
        s = LINK.matcher(s).replaceAll("$1");
        s = MARKUP.matcher(s).replaceAll("");
        s = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        s = NOT_WORD.matcher(s.toLowerCase(Locale.ROOT).replace("’", "").replace("'", "")).replaceAll(" ");
        return s.trim();
    }
}
