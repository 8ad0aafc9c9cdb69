package dev.sheaf.render.pdf;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.testing.PdfStructure;
import dev.sheaf.testing.PdfText;
import dev.sheaf.testing.PdfValidator;
import dev.sheaf.testing.SourceWords;
import dev.sheaf.testing.TestBooks;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Builds the kitchen-sink book (with the repository's fonts) twice and reads the PDF back with PDFBox. */
class PdfRendererTest {

    static final float MM = 72f / 25.4f;

    @TempDir
    static Path tmp;

    static Path book;
    static Path pdf;
    static Path rebuilt;
    static PdfText text;
    static int firstBodyPage;

    @BeforeAll
    static void build() throws Exception {
        book = TestBooks.copy("kitchen-sink", tmp);
        try (Stream<Path> fonts = Files.list(Path.of("fonts"))) {
            Files.createDirectories(book.resolve("fonts"));
            for (Path f : fonts.filter(f -> f.toString().endsWith(".ttf")).toList()) {
                Files.copy(f, book.resolve("fonts").resolve(f.getFileName()));
            }
        }
        pdf = build("out");
        rebuilt = build("again");
        text = new PdfText(pdf);
        firstBodyPage = text.labels().indexOf("1");
    }

    static Path build(String out) {
        BuildResult result = new Sheaf().build(BuildRequest.of(book, tmp.resolve(out)).withFormats(List.of("pdf")));
        assertThat(result.success()).as(result.diagnostics().toString()).isTrue();
        assertThat(result.diagnostics()).as("characters the fonts lack").noneMatch(d -> d.message().contains("cannot print"));
        return result.written().get(0);
    }

    @AfterAll
    static void close() throws IOException {
        text.close();
    }

    /** The text block of a page: running heads and folios sit in the margins and are left out. */
    static String body(int page) {
        return text.band(page, 15 * MM, (210 - 16) * MM);
    }

    /** Words as {@link SourceWords} makes them, with note numbers glued to the word before them dropped. */
    static String words(String s) {
        return SourceWords.words(s).replaceAll("(?<=\\p{L})\\d+\\b", "");
    }

    @Test
    void should_extract_on_every_page_only_what_is_printed_there() throws IOException {
        for (int i = 0; i < text.pages(); i++) {
            org.apache.pdfbox.text.PDFTextStripper plain = new org.apache.pdfbox.text.PDFTextStripper();
            plain.setSortByPosition(true);
            plain.setStartPage(i + 1);
            plain.setEndPage(i + 1);
            assertThat(plain.getText(text.document()).replaceAll("[\\s\\u00a0]+", " ").trim()).as("page %d", i + 1)
                    .isEqualTo(text.page(i).replaceAll("[\\s\\u00a0]+", " ").trim());
        }
    }

    @Test
    void should_pass_pdf_ua_1_and_pdf_a_2u() {
        assertThat(PdfValidator.pdfUa1(pdf)).isEmpty();
        assertThat(PdfValidator.pdfA2u(pdf)).isEmpty();
    }

    @Test
    void should_tag_the_book_as_its_outline_reads() throws IOException {
        PdfStructure s = PdfStructure.of(text.document());
        assertThat(s.marked()).isTrue();
        assertThat(s.displayDocTitle()).isTrue();
        assertThat(s.tabsByStructure()).isTrue();
        assertThat(s.xmp()).contains("<pdfuaid:part>1</pdfuaid:part>", "<pdfaid:part>2</pdfaid:part>",
                "Kitchen Sink: Every Feature Once");
        assertThat(s.topLevelTypes()).containsExactly("Figure", "Sect", "Sect", "Sect", "Sect", "Part", "Part", "Sect",
                "Sect");
        String tree = s.outline();
        // A chapter holds its opener and its pieces; a piece's title is one level below the chapter's.
        assertThat(tree).contains("Part\n  P\n  H1\n  P\n  Sect\n    H2");
        assertThat(tree).contains("Figure Alt=A colourful gradient standing in for a map", "Caption",
                "BlockQuote", "    L\n      LI\n        LBody", "    Table\n      THead\n        TR\n          TH scope=Column",
                "Note id=p-steppe-notes-fn-1", "  TOC\n    TOCI\n      Reference\n        Link");
        assertThat(s.linksWithoutStructure()).isZero();
        assertThat(s.linksWithoutContents()).isZero();
    }

    @Test
    void should_name_the_file_after_the_short_title() {
        assertThat(pdf.getFileName().toString()).isEqualTo("kitchen-sink.pdf");
    }

    @Test
    void should_embed_every_font_as_a_subset() throws IOException {
        assertThat(text.fonts()).isNotEmpty().allMatch(f -> f.matches("[A-Z]{6}\\+\\S+ embedded"),
                "embedded subset");
    }

    @Test
    void should_print_every_paragraph_of_every_piece() throws IOException {
        StringBuilder all = new StringBuilder(" ");
        for (int i = firstBodyPage; i < text.pages(); i++) {
            all.append(body(i)).append(' ');
        }
        String printed = " " + words(all.toString()) + " ";
        List<String> missing = new ArrayList<>();
        try (Stream<Path> pieces = Files.walk(book.resolve("chapters"))) {
            for (Path p : pieces.filter(f -> f.toString().endsWith(".md") && !f.endsWith("_chapter.md")).sorted().toList()) {
                for (String para : SourceWords.paragraphs(printable(p))) {
                    if (!printed.contains(" " + words(para) + " ")) {
                        missing.add(p.getFileName() + ": " + para);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /**
     * The piece as print shows it: a link's target is not printed, nor an image that stands alone (a
     * figure); each note definition is a paragraph of its own, printed after its number.
     */
    static Path printable(Path piece) throws IOException {
        String md = Files.readString(piece)
                .replaceAll("(?m)^!\\[[^\\]]*]\\([^)]*\\)\\s*$", "")
                .replaceAll("]\\([^)]*\\)", "]")
                .replaceAll("\n(\\[\\^[^\\]]+]:)", "\n\n$1");
        return Files.writeString(tmp.resolve("printable-" + piece.getFileName()), md);
    }

    @Test
    void should_keep_names_in_every_script() {
        String steppe = text.page(pageOfTitle("Notes from the Steppe"));
        assertThat(steppe.replaceAll("\\s+", " ")).contains("Казахстан, Ελλάδα, İstanbul, 习近平 and Nur-Sultan.");
    }

    @Test
    void should_mirror_the_contents_in_the_outline() throws IOException {
        List<PdfText.Bookmark> outline = text.outline();
        assertThat(outline).extracting(PdfText.Bookmark::title)
                .containsExactly("Contents", "Essays and Commentaries", "Letters", "Sources");
        assertThat(outline.get(1).children()).extracting(PdfText.Bookmark::title)
                .containsExactly("An Earlier Piece", "Notes from the Steppe");
        assertThat(outline.get(2).children()).extracting(PdfText.Bookmark::title).containsExactly("Letter: On Grey Zones");
        assertThat(outline.get(1).children().get(1).page()).isEqualTo(pageOfTitle("Notes from the Steppe"));
    }

    @Test
    void should_print_in_the_contents_the_page_on_which_each_entry_starts() throws IOException {
        Map<String, Integer> contents = contents();
        assertThat(contents.keySet()).containsExactly("Essays and Commentaries", "An Earlier Piece",
                "Notes from the Steppe", "Letters", "Letter: On Grey Zones", "Sources");
        List<String> labels = text.labels();
        contents.forEach((title, number) ->
                assertThat(labels.get(pageOfTitle(title))).as(title).isEqualTo(Integer.toString(number)));
    }

    @Test
    void should_label_front_matter_in_roman_and_the_body_from_1() throws IOException {
        List<String> labels = text.labels();
        assertThat(labels).hasSize(text.pages());
        assertThat(labels.subList(0, 5)).containsExactly("i", "ii", "iii", "iv", "v");
        assertThat(labels.subList(0, firstBodyPage)).allMatch(l -> l.matches("[ivxlc]+"));
        assertThat(firstBodyPage).isEqualTo(pageOfTitle("Essays and Commentaries"));
        for (int i = firstBodyPage; i < labels.size(); i++) {
            assertThat(labels.get(i)).isEqualTo(Integer.toString(i - firstBodyPage + 1));
        }
    }

    @Test
    void should_start_chapters_and_back_matter_on_rectos() throws IOException {
        for (String title : List.of("Essays and Commentaries", "Letters", "Sources", "An Earlier Piece")) {
            assertThat((pageOfTitle(title) + 1) % 2).as(title + " on an odd page").isEqualTo(1);
        }
    }

    @Test
    void should_print_folios_and_running_heads_only_where_a_book_has_them() {
        int opener = pageOfTitle("Letters");
        assertThat(text.page(opener - 1).replaceAll("[\\s\u00a0]+", "")).as("blank verso before an opener").isEmpty();
        assertThat(text.page(opener).replaceAll("\\s+", " ").strip()).isEqualTo("2 Letters");
        int steppe = pageOfTitle("Notes from the Steppe");
        String head = text.band(steppe + 1, 0, 15 * MM).strip();
        assertThat(head).as("recto head after the opening page").isEqualTo("Notes from the Steppe");
        assertThat(text.band(steppe, 0, 15 * MM).strip()).as("no head on a piece's first page").isEmpty();
        String folio = text.band(steppe, (210 - 16) * MM, 210 * MM).strip();
        assertThat(folio).isEqualTo(Integer.toString(steppe - firstBodyPage + 1));
    }

    @Test
    void should_print_notes_after_the_piece_linked_both_ways() throws IOException {
        int steppe = pageOfTitle("Notes from the Steppe");
        int notes = pageOfTitle("The first note, with emphasis.");
        assertThat(notes).isGreaterThan(steppe);
        assertThat(body(notes).replaceAll("\\s+", " ")).contains("1. The first note, with emphasis.", "2. The second note.");
        assertThat(text.linkTargets(steppe)).as("note references").contains(notes);
        assertThat(text.linkTargets(notes)).as("links back to the text").containsOnly(steppe);
    }

    @Test
    void should_link_contents_entries_to_their_pages() throws IOException {
        assertThat(text.linkTargets(contentsPage())).contains(pageOfTitle("Notes from the Steppe"),
                pageOfTitle("Letters"), pageOfTitle("Sources"));
    }

    @Test
    void should_write_metadata_from_the_book() {
        assertThat(text.info().getTitle()).isEqualTo("Kitchen Sink: Every Feature Once");
        assertThat(text.info().getAuthor()).isEqualTo("Ada Example");
        assertThat(text.info().getSubject()).startsWith("Exercises every Markdown");
        assertThat(text.info().getKeywords()).isEqualTo("Kazakhstan, Russia");
        assertThat(text.info().getProducer()).isEqualTo("Sheaf");
        assertThat(text.info().getCreationDate().toInstant()).hasToString("2024-05-01T00:00:00Z");
        assertThat(text.language()).isEqualTo("en-GB");
    }

    @Test
    void should_set_every_page_at_a5() {
        for (PDPage page : text.document().getPages()) {
            assertThat(page.getMediaBox().getWidth()).isCloseTo(148 * MM, within(0.5f));
            assertThat(page.getMediaBox().getHeight()).isCloseTo(210 * MM, within(0.5f));
        }
    }

    @Test
    void should_give_identical_bytes_when_built_twice() throws IOException {
        assertThat(Files.readAllBytes(rebuilt)).isEqualTo(Files.readAllBytes(pdf));
    }

    /** The entries of the printed contents, each with the page number printed after its dot leader. */
    static Map<String, Integer> contents() {
        Map<String, Integer> out = new LinkedHashMap<>();
        Pattern entry = Pattern.compile("^(?:\\d+\\s+)?(.+?)\\s*\\.{3,}\\s*(\\d+)$");
        int page = pageOfTitle("Contents");
        StringBuilder pending = new StringBuilder();
        for (String line : body(page).split("\\R")) {
            Matcher m = entry.matcher((pending + " " + line).strip());
            if (m.matches()) {
                out.put(m.group(1).replaceAll("\\s+", " "), Integer.parseInt(m.group(2)));
                pending.setLength(0);
            } else if (!line.isBlank() && !line.strip().equals("Contents")) {
                pending.append(' ').append(line.strip());
            }
        }
        return out;
    }

    /** The first page whose text block holds {@code title}, looking from the contents on. */
    static int pageOfTitle(String title) {
        int start = title.equals("Contents") ? 0 : contentsPage() + 1;
        for (int i = start; i < text.pages(); i++) {
            if (body(i).replaceAll("\\s+", " ").contains(title)) {
                return i;
            }
        }
        throw new AssertionError("no page shows " + title);
    }

    static int contentsPage() {
        for (int i = 0; i < text.pages(); i++) {
            if (body(i).strip().startsWith("Contents")) {
                return i;
            }
        }
        throw new AssertionError("no contents page");
    }
}
