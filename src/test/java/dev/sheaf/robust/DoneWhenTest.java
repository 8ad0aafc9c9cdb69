package dev.sheaf.robust;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Severity;
import dev.sheaf.testing.EpubText;
import dev.sheaf.testing.EpubValidator;
import dev.sheaf.testing.PdfText;
import dev.sheaf.testing.TestBooks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dev.sheaf.testing.TestBooks.piece;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The piece issue 12 names: a broken SVG, {@code width="750px"}, {@code [^undefined]}, {@code [^my note]}, a link
 * to another piece's {@code .md} file and one to a missing fragment. It builds with warnings only, and the EPUB
 * validates; internal links lead where they should in every edition, and no output file has an id twice.
 */
class DoneWhenTest {

    @TempDir
    Path dir;

    @Test
    void should_build_the_troubled_piece_with_warnings_only() throws Exception {
        TestBooks.minimal(dir,
                "chapters/one/first.md", piece("title: First piece\ndate: 2021-01-01", String.join("\n\n",
                        "A note[^undefined], [^my note], a real one[^1] and the same again[^1].",
                        "![A broken drawing](../../images/broken.svg)",
                        "<img src=\"../../images/good.svg\" width=\"750px\" alt=\"A drawing sized in HTML\">",
                        "See [the second piece](second.md), [its section](second.md#later-on), "
                                + "[a missing part](second.md#nowhere) and [the letter](../two/letter.md#main).",
                        "## Notes", "## Notes",
                        "<h2 id=\"later-on\">Raw heading</h2>",
                        "[^1]: The note.")),
                "chapters/one/second.md", piece("title: Second piece\ndate: 2021-02-01", "Text.\n\n## Later on\n\nMore."),
                "chapters/two/letter.md", piece("title: Letter\ndate: 2021-03-01", "## Main\n\nA letter."));
        TestBooks.write(dir, "images/broken.svg", DegradeLocallyTest.BROKEN_SVG);
        TestBooks.write(dir, "images/good.svg", DegradeLocallyTest.GOOD_SVG);

        BuildResult r = new Sheaf().build(BuildRequest.of(dir, dir.resolve("out")).withFormats(List.of("epub", "pdf", "site")));

        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        assertThat(r.diagnostics()).allMatch(d -> d.severity() == Severity.WARNING);
        assertThat(r.diagnostics()).extracting(d -> d.id().code())
                .containsExactlyInAnyOrder("MD-002", "MD-006", "IMG-006", "LINK-002");
        Path epub = output(r, ".epub");
        assertThat(EpubValidator.problems(epub)).isEmpty();
        EpubText text = new EpubText(epub);
        String first = text.entry("EPUB/text/first.xhtml");
        assertThat(first).contains("[^undefined]", "[^my note]", "A broken drawing",
                "href=\"second.xhtml\"", "href=\"second.xhtml#later-on\"", "href=\"letter.xhtml#main-2\"",
                "id=\"fnref-1\"", "id=\"fnref-1-2\"");
        for (String name : text.names()) {
            if (name.endsWith(".xhtml")) {
                assertThat(duplicateIds(text.entry(name), true)).as(name).isEmpty();
            }
        }
        try (Stream<Path> files = Files.walk(dir.resolve("out/site"))) {
            for (Path html : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                assertThat(duplicateIds(Files.readString(html), false)).as(html.toString()).isEmpty();
            }
        }
        assertThat(Files.readString(dir.resolve("out/site/pieces/first.html")))
                .contains("href=\"../pieces/second.html#later-on\"");
        try (PdfText pdf = new PdfText(output(r, ".pdf"))) {
            String all = String.join("\n", java.util.stream.IntStream.range(0, pdf.pages()).mapToObj(pdf::page).toList());
            assertThat(all).contains("[^undefined]", "[^my note]", "A broken drawing", "the second piece");
            List<Integer> targets = new java.util.ArrayList<>();
            for (int i = 0; i < pdf.pages(); i++) {
                targets.addAll(pdf.linkTargets(i));
            }
            // Links to the second piece, its section and the letter land on pages of the PDF.
            assertThat(targets.size()).isGreaterThanOrEqualTo(4);
        }
    }

    static Set<String> duplicateIds(String markup, boolean xml) {
        var doc = xml ? Jsoup.parse(markup, "", Parser.xmlParser()) : Jsoup.parse(markup);
        Set<String> seen = new HashSet<>();
        Set<String> dup = new HashSet<>();
        for (Element e : doc.select("[id]")) {
            if (!seen.add(e.id())) {
                dup.add(e.id());
            }
        }
        return dup;
    }

    private static Path output(BuildResult r, String suffix) {
        return r.written().stream().filter(p -> p.toString().endsWith(suffix)).findFirst().orElseThrow();
    }
}
