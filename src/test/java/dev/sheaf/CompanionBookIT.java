package dev.sheaf;

import dev.sheaf.testing.EpubText;
import dev.sheaf.testing.EpubValidator;
import dev.sheaf.testing.PageListCheck;
import dev.sheaf.testing.PdfText;
import dev.sheaf.testing.PdfValidator;
import dev.sheaf.testing.SourceWords;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's own book, as {@code mvn package} built it with the CLI jar into target/book: valid,
 * complete, and reproducible.
 */
class CompanionBookIT {

    static final Path OUT = Path.of(System.getProperty("sheaf.book.out", "target/book"));
    static final Path JAR = Path.of(System.getProperty("sheaf.jar", "target/sheaf.jar"));

    static final float MM = 72f / 25.4f;

    static Path epub;
    static Path pdf;

    @BeforeAll
    static void findEditions() throws IOException {
        try (Stream<Path> s = Files.list(OUT)) {
            epub = s.filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
        }
        try (Stream<Path> s = Files.list(OUT)) {
            pdf = s.filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
        }
    }

    @Test
    void epub_passes_epubcheck() {
        assertThat(EpubValidator.problems(epub)).isEmpty();
    }

    /**
     * The EPUB's page list is the PDF edition's: the words after each page-break marker are the words at the top
     * of the PDF page with that number, and every page whose text the EPUB has is listed: from page 1 (the first
     * chapter opener) through the pieces, the back-matter lists and the index, all but the colophon, the last
     * page, which only the print edition has (as the front matter before page 1).
     */
    @Test
    void epub_page_list_matches_the_pdf_pages() throws IOException {
        EpubText text = new EpubText(epub);
        try (PdfText printed = new PdfText(pdf)) {
            List<PageListCheck.Entry> entries = PageListCheck.entries(text, printed);
            assertThat(PageListCheck.mismatches(text, printed)).isEmpty();
            List<String> labels = printed.labels();
            assertThat(entries.get(0).label()).isEqualTo("1");
            assertThat(printed.page(labels.size() - 1)).contains("Sheaf");
            List<String> withText = new java.util.ArrayList<>();
            for (int i = labels.indexOf("1"); i < labels.size() - 1; i++) {
                if (!printed.page(i).isBlank()) {
                    withText.add(labels.get(i));
                }
            }
            assertThat(entries.stream().map(PageListCheck.Entry::label).toList()).isEqualTo(withText);
            assertThat(entries.stream().map(PageListCheck.Entry::file)).contains("back-sources.xhtml", "index.xhtml");
        }
    }

