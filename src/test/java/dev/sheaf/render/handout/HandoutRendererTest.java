package dev.sheaf.render.handout;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Severity;
import dev.sheaf.testing.PdfText;
import dev.sheaf.testing.SourceWords;
import dev.sheaf.testing.TestBooks;
import dev.sheaf.testing.VisibleTextStripper;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Builds the handouts of {@code books/handouts-event} twice (once to read back, once to compare bytes) and
 * reads them back with PDFBox: sheet sizes, the saddle-stitch order through the printed folios on each half
 * sheet, the QR code through zxing, every paragraph of the chosen pieces, the sources page, large type.
 */
class HandoutRendererTest {

    static final float MM = 72f / 25.4f;
    /** A5 and half-letter pages: the text block lies between 18 mm from the top and 21 mm from the foot. */
    static final float BOOKLET_TOP = 18 * MM;
    static final float BOOKLET_BOTTOM = 21 * MM;

    @TempDir
    static Path tmp;

    static Path book;
    static Map<String, Path> built;
    static Map<String, Path> rebuilt;
    static Map<String, PdfText> pdf = new LinkedHashMap<>();

    @BeforeAll
    static void build() throws IOException {
        book = TestBooks.copy("handouts-event", tmp);
        built = build(book, "out");
        rebuilt = build(book, "again");
        for (var e : built.entrySet()) {
            pdf.put(e.getKey(), new PdfText(e.getValue()));
        }
    }

