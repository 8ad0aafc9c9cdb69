package dev.sheaf.perf;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.model.Book;
import dev.sheaf.model.Piece;
import dev.sheaf.testing.EpubText;
import dev.sheaf.testing.EpubValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Sheaf#incremental()} (behind {@code sheaf build --watch}) parses again only the pieces that changed and
 * reuses formatted citations and rendered EPUB pages; what it writes must be what a fresh build writes. Its quick
 * step (before the print editions) lays nothing out and takes the print page numbers of the latest layout.
 */
class IncrementalBuildTest {

    @TempDir
    Path tmp;

    @Test
    void should_parse_only_the_edited_piece_and_write_what_a_fresh_build_writes() throws Exception {
        // setup
        Path book = GeneratedBook.write(tmp.resolve("book"), 60, 5, true);
        Sheaf session = Sheaf.incremental();
        build(session, book, "first");
        Path piece = pieces(book).get(17);
        // when
        Files.writeString(piece, "\nAn added paragraph with a new word: zyxwv.\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Path rebuilt = build(session, book, "second");
        int parsed = session.piecesParsedInLastBuild();
        Path fresh = build(new Sheaf(), book, "fresh");
        // then
        assertThat(parsed).isEqualTo(1);
        assertThat(Files.readAllBytes(rebuilt)).isEqualTo(Files.readAllBytes(fresh));
    }

    @Test
    void should_follow_a_new_date_and_a_deleted_piece_when_rebuilding() throws Exception {
        // setup
        Path book = GeneratedBook.write(tmp.resolve("book"), 40, 6);
        Sheaf session = Sheaf.incremental();
        build(session, book, "first");
        Path moved = pieces(book).get(3);
        // when: a new date moves the piece (and its source) elsewhere; another piece goes away
        String text = Files.readString(moved, StandardCharsets.UTF_8).replaceFirst("date: \"\\d{4}", "date: \"2030");
        Files.writeString(moved, text, StandardCharsets.UTF_8);
        Files.delete(pieces(book).get(30));
        Path rebuilt = build(session, book, "second");
        Path fresh = build(new Sheaf(), book, "fresh");
        // then
        assertThat(session.piecesParsedInLastBuild()).isEqualTo(1);
        assertThat(Files.readAllBytes(rebuilt)).isEqualTo(Files.readAllBytes(fresh));
    }

    @Test
    void should_write_the_same_site_and_epub_as_a_fresh_build_after_a_new_title_and_a_new_paragraph() throws Exception {
        // setup
        Path book = GeneratedBook.write(tmp.resolve("book"), 30, 3);
        Sheaf session = Sheaf.incremental();
        List<String> formats = List.of("epub", "citations", "site");
        buildAll(session, book, "first", formats);
        Path retitled = pieces(book).get(7);
        // when: a new title changes the piece, its neighbours' pagers and the contents; a paragraph only the piece
        String text = Files.readString(retitled, StandardCharsets.UTF_8).replaceFirst("title: .*", "title: \"A New Title\"");
        Files.writeString(retitled, text, StandardCharsets.UTF_8);
        Files.writeString(pieces(book).get(20), "\nAn added paragraph.\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Path rebuilt = buildAll(session, book, "second", formats);
        Path fresh = buildAll(new Sheaf(), book, "fresh", formats);
        // then
        List<String> files = files(fresh);
        assertThat(files(rebuilt)).isEqualTo(files);
        assertThat(files).contains("site/index.html", "site/cover.png");
        for (String f : files) {
            assertThat(Files.readAllBytes(rebuilt.resolve(f))).as(f).isEqualTo(Files.readAllBytes(fresh.resolve(f)));
        }
    }

    @Test
    void the_quick_step_takes_the_last_layouts_page_numbers_and_the_full_build_after_it_is_a_fresh_builds()
            throws Exception {
        // setup: a session's full build, then one piece with a print page break edited and another deleted
        Path book = GeneratedBook.write(tmp.resolve("book"), 12, 11);
        // A fixed date: otherwise the book's date is its latest piece's, which the deletion below may change.
        Files.writeString(book.resolve("book.yaml"), "date: \"2026-12-01\"\n", StandardOpenOption.APPEND);
        Sheaf session = Sheaf.incremental();
        List<String> formats = List.of("pdf", "epub", "site");
        Path first = buildAll(session, book, "first", formats);
        List<String> before = pageList(first);
        Book read = new Sheaf().book(book, new Diagnostics()).orElseThrow();
        List<Piece> broken = read.pieces().stream()
                .filter(p -> before.stream().anyMatch(e -> e.startsWith(p.slug() + ".xhtml#"))).toList();
        assertThat(broken).hasSizeGreaterThan(3);
        Piece edited = broken.get(1);
        Piece deleted = broken.get(2);
        Files.writeString(book.resolve(edited.source().file()), "\nAn added paragraph with a new word: zyxwv.\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.delete(book.resolve(deleted.source().file()));
        // when
        BuildResult quick = session.build(BuildRequest.of(book, tmp.resolve("first")).withFormats(formats).asQuickStep());
        // then: the EPUB and the site, with the breaks of the units that did not change, and no PDF laid out
        assertThat(quick.success()).as(quick.diagnostics().toString()).isTrue();
        assertThat(quick.written()).extracting(p -> p.getFileName().toString()).noneMatch(n -> n.endsWith(".pdf"))
                .anyMatch(n -> n.endsWith(".epub"));
        // Only the edited piece's EPUB page is made again: the others kept their breaks.
        assertThat(quick.reuse()).filteredOn(r -> r.edition().equals("EPUB")).singleElement()
                .satisfies(r -> assertThat(r.total() - r.reused()).isEqualTo(1));
        Path quickEpub = first.resolve(epub(first));
        assertThat(EpubValidator.problems(quickEpub)).isEmpty();
        // (the sources list lost the deleted piece: its breaks go too)
        assertThat(pageList(first)).isEqualTo(before.stream().filter(e -> !e.startsWith(edited.slug() + ".xhtml#")
                && !e.startsWith(deleted.slug() + ".xhtml#") && !e.startsWith("back-sources.xhtml#")).toList());
        String editedDoc = new EpubText(quickEpub).entry("EPUB/text/" + edited.slug() + ".xhtml");
        assertThat(editedDoc).contains("zyxwv").doesNotContain("pagebreak");
        assertThat(Files.readString(first.resolve("site/pieces/" + edited.slug() + ".html"))).contains("zyxwv")
                .doesNotContain("print-page");
        // when: the full build follows
        buildAll(session, book, "first", formats);
        Path fresh = buildAll(new Sheaf(), book, "fresh", formats);
        // then: the same files and bytes as a fresh build (the deleted piece's site page removed), the edited piece's
        // page numbers back
        List<String> files = files(fresh);
        assertThat(files(first)).isEqualTo(files);
        for (String f : files) {
            assertThat(Files.readAllBytes(first.resolve(f))).as(f).isEqualTo(Files.readAllBytes(fresh.resolve(f)));
        }
        assertThat(pageList(first)).anyMatch(e -> e.startsWith(edited.slug() + ".xhtml#"));
    }

    @Test
    void the_epub_alone_with_print_page_numbers_always_takes_the_last_layouts_in_its_quick_step() throws Exception {
        // setup: print-page-numbers: always and the EPUB alone, so the EPUB needs a layout of its own
        Path book = GeneratedBook.write(tmp.resolve("book"), 12, 11);
        Files.writeString(book.resolve("book.yaml"), "date: \"2026-12-01\"\nprint-page-numbers: always\n",
                StandardOpenOption.APPEND);
        Sheaf session = Sheaf.incremental();
        List<String> formats = List.of("epub");
        Path first = buildAll(session, book, "first", formats);
        List<String> before = pageList(first);
        Book read = new Sheaf().book(book, new Diagnostics()).orElseThrow();
        Piece edited = read.pieces().stream().filter(p -> before.stream().anyMatch(e -> e.startsWith(p.slug() + ".xhtml#")))
                .skip(1).findFirst().orElseThrow();
        Files.writeString(book.resolve(edited.source().file()), "\nAn added paragraph with a new word: zyxwv.\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        // when
        BuildResult quick = session.build(BuildRequest.of(book, first).withFormats(formats).asQuickStep());
        // then: the page numbers of the last layout, less the edited piece's; a full build still to come
        assertThat(quick.success()).as(quick.diagnostics().toString()).isTrue();
        assertThat(session.fullBuildNeeded()).isTrue();
        assertThat(pageList(first)).isNotEmpty()
                .isEqualTo(before.stream().filter(e -> !e.startsWith(edited.slug() + ".xhtml#")).toList());
        buildAll(session, book, "first", formats);
        assertThat(session.fullBuildNeeded()).isFalse();
        Path fresh = buildAll(new Sheaf(), book, "fresh", formats);
        assertThat(Files.readAllBytes(first.resolve(epub(first)))).isEqualTo(Files.readAllBytes(fresh.resolve(epub(fresh))));
    }

    @Test
    void a_quick_step_of_formats_without_print_page_numbers_is_the_whole_build() throws Exception {
        // setup
        Path book = GeneratedBook.write(tmp.resolve("book"), 8, 4);
        Sheaf session = Sheaf.incremental();
        List<String> formats = List.of("epub", "site");
        buildAll(session, book, "first", formats);
        Files.writeString(pieces(book).get(2), "\nAn added paragraph.\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        // when
        BuildResult quick = session.build(BuildRequest.of(book, tmp.resolve("first")).withFormats(formats).asQuickStep());
        // then
        assertThat(quick.success()).isTrue();
        assertThat(session.fullBuildNeeded()).isFalse();
        Path fresh = buildAll(new Sheaf(), book, "fresh", formats);
        List<String> files = files(fresh);
        assertThat(files(tmp.resolve("first"))).isEqualTo(files);
        for (String f : files) {
            assertThat(Files.readAllBytes(tmp.resolve("first").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(fresh.resolve(f)));
        }
    }

    /** The EPUB's page list in {@code out}: "href label" per entry, in order. */
    private static List<String> pageList(Path out) throws Exception {
        String nav = new EpubText(out.resolve(epub(out))).entry("EPUB/text/nav.xhtml");
        int at = nav.indexOf("epub:type=\"page-list\"");
        assertThat(at).as("page list").isPositive();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<a href=\"([^\"]+)\">([^<]+)</a>")
                .matcher(nav.substring(at, nav.indexOf("</nav>", at)));
        List<String> out2 = new java.util.ArrayList<>();
        while (m.find()) {
            out2.add(m.group(1) + " " + m.group(2));
        }
        return out2;
    }

    private static String epub(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".epub")).findFirst().orElseThrow();
        }
    }

    private Path buildAll(Sheaf sheaf, Path book, String out, List<String> formats) {
        BuildResult r = sheaf.build(BuildRequest.of(book, tmp.resolve(out)).withFormats(formats));
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        return tmp.resolve(out);
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            // The list of the files Sheaf wrote holds their times, which differ from build to build.
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .filter(f -> !f.equals(".sheaf-written")).sorted().toList();
        }
    }

    private Path build(Sheaf sheaf, Path book, String out) {
        BuildResult r = sheaf.build(BuildRequest.of(book, tmp.resolve(out)).withFormats(List.of("epub")));
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        return r.written().get(0);
    }

    private static List<Path> pieces(Path book) throws Exception {
        try (Stream<Path> s = Files.walk(book.resolve("chapters"))) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }
}
