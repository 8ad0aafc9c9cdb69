package dev.sheaf.importer;

import de.undercouch.citeproc.helper.json.JsonLexer;
import de.undercouch.citeproc.helper.json.JsonParser;
import dev.sheaf.diag.Diagnostics;
import org.jsoup.Jsoup;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scores the HTML importer against Mozilla Readability's test pages: each folder holds
 * {@code source.html}, {@code expected.html} (the article text Readability extracts) and
 * {@code expected-metadata.json}.
 */
final class ReadabilityPages {

    /** One page's result. */
    record Score(String page, boolean imported, boolean title, boolean byline, boolean site, double overlap,
                 String detail) { }

    private ReadabilityPages() { }

    static List<Score> scoreAll(Path pagesDir) throws IOException {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(pagesDir)) {
            dirs = s.filter(d -> Files.isRegularFile(d.resolve("source.html"))).sorted().toList();
        }
        List<Score> scores = new ArrayList<>();
        for (Path d : dirs) {
            scores.add(scoreOne(d));
        }
        return scores;
    }

    static Score scoreOne(Path dir) throws IOException {
        Map<String, Object> expected = new JsonParser(new JsonLexer(new StringReader(
                Files.readString(dir.resolve("expected-metadata.json"), StandardCharsets.UTF_8)))).parseObject();
        String name = dir.getFileName().toString();
        ImportedPiece p;
        try {
            p = new HtmlPageImporter().read(dir.resolve("source.html"),
                    new ImportContext(dir.resolve("source.html"), new Diagnostics(), null)).pieces.get(0);
        } catch (ImportFailure e) {
            // Refused as "no article": a field agrees only where Readability expects nothing for it either.
            return new Score(name, false, agree(str(expected.get("title")), null), agree(str(expected.get("byline")), null),
                    agree(str(expected.get("siteName")), null), 0, e.getMessage());
        }
        String expectedText = Jsoup.parse(Files.readString(dir.resolve("expected.html"), StandardCharsets.UTF_8)).text();
        String ours = Jsoup.parse(com.vladsch.flexmark.html.HtmlRenderer.builder().build()
                .render(com.vladsch.flexmark.parser.Parser.builder().build().parse(p.body))).text();
        return new Score(name, true,
                agree(str(expected.get("title")), p.title),
                agree(str(expected.get("byline")), String.join(", ", p.authors)),
                agree(str(expected.get("siteName")), p.outlet),
                overlap(expectedText, ours),
                "title " + expected.get("title") + " | " + p.title + "; byline " + expected.get("byline") + " | "
                        + p.authors + "; site " + expected.get("siteName") + " | " + p.outlet);
    }

    /** Both absent, or one contains the other once case, accents, quotes and punctuation are set aside. */
    static boolean agree(String expected, String actual) {
        String e = Headnotes.normalize(expected == null ? "" : Normalizer.normalize(expected, Normalizer.Form.NFKC));
        String a = Headnotes.normalize(actual == null ? "" : Normalizer.normalize(actual, Normalizer.Form.NFKC));
        if (e.isEmpty() || a.isEmpty()) {
            return e.isEmpty() && a.isEmpty();
        }
        return e.contains(a) || a.contains(e);
    }

    /** The share of the expected text's words (as a multiset) found in ours. */
    static double overlap(String expected, String actual) {
        Map<String, Integer> have = new HashMap<>();
        for (String w : words(actual)) {
            have.merge(w, 1, Integer::sum);
        }
        List<String> want = words(expected);
        if (want.isEmpty()) {
            return 1;
        }
        int found = 0;
        for (String w : want) {
            Integer n = have.get(w);
            if (n != null && n > 0) {
                found++;
                have.put(w, n - 1);
            }
        }
        return (double) found / want.size();
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : Headnotes.normalize(text).split(" ")) {
            if (!w.isBlank()) {
                out.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static String str(Object o) {
        return o instanceof String s ? s : null;
    }
}
