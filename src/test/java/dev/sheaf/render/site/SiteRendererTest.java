package dev.sheaf.render.site;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.model.Book;
import dev.sheaf.model.Chapter;
import dev.sheaf.model.Piece;
import dev.sheaf.read.BookReader;
import dev.sheaf.render.Labels;
import dev.sheaf.testing.SourceWords;
import dev.sheaf.testing.TestBooks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The web edition of the kitchen-sink book, read back as files: pages, links, downloads, fonts, determinism. */
class SiteRendererTest {

    static SiteFixture.Built built;
    static Path site;
    static Book book;

    @BeforeAll
    static void build() {
        built = SiteFixture.kitchenSink();
        site = built.site();
        book = new BookReader(built.book(), new Diagnostics()).read().orElseThrow();
    }

    static Document page(String path) {
        return Jsoup.parse(SiteFixture.read(site.resolve(path)), "");
    }

    static List<String> htmlPages() {
        return SiteFixture.files(site).stream().filter(f -> f.endsWith(".html")).toList();
    }

    @Test
    void should_write_a_landing_page_and_one_page_per_chapter_piece_and_back_matter_list() {
        List<String> expected = new ArrayList<>(List.of("index.html", "back/sources.html"));
        for (Chapter c : book.chapters()) {
            expected.add("chapters/" + c.slug() + ".html");
            c.pieces().forEach(p -> expected.add("pieces/" + p.slug() + ".html"));
        }
        assertThat(htmlPages()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void landing_page_lists_every_chapter_and_piece_in_order_with_cover_title_and_description() {
        Document index = page("index.html");
        List<String> expected = new ArrayList<>();
        for (Chapter c : book.chapters()) {
            expected.add(c.title());
            c.pieces().forEach(p -> expected.add(p.title()));
        }
        expected.add("Sources");
        List<String> listed = index.select("nav#contents a").stream()
                .map(a -> a.selectFirst(".toc-title") != null ? a.selectFirst(".toc-title").text() : a.text()).toList();
        assertThat(listed).containsExactlyElementsOf(expected);
        assertThat(index.select("h1").text()).isEqualTo("Kitchen Sink: Every Feature Once");
        assertThat(index.select(".book-subtitle").text()).isEqualTo("A test anthology");
        assertThat(index.select(".book-author").text()).isEqualTo("Ada Example");
        assertThat(index.select(".book-description").text()).startsWith("Exercises every Markdown");
        Element cover = index.selectFirst("img.cover");
        assertThat(cover.attr("alt")).isEqualTo("Cover of Kitchen Sink: Every Feature Once by Ada Example");
        assertThat(site.resolve(cover.attr("src"))).isRegularFile();
        assertThat(index.select(".cite-book").text()).contains("Kitchen Sink: Every Feature Once");
    }

    @Test
    void should_offer_exactly_the_editions_written_in_this_build_with_their_sizes() throws IOException {
        Document index = page("index.html");
        List<String> hrefs = index.select("#downloads a").eachAttr("href");
        assertThat(hrefs).containsExactly("downloads/kitchen-sink.epub", "downloads/kitchen-sink.pdf",
                "downloads/kitchen-sink.bib", "downloads/kitchen-sink.ris", "downloads/kitchen-sink.json");
        Labels labels = new Labels(Locale.UK);
        for (Element a : index.select("#downloads a")) {
            Path copy = site.resolve(a.attr("href"));
            Path original = built.out().resolve(copy.getFileName().toString());
            assertThat(copy).isRegularFile();
            assertThat(Files.readAllBytes(copy)).as(a.attr("href")).isEqualTo(Files.readAllBytes(original));
            assertThat(a.select(".download-size").text())
                    .isEqualTo(original.getFileName() + " \u00b7 " + Downloads.size(Files.size(original), Locale.UK, labels));
        }
        assertThat(index.select("#downloads .download-name").eachText())
                .containsExactly("EPUB", "PDF", "BibTeX", "RIS", "CSL-JSON");
    }

    @Test
    void a_site_built_alone_offers_no_downloads() throws IOException {
        Path book = TestBooks.copy("kitchen-sink", SiteFixture.dir("alone"));
        Path out = SiteFixture.dir("alone-out");
        // An EPUB left by an earlier build is not this build's: the site must not offer it.
        Files.writeString(out.resolve("kitchen-sink.epub"), "stale");
        BuildResult result = new Sheaf().build(BuildRequest.of(book, out).withFormats(List.of("site")));
        assertThat(result.success()).as(result.diagnostics().toString()).isTrue();
        String index = SiteFixture.read(out.resolve("site/index.html"));
        assertThat(index).doesNotContain("downloads").doesNotContain(".epub");
        assertThat(out.resolve("site/downloads")).doesNotExist();
        assertThat(SiteFixture.read(out.resolve("site/pieces/steppe-notes.html"))).doesNotContain("#downloads");
    }

    @Test
    void offers_each_handout_written_in_the_same_build_under_its_title_and_event() throws IOException {
        Path book = TestBooks.copy("kitchen-sink", SiteFixture.dir("handouts"));
        Files.writeString(book.resolve("book.yaml"), Files.readString(book.resolve("book.yaml")) + """
                handouts:
                  - name: steppe-panel
                    title: "Notes for the Panel"
                    pieces: [01-essays/steppe-notes]
                    event: "Panel discussion"
                    event-date: "12 March 2024"
                    place: "Example Hall"
                """);
        Path out = SiteFixture.dir("handouts-out");
        BuildResult result = new Sheaf().build(BuildRequest.of(book, out).withFormats(List.of("handouts", "site")));
        assertThat(result.success()).as(result.diagnostics().toString()).isTrue();
        Document index = Jsoup.parse(SiteFixture.read(out.resolve("site/index.html")));
        assertThat(index.select("#downloads a").eachAttr("href")).containsExactly("downloads/handouts/steppe-panel.pdf");
        assertThat(index.select("#downloads h3").text()).isEqualTo("Handouts");
        assertThat(index.select("#downloads a").text())
                .startsWith("Notes for the Panel Panel discussion, 12 March 2024, Example Hall steppe-panel.pdf \u00b7 ")
                .endsWith(" KB");
        assertThat(Files.readAllBytes(out.resolve("site/downloads/handouts/steppe-panel.pdf")))
                .isEqualTo(Files.readAllBytes(out.resolve("handouts/steppe-panel.pdf")));
    }

    @Test
    void every_link_and_source_on_every_page_resolves_inside_the_site() {
        List<String> broken = new ArrayList<>();
        for (String path : htmlPages()) {
            Document doc = page(path);
            for (Element e : doc.select("[href], [src]")) {
                String ref = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                String problem = check(path, ref);
                if (problem != null) {
                    broken.add(path + ": " + ref + " (" + problem + ")");
                }
            }
        }
        Matcher m = Pattern.compile("url\\(\"([^\"]+)\"\\)").matcher(SiteFixture.read(site.resolve("site.css")));
        while (m.find()) {
            String problem = check("site.css", m.group(1));
            if (problem != null) {
                broken.add("site.css: " + m.group(1) + " (" + problem + ")");
            }
        }
        assertThat(broken).isEmpty();
    }

    /** Null when {@code ref} on {@code page} names a file (and element) of the site or is an ordinary web link. */
    private static String check(String page, String ref) {
        if (ref.startsWith("https://") || ref.startsWith("http://") || ref.startsWith("mailto:")) {
            return null;
        }
        if (ref.equals("data:,")) {
            return null;
        }
        URI uri = URI.create(page).resolve(ref);
        if (uri.getScheme() != null || uri.getPath().startsWith("/") || uri.getPath().startsWith("..")) {
            return "leaves the site";
        }
        Path target = site.resolve(uri.getPath().isEmpty() ? page : uri.getPath()).normalize();
        if (!target.startsWith(site) || !Files.isRegularFile(target)) {
            return "no such file";
        }
        if (uri.getFragment() != null && target.toString().endsWith(".html")) {
            if (Jsoup.parse(SiteFixture.read(target)).getElementById(uri.getFragment()) == null) {
                return "no element with id " + uri.getFragment();
            }
        }
        return null;
    }

    @Test
    void previous_and_next_links_walk_every_page_in_reading_order() {
        List<String> walked = new ArrayList<>();
        String at = page("index.html").selectFirst("a.button.primary").attr("href");
        while (at != null) {
            walked.add(at);
            Element next = page(at).selectFirst("a[rel=next]");
            at = next == null ? null : URI.create(at).resolve(next.attr("href")).getPath();
        }
        List<String> expected = new ArrayList<>();
        for (Chapter c : book.chapters()) {
            expected.add("chapters/" + c.slug() + ".html");
            c.pieces().forEach(p -> expected.add("pieces/" + p.slug() + ".html"));
        }
        expected.add("back/sources.html");
        assertThat(walked).containsExactlyElementsOf(expected);
        for (int i = 1; i < walked.size(); i++) {
            String prev = page(walked.get(i)).selectFirst("a[rel=prev]").attr("href");
            assertThat(URI.create(walked.get(i)).resolve(prev).getPath()).isEqualTo(walked.get(i - 1));
        }
    }

    @Test
    void every_piece_page_holds_its_text_headers_notes_and_citation() throws IOException {
        for (Chapter c : book.chapters()) {
            for (Piece p : c.pieces()) {
                Document doc = page("pieces/" + p.slug() + ".html");
                Document textOnly = doc.clone();
                textOnly.select("a.noteref, .note-number").remove();
                String text = " " + SourceWords.words(textOnly.select("main").text()) + " ";
                // The words a reader sees: image alt texts, link targets and list numbers are not part of the text.
                Path source = SiteFixture.dir("words").resolve(p.slug() + ".md");
                Files.writeString(source, Files.readString(built.book().resolve(p.source().file()))
                        .replaceAll("!\\[[^\\]]*\\]\\([^)]*\\)", "").replaceAll("\\]\\([^)]*\\)", "]").replaceAll("(?m)^\\d+\\. ", ""));
                for (String para : SourceWords.paragraphs(source)) {
                    assertThat(text).as(p.slug()).contains(" " + para + " ");
                }
                assertThat(doc.select("h1").text()).isEqualTo(p.title());
                assertThat(doc.select(".first-published").text()).startsWith("First published");
                assertThat(doc.select(".cite-as").text()).startsWith("Cite this piece:");
                assertThat(doc.select(".piece-chapter a").text()).isEqualTo(c.title());
            }
        }
        Document steppe = page("pieces/steppe-notes.html");
        assertThat(SiteFixture.read(site.resolve("pieces/steppe-notes.html")))
                .contains("<a href=\"https://example.org/steppe\"><cite>The Example Review</cite></a>, c.\u00a0March 2021.");
        assertThat(steppe.select(".headnote").text()).contains("I wrote this after a long trip.");
        assertThat(steppe.select("a.noteref").eachAttr("href")).containsExactly("#fn-1", "#fn-2");
        assertThat(steppe.select("aside.footnote a[role=doc-backlink]").eachAttr("href")).containsExactly("#fnref-1", "#fnref-2");
        assertThat(steppe.select("figure.lead-image figcaption").text()).contains("A map of the region.");
        assertThat(page("back/sources.html").select("ul.reference-entries li")).hasSize(3);
    }

    @Test
    void pages_are_html5_with_languages_alt_texts_and_landmarks_and_no_scripts() {
        for (String path : htmlPages()) {
            String html = SiteFixture.read(site.resolve(path));
            Document doc = page(path);
            assertThat(html).as(path).startsWith("<!DOCTYPE html>\n<html lang=\"en-GB\">")
                    .doesNotContain("epub:type").doesNotContain("xml:lang").doesNotContain("/>")
                    .doesNotContain("<script");
            assertThat(doc.select("main")).as(path).hasSize(1);
            assertThat(doc.select("body > header")).as(path).hasSize(1);
            assertThat(doc.select("body > footer")).as(path).hasSize(1);
            assertThat(doc.select("nav")).as(path).isNotEmpty().allMatch(n -> n.hasAttr("aria-label") || n.hasAttr("aria-labelledby"));
            assertThat(doc.select("img")).as(path).allMatch(img -> img.hasAttr("alt"));
            assertThat(doc.select("h1")).as(path).hasSize(1);
            assertThat(doc.select("meta[name=viewport]")).as(path).hasSize(1);
            assertThat(doc.select("[src^=http], [src^=//], link[href^=http], link[href^=//]")).as(path).isEmpty();
        }
    }

    @Test
    void should_serve_the_books_fonts_from_the_site_with_the_cjk_fallback_only_for_cjk_characters() {
        assertThat(SiteFixture.files(site.resolve("fonts"))).containsExactlyInAnyOrderElementsOf(SiteFixture.FONTS);
        String css = SiteFixture.read(site.resolve("site.css"));
        assertThat(css).contains("@font-face { font-family: \"Noto Serif\"; src: url(\"fonts/NotoSerif-Regular.ttf\") format(\"truetype\"); font-style: normal; font-weight: 400;")
                .contains("--body-font: \"Noto Serif\", \"Droid Sans Fallback\", Georgia")
                .contains("--heading-font: \"Noto Sans\", \"Droid Sans Fallback\"")
                .containsPattern("font-family: \"Droid Sans Fallback\";[^}]*unicode-range: U\\+2E80")
                .doesNotContain("http:").doesNotContain("https:").doesNotContain("@import");
        // the fonts' kerning and standard ligatures in text, none in code (where "fi" is two characters of a name)
        assertThat(css).contains("font-kerning: normal;", "font-variant-ligatures: common-ligatures;")
                .containsPattern("code, pre \\{[^}]*font-variant-ligatures: none;");
    }

    @Test
    void a_book_without_cjk_text_does_not_carry_the_cjk_fallback() throws IOException {
        Path book = TestBooks.minimal(SiteFixture.dir("latin"), "chapters/one/a.md",
                TestBooks.piece("title: Only Latin\ndate: 2020-01-01", "Plain text, nothing else."));
        Files.createDirectories(book.resolve("fonts"));
        for (String f : List.of("NotoSerif-Regular.ttf", "DroidSansFallbackFull.ttf")) {
            Files.copy(Path.of("fonts", f), book.resolve("fonts").resolve(f));
        }
        Path out = SiteFixture.dir("latin-out");
        BuildResult result = new Sheaf().build(BuildRequest.of(book, out).withFormats(List.of("site")));
        assertThat(result.success()).as(result.diagnostics().toString()).isTrue();
        assertThat(SiteFixture.files(out.resolve("site/fonts"))).containsExactly("NotoSerif-Regular.ttf");
        assertThat(SiteFixture.read(out.resolve("site/site.css"))).doesNotContain("Droid");
    }

    @Test
    void rebuilding_the_same_book_gives_the_same_bytes() throws IOException {
        Path book = SiteFixture.book(SiteFixture.dir("again"));
        Path out = SiteFixture.dir("again-out");
        BuildResult result = new Sheaf().build(BuildRequest.of(book, out));
        assertThat(result.success()).as(result.diagnostics().toString()).isTrue();
        Path again = out.resolve("site");
        assertThat(SiteFixture.files(again)).isEqualTo(SiteFixture.files(site));
        for (String f : SiteFixture.files(site)) {
            assertThat(Files.readAllBytes(again.resolve(f))).as(f).isEqualTo(Files.readAllBytes(site.resolve(f)));
        }
    }

    @Test
    void html5_drops_epub_attributes_and_xml_slashes_from_tags_only() {
        String xhtml = "<p>Text with epub:type=\"x\" /&gt; kept</p><a epub:type=\"noteref\" role=\"doc-noteref\" href=\"#n\">1</a>"
                + "<img src=\"a.png\" alt=\"\"/><br/><span xml:lang=\"fr\" lang=\"fr\">oui</span>";
        assertThat(Html5.of(xhtml)).isEqualTo("<p>Text with epub:type=\"x\" /&gt; kept</p><a role=\"doc-noteref\" href=\"#n\">1</a>"
                + "<img src=\"a.png\" alt=\"\"><br><span lang=\"fr\">oui</span>");
    }

    @Test
    void sizes_read_in_kilobytes_or_megabytes_in_the_books_language() {
        Labels labels = new Labels(Locale.UK);
        assertThat(Downloads.size(10, Locale.UK, labels)).isEqualTo("1 KB");
        assertThat(Downloads.size(171_000, Locale.UK, labels)).isEqualTo("167 KB");
        assertThat(Downloads.size(1_572_864, Locale.UK, labels)).isEqualTo("1.5 MB");
        assertThat(Downloads.size(1_572_864, Locale.GERMANY, labels)).isEqualTo("1,5 MB");
        assertThat(Downloads.size(1_048_000, Locale.UK, labels)).isEqualTo("1.0 MB");
    }

    @Test
    void downloads_are_grouped_books_handouts_then_sources_and_ignore_other_files() {
        Labels labels = new Labels(Locale.UK);
        java.util.Map<String, Long> written = new java.util.LinkedHashMap<>();
        written.put("b.bib", 10L);
        written.put("b.pdf", 20L);
        written.put("handouts/panel.pdf", 30L);
        written.put("b.epub", 40L);
        written.put("notes.txt", 50L);
        written.put("handouts/deep/x.pdf", 60L);
        Set<String> sources = new LinkedHashSet<>();
        Downloads.of(written, "b", List.of(), labels).forEach(d -> sources.add(d.source()));
        assertThat(sources).containsExactly("b.epub", "b.pdf", "handouts/panel.pdf", "b.bib");
    }
}
