package dev.sheaf.index;

import dev.sheaf.diag.Diagnostics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matcher's one-pass tokenizer against the one it replaced ({@link OldMentionMatcher}): the same tokens (place,
 * kind, key, text) and the same mentions, on the companion's pieces, on Russian, Chinese and Persian text, on random
 * text made of the characters where reading a key character by character could differ from the string operations
 * (İ, Σ, combining marks, Hangul jamo, compatibility characters, characters outside the Basic Multilingual Plane,
 * every apostrophe and hyphen), and — when {@code -Dsheaf.agreementBook=DIR} names a book with an index.yaml, such as
 * the benchmark's realistic one — on every piece of that book with its index's forms.
 */
class MentionMatcherAgreementTest {

    private static final String[] LANGUAGES = {"en", "ru", "fa", "zh"};

    @Test
    void the_companions_pieces() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("chapters"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                texts.add(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        assertThat(texts).hasSizeGreaterThan(5);
        List<String> forms = new ArrayList<>(formsOf(Path.of(".")));
        assertThat(forms).hasSizeGreaterThan(20);
        for (String language : LANGUAGES) {
            agree(Inflection.of(language), texts, forms);
        }
    }

    @Test
    void russian_chinese_and_persian_text() {
        List<String> texts = List.of(
                "Владимир Путин встретился с Путиным-младшим; при Путине Чечня, Чечнёй и ЧЕЧНЯ. Ёлкин и Елкин — "
                        + "Российской Федерации, Белый дом, в Белом доме; «Кремль» и Кремлём. Й, й̆ и Й.",
                "国家主席习近平今天在北京说，习近平的讲话；中华人民共和国（中国）与上海合作组织。日本の東京とトウキョウ。",
                "رئیس‌جمهور ایران، حسن روحانی، در تهران گفت که ایران و ایرانی‌ها… سازمان همکاری شانگهای؛ "
                        + "آمریکا و آمريكا، كه و که، ۱۴۰۲ و 1402.",
                "Ömer Öcalan’s PKK; Xi’an, O’Brien, Tokayev's, the Uzbeks’ — Ω Ω Å Å ﬁnance ﬁ Ǆemal ǅemal.");
        List<String> forms = List.of("Путин", "Владимир Путин", "Чечня", "Ёлкин", "Российская Федерация", "Белый дом",
                "Кремль", "习近平", "北京", "中国", "上海合作组织", "东京", "ایران", "حسن روحانی", "تهران", "آمریکا",
                "سازمان همکاری شانگهای", "۱۴۰۲", "Öcalan", "PKK", "Xi", "Brien", "Tokayev", "Uzbek", "Ω", "Å",
                "finance", "ǅemal", "й");
        for (String language : LANGUAGES) {
            agree(Inflection.of(language), texts, forms);
        }
    }

    /** Characters where a key read character by character might differ from the string operations. */
    private static final String[] PIECES = {"a", "b", "e", "s", "S", "i", "I", "İ", "ı", "Σ", "σ", "ς", "ß", "ẞ", "ſ",
        "Ǆ", "ǅ", "ǆ", "é", "e\u0301", "\u0301", "\u0308", "Ё", "ё", "е\u0308", "й", "и\u0306", "Путин", "а", "ами",
        "Чечн", "ей", "ا", "\u0653", "آ", "ی", "ي", "ک", "ك", "\u200c", "\u064b", "۱", "1", "\u1100", "\u1161", "\u11a8",
        "가", "\u2126", "\u212b", "\ufb01", "\uf900", "习", "近", "平", "か", "\u3099", "が", "𝐀", "𐐀", "𐐨", "\ud800",
        "'", "’", "ʼ", "‘", "´", "`", "-", "‐", "‑", "–", "\u00ad", ".", ",", "(", " ", "\u00a0", "\n", "\t", "\u2009",
        "NGO", "Kabul", "s’", "’s", "ов"};

    @Test
    void random_text_of_the_characters_that_could_differ() {
        Random random = new Random(20261203L);
        for (int round = 0; round < 300; round++) {
            List<String> texts = new ArrayList<>();
            for (int t = 0; t < 20; t++) {
                texts.add(randomText(random, 1 + random.nextInt(40)));
            }
            Set<String> forms = new LinkedHashSet<>();
            for (int f = 0; f < 15; f++) {
                // Forms made of pieces of the texts themselves, so that they match somewhere.
                String text = texts.get(random.nextInt(texts.size()));
                int from = random.nextInt(text.length());
                int to = Math.min(text.length(), from + 1 + random.nextInt(12));
                forms.add(text.substring(from, to));
                forms.add(randomText(random, 1 + random.nextInt(3)));
            }
            for (String language : LANGUAGES) {
                agree(Inflection.of(language), texts, new ArrayList<>(forms));
            }
        }
    }

    @Test
    void the_book_named_by_sheaf_agreementBook() throws IOException {
        String dir = System.getProperty("sheaf.agreementBook");
        if (dir == null) {
            return; // run by hand on the benchmark's realistic book (docs/PERFORMANCE.md)
        }
        Path book = Path.of(dir);
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(book.resolve("chapters"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                // Paragraph by paragraph, as the index searches runs of text.
                texts.addAll(List.of(Files.readString(f, StandardCharsets.UTF_8).split("\n\n")));
            }
        }
        List<String> forms = formsOf(book);
        assertThat(forms).hasSizeGreaterThan(100);
        agree(Inflection.of("en"), texts, forms);
        System.out.println("MentionMatcherAgreementTest: " + texts.size() + " paragraphs of " + book + ", "
                + forms.size() + " forms: the same tokens and mentions");
    }

    private static List<String> formsOf(Path book) {
        IndexSpec spec = new IndexReader(book, new Diagnostics()).read().orElseThrow();
        List<String> forms = new ArrayList<>();
        spec.entries().forEach(e -> forms.addAll(e.forms()));
        return forms;
    }

    private static String randomText(Random random, int pieces) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    private static void agree(Inflection inflection, List<String> texts, List<String> forms) {
        MentionMatcher now = new MentionMatcher(inflection);
        OldMentionMatcher before = new OldMentionMatcher(inflection);
        for (int i = 0; i < forms.size(); i++) {
            assertThat(now.add(forms.get(i), i)).as("adding %s", forms.get(i)).isEqualTo(before.add(forms.get(i), i));
        }
        for (String text : texts) {
            assertThat(tokens(MentionMatcher.Tokens.of(text, inflection)))
                    .as("tokens of %s (%s)", text, inflection.language())
                    .isEqualTo(OldMentionMatcher.tokens(text, inflection).stream()
                            .map(t -> t.start() + "-" + t.end() + (t.gap() ? " gap" : "") + (t.word() ? " word" : "")
                                    + (t.cjk() ? " cjk" : "") + (t.apostrophe() ? " apostrophe" : "")
                                    + " [" + t.key() + "] [" + t.text() + "]").toList());
            BitSet none = new BitSet();
            assertThat(now.find(text, none).stream().map(m -> m.start() + "-" + m.end() + "#" + m.entry()).toList())
                    .as("mentions in %s (%s)", text, inflection.language())
                    .isEqualTo(before.find(text, none).stream().map(m -> m.start() + "-" + m.end() + "#" + m.entry())
                            .toList());
        }
    }

    private static List<String> tokens(MentionMatcher.Tokens t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size; i++) {
            out.add(t.start[i] + "-" + t.end[i] + (t.gap(i) ? " gap" : "") + (t.word(i) ? " word" : "")
                    + (t.cjk(i) ? " cjk" : "") + (t.apostrophe(i) ? " apostrophe" : "")
                    + " [" + t.key(i) + "] [" + t.text(i) + "]");
        }
        return out;
    }
}
