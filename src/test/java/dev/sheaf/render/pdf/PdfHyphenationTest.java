package dev.sheaf.render.pdf;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A book with long justified English and Russian paragraphs, built hyphenated and with {@code hyphenate: false};
 * the PDFs are read back line by line.
 */
class PdfHyphenationTest {

    @TempDir
    static Path tmp;

    static final String ENGLISH = ("The extraordinary international consequences of the administration's "
            + "unprecedented decisions were immediately apparent to representatives of governments, "
            + "organisations and independent commentators, who characterised the developments as "
            + "fundamentally destabilising for neighbouring communities. ").repeat(6);
    /** Ordinary prose: words of every length, so that some lines could break before a word or inside it. */
    static final String PROSE = """
            When the delegations met again in the spring, nobody expected much. The talks had stalled twice \
            over the summer, and the ministers who flew in that morning had other things on their minds: an \
            election at home, a currency that was losing value by the week, and a neighbour whose troops were \
            still camped along a river that both sides claimed. Yet by the evening a draft was on the table. It \
            said little that was new, but it said it in a way that each capital could read as a concession by \
            the other, and that was enough. Observers who had followed the region for decades were cautious. \
            Agreements of this kind, they pointed out, had been signed before and quietly abandoned within a \
            year, once the cameras had gone and the money promised for roads, pipelines and border posts failed \
            to arrive. The difference this time, if there was one, lay in who was paying. Beijing had offered \
            credit on terms that nobody in Moscow could match, and the smaller states, long used to playing one \
            patron against another, now found that the game had changed its rules without telling them. \
            """.repeat(3);
    static final String RUSSIAN = ("Международное сотрудничество государств Центральной Азии определяется "
            + "экономическими интересами и геополитическими соображениями правительств. ").repeat(5);

    static String hyphenated;
    static String plain;

    static Set<String> sourceWords = new HashSet<>();

    @BeforeAll
    static void build() throws Exception {
        Path book = tmp.resolve("book");
        Files.createDirectories(book.resolve("chapters/01-one"));
        String yaml = "title: Hyphens\nauthor: A. Writer\nlanguage: en-GB\ndate: \"2024-01-01\"\n";
        Files.writeString(book.resolve("book.yaml"), yaml);
        Files.writeString(book.resolve("chapters/01-one/piece.md"), "---\ntitle: \"Self\u00ADdetermination of "
                + "International Organisations\"\ndate: \"2021-01-01\"\n---\n\n" + ENGLISH + "\n\n" + PROSE + "\n\n"
                + "Write to correspondence@international-organisations.example.org about it.\n");
        Files.writeString(book.resolve("chapters/01-one/russian.md"), "---\ntitle: Piece two\n"
                + "date: \"2021-02-01\"\nlanguage: ru\n---\n\n" + RUSSIAN + "\n");
        hyphenated = text(book, "on");
        Files.writeString(book.resolve("book.yaml"), yaml + "hyphenate: false\n");
        plain = text(book, "off");
        for (String w : (ENGLISH + " " + PROSE + " " + RUSSIAN).split("[^\\p{L}]+")) {
            sourceWords.add(w.toLowerCase(Locale.ROOT));
        }
    }

    static String text(Path book, String out) throws Exception {
        BuildResult result = new Sheaf().build(BuildRequest.of(book, tmp.resolve(out)).withFormats(List.of("pdf")));
        assertThat(result.success()).as(result.diagnostics().toString()).isTrue();
        try (PDDocument doc = Loader.loadPDF(result.written().get(0).toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Lines ending in a letter and a soft hyphen: words broken at the end of a line. */
    static List<String> brokenLines(String text) {
        return text.lines().filter(l -> l.matches(".*\\p{L}\u00AD$")).toList();
    }

    @Test
    void justifiedTextIsHyphenatedInEnglishAndRussian() {
        List<String> broken = brokenLines(hyphenated);
        assertThat(broken).isNotEmpty();
        assertThat(broken).anyMatch(l -> l.matches(".*[а-я]\u00AD$"));
        assertThat(brokenLines(plain)).isEmpty();
    }

    @Test
    void everyBreakJoinsBackIntoAWordOfTheSource() {
        List<String> lines = hyphenated.lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            String line = lines.get(i);
            if (line.matches(".*\\p{L}\u00AD$")) {
                String head = line.replaceAll(".*?(\\p{L}+)\u00AD$", "$1");
                String tail = lines.get(i + 1).replaceAll("^(\\p{L}+).*", "$1");
                assertThat(sourceWords).as(line + " / " + lines.get(i + 1)).contains((head + tail).toLowerCase(Locale.ROOT));
                assertThat(head.length()).isGreaterThanOrEqualTo(2);
                assertThat(tail.length()).isGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void breakPointsAreNeverDrawnOrExtractedButAtALineEnd() {
        // the drawn hyphen extracts as a soft hyphen, and only at the end of a line
        assertThat(hyphenated.lines()).allMatch(l -> l.indexOf('\u00AD') < 0 || l.indexOf('\u00AD') == l.length() - 1);
        assertThat(hyphenated).doesNotContain("\uE0AD");
        assertThat(plain).doesNotContain("\u00AD", "\uE0AD");
        // no hyphen inside a word unless the source has one there
        assertThat(hyphenated.replace("international-organisations", "")).doesNotContainPattern("\\p{L}-\\p{L}");
        // the author's soft hyphen in a heading: drawn only at a break, so the title reads as one word
        assertThat(plain).contains("Selfdetermination");
        assertThat(hyphenated).contains("correspondence@international-organisations.example.org");
    }

    @Test
    void paragraphsKeepTheirLastWordWhole() {
        assertThat(hyphenated).doesNotContain("commu\u00AD\nnities. \n");
        assertThat(hyphenated.replaceAll("\u00AD\\R", "")).contains("соображениями правительств.");
    }
}
