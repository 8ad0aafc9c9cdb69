package dev.sheaf.cite;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostic;
import dev.sheaf.model.Walk;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A book's own .csl file: problems at the file's line and column, nothing printed by the XML parser. */
class StyleFilesTest {

    @TempDir
    Path tmp;

    private static String bundled(String id) throws Exception {
        try (InputStream in = de.undercouch.citeproc.CSL.class.getResourceAsStream("/" + id + ".csl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The build's problems, and what was written on standard error meanwhile. */
    private record Outcome(Path book, String style, BuildResult result, String stderr) {
        List<String> messages() {
            return result.diagnostics().stream().map(Diagnostic::format).toList();
        }
    }

    private Outcome build(String styleFile, String xml) throws Exception {
        Path book = TestBooks.copy("cited", java.nio.file.Files.createTempDirectory(tmp, "book"));
        TestBooks.write(book, styleFile, xml);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            BuildResult r = new Sheaf().build(BuildRequest.of(book, book.resolveSibling("out")).withFormats(List.of("epub"))
                    .withCitationStyle(styleFile));
            return new Outcome(book, styleFile, r, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    private void assertRefused(Outcome o) {
        assertThat(o.result().success()).isFalse();
        assertThat(o.stderr()).isEmpty();
        assertThat(o.book().resolveSibling("out")).doesNotExist();
        // sheaf check says the same, also without printing anything.
        assertThat(new Sheaf().check(o.book(), o.style()).diagnostics()).isEqualTo(o.result().diagnostics());
    }

    @Test
    void should_report_xml_that_is_not_well_formed_at_the_parsers_place_and_print_nothing() throws Exception {
        String[] lines = bundled("chicago-author-date").split("\n", -1);
        lines[11] = "    <title>Notes & Bibliography</title>";
        Outcome o = build("styles/house.csl", String.join("\n", lines));
        assertThat(o.messages()).containsExactly("styles/house.csl:12:19: error: the style file styles/house.csl"
                + " cannot be used: it is not well-formed XML (The entity name must immediately follow the '&' in the"
                + " entity reference) \u2014 correct the XML at this place (write & as &amp; and < as &lt; in text), or"
                + " download the style again [CIT-005]");
        assertRefused(o);
    }

    @Test
    void should_report_well_formed_xml_that_is_no_csl_style_at_its_root() throws Exception {
        Outcome o = build("house.csl", "<?xml version=\"1.0\"?>\n<!-- saved from the web -->\n"
                + "<html><body>404 Not Found</body></html>\n");
        assertThat(o.messages()).singleElement().asString().startsWith("house.csl:3:1: error: the style file house.csl"
                + " cannot be used: its root element is <html> outside the CSL namespace, not a CSL <style").endsWith(
                "\u2014 take a style file from the Zotero Style Repository (zotero.org/styles), or name a style Sheaf"
                        + " comes with, such as chicago-author-date or apa [CIT-005]");
        assertRefused(o);
    }

    @Test
    void should_report_a_style_without_a_citation_or_a_bibliography_layout() throws Exception {
        String head = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<style xmlns=\"http://purl.org/net/xbiblio/csl\""
                + " class=\"in-text\" version=\"1.0\">\n  <info><title>House</title></info>\n";
        Outcome none = build("house.csl", head + "</style>\n");
        assertThat(none.messages()).singleElement().asString()
                .startsWith("house.csl:2:1: error: the style file house.csl cannot be used: it has no <citation> with");
        assertRefused(none);

        Outcome citationOnly = build("house.csl", head
                + "  <citation><layout><text variable=\"title\"/></layout></citation>\n</style>\n");
        assertThat(citationOnly.messages()).singleElement().asString()
                .startsWith("house.csl:2:1: error: the style file house.csl cannot be used: it has no <bibliography>");
        assertRefused(citationOnly);
    }

    @Test
    void should_refuse_a_doctype_at_its_place() throws Exception {
        Outcome o = build("house.csl", "<?xml version=\"1.0\"?>\n<!DOCTYPE style [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<style xmlns=\"http://purl.org/net/xbiblio/csl\">&x;</style>");
        assertThat(o.messages()).singleElement().asString()
                .startsWith("house.csl:2:1: error: the style file house.csl cannot be used: it declares a DOCTYPE");
        assertRefused(o);
    }

    private static String dependent(String parent, String format) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\" default-locale=\"en-US\">\n"
                + "  <info>\n    <title>A Journal</title>\n    <id>http://www.zotero.org/styles/a-journal</id>\n"
                + "    <link href=\"http://www.zotero.org/styles/a-journal\" rel=\"self\"/>\n"
                + "    <link href=\"http://www.zotero.org/styles/" + parent + "\" rel=\"independent-parent\"/>\n"
                + "    <category citation-format=\"" + format + "\"/>\n  </info>\n</style>\n";
    }

    @Test
    void should_format_a_dependent_style_with_its_bundled_parent() throws Exception {
        Path book = TestBooks.copy("cited", tmp);
        TestBooks.write(book, "journal.csl", dependent("apa", "author-date"));
        TestBooks.write(book, "notes.csl", dependent("chicago-notes-bibliography", "note"));
        var diags = new dev.sheaf.diag.Diagnostics();
        var read = new dev.sheaf.read.BookReader(book, diags).read().orElseThrow();
        String viaJournal = Walk.text(new CitationProcessor(diags).process(read, "journal.csl").pieces().get(0)
                .citeAs());
        String viaApa = Walk.text(new CitationProcessor(diags).process(read, "apa").pieces().get(0).citeAs());
        assertThat(diags.all()).isEmpty();
        assertThat(viaJournal).isEqualTo(viaApa).startsWith("Example, A. (2024).");
        // The parent's class decides whether citations become notes.
        assertThat(new CitationProcessor(diags).process(read, "notes.csl").pieces().get(0).footnotes()).isNotEmpty();
    }

    @Test
    void should_report_a_dependent_style_whose_parent_is_not_bundled() throws Exception {
        Outcome o = build("journal.csl", dependent("no-such-parent-style", "author-date"));
        assertThat(o.messages()).singleElement().asString().startsWith("journal.csl:2:1: error: the style file"
                + " journal.csl cannot be used: it is a dependent style whose parent"
                + " \"http://www.zotero.org/styles/no-such-parent-style\" is not among the styles Sheaf comes with");
        assertRefused(o);
    }
}
