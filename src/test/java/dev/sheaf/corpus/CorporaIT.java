package dev.sheaf.corpus;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.Severity;
import dev.sheaf.testing.EpubText;
import dev.sheaf.testing.EpubValidator;
import dev.sheaf.testing.PdfText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Markdown nobody on the team wrote (the books in src/test/corpora, made by bench/corpora.sh): each builds,
 * its EPUB passes EPUBCheck with no error and no warning, at least 99 % of its source words (as the CommonMark
 * reference parser reads them) are in the EPUB's text and in the PDF's text, and the PDF embeds every font.
 *
 * <p>{@link #KNOWN} lists the checks that fail today, each with the reason; they are reported, not failed, so
 * that the suite stays green while they are fixed. A known failure that passes is reported too: take it off the
 * list. The editions stay in target/corpora for the accessibility check in .ci/run, and the figures are written
 * to target/corpora/report.md (the table in docs/RELIABILITY.md). Two books are built at a time when JUnit's
 * parallel execution is on (failsafe turns it on), which halves the wall time on two cores.
 */
@Execution(ExecutionMode.CONCURRENT)
class CorporaIT {

    static final Path CORPORA = Path.of("src/test/corpora");
    static final Path OUT = Path.of(System.getProperty("sheaf.corpora.out", "target/corpora"));
    static final double MIN_COVERAGE = 0.99;

    /** book → check → why it fails today. Checks: build, epubcheck, epub-words, pdf-words, fonts. */
    static final Map<String, Map<String, String>> KNOWN = Map.of();

    private static final Map<String, String> ROWS = new java.util.concurrent.ConcurrentSkipListMap<>();

    static Stream<String> books() throws IOException {
        try (Stream<Path> s = Files.list(CORPORA)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("book.yaml"))).map(p -> p.getFileName().toString())
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("books")
    void builds_validates_and_keeps_the_text(String name) throws IOException {
        Path book = CORPORA.resolve(name);
        Path out = OUT.resolve(name);
        long start = System.nanoTime();
        BuildResult result = new Sheaf().build(BuildRequest.of(book, out).withFormats(List.of("epub", "pdf")));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        Map<String, String> failed = new TreeMap<>();
        long warnings = result.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).count();
        if (!result.success()) {
            failed.put("build", result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR)
                    .map(Diagnostic::format).limit(5).toList().toString());
            ROWS.put(name, String.format("| %s | no | – | – | – | – | %d s |", name, seconds));
            report(name, failed);
            return;
        }
        Path epub = result.written().stream().filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
        Path pdf = result.written().stream().filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();

        List<String> problems = EpubValidator.problems(epub);
        long epubErrors = problems.stream().filter(p -> !p.startsWith("WARNING")).count();
        long epubWarnings = problems.size() - epubErrors;
        if (!problems.isEmpty()) {
            Map<String, Long> ids = new TreeMap<>();
            problems.forEach(p -> ids.merge(p.split(" ")[1], 1L, Long::sum));
            failed.put("epubcheck", problems.size() + " problems " + ids + ", first: " + problems.stream().limit(3).toList());
        }

        Map<String, Integer> source = Words.bag(sourceText(book));
        Map<String, Integer> epubWords = Words.bag(new EpubText(epub).text());
        double epubCoverage = Words.coverage(source, epubWords);
        if (epubCoverage < MIN_COVERAGE) {
            failed.put("epub-words", percent(epubCoverage) + "; missing most: " + Words.missing(source, epubWords, 12));
        }
        double pdfCoverage;
        try (PdfText text = new PdfText(pdf)) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < text.pages(); i++) {
                all.append(text.page(i)).append('\n');
            }
            // A word hyphenated at a line end extracts as its two halves around a soft hyphen.
            Map<String, Integer> pdfWords = Words.bag(all.toString().replaceAll("\u00AD\\s*", ""));
            pdfCoverage = Words.coverage(source, pdfWords);
            if (pdfCoverage < MIN_COVERAGE) {
                failed.put("pdf-words", percent(pdfCoverage) + "; missing most: " + Words.missing(source, pdfWords, 12));
            }
            List<String> notEmbedded = text.fonts().stream().filter(f -> !f.endsWith(" embedded")).toList();
            if (!notEmbedded.isEmpty()) {
                failed.put("fonts", "not embedded: " + notEmbedded);
            }
        }
        ROWS.put(name, String.format(Locale.ROOT, "| %s | yes (%d warnings) | %d / %d | %s | %s | %s | %d s |", name,
                warnings, epubErrors, epubWarnings, percent(epubCoverage), percent(pdfCoverage),
                failed.containsKey("fonts") ? "no" : "yes", seconds));
        report(name, failed);
    }

    /** Fails on a check that is not known to fail; says which known failures are fixed. */
    private static void report(String name, Map<String, String> failed) {
        Map<String, String> known = KNOWN.getOrDefault(name, Map.of());
        known.keySet().stream().filter(check -> !failed.containsKey(check))
                .forEach(check -> System.out.println("CorporaIT: " + name + " passes " + check
                        + " now; take it off CorporaIT.KNOWN"));
        failed.forEach((check, why) -> {
            if (known.containsKey(check)) {
                System.out.println("CorporaIT: " + name + " still fails " + check + " (known: " + known.get(check)
                        + "): " + why);
            }
        });
        Map<String, String> unexpected = new TreeMap<>(failed);
        unexpected.keySet().removeAll(known.keySet());
        assertThat(unexpected).as(name).isEmpty();
    }

    /** The text of every piece, as the CommonMark reference parser reads it. */
    static String sourceText(Path book) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(book.resolve("chapters"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                sb.append(MarkdownText.of(Files.readString(f, StandardCharsets.UTF_8))).append('\n');
            }
        }
        return sb.toString();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    @AfterAll
    static void writeReport() throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "| book | builds | EPUBCheck errors / warnings | source words in EPUB | in PDF | fonts embedded | build time |",
                "| --- | --- | --- | --- | --- | --- | --- |"));
        lines.addAll(ROWS.values());
        Files.createDirectories(OUT);
        Files.write(OUT.resolve("report.md"), lines, StandardCharsets.UTF_8);
        lines.forEach(System.out::println);
    }
}
