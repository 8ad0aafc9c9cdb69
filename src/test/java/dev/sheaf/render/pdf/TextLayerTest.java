package dev.sheaf.render.pdf;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.testing.PdfText;
import dev.sheaf.testing.TestBooks;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text layer is what is printed: plain text extraction (which, like search, copy and screen readers, ignores
 * clipping) finds on each page exactly what a reader sees there, and every sentence of a long text once.
 */
class TextLayerTest {

    @TempDir
    static Path tmp;
    static Path pdf;
    static final int SENTENCES = 600;

    @BeforeAll
    static void build() throws IOException {
        // Long paragraphs of numbered sentences, with headings and lists, so that page breaks fall everywhere.
        StringBuilder md = new StringBuilder("---\ntitle: Many Sentences\ndate: 2021-05-01\n---\n\n");
        for (int i = 1; i <= SENTENCES; i++) {
            md.append("Sentence number ").append(i).append(" stands here in the text.");
            if (i % 23 == 0) {
                md.append("\n\n## Heading after ").append(i).append("\n\n- item after ").append(i).append("\n\n");
            } else if (i % 7 == 0) {
                md.append("\n\n");
            } else {
                md.append(' ');
            }
        }
        Path book = TestBooks.minimal(tmp.resolve("book"), "chapters/one/long.md", md.toString(),
                "chapters/one/short.md", "---\ntitle: Short\ndate: 2021-06-01\n---\n\nA short piece.\n");
        // The repository's fonts, as the companion is set: their tall ascenders make line boxes reach over page edges.
        try (Stream<Path> fonts = Files.list(Path.of("fonts"))) {
            for (Path f : fonts.filter(f -> f.toString().endsWith(".ttf")).toList()) {
                TestBooks.write(book, "fonts/" + f.getFileName(), Files.readAllBytes(f));
            }
        }
        BuildResult result = new Sheaf().build(BuildRequest.of(book, tmp.resolve("out")).withFormats(List.of("pdf")));
        assertThat(result.success()).as(result.diagnostics().toString()).isTrue();
        pdf = result.written().get(0);
    }

    @Test
    void should_extract_on_every_page_only_what_is_visible_there() throws IOException {
        try (PdfText text = new PdfText(pdf)) {
            assertThat(text.pages()).isGreaterThan(10);
            for (int i = 0; i < text.pages(); i++) {
                PDFTextStripper plain = new PDFTextStripper();
                plain.setSortByPosition(true);
                plain.setStartPage(i + 1);
                plain.setEndPage(i + 1);
                assertThat(norm(PdfText.joined(plain.getText(text.document())))).as("page %d", i + 1).isEqualTo(norm(text.page(i)));
            }
        }
    }

    @Test
    void should_extract_every_sentence_exactly_once() throws IOException {
        String all;
        try (PdfText text = new PdfText(pdf)) {
            StringBuilder sb = new StringBuilder();
            float mm = 72f / 25.4f;
            for (int i = 0; i < text.pages(); i++) {
                // The text block: running heads and folios would split sentences at page ends.
                sb.append(text.layer(i, 15 * mm, (210 - 16) * mm)).append(' ');
            }
            all = norm(sb.toString());
        }
        int[] seen = new int[SENTENCES + 1];
        Matcher m = Pattern.compile("Sentence number (\\d+) stands here in the text\\.").matcher(all);
        while (m.find()) {
            seen[Integer.parseInt(m.group(1))]++;
        }
        List<String> wrong = new ArrayList<>();
        for (int i = 1; i <= SENTENCES; i++) {
            if (seen[i] != 1) {
                wrong.add(i + " found " + seen[i] + " times");
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static String norm(String s) {
        return s.replaceAll("[\\s\\u00a0]+", " ").trim();
    }
}
