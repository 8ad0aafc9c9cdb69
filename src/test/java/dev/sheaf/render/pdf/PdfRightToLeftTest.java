package dev.sheaf.render.pdf;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.testing.EpubValidator;
import dev.sheaf.testing.TestBooks;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** A book mixing English, Russian, Persian, Arabic and Hebrew, in a left-to-right piece and a Persian one. */
class PdfRightToLeftTest {

    @TempDir
    static Path tmp;

    static final String PROVERB = "دوستی خاله خرسه";
    static final String PERSIAN = "کتاب‌های فارسی در افغانستان، ایران و تاجیکستان خوانده می‌شوند";
    static final String ARABIC = "السلام عليكم";
    static final String HEBREW = "שלום עליכם";

    static String text;
    static String glyphs;
    /** Rendering mode of every zero-width non-joiner drawn. */
    static final List<RenderingMode> nonJoiners = new java.util.ArrayList<>();
    static Path epub;

    @BeforeAll
    static void build() throws Exception {
        Path book = TestBooks.minimal(tmp.resolve("book"),
                "chapters/one/a.md", TestBooks.piece("title: Three languages\ndate: \"2021-01-01\"",
                        "The Persian proverb " + PROVERB + " means a friendship that harms, and Russians say "
                                + "медвежья услуга for the same thing.\n\nOne greets with " + ARABIC + " in Arabic and "
                                + HEBREW + " in Hebrew (2024)."),
                "chapters/one/b.md", TestBooks.piece("title: Persian\ndate: \"2021-02-01\"\nlanguage: fa",
                        PERSIAN + "."));
        BuildResult r = new Sheaf().build(BuildRequest.of(book, tmp.resolve("out")).withFormats(List.of("pdf", "epub")));
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        assertThat(r.diagnostics()).as("every letter printable").noneMatch(d -> d.id().code().equals("OUT-004"));
        Path pdf = r.written().stream().filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
        epub = r.written().stream().filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
        StringBuilder raw = new StringBuilder();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition t) {
                    raw.append(t.getUnicode());
                    if (t.getUnicode().contains("\u200C")) {
                        nonJoiners.add(getGraphicsState().getTextState().getRenderingMode());
                    }
                    super.processTextPosition(t);
                }
            };
            stripper.setSortByPosition(true);
            text = stripper.getText(doc);
        }
        glyphs = raw.toString();
    }

    /** Letters as written: compatibility forms folded (presentation forms → letters), joiners dropped. */
    static String plain(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replace("\u200C", "").replaceAll("\\s+", " ");
    }

    @Test
    void extractsInReadingOrder() {
        String t = plain(text);
        assertThat(t).contains("The Persian proverb " + plain(PROVERB) + " means a friendship");
        assertThat(t).contains("медвежья услуга");
        assertThat(t).contains("One greets with " + plain(ARABIC) + " in Arabic and " + HEBREW + " in Hebrew (2024).");
        assertThat(t).contains(plain(PERSIAN));
    }

    @Test
    void keepsTheNonJoinerInTheTextButDoesNotShowIt() {
        // کتاب‌های, می‌شوند: copied and searched as written, not as one run of letters
        assertThat(Normalizer.normalize(text, Normalizer.Form.NFKC)).contains("کتاب\u200Cهای", "می\u200Cشوند");
        assertThat(nonJoiners).hasSize(2).containsOnly(RenderingMode.NEITHER);
    }

    @Test
    void lettersAreJoined() {
        // the PDF holds the contextual forms: seen initial (سـ), lam-alef ligature after a letter (ـلا),
        // farsi yeh final (ـی)
        assertThat(glyphs).contains("\uFEB3", "\uFEFC", "\uFBFD");
        // and no unjoined Arabic letters at all
        assertThat(glyphs.chars().filter(c -> c >= 0x0621 && c <= 0x06FF).count()).isZero();
    }

    @Test
    void epubMarksTheDirection() throws Exception {
        assertThat(EpubValidator.problems(epub)).isEmpty();
        StringBuilder all = new StringBuilder();
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            for (var e : java.util.Collections.list(zip.entries())) {
                if (e.getName().endsWith(".xhtml")) {
                    all.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(all).contains("<span dir=\"rtl\">" + PROVERB + "</span>", "<span dir=\"rtl\">" + HEBREW + "</span>");
        assertThat(all).contains("lang=\"fa\" dir=\"rtl\"");
    }
}
