package dev.sheaf.render;

import dev.sheaf.model.FontFace;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which of the book's fonts sets what: the family with the most faces is the body face; another
 * family with a bold face, if any, sets headings; a CJK font is the fallback for Chinese, Japanese
 * and Korean runs.
 */
public record FontRoles(Optional<String> body, Optional<String> headings, Optional<String> cjk) {

    public static FontRoles of(List<FontFace> fonts) {
        Map<String, Integer> faces = new TreeMap<>();
        String cjk = null;
        for (FontFace f : fonts) {
            if (f.cjk()) {
                cjk = cjk == null ? f.family() : cjk;
            } else {
                faces.merge(f.family(), 1, Integer::sum);
            }
        }
        // Most faces wins; on a tie, the first family in name order (the map is sorted, max keeps the first).
        String body = null;
        int most = 0;
        for (Map.Entry<String, Integer> e : faces.entrySet()) {
            if (e.getValue() > most) {
                most = e.getValue();
                body = e.getKey();
            }
        }
        String bodyFamily = body;
        String headings = fonts.stream()
                .filter(f -> !f.cjk() && !f.family().equals(fontOrEmpty(bodyFamily)) && f.weight() >= 700)
                .map(FontFace::family).findFirst().orElse(null);
        return new FontRoles(Optional.ofNullable(body), Optional.ofNullable(headings), Optional.ofNullable(cjk));
    }

    private static String fontOrEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A CSS font-family list: the given family, then the CJK fallback, then {@code generic}. */
    public String cssList(Optional<String> family, String generic) {
        StringBuilder sb = new StringBuilder();
        family.ifPresent(f -> sb.append('"').append(f).append("\", "));
        cjk.ifPresent(f -> sb.append('"').append(f).append("\", "));
        return sb.append(generic).toString();
    }
}