    @Test
    void epub_holds_every_word_of_every_piece() throws IOException {
        String text = " " + SourceWords.words(new EpubText(epub).text()) + " ";
        List<String> missing = new ArrayList<>();
        try (Stream<Path> pieces = Files.walk(Path.of("chapters"))) {
            for (Path p : pieces.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                for (String para : SourceWords.paragraphs(p)) {
                    if (!text.contains(" " + para + " ")) {
                        missing.add(p + ": " + para);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void pdf_embeds_every_font_as_a_subset() throws IOException {
        try (PdfText text = new PdfText(pdf)) {
            assertThat(text.fonts()).isNotEmpty().allMatch(f -> f.matches("[A-Z]{6}\\+\\S+ embedded"));
        }
    }

    @Test
    void pdf_holds_every_word_of_every_piece() throws IOException {
        StringBuilder all = new StringBuilder();
        try (PdfText text = new PdfText(pdf)) {
            float height = text.document().getPage(0).getMediaBox().getHeight();
            // The text block only: running heads and folios in the margins would split paragraphs at page ends.
            for (int i = 0; i < text.pages(); i++) {
                all.append(text.band(i, 15 * MM, height - 16 * MM)).append(' ');
            }
        }
        String text = " " + SourceWords.words(all.toString()) + " ";
        List<String> missing = new ArrayList<>();
        try (Stream<Path> pieces = Files.walk(Path.of("chapters"))) {
            for (Path p : pieces.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                for (String para : SourceWords.paragraphs(p)) {
                    if (!text.contains(" " + para + " ")) {
                        missing.add(p + ": " + para);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /**
     * The text layer is what is printed: every sentence of every piece is found in the PDF's text (read as search
     * and screen readers read it, clipping ignored) as often as the sources hold it, normally once.
     */
    @Test
    void pdf_text_layer_holds_every_sentence_once() throws IOException {
        String printed = textLayer();
        List<String> sentences = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        try (Stream<Path> pieces = Files.walk(Path.of("chapters"))) {
            for (Path p : pieces.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                paragraphs.addAll(SourceWords.paragraphs(p));
                String body = Files.readString(p).replaceFirst("(?s)^---\\n.*?\\n---\\n", "");
                // Paragraphs, headings and list items, then their sentences.
                for (String para : body.split("\\n\\s*\\n|\\n(?=\\s*([-*+]|\\d+[.)]|#+)\\s)")) {
                    for (String s : para.split("(?<=[.?!][\"”’)]?)\\s+")) {
                        String w = SourceWords.words(s.replaceAll("\\[\\^[^\\]]+\\]:?", " "));
                        if (w.split(" ").length >= 6) {
                            sentences.add(w);
                        }
                    }
                }
            }
        }
        // A sentence may also stand in the front matter (an author's line under a letter, say): count it there too.
        String source = " " + String.join(" | ", paragraphs) + " ";
        List<String> wrong = new ArrayList<>();
        for (String s : sentences) {
            int expected = count(source, " " + s + " ");
            int found = count(printed, " " + s + " ");
            if (found != expected) {
                wrong.add(found + "× (expected " + expected + "): " + s);
            }
        }
        assertThat(sentences).hasSizeGreaterThan(300);
        assertThat(wrong).isEmpty();
    }

    /** The words of the PDF's text layer, page by page, without the margins that hold running heads and folios. */
    private static String textLayer() throws IOException {
        StringBuilder all = new StringBuilder();
        try (PdfText text = new PdfText(pdf)) {
            float height = text.document().getPage(0).getMediaBox().getHeight();
            for (int i = 0; i < text.pages(); i++) {
                all.append(text.layer(i, 15 * MM, height - 16 * MM)).append(' ');
            }
        }
        return " " + SourceWords.words(all.toString()) + " ";
    }

    /**
     * Sentences of the seed that belong to no article, so the book leaves them out: posts that only list media
     * appearances, the blog's page title, the outlets' metadata lines, tag lists, banner captions and disclaimers.
     * Each entry is the start of a sentence (its words); each must really be absent from the PDF.
     */
    private static final List<String> NOT_IN_ARTICLES = List.of(
            // A post that only lists media appearances, and the sentence that announces a podcast before an article.
            "Am also using this moment to do a media catch up",
            "At the bottom of this post am putting a podcast",
            "This aside spoke to RFE RL about China in Afghanistan",
            "And now for some links to other media outputs",
            "First up is the podcast referenced above",
            "Next up a panel discussion with Turkish TRT Television",
            "And finally another panel with TRT",
            "Before posting that however am also adding a link",
            // The outlet's banner caption and disclaimer under an article.
            "BANNER IMAGE Ceremony for exchanging the documents",
            "The views expressed in this Commentary are the author s");

    /**
     * The seed (src/test/resources/companion/seed.txt, the author's raw text the book was made from): every
     * sentence of its articles is in the PDF's text layer as often as in the seed, normally once.
     */
    @Test
    void pdf_text_layer_holds_every_sentence_of_the_seeds_articles_once() throws IOException {
        String printed = textLayer();
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/companion/seed.txt"));
        List<String> sentences = new ArrayList<>();
        for (String line : lines) {
            for (String s : line.split("(?<=[.?!][\"”’)]?)\\s+")) {
                String w = SourceWords.words(s);
                if (w.split(" ").length >= 6 && s.strip().matches("(?s).*[.?!][\"”’)]?")) {
                    sentences.add(w);
                }
            }
        }
        String seed = " " + String.join(" | ", lines.stream().map(SourceWords::words).toList()) + " ";
        // Titles are not sentences of the text: the contents print them too.
        java.util.Set<String> titles = new java.util.HashSet<>();
        try (Stream<Path> pieces = Files.walk(Path.of("chapters"))) {
            for (Path p : pieces.filter(f -> f.toString().endsWith(".md")).toList()) {
                for (String line : Files.readAllLines(p)) {
                    if (line.startsWith("title:")) {
                        titles.add(SourceWords.words(line.substring(6).replace("\\\"", "\"")));
                    }
                }
            }
        }
        List<String> wrong = new ArrayList<>();
        int articles = 0;
        for (String s : new java.util.LinkedHashSet<>(sentences)) {
            if (titles.contains(s)) {
                continue;
            }
            int found = count(printed, " " + s + " ");
            boolean left = NOT_IN_ARTICLES.stream().anyMatch(s::startsWith);
            int expected = left ? 0 : count(seed, " " + s + " ");
            if (found != expected) {
                wrong.add(found + "× (expected " + expected + "): " + s);
            }
            articles += left ? 0 : 1;
        }
        assertThat(articles).isGreaterThan(300);
        assertThat(wrong).isEmpty();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void pdf_passes_pdf_ua_1_and_pdf_a_2u_and_is_tagged() throws IOException {
        assertThat(PdfValidator.pdfUa1(pdf)).isEmpty();
        assertThat(PdfValidator.pdfA2u(pdf)).isEmpty();
        try (PdfText text = new PdfText(pdf)) {
            assertThat(text.document().getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
        }
    }

    /** Every handout, sheets and folded booklets alike, is tagged and passes PDF/UA-1 and PDF/A-2u. */
    @Test
    void handouts_pass_pdf_ua_1_and_pdf_a_2u_and_are_tagged() throws IOException {
        try (Stream<Path> s = Files.list(OUT.resolve("handouts"))) {
            for (Path handout : s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList()) {
                assertThat(PdfValidator.pdfUa1(handout)).as(handout.toString()).isEmpty();
                assertThat(PdfValidator.pdfA2u(handout)).as(handout.toString()).isEmpty();
                try (PdfText text = new PdfText(handout)) {
                    assertThat(text.document().getDocumentCatalog().getMarkInfo().isMarked()).as(handout.toString())
                            .isTrue();
                }
            }
        }
    }

    @Test
    void rebuilding_unchanged_sources_gives_identical_bytes(@TempDir Path tmp) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "build", ".", "--out", tmp.toString(), "--quiet")
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        try (Stream<Path> s = Files.walk(OUT)) {
            List<Path> files = s.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".")).toList();
            assertThat(files).extracting(f -> OUT.relativize(f).toString().replace('\\', '/'))
                    .anyMatch(n -> n.startsWith("handouts/"));
            for (Path f : files) {
                assertThat(Files.readAllBytes(tmp.resolve(OUT.relativize(f)))).as(f.toString())
                        .isEqualTo(Files.readAllBytes(f));
            }
        }
    }

    @Test
    void handouts_hold_every_word_of_their_chapter() throws IOException {
        try (Stream<Path> s = Files.list(OUT.resolve("handouts"))) {
            assertThat(s.filter(p -> p.toString().endsWith(".pdf")).count())
                    .as("one handout per chapter").isEqualTo(chapterFolders().size());
        }
        for (Path chapter : chapterFolders()) {
            Path handout = OUT.resolve("handouts").resolve(chapter.getFileName() + ".pdf");
            String text;
            try (PdfText pdf = new PdfText(handout)) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < pdf.pages(); i++) {
                    // A booklet is printed on landscape sheets, two pages side by side.
                    var box = pdf.document().getPage(i).getMediaBox();
                    sb.append(box.getWidth() > box.getHeight() ? pdf.halves(i) : pdf.page(i)).append(' ');
                }
                text = " " + SourceWords.words(sb.toString()) + " ";
            }
            java.util.Set<String> printedWords = new java.util.HashSet<>(List.of(text.trim().split(" ")));
            try (Stream<Path> pieces = Files.list(chapter)) {
                for (Path p : pieces.filter(f -> f.toString().endsWith(".md") && !f.getFileName().toString().startsWith("_")).toList()) {
                    for (String para : SourceWords.paragraphs(p)) {
                        // Running heads and folios split paragraphs across pages, and on a booklet two pages share
                        // a sheet side; word order is checked by the handout tests, presence here.
                        assertThat(printedWords).as(handout + " holds " + p).containsAll(List.of(para.split(" ")));
                    }
                }
            }
        }
    }

    private static List<Path> chapterFolders() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("chapters"))) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }
}
