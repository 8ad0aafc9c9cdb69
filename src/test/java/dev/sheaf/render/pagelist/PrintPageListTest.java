package dev.sheaf.render.pagelist;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.testing.EpubText;
import dev.sheaf.testing.EpubValidator;
import dev.sheaf.testing.PageListCheck;
import dev.sheaf.testing.PdfText;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The print edition's page numbers in the EPUB: markers where the PDF's pages begin, the page list, metadata. */
class PrintPageListTest {

    private static final String PARTS = "sheaf.pdf.piecesPerPart";

    @TempDir
    Path tmp;

    private Path build(Path book, String out, String... formats) {
        BuildResult r = new Sheaf().build(BuildRequest.of(book, tmp.resolve(out)).withFormats(List.of(formats)));
        assertThat(r.success()).as("%s", r.diagnostics()).isTrue();
        return tmp.resolve(out);
    }

    private static Path file(Path dir, String ext) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(ext)).findFirst().orElseThrow();
        }
    }

    @Test
    void every_entry_of_the_page_list_begins_where_the_pdf_page_begins() throws Exception {
        Path book = TestBooks.copy("kitchen-sink", tmp);
        Path out = build(book, "out", "epub", "pdf");
        Path epub = file(out, ".epub");
        assertThat(EpubValidator.problems(epub)).isEmpty();
        EpubText text = new EpubText(epub);
        try (PdfText pdf = new PdfText(file(out, ".pdf"))) {
            List<PageListCheck.Entry> entries = PageListCheck.entries(text, pdf);
            assertThat(entries).hasSizeGreaterThan(3);
            assertThat(PageListCheck.mismatches(text, pdf)).isEmpty();
            // Page numbers only grow, each once.
            List<Integer> numbers = entries.stream().map(e -> Integer.parseInt(e.label())).toList();
            assertThat(numbers).isSorted().doesNotHaveDuplicates();
            ncxPageListMatchesTheNav(text, entries);
        }
        String opf = text.entry("EPUB/package.opf");
        assertThat(opf).contains("property=\"pageBreakSource\"", "<dc:source id=\"print-source\">",
                ">pagination</meta>", ">pageBreakMarkers</meta>", ">pageNavigation</meta>");
        String anyPiece = text.names().stream().filter(n -> n.contains("/text/") && text.entry(n).contains("doc-pagebreak"))
                .findFirst().map(text::entry).orElseThrow();
        assertThat(anyPiece).containsPattern("<span epub:type=\"pagebreak\" role=\"doc-pagebreak\" id=\"page-\\d+\" "
                + "aria-label=\"\\d+\" title=\"\\d+\"/>");
    }

    /**
     * The back matter of a book with 26 pieces, 120 indexed names and a sources list over several pages: every
     * page of it with text, but the colophon (which only the print edition has), is in the page list, its marker
     * where the PDF page begins (before an entry or a line of the index, or inside an entry, between words), in
     * the EPUB and on the site.
     */
    @Test
    void every_page_of_the_back_matter_is_listed() throws Exception {
        String[] first = {"Ak", "Bal", "Kar", "Tor", "Us", "Zhan", "Ser", "Mir", "Nur", "Tal"};
        String[] last = {"abad", "tau", "kent", "su", "gol", "bek", "dar", "pol", "yar", "sk", "ovo", "ino"};
        List<String> names = new java.util.ArrayList<>();
        for (String f : first) {
            for (String l : last) {
                names.add(f + l);
            }
        }
        StringBuilder index = new StringBuilder("entries:\n  Steppe:\n    sub:\n      rivers of: [rivers of the steppe]\n");
        names.forEach(n -> index.append("  ").append(n).append(":\n"));
        int n = 26;
        String[] pieces = new String[2 * n + 2];
        for (int i = 0; i < n; i++) {
            List<String> here = names.subList(i * names.size() / n, (i + 1) * names.size() / n);
            pieces[2 * i] = String.format("chapters/01-all/piece-%02d.md", i + 1);
            pieces[2 * i + 1] = String.format("""
                    ---
                    title: "On the rivers of the steppe and the towns along them, part %d"
                    date: "2020-%02d-%02d"
                    outlet: The Example Review of Central Asian Affairs
                    url: https://example.org/rivers/%d
                    ---

                    The river runs north past %s, across the steppe; the rivers of the steppe are slow.
                    """, i + 1, 1 + i % 12, 1 + i % 28, i + 1, String.join(", ", here));
        }
        pieces[2 * n] = "index.yaml";
        pieces[2 * n + 1] = index.toString();
        Path book = TestBooks.minimal(tmp.resolve("rivers"), pieces);
        Path out = build(book, "rivers-out", "epub", "pdf", "site");
        Path epub = file(out, ".epub");
        assertThat(EpubValidator.problems(epub)).isEmpty();
        EpubText text = new EpubText(epub);
        try (PdfText pdf = new PdfText(file(out, ".pdf"))) {
            List<PageListCheck.Entry> entries = PageListCheck.entries(text, pdf);
            assertThat(PageListCheck.mismatches(text, pdf)).isEmpty();
            List<String> sources = labels(entries, "back-sources.xhtml");
            List<String> indexPages = labels(entries, "index.xhtml");
            assertThat(sources).hasSizeGreaterThan(1);
            assertThat(indexPages).hasSizeGreaterThan(1);
            // From the list's first page to the colophon (the last page), every page with text.
            List<String> labels = pdf.labels();
            List<String> withText = new java.util.ArrayList<>();
            for (int i = labels.indexOf(sources.get(0)); i < labels.size() - 1; i++) {
                if (!pdf.page(i).isBlank()) {
                    withText.add(labels.get(i));
                }
            }
            List<String> back = new java.util.ArrayList<>(sources);
            back.addAll(indexPages);
            assertThat(back).isEqualTo(withText);
            ncxPageListMatchesTheNav(text, entries);
        }
        String site = Files.readString(out.resolve("site/back/sources.html"))
                + Files.readString(out.resolve("site/back/index.html"));
        for (String label : markers(text, "back-sources.xhtml")) {
            assertThat(site).contains("id=\"page-" + label + "\"");
        }
        for (String label : markers(text, "index.xhtml")) {
            assertThat(site).contains("id=\"page-" + label + "\"");
        }
    }

    private static List<String> labels(List<PageListCheck.Entry> entries, String file) {
        return entries.stream().filter(e -> e.file().equals(file)).map(PageListCheck.Entry::label).toList();
    }

    private static List<String> markers(EpubText text, String file) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"page-(\\d+)\"")
                .matcher(text.entry("EPUB/text/" + file));
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    @Test
    void an_epub_alone_has_print_page_numbers_only_when_always_and_then_the_pdfs() throws Exception {
        Path book = TestBooks.copy("kitchen-sink", tmp);
        Path both = build(book, "both", "epub", "pdf");
        String withPdf = nav(both);

        // auto (the default): an EPUB alone is not laid out for print, and claims no print page numbers.
        Path auto = file(build(book, "auto", "epub"), ".epub");
        assertThat(EpubValidator.problems(auto)).isEmpty();
        assertNoPrintPages(new EpubText(auto));

        Files.writeString(book.resolve("book.yaml"), "print-page-numbers: always\n", StandardOpenOption.APPEND);
        Path always = file(build(book, "always", "epub"), ".epub");
        assertThat(EpubValidator.problems(always)).isEmpty();
        assertThat(nav(always.getParent())).isEqualTo(withPdf);
        EpubText text = new EpubText(always);
        try (PdfText pdf = new PdfText(file(both, ".pdf"))) {
            assertThat(PageListCheck.entries(text, pdf)).hasSizeGreaterThan(3);
            assertThat(PageListCheck.mismatches(text, pdf)).isEmpty();
        }
        assertThat(text.entry("EPUB/package.opf")).contains("property=\"pageBreakSource\"", ">pageNavigation</meta>",
                "listed for navigation");

        String yaml = Files.readString(book.resolve("book.yaml")).replace("print-page-numbers: always", "print-page-numbers: never");
        Files.writeString(book.resolve("book.yaml"), yaml);
        Path never = file(build(book, "never", "epub", "pdf"), ".epub");
        assertThat(EpubValidator.problems(never)).isEmpty();
        assertNoPrintPages(new EpubText(never));
    }

    /** No marker, no page list, no metadata or summary claiming them. */
    private static void assertNoPrintPages(EpubText text) {
        assertThat(text.entry("EPUB/text/nav.xhtml")).doesNotContain("page-list");
        assertThat(text.names().stream().filter(n -> n.endsWith(".xhtml")).map(text::entry))
                .noneMatch(doc -> doc.contains("pagebreak"));
        assertThat(text.entry("EPUB/package.opf")).doesNotContain("pageBreakSource", "pageBreakMarkers", "pageNavigation",
                "pagination", "listed for navigation");
    }

    @Test
    void a_book_laid_out_in_parts_marks_its_own_pages() throws Exception {
        Path book = TestBooks.copy("kitchen-sink", tmp);
        String before = System.getProperty(PARTS);
        System.setProperty(PARTS, "1");
        try {
            // One piece a part: each part starts on a recto, so pages differ from the single layout's.
            Path out = build(book, "parts", "epub", "pdf");
            EpubText text = new EpubText(file(out, ".epub"));
            try (PdfText pdf = new PdfText(file(out, ".pdf"))) {
                assertThat(PageListCheck.entries(text, pdf)).hasSizeGreaterThan(3);
                assertThat(PageListCheck.mismatches(text, pdf)).isEmpty();
            }
        } finally {
            if (before == null) {
                System.clearProperty(PARTS);
            } else {
                System.setProperty(PARTS, before);
            }
        }
    }

    /**
     * The NCX's page list names the same pages as the navigation document's, in the same order, and play order
     * runs 1, 2, 3… over the nav map and the page list together, in reading order (EPUBCheck checks only that
     * equal targets share a number and that no number is missing).
     */
    private static void ncxPageListMatchesTheNav(EpubText text, List<PageListCheck.Entry> entries) throws Exception {
        Document ncx = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(text.entry("EPUB/toc.ncx"))));
        NodeList targets = ncx.getElementsByTagNameNS(NCX, "pageTarget");
        assertThat(targets.getLength()).isEqualTo(entries.size());
        List<String> spine = spine(text.entry("EPUB/package.opf"));
        int lastOrder = 0;
        for (int i = 0; i < targets.getLength(); i++) {
            Element t = (Element) targets.item(i);
            PageListCheck.Entry e = entries.get(i);
            assertThat(t.getAttribute("type")).isEqualTo("normal");
            assertThat(t.getAttribute("value")).isEqualTo(e.label());
            assertThat(t.getElementsByTagNameNS(NCX, "text").item(0).getTextContent()).isEqualTo(e.label());
            String src = ((Element) t.getElementsByTagNameNS(NCX, "content").item(0)).getAttribute("src");
            assertThat(src).isEqualTo("text/" + e.file() + "#" + e.id());
            int order = Integer.parseInt(t.getAttribute("playOrder"));
            assertThat(order).isGreaterThan(lastOrder);
            lastOrder = order;
        }
        // Every navPoint of a document comes before that document's page targets, after the previous document's.
        NodeList points = ncx.getElementsByTagNameNS(NCX, "navPoint");
        List<int[]> byOrder = new java.util.ArrayList<>();
        for (NodeList list : List.of(points, targets)) {
            for (int i = 0; i < list.getLength(); i++) {
                Element p = (Element) list.item(i);
                String src = ((Element) p.getElementsByTagNameNS(NCX, "content").item(0)).getAttribute("src");
                byOrder.add(new int[] {Integer.parseInt(p.getAttribute("playOrder")),
                        spine.indexOf(src.replaceFirst("#.*", "")), src.contains("#") ? 1 : 0});
            }
        }
        byOrder.sort(java.util.Comparator.comparingInt(a -> a[0]));
        assertThat(byOrder.get(0)[0]).isEqualTo(1);
        for (int i = 1; i < byOrder.size(); i++) {
            int[] a = byOrder.get(i - 1);
            int[] b = byOrder.get(i);
            assertThat(b[0]).isEqualTo(a[0] + 1);
            assertThat(b[1] > a[1] || b[1] == a[1] && b[2] >= a[2]).as("play order %s after %s", b[0], a[0]).isTrue();
        }
        assertThat(meta(ncx, "dtb:totalPageCount")).isEqualTo(Integer.toString(entries.size()));
        assertThat(meta(ncx, "dtb:maxPageNumber")).isEqualTo(entries.get(entries.size() - 1).label());
    }

    private static final String NCX = "http://www.daisy.org/z3986/2005/ncx/";

    private static String meta(Document ncx, String name) {
        NodeList metas = ncx.getElementsByTagNameNS(NCX, "meta");
        for (int i = 0; i < metas.getLength(); i++) {
            Element m = (Element) metas.item(i);
            if (m.getAttribute("name").equals(name)) {
                return m.getAttribute("content");
            }
        }
        return null;
    }

    /** The spine's documents, relative to the package document. */
    private static List<String> spine(String opf) {
        java.util.Map<String, String> hrefs = new java.util.HashMap<>();
        java.util.regex.Matcher item = java.util.regex.Pattern.compile("<item id=\"([^\"]+)\" href=\"([^\"]+)\"")
                .matcher(opf);
        while (item.find()) {
            hrefs.put(item.group(1), item.group(2));
        }
        List<String> out = new java.util.ArrayList<>();
        java.util.regex.Matcher ref = java.util.regex.Pattern.compile("<itemref idref=\"([^\"]+)\"").matcher(opf);
        while (ref.find()) {
            out.add(hrefs.get(ref.group(1)));
        }
        return out;
    }

    private static String nav(Path out) throws Exception {
        String nav = new EpubText(file(out, ".epub")).entry("EPUB/text/nav.xhtml");
        return nav.substring(nav.indexOf("epub:type=\"page-list\""));
    }
}
