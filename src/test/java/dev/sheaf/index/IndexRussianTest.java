package dev.sheaf.index;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.model.Book;
import dev.sheaf.model.BookIndex;
import dev.sheaf.read.BookReader;
import dev.sheaf.testing.EpubValidator;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A Russian book's index: its entries found in their cases, and its words in Russian (Указатель, см., см. также).
 * The sentences are from the sources named in {@link MentionMatcherTest}.
 */
class IndexRussianTest {

    @TempDir
    Path tmp;

    @Test
    void aRussianBookIndexesCasesAndPrintsRussianWords() throws IOException {
        Path book = tmp.resolve("book");
        TestBooks.write(book, "book.yaml", "title: Кавказ\nauthor: Составитель\nlanguage: ru\n");
        TestBooks.write(book, "chapters/01-kavkaz/pervaya.md", TestBooks.piece("title: Вторая чеченская война\ndate: 2000-03-20",
                "Быстрое продвижение федеральных войск в глубь Чечни обеспечивает подъем рейтинга Владимира Путина "
                        + "перед президентскими выборами. Ухудшение ситуации в Чечне после предыдущей войны."));
        TestBooks.write(book, "chapters/01-kavkaz/vtoraya.md", TestBooks.piece("title: Визит\ndate: 2024-08-20",
                "Владимир Путин прилетел в Чечню на вертолете. Кадыров рассказал о первой встрече с Путиным. "
                        + "Обсуждались различные вопросы социально-экономического развития Чечни."));
        TestBooks.write(book, "index.yaml", """
                entries:
                  Путин: {kind: person}
                  Чечня:
                    kind: place
                    see-also: [Кадыров]
                  Кадыров: {kind: person}
                  Ичкерия: {see: Чечня}
                """);
        Book indexed = new IndexProcessor(new Diagnostics()).process(
                new BookReader(book, new Diagnostics()).read().orElseThrow());
        // Путина, Путин, Путиным; Чечни, Чечне, Чечню, Чечни.
        assertThat(indexed.index().entries()).extracting(BookIndex.Entry::term, e -> e.mentions().size())
                .contains(tuple("Путин", 3), tuple("Чечня", 4), tuple("Кадыров", 1));
        BuildResult r = new Sheaf().build(BuildRequest.of(book, tmp.resolve("out")).withFormats(List.of("epub")));
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        Path epub = r.written().stream().filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
        assertThat(EpubValidator.problems(epub)).isEmpty();
        String index;
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            index = new String(zip.getInputStream(zip.getEntry("EPUB/text/index.xhtml")).readAllBytes(),
                    StandardCharsets.UTF_8);
        }
        assertThat(index).contains(">Указатель<").contains(">См.<").contains(">См. также<");
        for (String term : List.of("Путин", "Чечня")) {
            String line = index.substring(index.indexOf("class=\"index-term\">" + term + "<"));
            assertThat(line.substring(0, line.indexOf("</li>"))).as(term).contains("epub:type=\"index-locator\"");
        }
        // Russian order: Ичкерия, Кадыров, Путин, Чечня.
        assertThat(List.of("Ичкерия", "Кадыров", "Путин", "Чечня")).map(t -> index.indexOf("class=\"index-term\">" + t + "<"))
                .isSorted().doesNotContain(-1);
    }
}
