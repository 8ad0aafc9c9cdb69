package dev.sheaf.index;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.testing.PdfText;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An index of several pages in a book laid out in parts: its lines are measured a few at a time and its pages set
 * a few to a document (as a dense index must be, to fit in memory), and it comes out as if set at once: every
 * number right and linked, a running head on every page but the first.
 */
class IndexPdfPartsTest {

    @TempDir
    Path tmp;

    private static final String[] CONSONANTS = {"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u"};

    /** Made-up surnames, none a word of the filler text: Bakelov, Dumirov… */
    private static List<String> names(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; out.size() < n; i++) {
            String name = CONSONANTS[i % CONSONANTS.length].toUpperCase(Locale.ROOT) + VOWELS[i / 14 % 5]
                    + CONSONANTS[(i / 70 + 3 * i) % CONSONANTS.length] + VOWELS[(i / 5) % 5] + "lov";
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    @Test
    void anIndexSetInSlicesIsRightOnEveryPage() throws IOException {
        List<String> names = names(240);
        int pieces = 8;
        int paragraphs = 12;
        StringBuilder index = new StringBuilder("entries:\n");
        names.forEach(n -> index.append("  ").append(n).append(":\n"));
        Path book = tmp.resolve("book");
        List<String> files = new ArrayList<>();
        for (int k = 0; k < pieces; k++) {
            StringBuilder body = new StringBuilder();
            for (int j = 0; j < paragraphs; j++) {
                int p = k * paragraphs + j;
                List<String> here = new ArrayList<>();
                for (int n = 0; n < names.size(); n++) {
                    if (n % 96 == p || n * 7 % 96 == p) {
                        here.add(names.get(n));
                    }
                }
                body.append("The commission sat again, heard the witnesses at length and wrote down what each of ")
                        .append("them said about the harbour, the roads and the price of grain in the hard winter. ")
                        .append("Among those heard were ").append(String.join(", ", here)).append(".\n\n");
            }
            files.add("chapters/01-hearings/piece-" + k + ".md");
            files.add(TestBooks.piece("title: Hearing " + (k + 1) + "\ndate: 2021-03-0" + (k + 1), body.toString()));
        }
        TestBooks.minimal(book, files.toArray(String[]::new));
        TestBooks.write(book, "index.yaml", index.toString());

        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> settings = Map.of("sheaf.pdf.piecesPerPart", "3", "sheaf.pdf.indexPagesPerPart", "2",
                "sheaf.pdf.indexLinesPerLayout", "40");
        settings.forEach((k, v) -> before.put(k, System.setProperty(k, v)));
        BuildResult r;
        try {
            r = new Sheaf().build(BuildRequest.of(book, tmp.resolve("out")).withFormats(List.of("pdf")));
        } finally {
            before.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        Path pdf = r.written().stream().filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();

        Map<String, List<String>> forms = new LinkedHashMap<>();
        names.forEach(n -> forms.put(n, List.of(n)));
        IndexPdfTest.verifiedIndex(pdf, "Index", forms);
        try (PdfText text = new PdfText(pdf)) {
            int first = text.outline().stream().filter(b -> b.title().equals("Index")).findFirst().orElseThrow().page();
            int last = text.pages() - 2; // the colophon is the last page
            // Two documents of two pages at least: the heads of the second one's first page are what slicing risks.
            assertThat(last - first + 1).as("pages of the index").isGreaterThanOrEqualTo(4);
            for (int p = first + 1; p <= last; p++) {
                // Rectos carry the index's title, versos the book's; the first page of each later document too.
                String head = (p - first) % 2 == 0 ? "INDEX" : "TESTBOOK";
                assertThat(text.page(p).toUpperCase(Locale.ROOT).replaceAll("\\s", ""))
                        .as("head of index page " + (p - first + 1)).contains(head);
            }
        }
    }
}
