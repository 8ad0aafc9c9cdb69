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
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class DocxImportTest {

    static final Path DOCX = Path.of("src/test/resources/import/docx");
    static final Path MAMMOTH = DOCX.resolve("mammoth");

    @TempDir
    Path tmp;

    private ImportReport importInto(Path book, Diagnostics diags, Path... sources) throws IOException {
        return new ImportRun(diags).run(new ImportRequest(List.of(sources), book, ImportRequest.ChapterBy.NONE,
                Set.of(), null, null, null, false));
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    static String body(String piece) {
        return piece.substring(piece.indexOf("\n---\n", 4) + 5);
    }

    /** Footnote definitions (label → text, continuation lines joined) and the text without them. */
    static Map<String, String> footnotes(String markdown) {
        Map<String, String> notes = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^\\[\\^([^\\]]+)\\]: (.*(?:\\n(?:\\n?    .*))*)").matcher(markdown);
        while (m.find()) {
            notes.put(m.group(1), m.group(2).replaceAll("\\s+", " ").strip());
        }
        return notes;
    }

    /**
     * The prose of a Markdown text block by block, as a reader sees it: front matter, footnote
     * definitions, pictures and table rules dropped, a table cell per block, list markers' indentation
     * and runs of spaces evened out.
     */
    static List<String> prose(String markdown) {
        String text = markdown.startsWith("---\n") ? body(markdown) : markdown;
        text = text.replaceAll("(?m)^\\[\\^[^\\]]+\\]: (.*(?:\\n(?:\\n?    .*))*)", "");
        List<String> blocks = new ArrayList<>();
        for (String block : text.split("\\n\\s*\\n")) {
            for (String line : block.split("\\n")) {
                String l = line.strip();
                if (l.startsWith("|")) {
                    if (l.matches("[|:\\- ]+")) {
                        continue;
                    }
                    for (String cell : l.split("\\|")) {
                        if (!cell.isBlank()) {
                            blocks.add(cell.strip());
                        }
                    }
                    continue;
                }
                if (l.startsWith("![") || l.startsWith("*![") || l.isEmpty()) {
                    continue;
                }
                blocks.add(l.replaceAll("\\s+", " "));
            }
        }
        return blocks;
    }

    @Test
    void aDocumentMadeFromMarkdownComesBackAsTheSameMarkdown() throws IOException {
        Path book = tmp.resolve("book");
        Diagnostics diags = new Diagnostics();
        ImportReport report = importInto(book, diags, DOCX.resolve("essay.docx"), DOCX.resolve("letter.docx"));
        assertThat(report.count(ImportReport.Outcome.NEW)).isEqualTo(2);
        assertThat(diags.all()).isEmpty();

        String original = read(DOCX.resolve("essay.md"));
        String piece = read(book.resolve("chapters/pieces/water-before-pipelines.md"));
        // Core properties and the title block as front matter.
        assertThat(piece).contains("title: \"Water Before Pipelines\"",
                "subtitle: \"Shared rivers, not great powers, decide the region’s next decade\"",
                "author: \"Amira Sadykova\"", "date: \"2022-01-07\"", "tags: [\"Water\", \"Central Asia\"]",
                "import_source: \"docx:essay.docx\"");
        assertThat(read(book.resolve("book.yaml"))).contains("language: \"en-GB\"");
        // Round trip: the same prose in the same order, the same notes.
        assertThat(prose(piece)).containsExactlyElementsOf(prose(original));
        assertThat(footnotes(body(piece))).isEqualTo(footnotes(original)).hasSize(2);
        // The exact Markdown for the constructs Word has its own form of.
        assertThat(body(piece)).contains("*water* — who stores it, who **releases** it", "## Three changes since 2016",
                "1. Uzbekistan reopened its borders;\n2. Kyrgyzstan", "   - the Kambarata dam found money.",
                "> Water is the valley’s constitution.", "| Kyrgyzstan | 25 %", "[basin report](https://example.org/basin)",
                "bases.[^1] Yet");
        // The picture is extracted next to the piece, byte for byte.
        Matcher img = Pattern.compile("!\\[Flow by country\\]\\(([^)]+)\\)").matcher(piece);
        assertThat(img.find()).isTrue();
        assertThat(Files.readAllBytes(book.resolve("chapters/pieces").resolve(img.group(1))))
                .isEqualTo(Files.readAllBytes(DOCX.resolve("chart.png")));

        // A bold first line is the title, the italic line under it the standfirst; a note of two paragraphs.
        String letter = read(book.resolve("chapters/pieces/letter-on-sanctions-and-their-limits.md"));
        String letterSource = read(DOCX.resolve("letter.md"));
        assertThat(letter).contains("title: \"Letter: On Sanctions and Their Limits\"",
                "subtitle: \"Why a ban on exports rarely changes a government’s mind\"");
        assertThat(prose(letter)).containsExactlyElementsOf(prose(letterSource).subList(2, prose(letterSource).size()));
        assertThat(footnotes(body(letter))).isEqualTo(footnotes(letterSource));
        assertThat(body(letter)).contains("the ***ordinary*** trader", "[^1]: A reply to the leader of 3 March 2022.\n\n"
                + "    The second paragraph of the note, kept with it.");

        // The book checks clean and makes a valid EPUB; a second import changes nothing.
        assertThat(new Sheaf().check(book, null).diagnostics()).filteredOn(d -> d.severity() != Severity.INFO).isEmpty();
        BuildResult built = new Sheaf().build(BuildRequest.of(book, tmp.resolve("out")).withFormats(List.of("epub")));
        assertThat(built.success()).as(built.diagnostics().toString()).isTrue();
        Path epub = built.written().stream().filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
        assertThat(EpubValidator.problems(epub)).isEmpty();
        ImportReport again = importInto(book, new Diagnostics(), DOCX.resolve("essay.docx"), DOCX.resolve("letter.docx"));
        assertThat(again.count(ImportReport.Outcome.UNCHANGED)).isEqualTo(2);
    }

    @Test
    void wordDocumentsFromAnotherProjectsTestSuite() throws IOException {
        Path book = tmp.resolve("book");
        Diagnostics diags = new Diagnostics();
        ImportReport report = importInto(book, diags, MAMMOTH);
        assertThat(diags.hasErrors()).isFalse();
        assertThat(report.count(ImportReport.Outcome.NEW)).isEqualTo(10);
        assertThat(report.skipped).containsEntry("empty documents", 1);
        Path dir = book.resolve("chapters/pieces");

        // Footnotes and endnotes, numbered in order of reference, as Markdown footnotes.
        for (String name : List.of("footnotes", "endnotes")) {
            assertThat(body(read(dir.resolve(name + ".md"))))
                    .isEqualTo("\nOuch[^1].[^2]\n\n[^1]: A tachyon walks into a bar.\n\n[^2]: Fin.\n");
        }
        // A footnote's link resolves through the notes part's own relationships.
        assertThat(body(read(dir.resolve("footnote-hyperlink.md")))).contains("[^1]: [Example](http://www.example.com)");
        assertThat(body(read(dir.resolve("tables.md")))).contains("Above\n\n|", "|  Top left   |  Top right   |", "| Bottom left | Bottom right |", "|\n\nBelow");
        assertThat(body(read(dir.resolve("simple-list.md")))).isEqualTo("\n- Apple\n- Banana\n");
        assertThat(body(read(dir.resolve("strikethrough.md")))).contains("~~Today's Special: Salmon~~ Sold out");
        // ISO 29500 Strict namespaces.
        assertThat(body(read(dir.resolve("strict-format.md")))).isEqualTo("\nTest\n");
        // A text box written twice (DrawingML and its VML fallback) is read once.
        assertThat(body(read(dir.resolve("text-box.md")))).isEqualTo("\nDatum plane\n");
        // Pictures: one inside the package, one Word only links to (found beside the document).
        assertThat(read(dir.resolve("tiny-picture.md"))).contains("author: \"Michael Williamson\"", "date: \"2013-04-01\"");
        byte[] png = Files.readAllBytes(MAMMOTH.resolve("tiny-picture.png"));
        for (String name : List.of("tiny-picture", "external-picture")) {
            Matcher img = Pattern.compile("!\\[[^\\]]*\\]\\(([^)]+)\\)").matcher(read(dir.resolve(name + ".md")));
            assertThat(img.find()).as(name).isTrue();
            assertThat(Files.readAllBytes(dir.resolve(img.group(1)))).isEqualTo(png);
        }
        assertThat(new Sheaf().check(book, null).diagnostics()).filteredOn(d -> d.severity() == Severity.ERROR).isEmpty();
    }

    @Test
    void listsNumberedByTheirStyleAndTablesInsideTables() throws IOException {
        Path book = tmp.resolve("book");
        ImportReport report = importInto(book, new Diagnostics(), DOCX.resolve("python-docx"));
        assertThat(report.count(ImportReport.Outcome.NEW)).isEqualTo(2);
        // "List Number" carries the numbering in styles.xml, not in the paragraph.
        assertThat(body(read(book.resolve("chapters/pieces/num-having-numbering-part.md"))))
                .isEqualTo("\n1. Paragraph having List Number style.\n");
        // A table nested in a cell runs on inside the cell (a pipe table cell holds one line); an empty table is dropped.
        assertThat(body(read(book.resolve("chapters/pieces/blk-paras-and-tables.md"))))
                .contains("| Text before Table Between Text after |", "Donec semper facilisis metus finibus malesuada.")
                .doesNotContain("|   |");
        assertThat(new Sheaf().check(book, null).diagnostics()).filteredOn(d -> d.severity() == Severity.ERROR).isEmpty();
    }

    @Test
    void protectedOrDamagedDocumentsAreErrorsAndWriteNothing() throws IOException {
        Path truncated = tmp.resolve("truncated.docx");
        byte[] essay = Files.readAllBytes(DOCX.resolve("essay.docx"));
        Files.write(truncated, java.util.Arrays.copyOf(essay, essay.length / 2));
        Path badXml = tmp.resolve("bad-xml.docx");
        rewrite(DOCX.resolve("essay.docx"), badXml, "word/document.xml", xml -> xml.substring(0, xml.length() / 2));
        Path notWord = tmp.resolve("not-word.docx");
        rewrite(DOCX.resolve("essay.docx"), notWord, "word/document.xml", null);

        Path book = tmp.resolve("book");
        Diagnostics diags = new Diagnostics();
        ImportReport report = importInto(book, diags, DOCX.resolve("protected/password-is-sheaf.docx"), truncated,
                badXml, notWord);
        assertThat(report.entries).isEmpty();
        assertThat(Files.exists(book)).isFalse();
        assertThat(diags.all()).extracting(Diagnostic::id).containsOnly(MessageId.IMP_001).hasSize(4);
        List<String> messages = diags.all().stream().map(Diagnostic::format).toList();
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("password-is-sheaf.docx: error: "
                + "cannot import this Word document: the document is password-protected"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("truncated.docx: error:", "not a complete zip package"));
        assertThat(messages).anySatisfy(m -> assertThat(m)
                .containsPattern("bad-xml.docx:1:\\d+: error: .*the document's XML is damaged"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("not-word.docx: error:", "no main document part"));
        assertThat(String.join("\n", messages)).doesNotContain("Exception", "ParseError");
    }

    @Test
    void linksToBookmarksBecomeLinksToTheHeadingsTheyMark() throws IOException {
        // pandoc's essay.docx marks its heading with a bookmark; a hyperlink to it (w:anchor), a table-of-contents
        // field to it (HYPERLINK \l) and a hyperlink to a bookmark the document lacks are put in.
        String field = "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\">"
                + " HYPERLINK \\l \"three-changes-since-2016\" </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/>"
                + "</w:r><w:r><w:t>Jump to the changes</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
                + "<w:p><w:hyperlink w:anchor=\"_Ref_missing\"><w:r><w:t>a lost place</w:t></w:r></w:hyperlink></w:p>";
        Path essay = tmp.resolve("essay.docx");
        rewrite(DOCX.resolve("essay.docx"), essay, "word/document.xml", xml -> xml
                .replace("<w:hyperlink r:id=\"rId24\">", "<w:hyperlink w:anchor=\"three-changes-since-2016\">")
                .replaceFirst("(<w:p><w:pPr><w:pStyle w:val=\"BodyText\" /></w:pPr><w:r><w:t xml:space=\"preserve\">See the)",
                        java.util.regex.Matcher.quoteReplacement(field) + "$1"));
        Path book = tmp.resolve("book");
        Diagnostics diags = new Diagnostics();
        importInto(book, diags, essay);
        String md = body(read(book.resolve("chapters/pieces/water-before-pipelines.md")));
        assertThat(md).contains("## Three changes since 2016 {#three-changes-since-2016}",
                "[Jump to the changes](#three-changes-since-2016)", "[basin report](#three-changes-since-2016)",
                "[a lost place](water-before-pipelines.md)");
        assertThat(diags.all()).extracting(Diagnostic::id).doesNotContain(MessageId.IMP_012);
        assertThat(new Sheaf().check(book, null).diagnostics()).filteredOn(d -> d.severity() != Severity.INFO).isEmpty();
    }

    /** Copies a zip, changing one entry's text (or leaving it out when {@code change} is null). */
    static void rewrite(Path from, Path to, String entry, java.util.function.UnaryOperator<String> change)
            throws IOException {
        try (ZipFile in = new ZipFile(from.toFile()); OutputStream os = Files.newOutputStream(to);
             ZipOutputStream out = new ZipOutputStream(os)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] data = in.getInputStream(e).readAllBytes();
                if (e.getName().equals(entry)) {
                    if (change == null) {
                        continue;
                    }
                    data = change.apply(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
    }
}
