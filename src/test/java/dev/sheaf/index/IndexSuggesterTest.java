package dev.sheaf.index;

import dev.sheaf.cli.Main;
import dev.sheaf.model.BookIndex;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class IndexSuggesterTest {

    @TempDir
    Path tmp;

    private Path book() {
        return TestBooks.minimal(tmp,
                "chapters/01-asia/a.md", TestBooks.piece("title: A\ndate: 2021-01-01\ntags: [Eurasian security]",
                        "President Kassym-Jomart Tokayev met Xi Jinping in Astana. Later Tokayev wrote to the "
                                + "Collective Security Treaty Organization, and the CSTO answered. The Russian view "
                                + "was clear in Moscow; Kazakhs were not asked. See `Kabul` and https://example.org/Kabul."),
                "chapters/01-asia/b.md", TestBooks.piece("title: B\ndate: 2021-02-01",
                        "In Astana, Tokayev and the CSTO again; Xi Jinping called, and so did Xi. The Central Asian "
                                + "states watched. However, nothing changed. Eurasian security was discussed."),
                "chapters/01-asia/c.md", TestBooks.piece("title: C\ndate: 2021-03-01",
                        "Only once: Zbigniew Nobody. The Kremlin said little; Moscow was quiet."));
    }

    @Test
    void suggestsRecurringNamesPlacesAcronymsAndTags() {
        Path dir = book();
        IndexSuggester.Result r = IndexSuggester.forBook(dir, 2);
        assertThat(r.yaml()).isPresent();
        List<IndexSuggester.Suggestion> s = new IndexSuggester(new dev.sheaf.read.BookReader(dir,
                new dev.sheaf.diag.Diagnostics()).read().orElseThrow()).suggest(2);
        Map<String, IndexSuggester.Suggestion> byTerm = s.stream()
                .collect(Collectors.toMap(IndexSuggester.Suggestion::term, Function.identity()));
        assertThat(byTerm.get("Kassym-Jomart Tokayev").forms()).containsExactly("Tokayev");
        assertThat(byTerm.get("Kassym-Jomart Tokayev").kind()).isEqualTo(BookIndex.Kind.PERSON);
        assertThat(byTerm.get("Kassym-Jomart Tokayev").mentions()).isEqualTo(3);
        assertThat(byTerm.get("Xi Jinping").forms()).containsExactly("Xi");
        assertThat(byTerm.get("CSTO").forms()).containsExactly("Collective Security Treaty Organization");
        assertThat(byTerm.get("CSTO").kind()).isEqualTo(BookIndex.Kind.ORGANISATION);
        assertThat(byTerm.get("Astana").kind()).isEqualTo(BookIndex.Kind.PLACE);
        assertThat(byTerm.get("Moscow").pieces()).isEqualTo(2);
        assertThat(byTerm.get("Eurasian security").why()).isEqualTo("tag");
        assertThat(byTerm).doesNotContainKeys("Russian", "Kazakhs", "Central Asian", "However", "The", "Kabul",
                "Zbigniew Nobody", "Tokayev", "Xi", "Collective Security Treaty Organization");
    }

    @Test
    void theCommandWritesAnIndexThatTheBuildReadsAndNeverOverwrites() throws Exception {
        Path dir = book();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"index", "suggest", dir.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertThat(code).as(err.toString()).isEqualTo(0);
        String yaml = Files.readString(dir.resolve("index.yaml"));
        assertThat(yaml).contains("Kassym-Jomart Tokayev: {forms: [Tokayev], kind: person}");
        dev.sheaf.diag.Diagnostics diags = new dev.sheaf.diag.Diagnostics();
        var book = new IndexProcessor(diags).process(new dev.sheaf.read.BookReader(dir, diags).read().orElseThrow());
        assertThat(diags.all()).noneMatch(d -> d.id().code().startsWith("IDX"));
        assertThat(book.index().entries()).extracting(BookIndex.Entry::term).contains("CSTO", "Astana");
        code = Main.execute(new String[] {"index", "suggest", dir.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertThat(code).isEqualTo(0);
        assertThat(dir.resolve("index.suggested.yaml")).exists();
        assertThat(Files.readString(dir.resolve("index.yaml"))).isEqualTo(yaml);
    }

    @Test
    void namesInMoreThanHalfThePiecesAreWrittenAsCommentsWithTheirCounts() throws Exception {
        List<String> files = new java.util.ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            files.add("chapters/01-asia/p" + i + ".md");
            files.add(TestBooks.piece("title: P" + i + "\ndate: 2021-01-" + String.format("%02d", i),
                    "Moscow spoke again." + (i <= 13 ? " Tashkent listened." : "") + (i <= 4 ? " Kabul waited." : "")));
        }
        Path dir = TestBooks.minimal(tmp.resolve("many"), files.toArray(String[]::new));
        String yaml = IndexSuggester.forBook(dir, 2).yaml().orElseThrow();
        assertThat(yaml).containsPattern("(?m)^  # Moscow: \\{kind: place\\} +# mentioned in 24 of 24 pieces: too common "
                        + "to index usefully$")
                .containsPattern("(?m)^  # Tashkent: \\{kind: place\\} +# mentioned in 13 of 24 pieces")
                .containsPattern("(?m)^  Kabul: \\{kind: place\\} +# 4 in 4 pieces");
        Files.writeString(dir.resolve("index.yaml"), yaml);
        dev.sheaf.diag.Diagnostics diags = new dev.sheaf.diag.Diagnostics();
        var book = new IndexProcessor(diags).process(new dev.sheaf.read.BookReader(dir, diags).read().orElseThrow());
        assertThat(diags.all()).noneMatch(d -> d.id().code().startsWith("IDX"));
        assertThat(book.index().entries()).extracting(BookIndex.Entry::term).contains("Kabul")
                .doesNotContain("Moscow", "Tashkent");
        // Asked to, the suggestions keep them; and in a book of few pieces nothing is too common.
        assertThat(IndexSuggester.forBook(dir, 2, 100).yaml().orElseThrow())
                .containsPattern("(?m)^  Moscow: \\{kind: place\\} +# 24 in 24 pieces").doesNotContain("too common");
        assertThat(IndexSuggester.forBook(book(), 2).yaml().orElseThrow()).doesNotContain("too common");
    }

    @Test
    void yamlScalarsAreQuotedWhereYamlWouldMisreadThem() {
        assertThat(IndexSuggester.scalar("Xi Jinping")).isEqualTo("Xi Jinping");
        assertThat(IndexSuggester.scalar("No")).isEqualTo("\"No\"");
        assertThat(IndexSuggester.scalar("Covid-19: the year")).isEqualTo("\"Covid-19: the year\"");
        assertThat(IndexSuggester.scalar("1989")).isEqualTo("\"1989\"");
    }
}
