package dev.sheaf.render.pdf;

import dev.sheaf.model.Book;
import dev.sheaf.model.FontFace;
import dev.sheaf.render.FontRoles;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The faces the PDF embeds and the family that sets each part of the page. A book's own {@code fonts/}
 * always win. A book that brings none is set in Liberation Serif, Sans and Mono (SIL OFL, from
 * openpdf-fonts-extra), so the PDF still embeds every glyph it shows and Latin, Greek and Cyrillic print.
 * Characters that no face has, such as Chinese in a book without a CJK font, are found by
 * {@link #unprintable} and reported.
 *
 * @param faces    the faces to declare, each with the URL the print document loads it from
 * @param body     family of the running text
 * @param headings family of titles and headings
 * @param mono     family of code
 * @param cjk      family for runs of Chinese, Japanese and Korean text, if the book has both such text and a font
 */
record PrintFonts(List<Face> faces, String body, String headings, String mono, Optional<String> cjk) {

    /**
     * One {@code @font-face}: where its bytes come from and how CSS selects it.
     *
     * @param file the book-relative font file, or null for a bundled face
     */
    record Face(String url, Path file, String family, String style, int weight) { }

    static final String BUNDLED_PREFIX = "sheaf-font:";
    private static final String BUNDLED_DIR = "/liberation/";

    static PrintFonts of(Book book, boolean hasCjkText) {
        List<FontFace> own = book.fonts().stream().filter(f -> !f.cjk() || hasCjkText).toList();
        if (own.stream().noneMatch(f -> !f.cjk())) {
            return bundled(own);
        }
        FontRoles roles = FontRoles.of(own);
        String body = roles.body().orElseThrow();
        List<Face> faces = own.stream()
                .map(f -> new Face(BookPaths.href(f.file()), f.file(), f.family(), f.style(), f.weight())).toList();
        return new PrintFonts(faces, body, roles.headings().orElse(body), body, roles.cjk());
    }

    /** Liberation for the text, plus the book's CJK face if that is all it brings. */
    private static PrintFonts bundled(List<FontFace> cjkOnly) {
        List<Face> faces = new ArrayList<>();
        for (String family : List.of("Serif", "Sans", "Mono")) {
            for (String[] v : List.of(new String[] {"Regular", "normal", "400"}, new String[] {"Italic", "italic", "400"},
                    new String[] {"Bold", "normal", "700"}, new String[] {"BoldItalic", "italic", "700"})) {
                faces.add(new Face(BUNDLED_PREFIX + "Liberation" + family + "-" + v[0] + ".ttf",
                        null, "Liberation " + family, v[1], Integer.parseInt(v[2])));
            }
        }
        Optional<String> cjk = cjkOnly.stream().findFirst().map(FontFace::family);
        cjkOnly.forEach(f -> faces.add(new Face(BookPaths.href(f.file()), f.file(), f.family(), f.style(), f.weight())));
        return new PrintFonts(faces, "Liberation Serif", "Liberation Sans", "Liberation Mono", cjk);
    }

    /** The bytes of a bundled face, for a URL that starts with {@link #BUNDLED_PREFIX}. */
    static byte[] bundledBytes(String url) throws IOException {
        String name = url.substring(BUNDLED_PREFIX.length());
        if (!name.matches("[A-Za-z-]+\\.ttf")) {
            throw new IOException("no bundled font " + name);
        }
        try (InputStream in = PrintFonts.class.getResourceAsStream(BUNDLED_DIR + name)) {
            if (in == null) {
                throw new IOException("no bundled font " + name);
            }
            return in.readAllBytes();
        }
    }

    /** The families the book is set in, for the colophon. */
    List<String> textFamilies() {
        List<String> out = new ArrayList<>(List.of(body));
        if (!headings.equals(body)) {
            out.add(headings);
        }
        cjk.ifPresent(out::add);
        return out;
    }

    /** {@code @font-face} rules that embed every face as a subset with Unicode (Identity-H) encoding. */
    String fontFaceCss() {
        StringBuilder sb = new StringBuilder();
        for (Face f : faces) {
            sb.append("@font-face { font-family: ").append(quote(f.family())).append("; src: url(")
                    .append(quote(f.url())).append("); font-style: ").append(f.style())
                    .append("; font-weight: ").append(f.weight() >= 600 ? "bold" : "normal")
                    .append("; -fs-pdf-font-embed: embed; -fs-pdf-font-encoding: Identity-H; }\n");
        }
        return sb.toString();
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * Characters of {@code text} that no face of the PDF can print: Flying Saucer would drop them without
     * a trace, so the renderer reports them. CJK characters count as printable when there is a CJK face.
     */
    String unprintable(String text, Font bodyFont) {
        StringBuilder out = new StringBuilder();
        text.codePoints().distinct().sorted().forEach(cp -> {
            int type = Character.getType(cp);
            if (Character.isWhitespace(cp) || type == Character.FORMAT || type == Character.CONTROL
                    || CjkRuns.isCjk(cp) && cjk.isPresent() || bodyFont.canDisplay(cp)) {
                return;
            }
            out.appendCodePoint(cp);
        });
        return out.toString();
    }

    /** The regular body face as an AWT font, to ask which characters it has. */
    Font bodyFont(Path root) throws IOException {
        Face regular = faces.stream().filter(f -> f.family().equals(body) && f.style().equals("normal")
                && f.weight() < 600).findFirst().orElse(faces.get(0));
        try (InputStream in = regular.url().startsWith(BUNDLED_PREFIX)
                ? new ByteArrayInputStream(bundledBytes(regular.url()))
                : Files.newInputStream(root.resolve(regular.file()))) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (FontFormatException e) {
            throw new IOException(regular.url() + ": " + e.getMessage(), e);
        }
    }
}
