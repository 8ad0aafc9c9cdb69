package dev.sheaf.render.cover;

import dev.sheaf.diag.Diagnostics;
import dev.sheaf.model.Book;
import dev.sheaf.read.BookReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SVG cover's text is set in the book's own faces, handed to Batik without registering them with Java: the
 * weight and posture of the text choose the face, and a face the book lacks is made up by Java.
 */
class SvgCoverFontsTest {

    private static final String SVG = """
            <svg xmlns="http://www.w3.org/2000/svg" width="600" height="200" viewBox="0 0 600 200">
              <rect width="600" height="200" fill="#fff"/>
              <text x="20" y="130" font-family="Noto Serif" font-size="90" %s fill="#000">Hamburg</text>
            </svg>
            """;

    @Test
    void theTextsWeightAndPostureChooseTheBooksFace(@TempDir Path tmp) throws Exception {
        List<String> all = List.of("NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf");
        byte[] regular = draw(tmp.resolve("a"), all, "");
        byte[] bold = draw(tmp.resolve("b"), all, "font-weight=\"bold\"");
        byte[] italic = draw(tmp.resolve("c"), all, "font-style=\"italic\"");
        // the same text in a book with the regular face only: Java emboldens and slants it itself
        byte[] madeUpBold = draw(tmp.resolve("d"), List.of("NotoSerif-Regular.ttf"), "font-weight=\"bold\"");
        byte[] madeUpItalic = draw(tmp.resolve("e"), List.of("NotoSerif-Regular.ttf"), "font-style=\"italic\"");
        assertThat(bold).isNotEqualTo(regular).isNotEqualTo(madeUpBold);
        assertThat(italic).isNotEqualTo(regular).isNotEqualTo(madeUpItalic);
        assertThat(madeUpBold).isNotEqualTo(regular);
        assertThat(madeUpItalic).isNotEqualTo(regular);
        assertThat(draw(tmp.resolve("f"), all, "font-weight=\"bold\"")).as("the same every time").isEqualTo(bold);
    }

    private static byte[] draw(Path dir, List<String> fonts, String attributes) throws Exception {
        Files.createDirectories(dir.resolve("chapters/one"));
        Files.createDirectories(dir.resolve("fonts"));
        Files.writeString(dir.resolve("book.yaml"), "title: T\nauthor: A\nlanguage: en\ncover: cover.svg\n");
        Files.writeString(dir.resolve("chapters/one/a.md"), "---\ntitle: A\ndate: \"2020-01-01\"\n---\nText.\n");
        Files.writeString(dir.resolve("cover.svg"), SVG.formatted(attributes));
        for (String f : fonts) {
            Files.copy(Path.of("fonts", f), dir.resolve("fonts").resolve(f));
        }
        Book book = new BookReader(dir, new Diagnostics()).read().orElseThrow();
        return SvgCover.png(book, dir.resolve("cover.svg"), 600);
    }
}
