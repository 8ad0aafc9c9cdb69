package dev.sheaf.cite;

import de.undercouch.citeproc.bibtex.BibTeXConverter;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.helper.json.JsonLexer;
import de.undercouch.citeproc.helper.json.JsonParser;
import de.undercouch.citeproc.ris.RISParser;
import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The exports, read back by independent parsers (jbibtex, citeproc-java's JSON and RIS readers). */
class CitationExportTest {

    @TempDir
    static Path tmp;

    static Path out;

    @BeforeAll
    static void build() {
        Path book = TestBooks.copy("kitchen-sink", tmp);
        out = tmp.resolve("out");
        BuildResult r = new Sheaf().build(BuildRequest.of(book, out).withFormats(List.of("citations")));
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
    }

    @Test
    void bibtex_has_one_entry_per_piece_plus_the_anthology() throws Exception {
        BibTeXConverter c = new BibTeXConverter();
        Map<String, CSLItemData> items = c.toItemData(c.loadDatabase(
                new ByteArrayInputStream(Files.readAllBytes(out.resolve("kitchen-sink.bib")))));
        assertThat(items).hasSize(4);
        CSLItemData steppe = items.values().stream().filter(i -> i.getTitle().startsWith("Notes from")).findFirst().orElseThrow();
        assertThat(steppe.getContainerTitle()).isEqualTo("The Example Review");
        assertThat(steppe.getAuthor()[0].getFamily()).isEqualTo("Example");
        assertThat(steppe.getURL()).isEqualTo("https://example.org/steppe");
    }

    @Test
    void csl_json_parses_and_marks_approximate_dates() throws Exception {
        List<Object> array = new JsonParser(new JsonLexer(new StringReader(
                Files.readString(out.resolve("kitchen-sink.json"))))).parseArray();
        assertThat(array).hasSize(4);
        @SuppressWarnings("unchecked")
        CSLItemData steppe = array.stream().map(o -> CSLItemData.fromJson((Map<String, Object>) o))
                .filter(i -> i.getTitle().startsWith("Notes from")).findFirst().orElseThrow();
        assertThat(steppe.getIssued().getDateParts()[0]).containsExactly(2021, 3);
        assertThat(steppe.getIssued().getCirca()).isTrue();
    }

    @Test
    void ris_parses_with_one_record_per_work() throws Exception {
        var lib = new RISParser().parse(new StringReader(Files.readString(out.resolve("kitchen-sink.ris"))));
        assertThat(lib.getReferences()).hasSize(4);
        assertThat(Files.readString(out.resolve("kitchen-sink.ris"))).contains("TY  - BOOK\r\n", "ER  - \r\n");
    }
}
