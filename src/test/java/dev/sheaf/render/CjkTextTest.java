package dev.sheaf.render;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import static dev.sheaf.testing.TestBooks.piece;
import static org.assertj.core.api.Assertions.assertThat;

class CjkTextTest {

    @TempDir
    Path tmp;

    /** The fast path's bound holds for the running JDK's script tables. */
    @Test
    void should_find_no_cjk_script_below_its_bound_and_one_at_it() {
        for (int cp = 0; cp < CjkText.FIRST; cp++) {
            assertThat(CjkText.isCjk(cp)).as("U+%04X", cp).isFalse();
        }
        assertThat(CjkText.isCjk(CjkText.FIRST)).isTrue();
    }

    @Test
    void should_tell_cjk_text_from_other_scripts() {
        assertThat(CjkText.in("Between Empires — Écrits, Москва, تهران")).isFalse();
        assertThat(CjkText.in("The Belt and Road (一带一路)")).isTrue();
        assertThat(CjkText.in("ひらがな")).isTrue();
        assertThat(CjkText.in("カタカナ")).isTrue();
        assertThat(CjkText.in("한국어")).isTrue();
        assertThat(CjkText.in("ㄅㄆㄇ")).isTrue();
        assertThat(CjkText.in("𠀀 (a Han character outside the basic plane)")).isTrue();
        assertThat(CjkText.in("")).isFalse();
        assertThat(CjkText.in((String) null)).isFalse();
    }

    /** A chapter's title is text of the book too: the EPUB embeds the CJK face for it, as the site lists it. */
    @Test
    void should_embed_the_cjk_face_in_the_epub_for_a_chapter_title_in_chinese_only() throws Exception {
        assertThat(embedsCjkFace("中国与俄罗斯")).isTrue();
        assertThat(embedsCjkFace("China and Russia")).isFalse();
    }

    private boolean embedsCjkFace(String chapterTitle) throws Exception {
        Path dir = tmp.resolve(chapterTitle.hashCode() + "");
        TestBooks.minimal(dir, "chapters/one/a.md", piece("title: A\ndate: \"2020-01-01\"", "Text in Latin letters."));
        TestBooks.write(dir, "chapters/one/_chapter.md", "---\ntitle: " + chapterTitle + "\n---\n");
        Files.createDirectories(dir.resolve("fonts"));
        for (String f : List.of("NotoSerif-Regular.ttf", "DroidSansFallbackFull.ttf")) {
            Files.copy(Path.of("fonts", f), dir.resolve("fonts").resolve(f));
        }
        BuildResult r = new Sheaf().build(BuildRequest.of(dir, dir.resolve("out")).withFormats(List.of("epub")));
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        Path epub = r.written().stream().filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            assertThat(zip.getEntry("EPUB/fonts/NotoSerif-Regular.ttf")).isNotNull();
            return zip.getEntry("EPUB/fonts/DroidSansFallbackFull.ttf") != null;
        }
    }
}
