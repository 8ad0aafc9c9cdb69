package dev.sheaf.render.site;

import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every page of the web edition checked by the Nu Html Checker (the W3C's HTML validator), used as a
 * library with its bundled schemas, so it needs no network.
 */
class SiteValidationTest {

    static final String HTML_SCHEMA = "http://s.validator.nu/html5-all.rnc";

    static Path site;
    static SimpleDocumentValidator validator;
    static final Collector problems = new Collector();

    /** Errors (and warnings, kept apart) with the file they were found in. */
    static final class Collector implements ErrorHandler {
        final List<String> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        String file = "";

        @Override
        public void warning(SAXParseException e) {
            warnings.add(format(e));
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(format(e));
        }

        @Override
        public void fatalError(SAXParseException e) {
            errors.add(format(e));
        }

        private String format(SAXParseException e) {
            return file + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage();
        }
    }

    @BeforeAll
    static void setUp() {
        site = SiteFixture.kitchenSink().site();
        try {
            // (log4j set up, no external entities, no language detection: the checks that need no network)
            validator = new SimpleDocumentValidator(true, false, false);
            validator.setUpMainSchema(HTML_SCHEMA, problems);
            validator.setUpValidatorAndParsers(problems, false, false);
        } catch (Exception | LinkageError e) {
            skipped = "HTML validation skipped: the Nu Html Checker could not be set up offline: " + e;
            System.err.println("SiteValidationTest: " + skipped);
        }
    }

    /** Why the checker cannot run here, or null when it can. */
    static String skipped;

    @BeforeEach
    void checkerAvailable() {
        assumeTrue(skipped == null, skipped);
    }

    @Test
    void every_page_is_valid_html5() throws Exception {
        List<String> pages = SiteFixture.files(site).stream().filter(f -> f.endsWith(".html")).toList();
        assertThat(pages).hasSizeGreaterThan(5);
        for (String page : pages) {
            problems.file = page;
            validator.checkHtmlFile(site.resolve(page).toFile(), true);
        }
        System.out.println("Nu Html Checker: " + pages.size() + " pages, " + problems.errors.size() + " errors, "
                + problems.warnings.size() + " warnings and notes" + (problems.warnings.isEmpty() ? ""
                : String.join("\n  ", List.of("", String.join("\n  ", problems.warnings)))));
        assertThat(problems.errors).isEmpty();
    }

    @Test
    void the_stylesheet_is_valid_css() throws Exception {
        Collector css = new Collector();
        css.file = "site.css";
        SimpleDocumentValidator v = new SimpleDocumentValidator(true, false, false);
        v.setUpMainSchema(HTML_SCHEMA, css);
        v.setUpValidatorAndParsers(css, false, false);
        v.checkCssFile(site.resolve("site.css").toFile(), true);
        assertThat(css.errors).isEmpty();
    }

    @Test
    void the_checker_does_report_what_is_invalid() throws Exception {
        Path bad = SiteFixture.dir("invalid").resolve("bad.html");
        java.nio.file.Files.writeString(bad, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>x</title>"
                + "</head><body><p><a epub:type=\"noteref\" href=\"#n\">1</a><img src=\"a.png\"></p></body></html>\n");
        Collector own = new Collector();
        SimpleDocumentValidator v = new SimpleDocumentValidator(true, false, false);
        v.setUpMainSchema(HTML_SCHEMA, own);
        v.setUpValidatorAndParsers(own, false, false);
        v.checkHtmlFile(bad.toFile(), true);
        assertThat(own.errors).anyMatch(e -> e.contains("epub:type")).anyMatch(e -> e.contains("alt"));
        Path badCss = bad.resolveSibling("bad.css");
        java.nio.file.Files.writeString(badCss, "p { colr: red; }\n");
        v.checkCssFile(badCss.toFile(), true);
        assertThat(own.errors).anyMatch(e -> e.contains("colr"));
    }
}
