package dev.sheaf.index;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The site's index page: in the contents, valid HTML5, each piece title linking to an anchored mention. */
class IndexSiteTest {

    /** A locator: the page it links to, the anchor, and its text. */
    private static final Pattern LOCATOR = Pattern.compile("href=\"\\.\\./(pieces/[^\"#]+)#([^\"]+)\">([^<]+)</a>");

    @TempDir
    Path tmp;

    @Test
    void theIndexPageLinksToTheMentions() throws Exception {
        Path book = IndexedBook.write(tmp.resolve("book"), 0);
        // A site alone has no print page numbers by default: its index names the pieces instead.
        BuildResult alone = new Sheaf().build(BuildRequest.of(book, tmp.resolve("alone")).withFormats(List.of("site")));
        assertThat(alone.success()).as(alone.diagnostics().toString()).isTrue();
        String byPiece = Files.readString(tmp.resolve("alone/site/back/index.html"));
        Matcher located = LOCATOR.matcher(byPiece);
        List<String> named = new ArrayList<>();
        while (located.find()) {
            named.add(located.group(3));
        }
        assertThat(named).hasSizeGreaterThanOrEqualTo(8).contains("First Piece").allMatch(n -> n.endsWith("Piece")
                || n.equals("Second, With Comma"));
        assertThat(Files.readString(tmp.resolve("alone/site/pieces/first.html"))).doesNotContain("print-page");

        Files.writeString(book.resolve("book.yaml"), "print-page-numbers: always\n", StandardOpenOption.APPEND);
        BuildResult r = new Sheaf().build(BuildRequest.of(book, tmp.resolve("out")).withFormats(List.of("site")));
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        Path site = tmp.resolve("out/site");
        assertThat(Files.readString(site.resolve("pieces/first.html"))).contains("print-page");
        assertThat(Files.readString(site.resolve("index.html"))).contains("href=\"back/index.html\"");
        String index = Files.readString(site.resolve("back/index.html"));
        assertThat(index).contains("<h1 class=\"index-title\" id=\"index-title\">Index of Names</h1>")
                .doesNotContain("epub:type");
        Matcher m = LOCATOR.matcher(index);
        int links = 0;
        while (m.find()) {
            String page = Files.readString(site.resolve(m.group(1)));
            assertThat(page).contains("<span id=\"" + m.group(2) + "\" class=\"ix\"></span>");
            // Numbered like the print edition, whose page numbers the site shows.
            assertThat(m.group(3)).matches("[0-9]+(\u2013[0-9]+)?");
            links++;
        }
        assertThat(links).isGreaterThanOrEqualTo(8);

        List<String> errors = new ArrayList<>();
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) { }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        SimpleDocumentValidator v = new SimpleDocumentValidator(true, false, false);
        v.setUpMainSchema("http://s.validator.nu/html5-all.rnc", handler);
        v.setUpValidatorAndParsers(handler, false, false);
        v.checkHtmlFile(site.resolve("back/index.html").toFile(), true);
        v.checkHtmlFile(site.resolve("pieces/first.html").toFile(), true);
        assertThat(errors).isEmpty();
    }
}
