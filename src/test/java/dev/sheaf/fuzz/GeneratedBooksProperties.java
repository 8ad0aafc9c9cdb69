package dev.sheaf.fuzz;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.Severity;
import dev.sheaf.testing.EpubText;
import dev.sheaf.testing.EpubValidator;
import dev.sheaf.testing.PdfText;
import dev.sheaf.testing.SourceWords;
import dev.sheaf.testing.TestBooks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated books — nesting, emphasis, raw HTML, links, footnotes, tables, every script, hostile front
 * matter — either build into editions that pass their oracles, or fail with located errors. No
 * exception may ever escape.
 */
class GeneratedBooksProperties {

    /** Words in many scripts; each generated text is made of these, so its words can be looked for later. */
    static final List<String> WORDS = List.of("steppe", "Казахстан", "Ελλάδα", "İstanbul", "习近平", "東京",
            "서울", "القاهرة", "שלום", "e\u0301t\u00e9", "naïve", "Łódź", "📚", "Tokayev", "2022", "Z\u0302");

    /** Raw HTML fragments authors paste, some of them hostile. */
    static final List<String> HTML = List.of("<b>bold</b>", "<i>open", "</em>", "<script>alert(1)</script>",
            "<a href=\"javascript:alert(1)\">x</a>", "<img src=x onerror=alert(1)>", "<span style=\"x\">s</span>",
            "<iframe src=\"http://example.org\"></iframe>", "<br>", "<q>quoted</q>", "<!-- note -->", "<div>");

    record Piece(String frontMatter, String body, List<String> words) { }

    /** Each seed is one generated book; a failing seed reproduces the same book every time. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void books_build_valid_editions_or_fail_with_located_errors(long seed) throws IOException {
        List<Piece> pieces = new BookGenerator(new Random(seed)).book();
        Path dir = Files.createTempDirectory("sheaf-fuzz");
        try {
            TestBooks.write(dir, "book.yaml", "title: Fuzz\nauthor: Tester\nlanguage: en\n");
            for (int i = 0; i < pieces.size(); i++) {
                TestBooks.write(dir, "chapters/c" + (i % 3) + "/p" + i + ".md",
                        "---\n" + pieces.get(i).frontMatter() + "---\n\n" + pieces.get(i).body() + "\n");
            }
            BuildResult r = new Sheaf().build(BuildRequest.of(dir, dir.resolve("out")).withFormats(List.of("epub", "pdf")));
            if (!r.success()) {
                assertThat(r.diagnostics()).filteredOn(d -> d.severity() == Severity.ERROR)
                        .isNotEmpty()
                        .allSatisfy(d -> assertThat(d.where()).as(d.format()).isNotNull());
                assertThat(r.written()).isEmpty();
                return;
            }
            Path epub = r.written().stream().filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
            Path pdf = r.written().stream().filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
            assertThat(EpubValidator.problems(epub)).isEmpty();
            String epubText = " " + SourceWords.words(new EpubText(epub).text()) + " ";
            String pdfText;
            try (PdfText text = new PdfText(pdf)) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < text.pages(); i++) {
                    sb.append(text.page(i)).append(' ');
                }
                pdfText = " " + SourceWords.words(sb.toString()) + " ";
            }
            for (Piece p : pieces) {
                for (String w : p.words()) {
                    String words = SourceWords.words(w);
                    if (!words.isEmpty()) {
                        assertThat(epubText).contains(" " + words + " ");
                        // The PDF prints only what its fonts have (a warning names the rest), so look for
                        // the words of scripts the bundled or book fonts cover.
                        if (words.codePoints().allMatch(c -> c < 0x0590)) {
                            assertThat(pdfText).contains(words);
                        }
                    }
                }
            }
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Random books from a seeded generator: the same seed gives the same book. */
    static final class BookGenerator {

        private final Random rnd;

        BookGenerator(Random rnd) {
            this.rnd = rnd;
        }

        List<Piece> book() {
            List<Piece> out = new ArrayList<>();
            for (int i = 0, n = 1 + rnd.nextInt(5); i < n; i++) {
                out.add(piece());
            }
            return out;
        }

        private <T> T pick(List<T> from) {
            return from.get(rnd.nextInt(from.size()));
        }

        private List<String> words(int min, int max) {
            List<String> out = new ArrayList<>();
            for (int i = 0, n = min + rnd.nextInt(max - min + 1); i < n; i++) {
                out.add(pick(WORDS));
            }
            return out;
        }

        private Piece piece() {
            String title = String.join(" ", words(1, 4))
                    + pick(List.of("", ": a subtitle?", " \"quoted\"", " #hash", " & more"));
            String date = pick(List.of("2020-01-02", "2021-07", "2019", "2022-02-30", "someday", ""));
            List<String> plain = words(1, 6);
            String fm = "title: " + yamlString(title) + "\n" + (date.isEmpty() ? "" : "date: \"" + date + "\"\n")
                    + "tags: [" + String.join(", ", plain.stream().map(GeneratedBooksProperties::yamlString).toList()) + "]\n";
            StringBuilder body = new StringBuilder(String.join(" ", plain)).append("\n\n");
            int note = 0;
            for (int i = 0, n = rnd.nextInt(9); i < n; i++) {
                String b = block();
                if (b.contains("[^n]")) {
                    note++;
                    b = b.replace("[^n]", "[^n" + note + "]") + "\n\n[^n" + note + "]: " + plain.get(0);
                }
                body.append(b).append("\n\n");
            }
            return new Piece(fm, body.toString(), new ArrayList<>(plain));
        }

        private String block() {
            String t = String.join(" ", words(1, 6));
            return switch (rnd.nextInt(13)) {
                case 0 -> "*" + t + "* and **" + t + "**";
                case 1 -> "## " + t;
                case 2 -> "## !?.";
                case 3 -> "> " + t + "\n>\n> > " + t;
                case 4 -> "- " + t + "\n  - " + t + "\n- " + t;
                case 5 -> "1. " + t + "\n2. " + t;
                case 6 -> "[" + t + "](https://example.org/" + t.length() + ") and <https://example.org>";
                case 7 -> t + " with a note[^n].";
                case 8 -> "| a | b |\n|---|:-:|\n| " + t + " | x |";
                case 9 -> "```\n" + t + " <code> & stuff\n```";
                case 10 -> pick(HTML) + " " + pick(HTML);
                case 11 -> ">".repeat(1 + rnd.nextInt(300)) + " deep";
                default -> pick(List.of("---", "***", "\\*not emphasis\\*", "&amp; &copy; &#x1F4DA;", "[^undefined]"));
            };
        }
    }

    static String yamlString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Diagnostics are always located when they are about a file. */
    static boolean located(Diagnostic d) {
        return d.where() != null;
    }
}
