package dev.sheaf.render.site;

import dev.sheaf.model.Book;
import dev.sheaf.model.FontFace;
import dev.sheaf.render.CjkText;
import dev.sheaf.render.FontRoles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The site's stylesheet and the fonts it loads: the book's own fonts, served from the site itself
 * (never from a font service), the CJK fallback only when the book has CJK text, and then only for
 * the characters that need it.
 */
final class SiteStyle {

    static final String CSS = "site.css";
    static final String FONT_DIR = "fonts/";

    /** Han, kana, hangul, bopomofo and their punctuation: what the CJK fallback is fetched for. */
    private static final String CJK_RANGE = "U+2E80-2FDF, U+3000-312F, U+3190-31FF, U+3400-4DBF, U+4E00-9FFF, "
            + "U+AC00-D7AF, U+F900-FAFF, U+FE30-FE4F, U+FF00-FFEF, U+20000-2FA1F";

    private SiteStyle() { }

    /** The book's fonts the site uses: all but the CJK fallback, which only a book with CJK text gets. */
    static List<FontFace> fonts(Book book) {
        boolean needsCjk = book.fonts().stream().anyMatch(FontFace::cjk) && CjkText.in(book);
        return book.fonts().stream().filter(f -> !f.cjk() || needsCjk).toList();
    }

    static String fontHref(FontFace f) {
        return FONT_DIR + f.file().getFileName().toString();
    }

    /** The stylesheet: {@code @font-face} rules for {@code fonts}, then the site's rules with the families filled in. */
    static String css(List<FontFace> fonts) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (FontFace f : fonts) {
            boolean otf = f.file().toString().toLowerCase(Locale.ROOT).endsWith(".otf");
            sb.append("@font-face { font-family: \"").append(f.family()).append("\"; src: url(\"")
                    .append(fontHref(f)).append("\") format(\"").append(otf ? "opentype" : "truetype")
                    .append("\"); font-style: ").append(f.style()).append("; font-weight: ").append(f.weight())
                    .append("; font-display: swap;");
            if (f.cjk()) {
                sb.append(" unicode-range: ").append(CJK_RANGE).append(';');
            }
            sb.append(" }\n");
        }
        FontRoles roles = FontRoles.of(fonts);
        try (InputStream in = SiteStyle.class.getResourceAsStream("site.css")) {
            String base = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return base.replace("$FONT_FACES$", sb.toString().stripTrailing())
                    .replace("$BODY_FONTS$", roles.cssList(roles.body(), "Georgia, \"Times New Roman\", serif"))
                    .replace("$HEADING_FONTS$", roles.cssList(roles.headings().or(roles::body),
                            "\"Helvetica Neue\", Arial, sans-serif"));
        }
    }
}
