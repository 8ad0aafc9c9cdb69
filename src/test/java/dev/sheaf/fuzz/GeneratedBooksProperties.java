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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    @Property(tries = 8, shrinking = ShrinkingMode.OFF)
    void books_build_valid_editions_or_fail_with_located_errors(@ForAll("books") List<Piece> pieces) throws IOException {
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

    @Provide
    Arbitrary<List<Piece>> books() {
        return piece().list().ofMinSize(1).ofMaxSize(5);
    }

    private Arbitrary<Piece> piece() {
        Arbitrary<String> word = Arbitraries.of(WORDS);
        Arbitrary<String> title = word.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(" ", l))
                .map(t -> t + Arbitraries.of("", ": a subtitle?", " \"quoted\"", " #hash", " & more").sample());
        Arbitrary<String> date = Arbitraries.of("2020-01-02", "2021-07", "2019", "2022-02-30", "someday", "");
        Arbitrary<List<String>> blocks = block(word).list().ofMinSize(0).ofMaxSize(8);
        return Combinators.combine(title, date, blocks, word.list().ofMinSize(1).ofMaxSize(6)).as((t, d, bs, plain) -> {
            List<String> words = new ArrayList<>(plain);
            String fm = "title: " + yamlString(t) + "\n" + (d.isEmpty() ? "" : "date: \"" + d + "\"\n")
                    + "tags: [" + String.join(", ", plain.stream().map(GeneratedBooksProperties::yamlString).toList()) + "]\n";
            StringBuilder body = new StringBuilder(String.join(" ", plain)).append("\n\n");
            int note = 0;
            for (String b : bs) {
                if (b.contains("[^n]")) {
                    note++;
                    b = b.replace("[^n]", "[^n" + note + "]") + "\n\n[^n" + note + "]: " + plain.get(0);
                }
                body.append(b).append("\n\n");
            }
            return new Piece(fm, body.toString(), words);
        });
    }

    private Arbitrary<String> block(Arbitrary<String> word) {
        Arbitrary<String> text = word.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join(" ", l));
        return Arbitraries.oneOf(
                text.map(t -> "*" + t + "* and **" + t + "**"),
                text.map(t -> "## " + t),
                text.map(t -> "## !?."),
                text.map(t -> "> " + t + "\n>\n> > " + t),
                text.map(t -> "- " + t + "\n  - " + t + "\n- " + t),
                text.map(t -> "1. " + t + "\n2. " + t),
                text.map(t -> "[" + t + "](https://example.org/" + t.length() + ") and <https://example.org>"),
                text.map(t -> t + " with a note[^n]."),
                text.map(t -> "| a | b |\n|---|:-:|\n| " + t + " | x |"),
                text.map(t -> "```\n" + t + " <code> & stuff\n```"),
                Arbitraries.of(HTML).list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(" ", l)),
                Arbitraries.integers().between(1, 300).map(n -> ">".repeat(n) + " deep"),
                Arbitraries.of("---", "***", "\\*not emphasis\\*", "&amp; &copy; &#x1F4DA;", "[^undefined]"));
    }

    static String yamlString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Diagnostics are always located when they are about a file. */
    static boolean located(Diagnostic d) {
        return d.where() != null;
    }
}
