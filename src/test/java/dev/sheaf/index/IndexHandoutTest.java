package dev.sheaf.index;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.testing.PdfText;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handouts with {@code index: true}: the index lists the entries mentioned in the handout's own pieces, with
 * the handout's page numbers, each checked against the page it names; cross-references to entries the handout
 * does not mention are left out; a handout without the flag has no index.
 */
class IndexHandoutTest {

    @TempDir
    Path tmp;

    @Test
    void aHandoutIndexesItsOwnPiecesWithItsOwnPages() throws IOException {
        Path book = IndexedBook.write(tmp.resolve("book"), 14);
        TestBooks.write(book, "book.yaml", """
                title: Test Book
                author: Test Author
                language: en
                handouts:
                  - name: second
                    pieces: [01-asia/second]
                    index: true
                  - name: both
                    pieces: [01-asia/first, 01-asia/second]
                    layout: booklet
                    index: true
                  - name: plain
                    pieces: [01-asia/second]
                """);
        BuildResult r = new Sheaf().build(BuildRequest.of(book, tmp.resolve("out")).withFormats(List.of("handouts")));
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        Path handouts = tmp.resolve("out/handouts");

        Map<String, List<String>> forms = new LinkedHashMap<>();
        forms.put("Russia", List.of("Russia"));
        forms.put("Tokayev", List.of("Tokayev"));
        forms.put("Xi Jinping", List.of("Xi"));
        String index = IndexPdfTest.verifiedIndex(handouts.resolve("second.pdf"), "Index of Names", forms);
        // Only the second piece's entries; "see" kept where its entry is listed, "see also" dropped where not.
        assertThat(index).contains("Muscovy. See Russia").doesNotContain("CSTO").doesNotContain("Öcalan")
                .doesNotContain("Orenburg").doesNotContain("Soviet Union").doesNotContain("and China");
        try (PdfText text = new PdfText(handouts.resolve("second.pdf"))) {
            assertThat(text.page(0)).as("the cover sheet's contents").contains("Index of Names");
        }
        try (PdfText text = new PdfText(handouts.resolve("plain.pdf"))) {
            assertThat(text.outline()).noneMatch(b -> b.title().equals("Index of Names"));
        }
        try (PdfText text = new PdfText(handouts.resolve("both.pdf"))) {
            String all = String.join(" ", java.util.stream.IntStream.range(0, text.pages()).mapToObj(text::page).toList());
            assertThat(all.replaceAll("\\s+", " ")).contains("Index of Names").contains("CSTO, ").contains("Öcalan, ");
        }
    }

    @Test
    void aHandoutAskingForAnIndexOfABookWithoutOneIsWarnedAbout() throws IOException {
        Path book = IndexedBook.write(tmp.resolve("book"), 0);
        Files.delete(book.resolve("index.yaml"));
        TestBooks.write(book, "book.yaml", """
                title: Test Book
                author: Test Author
                language: en
                handouts:
                  - name: second
                    pieces: [01-asia/second]
                    index: true
                """);
        BuildResult r = new Sheaf().check(book, null);
        assertThat(r.diagnostics()).anySatisfy(d -> assertThat(d.toString()).startsWith("book.yaml:")
                .contains("handout \"second\" asks for an index").contains("IDX-008"));
    }
}
