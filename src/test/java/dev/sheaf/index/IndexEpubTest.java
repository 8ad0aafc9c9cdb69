package dev.sheaf.index;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.testing.EpubValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The EPUB's index document: valid, in the navigation, and every locator the print edition's page of a mention of
 * its entry (the EPUB carries the print edition's page breaks), linked to that mention.
 */
class IndexEpubTest {

    @TempDir
    static Path tmp;
    static Path epub;

    @BeforeAll
    static void build() {
        Path book = IndexedBook.write(tmp.resolve("book"), 14);
        // An EPUB alone carries the print page numbers (and the index its print-page locators) when asked to.
        try {
            Files.writeString(book.resolve("book.yaml"), "print-page-numbers: always\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        BuildResult r = new Sheaf().build(BuildRequest.of(book, tmp.resolve("out")).withFormats(List.of("epub")));
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        epub = r.written().stream().filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
    }

    private static String read(String name) throws IOException {
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            var e = zip.getEntry("EPUB/" + name);
            assertThat(e).as(name).isNotNull();
            return new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void epubCheckFindsNothing() {
        assertThat(EpubValidator.problems(epub)).isEmpty();
    }

    @Test
    void theIndexIsListedInTheNavigationAsALandmarkAndInThePackage() throws IOException {
        String nav = read("text/nav.xhtml");
        assertThat(nav).contains("<a href=\"index.xhtml\">Index of Names</a>")
                .contains("epub:type=\"index\" href=\"index.xhtml\"");
        // An index in one document is declared by its item's property (EPUB Indexes 1.0, 2.3.2.1).
        assertThat(read("package.opf")).contains("href=\"text/index.xhtml\" media-type=\"application/xhtml+xml\" properties=\"index\"")
                .doesNotContain("<collection");
    }

    @Test
    void anIndexSeparatedByKindIsAnIndexPerKindAndValid() throws IOException {
        Path book = IndexedBook.write(tmp.resolve("separate"), 0);
        Files.writeString(book.resolve("index.yaml"), IndexedBook.INDEX.replace("title: Index of Names\n",
                "title: Index of Names\nseparate: true\n"));
        BuildResult r = new Sheaf().build(BuildRequest.of(book, tmp.resolve("separate-out")).withFormats(List.of("epub")));
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        Path separate = r.written().stream().filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
        assertThat(EpubValidator.problems(separate)).isEmpty();
        try (ZipFile zip = new ZipFile(separate.toFile())) {
            String index = new String(zip.getInputStream(zip.getEntry("EPUB/text/index.xhtml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            // Each kind an index with one heading (EPUB Indexes 2.2.1), under the common heading.
            assertThat(index).contains("<section class=\"index\" id=\"index\" aria-labelledby=\"index-title\">")
                    .contains("<section epub:type=\"index\" role=\"doc-index\" class=\"index-kind\" id=\"index-person\"")
                    .contains("<section epub:type=\"index\" role=\"doc-index\" class=\"index-kind\" id=\"index-place\"");
        }
    }

    @Test
    void everyLocatorIsThePrintedPageOfAMentionOfItsEntry() throws IOException {
        String index = read("text/index.xhtml");
        assertThat(index).contains("epub:type=\"index\"").contains("epub:type=\"index-entry-list\"")
                .contains("<body epub:type=\"index\" class=\"back-matter index-page\">")
                // The entry a cross-reference names is its term (EPUB Indexes 2.2.7), linked when it is printed.
                .contains("<em>See also</em> <span epub:type=\"index-term\">Soviet Union</span>")
                .contains("<em>See</em> <a href=\"#ixe-5\" epub:type=\"index-term\">Russia</a>");
        Map<String, Integer> starts = new HashMap<>();
        String book = bookInReadingOrder(starts);
        // Each entry: its term, then its locators up to the next entry.
        Pattern entry = Pattern.compile("<span epub:type=\"index-term\" class=\"index-term\">([^<]+)</span>(.*?)(?=<li|</ul>)",
                Pattern.DOTALL);
        Pattern locator = Pattern.compile("<a epub:type=\"index-locator\" href=\"([^\"#]+)#([^\"]+)\">([^<]+)</a>");
        Pattern pageBreak = Pattern.compile("<span epub:type=\"pagebreak\"[^>]* id=\"page-([0-9]+)\"");
        Matcher m = entry.matcher(index);
        List<String> checked = new ArrayList<>();
        while (m.find()) {
            String term = m.group(1);
            Matcher l = locator.matcher(m.group(2));
            while (l.find()) {
                String doc = read("text/" + l.group(1));
                String target = "<span id=\"" + l.group(2) + "\" class=\"ix\"></span>";
                int at = doc.indexOf(target);
                assertThat(at).as(term + " → " + l.group(1) + "#" + l.group(2)).isPositive();
                String after = doc.substring(at).replaceAll("<[^>]+>", "").strip();
                assertThat(expectedStarts(term)).as("text at " + l.group(2) + ": " + after)
                        .anyMatch(after::startsWith);
                // The locator is the print edition's page (or the first of a range) on which that mention is: the
                // page whose break marker is the last before the anchor, in reading order.
                assertThat(l.group(3)).as(term).matches("[0-9]+(\u2013[0-9]+)?");
                // Anchor ids are unique in their piece's document: look for it there.
                Matcher b = pageBreak.matcher(book.substring(0, book.indexOf(target, starts.get(l.group(1)))));
                String page = null;
                while (b.find()) {
                    page = b.group(1);
                }
                assertThat(l.group(3).split("\u2013")[0]).as(term + " at " + l.group(2)).isEqualTo(page);
                checked.add(term);
            }
        }
        assertThat(checked).contains("Tokayev", "Xi Jinping", "CSTO", "and China", "oil", "Öcalan");
        // The pieces carry the anchors the locators link to and no others (none for a second mention on a page).
        java.util.Set<String> linked = new java.util.TreeSet<>();
        Matcher all = locator.matcher(index);
        while (all.find()) {
            linked.add(all.group(1) + "#" + all.group(2));
        }
        java.util.Set<String> anchored = new java.util.TreeSet<>();
        for (String file : starts.keySet()) {
            Matcher span = Pattern.compile("<span id=\"([^\"]+)\" class=\"ix\">").matcher(read("text/" + file));
            while (span.find()) {
                assertThat(anchored.add(file + "#" + span.group(1))).as("unique in " + file).isTrue();
            }
        }
        assertThat(anchored).isEqualTo(linked);
        assertThat(linked).allMatch(l -> l.matches("[^#]+#ix_[0-9]+"));
        assertThat(index).doesNotContain(">Kabul<").doesNotContain("Nobody");
        assertThat(read("text/nav.xhtml")).contains("epub:type=\"page-list\"");
    }

    /**
     * The content documents one after the other, in the order of the spine; {@code starts}: where each document
     * (by its file name in text/) begins.
     */
    private static String bookInReadingOrder(Map<String, Integer> starts) throws IOException {
        String opf = read("package.opf");
        Map<String, String> hrefs = new HashMap<>();
        Matcher item = Pattern.compile("<item [^>]*id=\"([^\"]+)\"[^>]*href=\"([^\"]+)\"").matcher(opf);
        while (item.find()) {
            hrefs.put(item.group(1), item.group(2));
        }
        StringBuilder sb = new StringBuilder();
        Matcher ref = Pattern.compile("<itemref [^>]*idref=\"([^\"]+)\"").matcher(opf);
        while (ref.find()) {
            String href = hrefs.get(ref.group(1));
            starts.put(href.substring(href.lastIndexOf('/') + 1), sb.length());
            sb.append(read(href));
        }
        return sb.toString();
    }

    /** The words a mention of {@code term} starts with in the test book. */
    private static List<String> expectedStarts(String term) {
        return switch (term) {
            case "Xi Jinping" -> List.of("Xi", "President Xi", "习近平");
            case "CSTO" -> List.of("CSTO", "Collective Security Treaty Organization");
            case "and China" -> List.of("Sino-Russian");
            case "oil" -> List.of("Russian oil");
            case "Tokayev" -> List.of("Tokayev", "the president");
            default -> List.of(term);
        };
    }
}
