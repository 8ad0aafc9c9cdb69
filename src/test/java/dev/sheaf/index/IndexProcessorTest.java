package dev.sheaf.index;

import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.model.Book;
import dev.sheaf.model.BookIndex;
import dev.sheaf.model.Inline;
import dev.sheaf.model.Piece;
import dev.sheaf.model.Walk;
import dev.sheaf.read.BookReader;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class IndexProcessorTest {

    @TempDir
    Path tmp;

    private Book indexed(Path dir) {
        Diagnostics diags = new Diagnostics();
        Book book = new BookReader(dir, diags).read().orElseThrow();
        return new IndexProcessor(diags).process(book);
    }

    private static Map<String, Integer> counts(BookIndex index) {
        Map<String, Integer> out = new TreeMap<>();
        index.entries().forEach(e -> {
            out.put(e.key(), e.mentions().size());
            e.subs().forEach(s -> out.put(s.key(), s.mentions().size()));
        });
        return out;
    }

    @Test
    void findsMentionsMarksAndNothingInUrlsOrCode() {
        Book book = indexed(IndexedBook.write(tmp, 0));
        assertThat(counts(book.index())).containsEntry("Tokayev", 3) // possessive, the mark, "again"
                .containsEntry("Xi Jinping", 3).containsEntry("CSTO", 2).containsEntry("Russia", 1)
                .containsEntry("Russia › and China", 1).containsEntry("Russia › oil", 1)
                .containsEntry("Kabul", 0).containsEntry("Muscovy", 0).containsEntry("Öcalan", 1);
        Piece first = book.pieces().get(0);
        String text = Walk.text(((dev.sheaf.model.Block.Paragraph) first.body().get(0)).content());
        assertThat(text).startsWith("Tokayev’s decree met the CSTO.");
        String note = Walk.text(((dev.sheaf.model.Block.Paragraph) first.footnotes().get(0).content().get(0)).content());
        assertThat(note).isEqualTo("Russian oil, said the president.");
        List<String> marks = new ArrayList<>();
        Walk.inlines(first.body(), i -> {
            if (i instanceof Inline.IndexMark m) {
                marks.add(m.id());
            }
        });
        assertThat(marks).first().isEqualTo("ix1-first");
        assertThat(book.index().title()).isEqualTo("Index of Names");
    }

    @Test
    void sortsByTheBookLanguageAndGroupsByLetter() {
        Book book = indexed(IndexedBook.write(tmp, 0));
        assertThat(book.index().entries()).extracting(BookIndex.Entry::term).containsSubsequence(
                "Muscovy", "Nobody Atall", "Öcalan", "Orenburg", "Russia", "Tokayev", "Xi Jinping");
        BookIndex.Entry ocalan = book.index().entries().stream().filter(e -> e.term().equals("Öcalan")).findFirst()
                .orElseThrow();
        assertThat(ocalan.group()).isEqualTo("O");
        Locale ru = Locale.forLanguageTag("ru");
        java.text.Collator primary = java.text.Collator.getInstance(ru);
        primary.setStrength(java.text.Collator.PRIMARY);
        assertThat(IndexProcessor.group("Чечня", ru, primary)).isEqualTo("Ч");
        assertThat(IndexProcessor.group("Ёлкин", ru, primary)).isEqualTo("Е");
    }

    @Test
    void russianCollationPutsChechnyaAmongTheChe() {
        TestBooks.minimal(tmp, "chapters/a/p.md", TestBooks.piece("title: P\ndate: 2020-01-01",
                "Чечня, Царьград, Шанхай, Цхинвали, Ереван, Ёлкин, Abkhazia и Чита; Öcalan."));
        TestBooks.write(tmp, "book.yaml", "title: T\nauthor: A\nlanguage: ru\n");
        TestBooks.write(tmp, "index.yaml", "[Шанхай, Öcalan, Чита, Чечня, Ёлкин, Царьград, Abkhazia, Ереван, Цхинвали]\n");
        Book book = indexed(tmp);
        // Ё with Е; the Latin names after the Cyrillic ones, as a Russian index lists them.
        assertThat(book.index().entries()).extracting(BookIndex.Entry::term)
                .containsExactly("Ёлкин", "Ереван", "Царьград", "Цхинвали", "Чечня", "Чита", "Шанхай", "Abkhazia", "Öcalan");
        assertThat(book.index().entries()).extracting(BookIndex.Entry::group)
                .containsExactly("Е", "Е", "Ц", "Ц", "Ч", "Ч", "Ш", "A", "O");
    }

    /** The collator begun while the pieces are read sorts as one made when the index is sorted. */
    @Test
    void aCollatorBegunEarlySortsAsOneMadeLate() {
        TestBooks.minimal(tmp, "chapters/a/p.md", TestBooks.piece("title: P\ndate: 2020-01-01",
                "Ärzte, Zürich, Aachen, Öl, Ober, Zug."));
        TestBooks.write(tmp, "book.yaml", "title: T\nauthor: A\nlanguage: de-AT\n");
        TestBooks.write(tmp, "index.yaml", "[Zug, Öl, Ärzte, Zürich, Ober, Aachen]\n");
        Diagnostics diags = new Diagnostics();
        Book read = new BookReader(tmp, diags).read().orElseThrow();
        // when
        IndexProcessor.begin(new Book(read.root(), read.meta(), List.of(), read.fonts()));
        Book book = new IndexProcessor(diags).process(read);
        // then
        assertThat(book.index().entries()).extracting(BookIndex.Entry::term)
                .containsExactly("Aachen", "Ärzte", "Ober", "Öl", "Zug", "Zürich");
        assertThat(book.index().entries()).extracting(BookIndex.Entry::group)
                .containsExactly("A", "A", "O", "O", "Z", "Z");
    }

    @Test
    void aBookSeemsToHaveAnIndexWithAnIndexFileOrAnIndexInBookYaml() {
        TestBooks.write(tmp.resolve("none"), "book.yaml", "title: T\nauthor: A\n# index: later\nindexing: no\n");
        TestBooks.write(tmp.resolve("own"), "index.yaml", "[Kabul]\n");
        TestBooks.write(tmp.resolve("inside"), "book.yaml", "title: T\nindex:\n  entries: [Kabul]\n");
        assertThat(IndexReader.likely(tmp.resolve("none"))).isFalse();
        assertThat(IndexReader.likely(tmp.resolve("own"))).isTrue();
        assertThat(IndexReader.likely(tmp.resolve("inside"))).isTrue();
        assertThat(IndexReader.likely(tmp.resolve("missing"))).isFalse();
    }

    @Test
    void checkWarnsAboutEntriesMatchingNothingAndMarksNamingNoEntry() {
        BuildResult r = new Sheaf().check(IndexedBook.write(tmp, 0), null);
        assertThat(r.success()).isTrue();
        List<String> idx = r.diagnostics().stream().filter(d -> d.id().code().startsWith("IDX"))
                .map(Diagnostic::toString).toList();
        assertThat(idx).anySatisfy(s -> assertThat(s).startsWith("index.yaml:").contains("IDX-004")
                        .contains("\"Kabul\" matches nothing"))
                .anySatisfy(s -> assertThat(s).contains("\"Nobody Atall\" matches nothing"))
                .anySatisfy(s -> assertThat(s).contains("chapters/01-asia/second.md:6:67:")
                        .contains("\"Someone Else\" names no index entry").contains("IDX-005"))
                .anySatisfy(s -> assertThat(s).contains("\"Soviet Union\", which is not an entry"));
        assertThat(idx).noneMatch(s -> s.contains("Muscovy"));
    }

    @Test
    void checkWarnsAboutAnEntryInMorePiecesThanDenseAboveAllows() {
        List<String> files = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            files.add("chapters/01-asia/p" + i + ".md");
            files.add(TestBooks.piece("title: P" + i + "\ndate: 2021-01-0" + i,
                    "Moscow and Beijing, said piece " + i + "." + (i <= 2 ? " Kabul too." : "")));
        }
        TestBooks.minimal(tmp, files.toArray(String[]::new));
        TestBooks.write(tmp, "index.yaml", "dense-above: 3\nentries:\n  Kabul:\n  Moscow: {kind: place}\n"
                + "  Beijing:\n");
        List<String> dense = new Sheaf().check(tmp, null).diagnostics().stream()
                .filter(d -> d.id().code().equals("IDX-009")).map(Diagnostic::toString).toList();
        assertThat(dense).hasSize(2).anySatisfy(s -> assertThat(s).startsWith("index.yaml:4:3: warning:")
                .contains("\"Moscow\" is mentioned in 4 of 4 pieces (more than 3)").contains("add sub-entries"));
        // The default allows thirty pieces; 0 turns the warning off; a word is not a number.
        TestBooks.write(tmp, "index.yaml", "entries:\n  Moscow:\n");
        assertThat(new Sheaf().check(tmp, null).diagnostics()).noneMatch(d -> d.id().code().equals("IDX-009"));
        TestBooks.write(tmp, "index.yaml", "dense-above: 0\nentries:\n  Moscow:\n");
        assertThat(new Sheaf().check(tmp, null).diagnostics()).noneMatch(d -> d.id().code().equals("IDX-009"));
        TestBooks.write(tmp, "index.yaml", "dense-above: many\nentries:\n  Moscow:\n");
        assertThat(new Sheaf().check(tmp, null).diagnostics().stream().map(Diagnostic::toString))
                .anySatisfy(s -> assertThat(s).contains("index.yaml:1:14:").contains("IDX-002"));
    }

    @Test
    void badIndexFilesAreReportedWithTheirPlace() {
        IndexedBook.write(tmp, 0);
        TestBooks.write(tmp, "index.yaml", "entries:\n  Tokayev: {kind: ruler, froms: [x]}\n  Xi: [a\n");
        BuildResult r = new Sheaf().check(tmp, null);
        assertThat(r.success()).isFalse();
        assertThat(r.diagnostics()).anySatisfy(d -> assertThat(d.toString()).contains("index.yaml:").contains("IDX-001"));
        TestBooks.write(tmp, "index.yaml", "entries:\n  Tokayev: {kind: ruler, froms: [x]}\n");
        r = new Sheaf().check(tmp, null);
        assertThat(r.diagnostics().stream().map(Diagnostic::toString))
                .anySatisfy(s -> assertThat(s).contains("index.yaml:2:").contains("kind must be").contains("IDX-002"))
                .anySatisfy(s -> assertThat(s).contains("index.yaml:2:").contains("did you mean \"forms\"")
                        .contains("IDX-003"));
    }

    @Test
    void theIndexMayLiveInBookYaml() {
        IndexedBook.write(tmp, 0);
        TestBooks.write(tmp, "index.yaml", "");
        java.io.File f = tmp.resolve("index.yaml").toFile();
        assertThat(f.delete()).isTrue();
        TestBooks.write(tmp, "book.yaml", "title: T\nauthor: A\nlanguage: en\nindex:\n  entries:\n    Tokayev:\n");
        BuildResult r = new Sheaf().check(tmp, null);
        assertThat(r.diagnostics()).noneMatch(d -> d.id().code().startsWith("BOOK"));
        assertThat(counts(indexed(tmp).index())).containsEntry("Tokayev", 3);
    }

    @Test
    void addressesAreFoundWhateverTheirCaseAndNothingElseIs() {
        String text = "See WWW.Kabul.example, mail tokayev@akorda.kz or https://csto.int/news; Xi. Www is not one.";
        java.util.BitSet found = IndexProcessor.addresses(text);
        assertThat(found.get(text.indexOf("WWW"))).isTrue();
        assertThat(found.get(text.indexOf("Kabul"))).isTrue();
        assertThat(found.get(text.indexOf("tokayev@"))).isTrue();
        assertThat(found.get(text.indexOf("https"))).isTrue();
        assertThat(found.get(text.indexOf("Xi."))).isFalse();
        assertThat(IndexProcessor.addresses("Tokayev met Xi in Astana. Www and www without a dot.").isEmpty()).isTrue();
        assertThat(IndexProcessor.mayHoldAddress("the www.example.org site")).isTrue();
        assertThat(IndexProcessor.mayHoldAddress("Tokayev met Xi. Then www, then .www")).isFalse();
    }
}