    /** The handouts by name. */
    static Map<String, Path> build(Path dir, String out) {
        BuildResult result = new Sheaf().build(BuildRequest.of(dir, tmp.resolve(out)).withFormats(List.of("handouts")));
        assertThat(result.success()).as(result.diagnostics().toString()).isTrue();
        assertThat(result.diagnostics()).isEmpty();
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Path p : result.written()) {
            assertThat(p.getParent().getFileName().toString()).isEqualTo("handouts");
            byName.put(p.getFileName().toString().replace(".pdf", ""), p);
        }
        return byName;
    }

    @AfterAll
    static void close() throws IOException {
        for (PdfText t : pdf.values()) {
            t.close();
        }
    }

    // ---------- files and sizes ----------

    /**
     * Imposed booklets are tagged with the structure of their pages, in the pages' order (the same tree as the
     * handout of the same chapter printed as sheets), and claim PDF/UA-1 and PDF/A-2u.
     */
    @Test
    void should_tag_imposed_booklets_with_their_pages_structure() {
        int booklets = 0;
        for (var e : built.entrySet()) {
            PDPage first = pdf.get(e.getKey()).document().getPage(0);
            if (first.getMediaBox().getWidth() > first.getMediaBox().getHeight()) {
                booklets++;
                var structure = dev.sheaf.testing.PdfStructure.of(pdf.get(e.getKey()).document());
                assertThat(structure.marked()).as(e.getKey()).isTrue();
                assertThat(structure.tabsByStructure()).as(e.getKey()).isTrue();
                assertThat(structure.xmp()).contains("<pdfaid:part>2</pdfaid:part>", "<pdfuaid:part>1</pdfuaid:part>");
            }
        }
        assertThat(booklets).isPositive();
        // From the cover's title on (the booklet's cover also gives the date and place of the event).
        String booklet = dev.sheaf.testing.PdfStructure.of(pdf.get("rivers-booklet").document()).outline();
        String sheets = dev.sheaf.testing.PdfStructure.of(pdf.get("rivers-sheets").document()).outline();
        assertThat(booklet).contains("H1", "H2", "Table", "TOC");
        assertThat(booklet.substring(booklet.indexOf("H1"))).isEqualTo(sheets.substring(sheets.indexOf("H1")));
    }

    @Test
    void should_pass_pdf_ua_1_and_pdf_a_2u_on_sheets_and_booklets() {
        for (var e : built.entrySet()) {
            assertThat(dev.sheaf.testing.PdfValidator.pdfUa1(e.getValue())).as(e.getKey()).isEmpty();
            assertThat(dev.sheaf.testing.PdfValidator.pdfA2u(e.getValue())).as(e.getKey()).isEmpty();
        }
    }

    @Test
    void should_write_one_pdf_per_handout_in_the_order_declared() {
        assertThat(built.keySet()).containsExactly("rivers-booklet", "rivers-sheets", "rivers-large", "letters",
                "everything");
    }

    @Test
    void should_print_a_booklet_on_real_landscape_a4_sheets() {
        for (PDPage page : pdf.get("rivers-booklet").document().getPages()) {
            assertThat(page.getMediaBox().getWidth()).isEqualTo(842f);
            assertThat(page.getMediaBox().getHeight()).isEqualTo(595f);
            assertThat(page.getRotation()).isZero();
            assertThat(page.getCOSObject().containsKey(COSName.ROTATE)).isFalse();
        }
    }

    @Test
    void should_print_a_letter_booklet_on_landscape_letter_sheets_in_half_letter_pages() {
        PdfText everything = pdf.get("everything");
        for (PDPage page : everything.document().getPages()) {
            assertThat(page.getMediaBox().getWidth()).isEqualTo(792f);
            assertThat(page.getMediaBox().getHeight()).isEqualTo(612f);
            assertThat(page.getRotation()).isZero();
        }
        // The cover's title sits on the right half, within a 5.5 in page whose spine edge is on the fold.
        List<TextPosition> title = glyphs(everything.document(), 0, "Everything");
        assertThat(title).isNotEmpty().allMatch(t -> t.getX() > 396 && t.getX() < 792);
    }

    @Test
    void should_print_sheets_on_portrait_a4_and_letter() {
        for (PDPage page : pdf.get("rivers-sheets").document().getPages()) {
            assertThat(page.getMediaBox().getWidth()).isCloseTo(595.28f, within(0.5f));
            assertThat(page.getMediaBox().getHeight()).isCloseTo(841.89f, within(0.5f));
            assertThat(page.getRotation()).isZero();
        }
        for (PDPage page : pdf.get("letters").document().getPages()) {
            assertThat(page.getMediaBox().getWidth()).isCloseTo(612f, within(0.5f));
            assertThat(page.getMediaBox().getHeight()).isCloseTo(792f, within(0.5f));
        }
    }

    // ---------- links on booklet sheets ----------

    /**
     * A booklet's sheets carry its pages' links: the same links (text and target) as the same chapter printed as
     * sheets, each rectangle on one half of its sheet over the link's words, each destination on the half where
     * its page is, each annotation tagged (a Link element reaches it through an object reference, and its
     * /StructParent leads back to that element).
     */
    @Test
    void should_carry_the_pages_links_onto_booklet_sheets() throws IOException {
        List<String> booklet = links("rivers-booklet");
        assertThat(booklet).contains("https://example.org/field-notes");
        // The sheets handout has the same pieces and cover; its links are those of the booklet's pages.
        assertThat(new TreeSet<>(booklet)).isEqualTo(new TreeSet<>(links("rivers-sheets")));
        assertThat(booklet.stream().filter(l -> l.startsWith("goto ")).count()).isPositive();
        assertThat(new TreeSet<>(links("everything"))).contains("https://example.org/field-notes");
    }

    /**
     * The links of a handout: a URI, or "goto", the link's contents and the first word at the place it leads to;
     * checked on the way for what every link annotation of a handout must be.
     */
    private static List<String> links(String name) throws IOException {
        PDDocument doc = pdf.get(name).document();
        Map<org.apache.pdfbox.cos.COSBase, String> tagged = new java.util.HashMap<>();
        objectReferences(doc.getDocumentCatalog().getStructureTreeRoot().getKids(), tagged);
        List<String> out = new ArrayList<>();
        int annotations = 0;
        for (int s = 0; s < doc.getNumberOfPages(); s++) {
            PDPage sheet = doc.getPage(s);
            float width = sheet.getMediaBox().getWidth();
            boolean imposed = width > sheet.getMediaBox().getHeight();
            for (var a : sheet.getAnnotations()) {
                annotations++;
                assertThat(a).as(name).isInstanceOf(PDAnnotationLink.class);
                PDAnnotationLink link = (PDAnnotationLink) a;
                assertThat(tagged.get(a.getCOSObject())).as(name + ": its element").isEqualTo("Link");
                assertThat(a.getStructParent()).as(name).isNotNegative();
                assertThat(a.getContents()).as(name).isNotBlank();
                PDRectangle r = a.getRectangle();
                if (imposed) {
                    assertThat(r.getUpperRightX() <= width / 2 + 0.5 || r.getLowerLeftX() >= width / 2 - 0.5)
                            .as("%s: %s on one half of sheet %d", name, a.getContents(), s + 1).isTrue();
                }
                // The words under the rectangle are the link's (a link broken over lines has one rectangle a line;
                // a link whose text is generated, a contents page number, is described by its target).
                String under = textIn(doc, s, r.getLowerLeftX() - 1, r.getLowerLeftY() - 1, r.getUpperRightX() + 1,
                        r.getUpperRightY() + 1);
                assertThat(linkWords(under)).as("%s: words under %s", name, a.getContents()).isNotEmpty();
                if (!a.getContents().startsWith("#")) {
                    assertThat(linkWords(under)).as("%s: words under %s", name, a.getContents())
                            .containsAnyElementsOf(linkWords(a.getContents()));
                }
                if (link.getAction() instanceof PDActionURI uri) {
                    out.add(uri.getURI());
                } else {
                    PDActionGoTo go = (PDActionGoTo) link.getAction();
                    PDPageXYZDestination d = (PDPageXYZDestination) go.getDestination();
                    int page = doc.getPages().indexOf(d.getPage());
                    assertThat(page).as(name).isNotNegative();
                    float left = d.getLeft();
                    float pageWidth = imposed ? width / 2 : width;
                    float from = imposed && left >= width / 2 - 0.5 ? width / 2 : 0;
                    // The words just below the destination, on its half of the sheet.
                    String below = textIn(doc, page, from, d.getTop() - 40, from + pageWidth, d.getTop());
                    assertThat(linkWords(below)).as("%s: below the destination of %s", name, a.getContents()).isNotEmpty();
                    // A note's back link leads into a paragraph, whose lines differ between A4 and A5: its target
                    // is named by its text alone; other targets are the tops of blocks, named by their first word.
                    out.add("goto " + a.getContents() + (a.getContents().matches("\\d+\\.") ? ""
                            : " → " + linkWords(below).get(0)));
                }
            }
        }
        assertThat(tagged).as(name + ": every annotation in the tree is on a sheet").hasSize(annotations);
        return out;
    }

    private static void objectReferences(List<Object> kids, Map<org.apache.pdfbox.cos.COSBase, String> out) {
        for (Object k : kids) {
            if (k instanceof PDStructureElement e) {
                for (Object c : e.getKids()) {
                    if (c instanceof PDObjectReference ref && ref.getReferencedObject() != null) {
                        out.put(ref.getReferencedObject().getCOSObject(), e.getStructureType());
                    }
                }
                objectReferences(e.getKids(), out);
            }
        }
    }

    /** The text inside a rectangle of a page, in PDF coordinates (from the bottom left). */
    private static String textIn(PDDocument doc, int page, float x0, float y0, float x1, float y1) throws IOException {
        PDFTextStripperByArea strip = new PDFTextStripperByArea();
        float height = doc.getPage(page).getMediaBox().getHeight();
        strip.addRegion("r", new java.awt.geom.Rectangle2D.Float(x0, height - y1, x1 - x0, y1 - y0));
        strip.extractRegions(doc.getPage(page));
        return strip.getTextForRegion("r");
    }

    private static List<String> linkWords(String text) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]+").matcher(text.toLowerCase(java.util.Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    // ---------- booklet order ----------

    /**
     * Sheet count from the pages actually printed, and every half sheet in saddle-stitch order: with N pages
     * (a multiple of four), sheet j's front carries N − 2j | 2j + 1 and its back 2j + 2 | N − 2j − 1. Page 1 is
     * the cover sheet (no folio), the last page the sources, the pages just before it blank; every other page
     * shows its own number as its folio.
     */
    @Test
    void should_impose_pages_in_saddle_stitch_order() {
        for (String name : List.of("rivers-booklet", "everything")) {
            assertSaddleStitched(name, pdf.get(name));
        }
    }

    /**
     * The same without hyphenation: no layout is redone for the hyphenation's sake, so the blank pages are not set
     * between two layouts (as they are above, see {@link BookletBlanks}) but in a layout of their own.
     */
    @Test
    void should_impose_pages_in_saddle_stitch_order_without_hyphenation() throws IOException {
        Path plain = TestBooks.copy("handouts-event", tmp.resolve("unhyphenated"));
        Files.writeString(plain.resolve("book.yaml"), "hyphenate: false\n", java.nio.file.StandardOpenOption.APPEND);
        Map<String, Path> unhyphenated = build(plain, "unhyphenated-out");
        for (String name : List.of("rivers-booklet", "everything")) {
            try (PdfText t = new PdfText(unhyphenated.get(name))) {
                assertSaddleStitched(name, t);
            }
        }
    }

    private static void assertSaddleStitched(String name, PdfText t) {
        PDDocument doc = t.document();
        float width = doc.getPage(0).getMediaBox().getWidth();
        float height = doc.getPage(0).getMediaBox().getHeight();
        int printed = 0;
        for (int side = 0; side < t.pages(); side++) {
            for (int half = 0; half < 2; half++) {
                printed += half(doc, side, half, 0, height).isBlank() ? 0 : 1;
            }
        }
        int sheets = (printed + 3) / 4;
        assertThat(t.pages()).as(name + ": sides for " + printed + " pages").isEqualTo(2 * sheets);
        int n = 4 * sheets;
        int blanks = n - printed;
        List<String> seen = new ArrayList<>();
        for (int j = 0; j < sheets; j++) {
            int[][] expected = {{n - 2 * j, 2 * j + 1}, {2 * j + 2, n - 2 * j - 1}};
            for (int face = 0; face < 2; face++) {
                int side = 2 * j + face;
                for (int half = 0; half < 2; half++) {
                    int page = expected[face][half];
                    String all = half(doc, side, half, 0, height);
                    String folio = half(doc, side, half, height - BOOKLET_BOTTOM + 5, height).strip();
                    seen.add(side + "/" + half + ": " + (folio.isEmpty() ? "-" : folio));
                    if (page == 1) {
                        assertThat(all).as(name + ": cover on the front's right half").contains(name.equals("rivers-booklet") ? "Rivers" : "Everything, Folded");
                        assertThat(folio).isEmpty();
                    } else if (page == n) {
                        assertThat(all).as(name + ": sources on the last page").contains("Sources");
                        assertThat(folio).isEqualTo(Integer.toString(n));
                    } else if (page >= n - blanks) {
                        assertThat(all).as(name + ": padding page " + page).isBlank();
                    } else {
                        assertThat(folio).as(name + ": sheet side " + side + ", half " + half + " " + seen)
                                .isEqualTo(Integer.toString(page));
                    }
                }
            }
        }
        assertThat(half(doc, 0, 1, 0, height)).contains("In this handout");
        assertThat(width).isGreaterThan(height);
    }

    @Test
    void should_start_each_piece_on_a_new_page_after_the_cover() {
        PdfText t = pdf.get("rivers-sheets");
        assertThat(body(t, 0)).contains("PANEL DISCUSSION", "Rivers", "In this handout", "The Slow River",
                "Ferries Are Bridges That Move", "Sources");
        assertThat(fold(body(t, 1))).startsWith("COMMENTARY The Slow River")
                .contains("First published in The Example Review, 12 April 2021.");
    }

    // ---------- cover sheet ----------

    @Test
    void should_name_the_event_the_book_and_the_link_on_the_cover() {
        String cover = fold(pdf.get("rivers-booklet").page(0));
        assertThat(cover).contains("PANEL DISCUSSION", "12 March 2024 · Example Hall", "Rivers",
                "From Field Notes: Essays on Rivers and Roads: A test anthology for handouts by Ada Example",
                "The full book:", "https://example.org/field-notes", "The Slow River", "Ferries Are Bridges That Move",
                "© 2024 Ada Example");
        assertThat(pdf.get("letters").page(0)).contains("Letters and a Ferry", "https://example.org/letters")
                .doesNotContain("example.org/field-notes");
    }

    @Test
    void should_print_a_qr_code_that_decodes_to_the_link() throws Exception {
        assertThat(qr(pdf.get("rivers-booklet"), 0)).isEqualTo("https://example.org/field-notes");
        assertThat(qr(pdf.get("rivers-sheets"), 0)).isEqualTo("https://example.org/field-notes");
        assertThat(qr(pdf.get("letters"), 0)).isEqualTo("https://example.org/letters");
    }

    @Test
    void should_draw_the_qr_code_as_vector_rectangles_and_show_the_books_cover_as_the_only_picture() throws IOException {
        List<org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject> images = images(pdf.get("rivers-sheets"), 0);
        // the book has no cover of its own: the typographic cover every edition prints, 2 : 3
        assertThat(images).as("pictures on the cover sheet: the cover's thumbnail alone").hasSize(1);
        assertThat(images.get(0).getWidth()).isEqualTo(HandoutDocument.THUMBNAIL_PX);
        assertThat(images.get(0).getHeight()).isCloseTo(HandoutDocument.THUMBNAIL_PX * 3 / 2, within(1));
    }

    @Test
    void should_show_an_svg_cover_drawn_at_the_thumbnails_size() throws Exception {
        Path dir = TestBooks.write(tmp.resolve("svg-cover"), "book.yaml", """
                title: Rivers
                author: A. Writer
                language: en
                cover: covers/cover.svg
                handouts:
                  - name: all
                    chapter: x
                """).getParent();
        TestBooks.write(dir, "covers/cover.svg", """
                <svg xmlns="http://www.w3.org/2000/svg" width="148mm" height="210mm" viewBox="0 0 740 1050">
                  <rect width="740" height="1050" fill="#203040"/>
                  <circle cx="370" cy="700" r="200" fill="#c9a55c"/>
                </svg>
                """);
        TestBooks.write(dir, "chapters/x/a.md", TestBooks.piece("title: A\ndate: 2021", "Some text."));
        try (PdfText t = new PdfText(build(dir, "svg-cover-out").get("all"))) {
            List<org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject> images = images(t, 0);
            assertThat(images).hasSize(1);
            BufferedImage img = images.get(0).getImage();
            assertThat(img.getWidth()).isEqualTo(HandoutDocument.THUMBNAIL_PX);
            assertThat(img.getHeight()).isCloseTo(Math.round(HandoutDocument.THUMBNAIL_PX * 1050f / 740f), within(1));
            assertThat(new java.awt.Color(img.getRGB(img.getWidth() / 2, img.getHeight() * 2 / 3)))
                    .isEqualTo(new java.awt.Color(0xc9a55c));
            assertThat(fold(t.page(0))).contains("From Rivers by A. Writer");
        }
    }

    /** The pictures drawn on a page (not inside form XObjects). */
    static List<org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject> images(PdfText t, int page) throws IOException {
        PDResources resources = t.document().getPage(page).getResources();
        List<org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject> out = new ArrayList<>();
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject img) {
                out.add(img);
            }
        }
        return out;
    }

    @Test
    void should_leave_out_link_and_qr_code_when_the_book_has_no_address_and_list_sources_without_a_list() throws Exception {
        Path plain = TestBooks.write(tmp.resolve("plain"), "book.yaml", """
                title: Plain
                author: A. Author
                language: en
                sources-list: false
                handouts:
                  - name: all
                    chapter: x
                    event: "Seminar on X"
                    layout: booklet
                """).getParent();
        TestBooks.write(plain, "chapters/x/a.md", TestBooks.piece("title: A\ndate: 2021", "Some text."));
        Map<String, Path> out = build(plain, "plain-out");
        try (PdfText t = new PdfText(out.get("all"))) {
            assertThat(fold(t.page(0))).contains("SEMINAR ON X", "From Plain by A. Author").doesNotContain("The full book");
            assertThatThrownBy(() -> qr(t, 0)).isInstanceOf(NotFoundException.class);
            assertThat(t.pages()).isEqualTo(2);
            assertThat(fold(half(t.document(), 0, 0, 0, 612))).as("without a sources list: the piece's own line")
                    .startsWith("Sources A. Published 2021.");
        }
    }

    @Test
    void should_warn_and_print_the_address_alone_when_it_is_too_long_for_a_qr_code() throws Exception {
        String link = "https://example.org/" + "a/".repeat(1200);
        Path dir = TestBooks.write(tmp.resolve("long"), "book.yaml", """
                title: Long
                author: A. Author
                language: en
                url: %s
                handouts:
                  - name: long
                    chapter: x
                """.formatted(link)).getParent();
        TestBooks.write(dir, "chapters/x/a.md", TestBooks.piece("title: A\ndate: 2021", "Some text."));
        BuildResult result = new Sheaf().build(BuildRequest.of(dir, tmp.resolve("long-out")).withFormats(List.of("handouts")));
        assertThat(result.success()).as(result.diagnostics().toString()).isTrue();
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.format()).startsWith("book.yaml:6:").contains("too long for a QR code (2420 characters)");
        });
        try (PdfText t = new PdfText(result.written().get(0))) {
            assertThat(fold(t.page(0)).replace(" ", "")).contains("Thefullbook:" + link.substring(0, 40));
            assertThatThrownBy(() -> qr(t, 0)).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void should_write_nothing_for_a_book_without_handouts() {
        Path none = TestBooks.minimal(tmp.resolve("none"), "chapters/x/a.md", TestBooks.piece("title: A\ndate: 2021", "Text."));
        BuildResult result = new Sheaf().build(BuildRequest.of(none, tmp.resolve("none-out")).withFormats(List.of("handouts")));
        assertThat(result.success()).isTrue();
        assertThat(result.written()).isEmpty();
    }

    // ---------- the pieces and their sources ----------

    @Test
    void should_print_every_paragraph_of_the_chosen_pieces() throws IOException {
        Map<String, List<String>> pieces = Map.of(
                "rivers-booklet", List.of("rivers/the-slow-river.md", "rivers/ferries.md"),
                "rivers-sheets", List.of("rivers/the-slow-river.md", "rivers/ferries.md"),
                "rivers-large", List.of("rivers/the-slow-river.md", "rivers/ferries.md"),
                "letters", List.of("letters/a-letter-on-bridges.md", "rivers/ferries.md"),
                "everything", List.of("rivers/the-slow-river.md", "rivers/ferries.md", "letters/a-letter-on-bridges.md",
                        "letters/archive-notes.md"));
        List<String> missing = new ArrayList<>();
        for (var e : pieces.entrySet()) {
            String printed = " " + words(readingOrder(e.getKey())) + " ";
            for (String piece : e.getValue()) {
                for (String para : SourceWords.paragraphs(printable(book.resolve("chapters").resolve(piece)))) {
                    if (!printed.contains(" " + words(para) + " ")) {
                        missing.add(e.getKey() + ": " + piece + ": " + para);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(readingOrder("letters")).doesNotContain("The Slow River", "Notes from a River Archive");
    }

    @Test
    void should_list_the_sources_of_its_pieces_on_the_last_page() {
        PdfText letters = pdf.get("letters");
        String last = fold(letters.page(letters.pages() - 1));
        assertThat(last).contains("Sources", "Bridges Need Keepers Too", "The Daily Example",
                "Ferries Are Bridges That Move", "Harbour Weekly", "How to cite this book:")
                .doesNotContain("The Slow River", "Notes from a River Archive");
        PdfText sheets = pdf.get("rivers-sheets");
        String sources = fold(sheets.page(sheets.pages() - 1));
        assertThat(sources).contains("Sources", "The Slow River", "The Example Review", "Ferries Are Bridges That Move");
        assertThat(sources.replace(" ", "")).as("an address may break after a hyphen")
                .contains("https://example.org/review/slow-river");
    }

    @Test
    void should_carry_running_heads_folios_and_page_labels() throws IOException {
        PdfText t = pdf.get("rivers-sheets");
        float height = t.document().getPage(0).getMediaBox().getHeight();
        assertThat(t.band(0, height - 30 * MM, height).strip()).as("no folio on the cover").isEmpty();
        for (int i = 1; i < t.pages(); i++) {
            assertThat(t.band(i, height - 30 * MM, height).strip()).isEqualTo(Integer.toString(i + 1));
        }
        assertThat(t.band(2, 0, 26 * MM)).as("running head on a continuation page").contains("The Slow River");
        assertThat(t.band(1, 0, 26 * MM).strip()).as("none on a piece's first page").isEmpty();
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= t.pages(); i++) {
            labels.add(Integer.toString(i));
        }
        assertThat(t.labels()).isEqualTo(labels);
    }

    @Test
    void should_set_large_type_larger() {
        double normal = bodySize(pdf.get("rivers-sheets"));
        double large = bodySize(pdf.get("rivers-large"));
        assertThat(normal).as("the A4 edition's text size").isEqualTo(11.5);
        assertThat(large).isEqualTo(15);
        assertThat(pdf.get("rivers-large").pages()).isGreaterThan(pdf.get("rivers-sheets").pages());
        assertThat(folioSize(pdf.get("rivers-large"), 1)).as("the folio grows too")
                .isGreaterThan(folioSize(pdf.get("rivers-sheets"), 1) + 2);
    }

    // ---------- output ----------

    @Test
    void should_embed_every_font_as_a_subset_also_inside_imposed_pages() throws IOException {
        for (var e : pdf.entrySet()) {
            Set<String> fonts = fonts(e.getValue().document());
            assertThat(fonts).as(e.getKey()).isNotEmpty().allMatch(f -> f.matches("[A-Z]{6}\\+\\S+ embedded"));
        }
    }

    @Test
    void should_carry_metadata_without_the_clock() {
        for (var e : pdf.entrySet()) {
            var info = e.getValue().info();
            assertThat(info.getAuthor()).isEqualTo("Ada Example");
            assertThat(info.getProducer()).isEqualTo("Sheaf");
            assertThat(info.getCreationDate().toInstant().toString()).isEqualTo("2024-05-01T00:00:00Z");
            assertThat(e.getValue().language()).isEqualTo("en-GB");
        }
        assertThat(pdf.get("rivers-booklet").info().getTitle()).isEqualTo("Rivers");
        assertThat(pdf.get("rivers-booklet").info().getSubject()).isEqualTo("Panel discussion, 12 March 2024, Example Hall");
    }

    @Test
    void should_rebuild_byte_identical_files() throws IOException {
        assertThat(rebuilt.keySet()).isEqualTo(built.keySet());
        for (String name : built.keySet()) {
            assertThat(Files.readAllBytes(rebuilt.get(name))).as(name).isEqualTo(Files.readAllBytes(built.get(name)));
        }
    }

    // ---------- helpers ----------

    /** Visible text of one half of a sheet side (0 left, 1 right), between {@code top} and {@code bottom} points. */
    static String half(PDDocument doc, int side, int half, float top, float bottom) {
        float fold = doc.getPage(side).getMediaBox().getWidth() / 2;
        float from = half == 0 ? 0 : fold;
        float to = half == 0 ? fold : Float.MAX_VALUE;
        VisibleTextStripper s = new VisibleTextStripper(top, bottom) {
            @Override
            protected void processTextPosition(TextPosition t) {
                float centre = t.getX() + t.getWidth() / 2;
                if (centre >= from && centre < to) {
                    super.processTextPosition(t);
                }
            }
        };
        return strip(s, doc, side);
    }

    static String strip(VisibleTextStripper s, PDDocument doc, int page) {
        try {
            s.setSortByPosition(true);
            s.setStartPage(page + 1);
            s.setEndPage(page + 1);
            return s.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text block of a sheets handout's page: running heads and folios left out. */
    static String body(PdfText t, int page) {
        float height = t.document().getPage(page).getMediaBox().getHeight();
        return t.band(page, 22 * MM, height - 26 * MM);
    }

    /**
     * The text blocks of every page in reading order: for a booklet, each half sheet put back in its place by
     * the saddle-stitch formula, so a paragraph broken across pages reads on.
     */
    static String readingOrder(String name) {
        PdfText t = pdf.get(name);
        PDDocument doc = t.document();
        PDRectangle box = doc.getPage(0).getMediaBox();
        StringBuilder sb = new StringBuilder();
        if (box.getWidth() < box.getHeight()) {
            for (int i = 0; i < t.pages(); i++) {
                sb.append(body(t, i)).append(' ');
            }
            return sb.toString();
        }
        int n = 2 * t.pages();
        String[] pages = new String[n + 1];
        for (int j = 0; j < t.pages() / 2; j++) {
            int[][] numbers = {{n - 2 * j, 2 * j + 1}, {2 * j + 2, n - 2 * j - 1}};
            for (int face = 0; face < 2; face++) {
                for (int half = 0; half < 2; half++) {
                    pages[numbers[face][half]] = half(doc, 2 * j + face, half, BOOKLET_TOP - 4,
                            box.getHeight() - BOOKLET_BOTTOM + 2);
                }
            }
        }
        for (int p = 1; p <= n; p++) {
            sb.append(pages[p]).append(' ');
        }
        return sb.toString();
    }

    /** Words as {@link SourceWords} makes them, with note numbers glued to the word before them dropped. */
    static String words(String s) {
        return SourceWords.words(PdfText.joined(s)).replaceAll("(?<=\\p{L})\\d+\\b", "");
    }

    /** The piece as print shows it: link targets and lone images are not printed; each note is its own paragraph. */
    static Path printable(Path piece) throws IOException {
        String md = Files.readString(piece)
                .replaceAll("(?m)^!\\[[^\\]]*]\\([^)]*\\)\\s*$", "")
                .replaceAll("]\\([^)]*\\)", "]")
                .replaceAll("\n(\\[\\^[^\\]]+]:)", "\n\n$1");
        return Files.writeString(tmp.resolve("printable-" + piece.getFileName()), md);
    }

    /** Decodes the QR code on a page rendered at 150 dpi, as a phone would see the printed sheet. */
    static String qr(PdfText t, int page) throws Exception {
        BufferedImage image = new PDFRenderer(t.document()).renderImageWithDPI(page, 150, ImageType.GRAY);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    /** The glyphs of the first occurrence of {@code word} on a page, with their positions. */
    static List<TextPosition> glyphs(PDDocument doc, int page, String word) {
        List<TextPosition> all = new ArrayList<>();
        VisibleTextStripper s = new VisibleTextStripper() {
            @Override
            protected void processTextPosition(TextPosition t) {
                all.add(t);
                super.processTextPosition(t);
            }
        };
        strip(s, doc, page);
        StringBuilder text = new StringBuilder();
        all.forEach(t -> text.append(t.getUnicode().charAt(0)));
        int at = text.indexOf(word);
        return at < 0 ? List.of() : all.subList(at, at + word.length());
    }

    /** The most common font size of the glyphs on the pages after the cover, in points. */
    static double bodySize(PdfText t) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        VisibleTextStripper s = new VisibleTextStripper() {
            @Override
            protected void processTextPosition(TextPosition p) {
                counts.merge((long) Math.round(p.getYScale() * 10), 1, Integer::sum);
            }
        };
        for (int i = 1; i < t.pages(); i++) {
            strip(s, t.document(), i);
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey() / 10.0;
    }

    /** The size of the folio at the foot of a sheets handout's page, in points. */
    static float folioSize(PdfText t, int page) {
        float height = t.document().getPage(page).getMediaBox().getHeight();
        List<Float> sizes = new ArrayList<>();
        VisibleTextStripper s = new VisibleTextStripper(height - 25 * MM, height) {
            @Override
            protected void processTextPosition(TextPosition p) {
                sizes.add(p.getYScale());
                super.processTextPosition(p);
            }
        };
        strip(s, t.document(), page);
        assertThat(sizes).as("folio on page %d", page + 1).isNotEmpty();
        return sizes.get(0);
    }

    /** Every font on every page, also inside form XObjects (the pages a booklet imposes). */
    static Set<String> fonts(PDDocument doc) throws IOException {
        Set<String> out = new TreeSet<>();
        for (PDPage page : doc.getPages()) {
            fonts(page.getResources(), out, 0);
        }
        return out;
    }

    private static void fonts(PDResources res, Set<String> out, int depth) throws IOException {
        if (res == null || depth > 4) {
            return;
        }
        for (COSName name : res.getFontNames()) {
            PDFont font = res.getFont(name);
            out.add(font.getName() + (font.isEmbedded() ? " embedded" : " NOT EMBEDDED"));
        }
        for (COSName name : res.getXObjectNames()) {
            PDXObject x = res.getXObject(name);
            if (x instanceof PDFormXObject form) {
                fonts(form.getResources(), out, depth + 1);
            }
        }
    }

    /** White space folded, as a reader sees a line broken across two lines. */
    static String fold(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
