package dev.sheaf.index;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.model.Book;
import dev.sheaf.read.BookReader;
import dev.sheaf.render.Labels;
import dev.sheaf.render.xhtml.IndexXhtml;
import dev.sheaf.render.xhtml.Xml;
import dev.sheaf.testing.EpubValidator;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large index in an EPUB without print page numbers: an entry in many pieces gets compact locators (the
 * chapter's title once, then the pieces' numbers), and an index over {@link IndexXhtml#DOCUMENT_CHARS} is split
 * into several documents, all in the navigation, every locator and cross-reference still leading to its target;
 * the site's index is split the same way.
 */
class IndexLargeEpubTest {

    private static final int PIECES = 24;
    /** Entries besides Moscow and Kabul, each in {@link #SPREAD} pieces, so listed by the pieces' (long) titles. */
    private static final int WORDS = 150;
    private static final int SPREAD = 10;
    private static final Pattern LOCATOR = Pattern.compile(
            "<a epub:type=\"index-locator\" href=\"([^\"#]+)#([^\"]+)\">([^<]+)</a>");

    @TempDir
    static Path tmp;
    static Path book;
    static Path epub;

    /** A made-up name for word {@code n}, starting with any letter. */
    private static String name(int n) {
        StringBuilder code = new StringBuilder();
        for (int k = n; k > 0 || code.length() == 0; k /= 26) {
            code.append((char) ('a' + k % 26));
        }
        return (char) ('A' + n % 26) + "ix" + code;
    }

    @BeforeAll
    static void build() throws IOException {
        List<String> files = new ArrayList<>();
        StringBuilder index = new StringBuilder("entries:\n  Moscow: {kind: place, see-also: [Kabul]}\n"
                + "  Kabul: {kind: place, see-also: [Moscow]}\n");
        for (int n = 0; n < WORDS; n++) {
            index.append("  ").append(name(n)).append(":\n");
        }
        for (int p = 0; p < PIECES; p++) {
            StringBuilder body = new StringBuilder("Moscow spoke in piece " + p + ".");
            if (p % 8 == 0) {
                body.append(" Kabul listened.");
            }
            for (int n = 0; n < WORDS; n++) {
                if (Math.floorMod(p - n, PIECES) < SPREAD) {
                    body.append(' ').append(name(n)).append(" was there.");
                }
            }
            files.add("chapters/0" + (1 + p / 12) + (p < 12 ? "-east" : "-west") + "/p" + (100 + p) + ".md");
            // Long titles, as some pieces have, make a large index of few entries.
            files.add(TestBooks.piece("title: Piece " + (100 + p) + " on the long and winding road from the steppe "
                    + "to the mountains and back again, with notes on everything seen along the way, day by day\n"
                    + "date: 2021-01-" + String.format("%02d", 1 + p % 12), body.toString()));
        }
        book = TestBooks.minimal(tmp.resolve("book"), files.toArray(String[]::new));
        TestBooks.write(book, "index.yaml", index.toString());
        BuildResult r = new Sheaf().build(BuildRequest.of(book, tmp.resolve("out")).withFormats(List.of("epub", "site")));
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        epub = r.written().stream().filter(f -> f.toString().endsWith(".epub")).findFirst().orElseThrow();
    }

    private static String read(String name) throws IOException {
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            var e = zip.getEntry("EPUB/" + name);
            assertThat(e).as(name).isNotNull();
            return new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> indexFiles() throws IOException {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<item [^>]*href=\"text/(index(?:-[0-9]+)?\\.xhtml)\"").matcher(read("package.opf"));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void epubCheckFindsNothing() {
        assertThat(EpubValidator.problems(epub)).isEmpty();
    }

    @Test
    void aLargeIndexIsSplitIntoDocumentsListedInTheNavigationAndSpine() throws IOException {
        List<String> files = indexFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(2).startsWith("index.xhtml", "index-2.xhtml");
        String opf = read("package.opf");
        // One index in several documents: a collection of role "index" (EPUB Indexes 1.0, 2.3.2.2), in order.
        StringBuilder collection = new StringBuilder("<collection role=\"index\">\n");
        files.forEach(f -> collection.append("<link href=\"text/").append(f).append("\"/>\n"));
        assertThat(opf).contains(collection.append("</collection>\n</package>")).doesNotContain("properties=\"index\"");
        String nav = read("text/nav.xhtml");
        int entries = 0;
        for (String f : files) {
            String doc = read("text/" + f);
            assertThat(doc.length()).as(f).isLessThan(IndexXhtml.DOCUMENT_CHARS + 20_000);
            assertThat(doc).as(f).contains("epub:type=\"index\"").contains("epub:type=\"index-entry-list\"");
            assertThat(opf).contains("idref=\"" + (f.equals("index.xhtml") ? "index" : f.replace(".xhtml", "")) + "\"");
            assertThat(nav).contains("href=\"" + f + "\"");
            entries += doc.split("class=\"index-term\"", -1).length - 1;
        }
        assertThat(entries).isEqualTo(WORDS + 2);
        assertThat(read("text/index.xhtml")).contains("<h1 class=\"index-title\" id=\"index-title\">Index</h1>");
        assertThat(nav).contains("epub:type=\"index\" href=\"index.xhtml\"");
    }

    @Test
    void everyLocatorLeadsToAMentionAndDenseEntriesAreCompact() throws IOException {
        Map<String, String> docs = new HashMap<>();
        Set<String> ids = new HashSet<>();
        StringBuilder all = new StringBuilder();
        for (String f : indexFiles()) {
            String doc = read("text/" + f);
            docs.put(f, doc);
            all.append(doc);
            Matcher id = Pattern.compile(" id=\"(ixe-[0-9]+)\"").matcher(doc);
            while (id.find()) {
                ids.add(f + "#" + id.group(1));
            }
        }
        Matcher entry = Pattern.compile("class=\"index-term\">([^<]+)</span>(.*?)(?=<li|</ul>)", Pattern.DOTALL)
                .matcher(all);
        int checked = 0;
        while (entry.find()) {
            String term = entry.group(1);
            Matcher l = LOCATOR.matcher(entry.group(2));
            List<String> labels = new ArrayList<>();
            while (l.find()) {
                String piece = read("text/" + l.group(1));
                int at = piece.indexOf("<span id=\"" + l.group(2) + "\" class=\"ix\"></span>");
                assertThat(at).as(term + " → " + l.group(1) + "#" + l.group(2)).isPositive();
                assertThat(piece.substring(at).replaceAll("<[^>]+>", "").strip()).startsWith(term);
                // A title names the piece; a number is the piece's place in its chapter, as the contents list them.
                String label = l.group(3);
                if (label.matches("[0-9]+")) {
                    int p = Integer.parseInt(l.group(1).replaceAll("[^0-9]", "")) - 100;
                    assertThat(Integer.parseInt(label)).as(term + " " + l.group(1)).isEqualTo(p % 12 + 1);
                } else {
                    assertThat(piece).contains("class=\"piece-title\">" + label + "</h1>");
                }
                labels.add(label);
                checked++;
            }
            if (term.equals("Moscow")) {
                // In every piece: the chapter once, then each piece's number in it (as the contents list them).
                assertThat(entry.group(2)).contains("<span class=\"index-locator-group\">East</span> <a ")
                        .contains("; <span class=\"index-locator-group\">West</span> <a ");
                assertThat(labels).hasSize(PIECES).containsSequence("1", "2", "3").containsSequence("12", "1", "2");
            } else {
                assertThat(entry.group(2)).doesNotContain("index-locator-group");
                assertThat(labels).hasSizeLessThanOrEqualTo(SPREAD).allMatch(s -> s.startsWith("Piece 1"));
            }
        }
        assertThat(checked).isEqualTo(WORDS * SPREAD + PIECES + 3);
        // Cross-references lead to the entry, in whichever document it is.
        Matcher xref = Pattern.compile("<span epub:type=\"index-xref-related\"[^>]*>.*?<a href=\"([^\"]*)#(ixe-[0-9]+)\"")
                .matcher(all);
        int refs = 0;
        while (xref.find()) {
            String target = xref.group(1).isEmpty() ? docs.entrySet().stream()
                    .filter(d -> d.getValue().contains(xref.group(0))).findFirst().orElseThrow().getKey() : xref.group(1);
            assertThat(ids).contains(target + "#" + xref.group(2));
            refs++;
        }
        assertThat(refs).isEqualTo(2);
    }

    @Test
    void aLetterLargerThanADocumentGoesOnInTheNextUnderItsHeading() {
        Diagnostics diags = new Diagnostics();
        Book b = new IndexProcessor(diags).process(new BookReader(book, diags).read().orElseThrow());
        IndexXhtml index = new IndexXhtml(b.index(), new Labels(java.util.Locale.ENGLISH), IndexXhtml.byPiece(b, p -> "p.xhtml"));
        List<IndexXhtml.Part> parts = write(index, 4_000);
        assertThat(parts.size()).isGreaterThan(30);
        // A letter over several documents: each also names its first and last entry, so that no two are alike.
        assertThat(parts.get(0).markup()).startsWith("<title>Index (Aixa\u2013");
        assertThat(parts.get(1).label()).startsWith("A").contains("\u2013A");
        assertThat(parts.get(1).markup()).contains("<h2 class=\"index-letter\">A</h2>");
        assertThat(parts).extracting(IndexXhtml.Part::label).doesNotHaveDuplicates()
                .allMatch(s -> s.matches("[A-Z](–[A-Z])?|[A-Z][a-z]+(–[A-Z][a-z]+)?"));
        // A document full just after a letter's heading ends before the letter, not with the heading alone (nor
        // an empty list): limits around where each of the first letters' lists begins in a single document.
        String whole = write(index, Integer.MAX_VALUE).get(0).markup();
        Matcher list = Pattern.compile("<h2 class=\"index-letter\">[B-F]</h2>\\s*<ul[^>]*>").matcher(whole);
        int tried = 0;
        while (list.find()) {
            for (int limit = list.end() - 8; limit <= list.end() + 8; limit++, tried++) {
                for (IndexXhtml.Part p : write(index, limit)) {
                    assertThat(p.markup()).as("limit " + limit).doesNotContainPattern("<ul[^>]*>\\s*</ul>")
                            .doesNotContainPattern("</h2>\\s*</section>");
                }
            }
        }
        assertThat(tried).isGreaterThan(50);
        for (IndexXhtml.Part p : parts) {
            assertThat(p.markup().length()).isLessThan(4_000 + 2_000);
            assertThat(p.markup().split("<section", -1).length).isEqualTo(p.markup().split("</section>", -1).length);
            assertThat(p.markup().split("<ul", -1).length).isEqualTo(p.markup().split("</ul>", -1).length);
        }
    }

    @Test
    void theSitesIndexIsSplitLikeTheEpubsWithLinksBetweenItsPages() throws Exception {
        Path site = tmp.resolve("out/site");
        List<String> pages = new ArrayList<>(List.of("back/index.html"));
        while (java.nio.file.Files.exists(site.resolve("back/index-" + (pages.size() + 1) + ".html"))) {
            pages.add("back/index-" + (pages.size() + 1) + ".html");
        }
        assertThat(pages).hasSizeGreaterThanOrEqualTo(2);
        String landing = java.nio.file.Files.readString(site.resolve("index.html"));
        Map<String, String> html = new HashMap<>();
        for (String page : pages) {
            html.put(page, java.nio.file.Files.readString(site.resolve(page)));
            // In the contents under the index, by its letters.
            assertThat(landing).contains("<li><a href=\"" + page + "\">");
        }
        Pattern locator = Pattern.compile("href=\"\\.\\./(pieces/[^\"#]+)#([^\"]+)\">([^<]+)</a>");
        Pattern xref = Pattern.compile("<a href=\"((?:index(?:-[0-9]+)?\\.html)?)#(ixe-[0-9]+)\"");
        int entries = 0;
        int located = 0;
        int refs = 0;
        for (int i = 0; i < pages.size(); i++) {
            String page = pages.get(i);
            String doc = html.get(page);
            assertThat(doc.length()).as(page).isLessThan(IndexXhtml.DOCUMENT_CHARS + 20_000);
            entries += doc.split("class=\"index-term\"", -1).length - 1;
            // Every page links to every other by its letters, and the pager goes through them in order.
            for (int j = 0; j < pages.size(); j++) {
                String file = pages.get(j).substring("back/".length());
                assertThat(doc).contains(j == i ? "<a href=\"" + file + "\" aria-current=\"page\">" : "<a href=\"" + file + "\">");
            }
            if (i > 0) {
                assertThat(doc).contains("class=\"pager-prev\" rel=\"prev\" href=\"../" + pages.get(i - 1) + "\"");
            }
            if (i + 1 < pages.size()) {
                assertThat(doc).contains("class=\"pager-next\" rel=\"next\" href=\"../" + pages.get(i + 1) + "\"");
            }
            Matcher l = locator.matcher(doc);
            while (l.find()) {
                String piece = java.nio.file.Files.readString(site.resolve(l.group(1)));
                int at = piece.indexOf("<span id=\"" + l.group(2) + "\" class=\"ix\"></span>");
                assertThat(at).as(l.group()).isPositive();
                located++;
            }
            Matcher r = xref.matcher(doc);
            while (r.find()) {
                String target = r.group(1).isEmpty() ? page : "back/" + r.group(1);
                assertThat(html.get(target)).as(r.group()).contains(" id=\"" + r.group(2) + "\"");
                refs++;
            }
        }
        assertThat(entries).isEqualTo(WORDS + 2);
        assertThat(located).isEqualTo(WORDS * SPREAD + PIECES + 3);
        assertThat(refs).isEqualTo(2);

        List<String> errors = new ArrayList<>();
        org.xml.sax.ErrorHandler handler = new org.xml.sax.ErrorHandler() {
            @Override
            public void warning(org.xml.sax.SAXParseException e) { }

            @Override
            public void error(org.xml.sax.SAXParseException e) {
                errors.add(e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(org.xml.sax.SAXParseException e) {
                error(e);
            }
        };
        nu.validator.validation.SimpleDocumentValidator v = new nu.validator.validation.SimpleDocumentValidator(true, false, false);
        v.setUpMainSchema("http://s.validator.nu/html5-all.rnc", handler);
        v.setUpValidatorAndParsers(handler, false, false);
        v.checkHtmlFile(site.resolve(pages.get(1)).toFile(), true);
        v.checkHtmlFile(site.resolve("index.html").toFile(), true);
        assertThat(errors).isEmpty();
    }

    /** The index written into documents of about {@code limit} characters, each its bare markup. */
    private static List<IndexXhtml.Part> write(IndexXhtml index, int limit) {
        return index.write(new IndexXhtml.Documents() {
            @Override
            public Xml start(int n, String title, boolean indexBody) {
                return new Xml().raw("<title>" + Xml.escape(title) + "</title>");
            }

            @Override
            public String end(Xml x, boolean last) {
                return x.toString();
            }

            @Override
            public String file(int n) {
                return "part" + n;
            }
        }, limit);
    }
}
