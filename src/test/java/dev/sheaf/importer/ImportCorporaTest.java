package dev.sheaf.importer;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.Severity;
import dev.sheaf.testing.EpubValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Public test files that may not be committed (no clear licence), used when present in the folder named by
 * {@code -Dsheaf.import.corpora} (default {@code target/import-corpora}); docs/IMPORT.md says how to get them.
 */
class ImportCorporaTest {

    static final Path CORPORA = Path.of(System.getProperty("sheaf.import.corpora", "target/import-corpora"));

    @TempDir
    Path tmp;

    @Test
    void wordPressThemeUnitTestData() throws Exception {
        Path wxr = CORPORA.resolve("themeunittestdata.wordpress.xml");
        assumeTrue(Files.isRegularFile(wxr), "WordPress theme unit test data not present");
        Path book = tmp.resolve("book");
        Diagnostics diags = new Diagnostics();
        ImportReport report = new ImportRun(diags).run(new ImportRequest(List.of(wxr), book,
                ImportRequest.ChapterBy.CATEGORY, Set.of(), null, null, null, false));
        assertThat(diags.hasErrors()).as(diags.all().toString()).isFalse();

        // Counted independently with a DOM: every published, unprotected post is a piece.
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(wxr.toFile());
        NodeList items = doc.getElementsByTagName("item");
        int published = 0;
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            if (text(item, "wp:post_type").equals("post") && text(item, "wp:status").equals("publish")
                    && text(item, "wp:post_password").isEmpty()) {
                published++;
            }
        }
        assertThat(published).isGreaterThan(40);
        assertThat(report.count(ImportReport.Outcome.NEW)).isEqualTo(published);
        assertThat(report.skipped.values().stream().mapToInt(Integer::intValue).sum() + published)
                .isEqualTo(items.getLength());

        // Posts linking to posts of the same export link to their pieces.
        checksAndBuilds(book);
    }

    /**
     * Every .docx and .epub under {@code docx/} and {@code epub/} (public test suites' files, see
     * docs/IMPORT.md): each one is imported or refused with a clear error, the book checks without
     * errors and every edition builds.
     */
    @Test
    void wordDocumentsAndEpubsFromPublicTestSuites() throws Exception {
        List<Path> sources = new java.util.ArrayList<>();
        for (String dir : List.of("docx", "epub")) {
            if (Files.isDirectory(CORPORA.resolve(dir))) {
                sources.add(CORPORA.resolve(dir));
            }
        }
        assumeTrue(!sources.isEmpty(), "no Word or EPUB test files present");
        Path book = tmp.resolve("book");
        Diagnostics diags = new Diagnostics();
        ImportReport report = new ImportRun(diags).run(new ImportRequest(sources, book,
                ImportRequest.ChapterBy.NONE, Set.of(), null, null, null, false));
        System.out.printf(java.util.Locale.ROOT, "Word and EPUB test files: %d read, %d refused; %s%n", report.sourcesRead,
                report.sourcesFailed, report.summary());
        diags.all().stream().filter(d -> d.severity() == Severity.ERROR).forEach(d -> System.out.println(d.format()));
        assertThat(diags.all()).filteredOn(d -> d.severity() == Severity.ERROR)
                .allSatisfy(d -> assertThat(d.id()).isEqualTo(dev.sheaf.diag.MessageId.IMP_001));
        assertThat(report.count(ImportReport.Outcome.NEW)).isPositive();

        // Links between the documents of one EPUB or Word document lead to the pieces they became.
        checksAndBuilds(book);
    }

    @Test
    void readabilityTestPages() throws Exception {
        Path pages = CORPORA.resolve("readability/test-pages");
        assumeTrue(Files.isDirectory(pages), "Readability test pages not present");
        List<ReadabilityPages.Score> scores = ReadabilityPages.scoreAll(pages);
        double n = scores.size();
        double title = scores.stream().filter(ReadabilityPages.Score::title).count() / n;
        double byline = scores.stream().filter(ReadabilityPages.Score::byline).count() / n;
        // The stricter count: a page refused as "no article" disagrees even where Readability expects no byline.
        double bylineImported = scores.stream().filter(s -> s.imported() && s.byline()).count() / n;
        double site = scores.stream().filter(ReadabilityPages.Score::site).count() / n;
        double text = scores.stream().filter(s -> s.overlap() >= 0.9).count() / n;
        long refused = scores.stream().filter(s -> !s.imported()).count();
        System.out.printf(java.util.Locale.ROOT, "Readability test pages: %d (%d refused as no article); title %.1f %%, "
                + "byline %.1f %% (%.1f %% counting refused pages as disagreeing), site %.1f %%, >= 90 %% word overlap %.1f %%%n",
                scores.size(), refused, 100 * title, 100 * byline, 100 * bylineImported, 100 * site, 100 * text);
        if (Boolean.getBoolean("sheaf.import.details")) {
            scores.forEach(System.out::println);
        }
        assertThat(scores).hasSizeGreaterThan(100);
        assertThat(title).isGreaterThanOrEqualTo(0.9);
        assertThat(byline).isGreaterThanOrEqualTo(0.9);
        assertThat(bylineImported).isGreaterThanOrEqualTo(0.9);
        assertThat(site).isGreaterThanOrEqualTo(0.9);
        assertThat(text).isGreaterThanOrEqualTo(0.9);
    }

    private static String text(Element item, String tag) {
        NodeList l = item.getElementsByTagName(tag);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent().trim();
    }

    /**
     * The imported book checks without errors and without links left unresolved (links between imported
     * documents lead to the pieces they became), and builds every edition; its EPUB passes EPUBCheck.
     */
    private void checksAndBuilds(Path book) throws Exception {
        var checked = new Sheaf().check(book, null).diagnostics();
        assertThat(checked).filteredOn(d -> d.severity() == Severity.ERROR).isEmpty();
        assertThat(checked).filteredOn(d -> d.id() == dev.sheaf.diag.MessageId.LINK_001).isEmpty();
        BuildResult built = new Sheaf().build(BuildRequest.of(book, tmp.resolve("out")));
        assertThat(built.success()).as(built.diagnostics().toString()).isTrue();
        Path epub = built.written().stream().filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
        assertThat(EpubValidator.problems(epub)).isEmpty();
    }
}
