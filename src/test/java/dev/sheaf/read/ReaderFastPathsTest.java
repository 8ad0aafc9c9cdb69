package dev.sheaf.read;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The reader's shortcuts give the answers of the slow ways they replace. */
class ReaderFastPathsTest {

    @Test
    void should_unescape_text_as_flexmark_does() {
        List<String> texts = new ArrayList<>(List.of("", "plain text", "Beijing’s “strategic” bombers — 1,600 troops",
                "a \\* b \\\\ c \\_d\\_", "AT&amp;T &copy; &#169; &#xA9; &nosuch; & alone", "trailing \\",
                "&", "\\", "Қазақстан and \\[brackets\\] &lt;tag&gt;"));
        Random rnd = new Random(7);
        String alphabet = "ab \\&;#x9<>*_[]’é";
        for (int i = 0; i < 500; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = rnd.nextInt(24); j > 0; j--) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            texts.add(sb.toString());
        }
        for (String t : texts) {
            BasedSequence whole = BasedSequence.of("«" + t + "»");
            BasedSequence inner = whole.subSequence(1, whole.length() - 1);
            assertThat(MarkdownConverter.unescaped(inner)).as(t).isEqualTo(inner.unescape());
        }
    }

    @Test
    void should_suggest_the_field_the_full_search_suggests() {
        List<String> known = List.of("title", "subtitle", "author", "authors", "date", "outlet", "url", "tags", "note",
                "lang", "language", "id", "order", "citation_key", "a", "draft");
        Random rnd = new Random(11);
        String alphabet = "aeiourtlsndgx_-";
        for (int i = 0; i < 3000; i++) {
            String name;
            if (rnd.nextBoolean()) {
                StringBuilder sb = new StringBuilder(known.get(rnd.nextInt(known.size())));
                for (int e = rnd.nextInt(4); e > 0; e--) {
                    int at = rnd.nextInt(sb.length() + 1);
                    char c = alphabet.charAt(rnd.nextInt(alphabet.length()));
                    int edit = at == sb.length() ? 0 : rnd.nextInt(3);
                    if (edit == 0) {
                        sb.insert(at, c);
                    } else if (edit == 1) {
                        sb.deleteCharAt(at);
                    } else {
                        sb.setCharAt(at, c);
                    }
                }
                name = sb.toString();
            } else {
                name = "synthetic".substring(0, 1 + rnd.nextInt(9));
            }
            assertThat(FieldNames.nearest(name, known)).as(name).isEqualTo(fullSearch(name, known));
        }
    }

    /** The search without its shortcut: every known name's distance. */
    private static Optional<String> fullSearch(String name, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase(java.util.Locale.ROOT).replace('-', '_');
        for (String k : known) {
            int d = FieldNames.distance(lower, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        int allowed = name.length() <= 4 ? 1 : 2;
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }
}
