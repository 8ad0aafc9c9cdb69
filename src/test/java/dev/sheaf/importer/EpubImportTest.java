package dev.sheaf.importer;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.diag.Severity;
import dev.sheaf.testing.EpubValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.sheaf.importer.DocxImportTest.body;
import static dev.sheaf.importer.DocxImportTest.footnotes;
import static dev.sheaf.importer.DocxImportTest.prose;
import static dev.sheaf.importer.DocxImportTest.read;
import static org.assertj.core.api.Assertions.assertThat;

// The silence test runs first: epub4j's logger keeps the standard output it was loaded with.
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class EpubImportTest {

    static final Path EPUBS = Path.of("src/test/resources/import/epub");

    @TempDir
    Path tmp;

    private static ImportReport importInto(Path book, Diagnostics diags, Path... sources) throws IOException {
        return new ImportRun(diags).run(new ImportRequest(List.of(sources), book, ImportRequest.ChapterBy.NONE,
                Set.of(), null, null, null, false));
    }

    private static Path epubOf(Path book, Path out) {
        BuildResult built = new Sheaf().build(BuildRequest.of(book, out).withFormats(List.of("epub")));
        assertThat(built.success()).as(built.diagnostics().toString()).isTrue();
        Path epub = built.written().stream().filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
        assertThat(EpubValidator.problems(epub)).isEmpty();
        return epub;
    }

    private static byte[] picture(Path pieceFile) throws IOException {
        Matcher m = Pattern.compile("!\\[[^\\]]*\\]\\(([^)]+)\\)").matcher(read(pieceFile));
        assertThat(m.find()).as(pieceFile.toString()).isTrue();
        return Files.readAllBytes(pieceFile.resolveSibling(m.group(1)));
    }

    @Test
    void anEpubSheafWroteComesBackAsTheBookItWasMadeFrom() throws IOException {
        // A book with a picture, a table, footnotes (one of two paragraphs), a headnote, an outlet and a link.
        Path original = tmp.resolve("original");
        importInto(original, new Diagnostics(), DocxImportTest.DOCX.resolve("essay.docx"), DocxImportTest.DOCX.resolve("letter.docx"));
        Path letter = original.resolve("chapters/pieces/letter-on-sanctions-and-their-limits.md");
        Files.writeString(letter, read(letter).replace("date: ", "outlet: \"The Steppe Review\"\n"
                + "url: \"https://review.example.org/letters/sanctions\"\ntype: letter\n"
                + "note: |\n  Written the week the *second* package was announced.\ndate: "), StandardCharsets.UTF_8);
        Path epub = epubOf(original, tmp.resolve("out"));

        Path book = tmp.resolve("book");
        Diagnostics diags = new Diagnostics();
        ImportReport report = importInto(book, diags, epub);
        assertThat(diags.hasErrors()).isFalse();
        assertThat(report.count(ImportReport.Outcome.NEW)).isEqualTo(2);
        assertThat(report.skipped).containsKeys("title, copyright and dedication pages", "tables of contents");

        for (String name : List.of("water-before-pipelines.md", "letter-on-sanctions-and-their-limits.md")) {
            String before = read(original.resolve("chapters/pieces").resolve(name));
            String after = read(book.resolve("chapters/pieces").resolve(name));
            for (String field : List.of("title", "subtitle", "date", "author", "outlet", "url", "type")) {
                Matcher m = Pattern.compile("(?m)^" + field + ": .*$").matcher(before);
                if (m.find()) {
                    assertThat(after).as(name + " " + field).contains(m.group().replace("type: letter", "type: \"letter\""));
                }
            }
            assertThat(prose(after)).as(name).containsExactlyElementsOf(prose(before));
            assertThat(footnotes(body(after))).as(name).isEqualTo(footnotes(body(before))).isNotEmpty();
        }
        assertThat(read(book.resolve("chapters/pieces/letter-on-sanctions-and-their-limits.md")))
                .contains("note: |\n  Written the week the *second* package was announced.");
        assertThat(picture(book.resolve("chapters/pieces/water-before-pipelines.md")))
                .isEqualTo(Files.readAllBytes(DocxImportTest.DOCX.resolve("chart.png")));
        assertThat(read(book.resolve("book.yaml"))).contains("language: \"en-GB\"");

        // The imported book checks clean; a second import changes nothing.
        assertThat(new Sheaf().check(book, null).diagnostics()).filteredOn(d -> d.severity() != Severity.INFO).isEmpty();
        assertThat(importInto(book, new Diagnostics(), epub).count(ImportReport.Outcome.UNCHANGED)).isEqualTo(2);
    }

    @Test
    void pandocEpubsGiveOnePiecePerDocumentOrPerHeadingInside() throws IOException {
        String source = read(EPUBS.resolve("anthology.md"));
        for (String name : List.of("anthology.epub", "collected.epub")) {
            Path book = tmp.resolve(name);
            Diagnostics diags = new Diagnostics();
            ImportReport report = importInto(book, diags, EPUBS.resolve(name));
            assertThat(diags.all()).as(name).isEmpty();
            assertThat(report.count(ImportReport.Outcome.NEW)).as(name).isEqualTo(2);
            String water = read(book.resolve("chapters/pieces/water-before-pipelines.md"));
            String letter = read(book.resolve("chapters/pieces/letter-on-sanctions-and-their-limits.md"));
            // Package metadata as front matter.
            assertThat(water).contains("title: \"Water Before Pipelines\"", "author: \"Amira Sadykova\"",
                    "date: \"2022-03-01\"", "tags: [\"Central Asia\"]");
            assertThat(read(book.resolve("book.yaml"))).contains("title: \"Steppe Essays\"", "language: \"en-GB\"");
            // The text, the notes (numbered per piece) and the picture.
            String sourceWater = source.substring(source.indexOf("# Water Before Pipelines\n") + 25, source.indexOf("# Letter"))
                    .replace("[^water]", "[^1]").replace("[^report]", "[^2]");
            assertThat(prose(water)).as(name).containsExactlyElementsOf(prose(sourceWater));
            assertThat(body(water)).contains("## Three changes since 2016", "| Kyrgyzstan | 25 %", "bases.[^1] Yet",
                    "[basin report](https://example.org/basin) for the figures.[^2]",
                    "[^1]: Peter Hopkirk’s phrase, borrowed from Kipling.", "[^2]: Published in 2021, with *two* appendices.");
            assertThat(body(letter)).contains("the ***ordinary*** trader", "- every measure needs an end date.",
                    "[^1]: A reply to the leader of 3 March 2022.\n\n    The second paragraph of the note, kept with it.");
            assertThat(picture(book.resolve("chapters/pieces/water-before-pipelines.md")))
                    .isEqualTo(Files.readAllBytes(DocxImportTest.DOCX.resolve("chart.png")));
            assertThat(new Sheaf().check(book, null).diagnostics()).filteredOn(d -> d.severity() != Severity.INFO).isEmpty();
        }
    }

    @Test
    void epub4jsOwnTestBook() throws IOException {
        Path book = tmp.resolve("book");
        Diagnostics diags = new Diagnostics();
        ImportReport report = importInto(book, diags, EPUBS.resolve("epub4j/testbook1.epub"));
        assertThat(diags.hasErrors()).isFalse();
        assertThat(report.count(ImportReport.Outcome.NEW)).isEqualTo(4);
        assertThat(report.skipped).containsEntry("documents outside the reading order", 1);   // the cover page
        Path dir = book.resolve("chapters/pieces");
        assertThat(read(dir.resolve("introduction.md"))).contains("title: \"Introduction\"",
                "authors: [\"Joe Tester\", \"Jill Second\"]", "date: \"2020-11-10\"",
                "Welcome to Chapter 1 of the EPUB4J book1 test book.", "## Chapter 1 Section 2");
        assertThat(read(dir.resolve("second-chapter.md"))).contains("title: \"Second chapter\"", "Pretty flowers:");
        assertThat(picture(dir.resolve("second-chapter.md"))).startsWith((byte) 0xFF, (byte) 0xD8);   // the JPEG itself
        assertThat(read(book.resolve("book.yaml"))).contains("title: \"EPUB4J test book 1\"", "author: \"Joe Tester\"");
        assertThat(new Sheaf().check(book, null).diagnostics()).filteredOn(d -> d.severity() == Severity.ERROR).isEmpty();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void epub4jPrintsNothingEvenWhenItComplains() throws IOException {
        // Without toc.ncx (optional in EPUB 3) epub4j logs an error on every read.
        Path noNcx = tmp.resolve("no-ncx.epub");
        DocxImportTest.rewrite(EPUBS.resolve("anthology.epub"), noNcx, "EPUB/toc.ncx", null);
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        ImportReport report;
        try {
            System.setOut(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
            report = importInto(tmp.resolve("book"), new Diagnostics(), noNcx);
        } finally {
            System.setOut(out);
        }
        assertThat(report.count(ImportReport.Outcome.NEW)).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void damagedEpubsAreErrorsAndWriteNothing() throws IOException {
        Path anthology = EPUBS.resolve("anthology.epub");
        Path empty = Files.createFile(tmp.resolve("empty.epub"));
        Path notZip = tmp.resolve("not-zip.epub");
        Files.writeString(notZip, "This is not a zip file, just text named .epub.", StandardCharsets.UTF_8);
        Path noContainer = tmp.resolve("no-container.epub");
        DocxImportTest.rewrite(anthology, noContainer, "META-INF/container.xml", null);
        Path badOpf = tmp.resolve("bad-opf.epub");
        DocxImportTest.rewrite(anthology, badOpf, "EPUB/content.opf", xml -> xml.replace("</metadata>", "</metdata>"));
        Path truncated = tmp.resolve("truncated.epub");
        byte[] bytes = Files.readAllBytes(anthology);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        Path book = tmp.resolve("book");
        Diagnostics diags = new Diagnostics();
        ImportReport report = importInto(book, diags, empty, notZip, noContainer, badOpf, truncated);
        assertThat(report.entries).isEmpty();
        assertThat(Files.exists(book)).isFalse();
        assertThat(diags.all()).extracting(Diagnostic::id).containsOnly(MessageId.IMP_001).hasSize(5);
        List<String> messages = diags.all().stream().map(Diagnostic::format).toList();
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("empty.epub: error: cannot import this EPUB: the file is empty"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("not-zip.epub: error:", "not a complete zip package"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("no-container.epub: error:", "no META-INF/container.xml"));
        assertThat(messages).anySatisfy(m -> assertThat(m).containsPattern("bad-opf.epub:\\d+:\\d+: error: .*the XML of EPUB/content.opf is damaged"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("truncated.epub: error:"));
        assertThat(String.join("\n", messages)).doesNotContain("Exception", "ParseError");
    }

    /** A small EPUB 3 from documents (name → body markup), in spine order; "nav.xhtml" is the table of contents. */
    static Path epub(Path file, java.util.Map<String, String> documents) throws IOException {
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            java.util.zip.ZipEntry mimetype = new java.util.zip.ZipEntry("mimetype");
            mimetype.setMethod(java.util.zip.ZipEntry.STORED);
            byte[] type = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(type);
            mimetype.setSize(type.length);
            mimetype.setCrc(crc.getValue());
            zip.putNextEntry(mimetype);
            zip.write(type);
            put(zip, "META-INF/container.xml", "<?xml version=\"1.0\"?><container version=\"1.0\" "
                    + "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile full-path=\"OEBPS/package.opf\" "
                    + "media-type=\"application/oebps-package+xml\"/></rootfiles></container>");
            StringBuilder manifest = new StringBuilder();
            StringBuilder spine = new StringBuilder();
            int n = 0;
            for (var d : documents.entrySet()) {
                n++;
                manifest.append("<item id=\"d").append(n).append("\" href=\"").append(d.getKey())
                        .append("\" media-type=\"application/xhtml+xml\"")
                        .append(d.getKey().equals("nav.xhtml") ? " properties=\"nav\"" : "").append("/>");
                spine.append("<itemref idref=\"d").append(n).append("\"/>");
                put(zip, "OEBPS/" + d.getKey(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\" "
                        + "xmlns:epub=\"http://www.idpf.org/2007/ops\"><head><title>" + d.getKey() + "</title></head><body>"
                        + d.getValue() + "</body></html>");
            }
            put(zip, "OEBPS/package.opf", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><package xmlns=\"http://www.idpf.org/2007/opf\" "
                    + "version=\"3.0\" unique-identifier=\"id\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                    + "<dc:identifier id=\"id\">urn:uuid:0b7e8a52-1f55-4bb0-9d6a-1c2d3e4f5a6b</dc:identifier><dc:title>Links</dc:title>"
                    + "<dc:creator>Ann Author</dc:creator><dc:language>en</dc:language><dc:date>2020-05-01</dc:date>"
                    + "<meta property=\"dcterms:modified\">2020-05-01T00:00:00Z</meta></metadata><manifest>" + manifest
                    + "</manifest><spine>" + spine + "</spine></package>");
        }
        return file;
    }

    private static void put(java.util.zip.ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new java.util.zip.ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void linksBetweenDocumentsLeadToTheImportedPieces() throws IOException {
        var docs = new java.util.LinkedHashMap<String, String>();
        docs.put("nav.xhtml", "<nav epub:type=\"toc\"><ol><li><a href=\"text/one.xhtml\">One</a></li>"
                + "<li><a href=\"text/two.xhtml#later\">Later</a></li></ol></nav>");
        docs.put("text/one.xhtml", "<h1>Chapter One</h1><p>See <a href=\"two.xhtml#later\">the later part</a>, "
                + "<a href=\"two.xhtml\">chapter two</a>, <a href=\"two.xhtml#deep\">a paragraph in it</a>, "
                + "<a href=\"../nav.xhtml\">the contents</a> and <a href=\"https://example.org/x\">a site</a>. "
                + "Words enough to make this a page of text.</p><h2 id=\"early\">Early matters</h2><p>Early text.</p>");
        docs.put("text/two.xhtml", "<section id=\"two\"><h1>Chapter Two</h1><p id=\"p1\">Back to "
                + "<a href=\"one.xhtml#early\">early matters</a> and <a href=\"#later\">below</a>, and to "
                + "<a href=\"three.xhtml#beta\">Beta</a> and <a href=\"one.xhtml#gone\">a lost place</a>.</p>"
                + "<section id=\"later\"><h2>Later matters</h2><p id=\"deep\">Deep text.</p></section></section>");
        docs.put("text/three.xhtml", "<h1 id=\"alpha\">Alpha</h1><p>Alpha text, see <a href=\"#beta\">Beta</a>.</p>"
                + "<h1 id=\"beta\">Beta</h1><p>Beta text, back to <a href=\"#alpha\">Alpha</a>.</p>");
        Path source = epub(tmp.resolve("links.epub"), docs);

        Path book = tmp.resolve("book");
        // --dry-run decides the same files and writes none of them.
        ImportReport dry = new ImportRun(new Diagnostics()).run(new ImportRequest(List.of(source), book,
                ImportRequest.ChapterBy.NONE, Set.of(), null, null, null, true));
        assertThat(dry.count(ImportReport.Outcome.NEW)).isEqualTo(4);
        assertThat(book).doesNotExist();
        Diagnostics diags = new Diagnostics();
        ImportReport report = importInto(book, diags, source);
        assertThat(report.count(ImportReport.Outcome.NEW)).isEqualTo(4);
        // A second import finds the same files and the same links: nothing changed.
        assertThat(importInto(book, new Diagnostics(), source).count(ImportReport.Outcome.UNCHANGED)).isEqualTo(4);
        Path dir = book.resolve("chapters/pieces");
        String one = body(read(dir.resolve("chapter-one.md")));
        String two = body(read(dir.resolve("chapter-two.md")));
        assertThat(one).contains("[the later part](chapter-two.md#later)", "[chapter two](chapter-two.md)",
                "[a paragraph in it](chapter-two.md#later)", "the contents and", "[a site](https://example.org/x)",
                "## Early matters {#early}");
        assertThat(two).contains("[early matters](chapter-one.md#early)", "[below](#later)", "[Beta](beta.md)",
                "[a lost place](chapter-one.md)", "## Later matters {#later}");
        assertThat(body(read(dir.resolve("alpha.md")))).contains("[Beta](beta.md)");
        assertThat(body(read(dir.resolve("beta.md")))).contains("[Alpha](alpha.md)");
        // The link to the table of contents, which is not imported, keeps its text; one warning says so.
        assertThat(diags.all()).filteredOn(d -> d.id() == MessageId.IMP_012).singleElement()
                .satisfies(d -> assertThat(d.format()).contains("1 link(s)", "nav.xhtml"));

        // The book keeps them as links in every edition: no link warnings, and EPUBCheck checks the EPUB's links.
        assertThat(new Sheaf().check(book, null).diagnostics()).filteredOn(d -> d.severity() != Severity.INFO).isEmpty();
        Path built = epubOf(book, tmp.resolve("out"));
        assertThat(built).exists();
    }
}
