package dev.sheaf.index;

import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MentionMatcherTest {

    private static List<String> found(String text, String... forms) {
        return found(Inflection.ENGLISH, text, forms);
    }

    private static List<String> found(Inflection inflection, String text, String... forms) {
        MentionMatcher m = new MentionMatcher(inflection);
        for (int i = 0; i < forms.length; i++) {
            m.add(forms[i], i);
        }
        return m.find(text, new BitSet()).stream().map(x -> text.substring(x.start(), x.end()) + "#" + x.entry()).toList();
    }

    @Test
    void wholeWordsOnly() {
        assertThat(found("Iran and the Iranian view; Xi in Xinjiang and Xi’an, not Xi.", "Iran", "Xi"))
                .containsExactly("Iran#0", "Xi#1", "Xi#1");
    }

    @Test
    void possessivesAndPlurals() {
        assertThat(found("Tokayev’s decree, Tokayev's aides, the Uzbeks’ view, two NGOs and the Philippines’ navy.",
                "Tokayev", "Uzbek", "NGO", "Philippines"))
                .containsExactly("Tokayev’s#0", "Tokayev's#0", "Uzbeks#1", "NGOs#2", "Philippines’#3");
    }

    @Test
    void capitalisedFormsKeepTheirCaseLowerCaseFormsDoNot() {
        assertThat(found("Kabul, kabul, KABUL; Sanctions and sanctions; CSTO and Csto.", "Kabul", "sanctions", "CSTO"))
                .containsExactly("Kabul#0", "KABUL#0", "Sanctions#1", "sanctions#1", "CSTO#2");
    }

    @Test
    void longestFormWinsAndSpacesOfAnyKindMatch() {
        assertThat(found("President\u00a0Xi Jinping met Xi\nJinping and al‑Qaeda, not al Qaeda.",
                "Xi", "Xi Jinping", "President Xi", "al-Qaeda"))
                .containsExactly("President\u00a0Xi#2", "Xi\nJinping#1", "al‑Qaeda#3");
    }

    @Test
    void cjkNamesInsideUnspacedText() {
        assertThat(found("国家主席习近平今天说", "习近平")).containsExactly("习近平#0");
    }

    @Test
    void excludedTextIsNeverAMention() {
        MentionMatcher m = new MentionMatcher();
        m.add("Kabul", 0);
        String text = "see https://example.org/Kabul and Kabul";
        BitSet excluded = new BitSet();
        excluded.set(4, 30);
        assertThat(m.find(text, excluded)).extracting(MentionMatcher.Match::start).containsExactly(34);
    }

    @Test
    void aFormTakenTwiceStaysWithItsFirstEntry() {
        MentionMatcher m = new MentionMatcher();
        assertThat(m.add("Xi", 0)).isEqualTo(0);
        assertThat(m.add("Xi", 3)).isEqualTo(0);
        assertThat(m.add("...", 4)).isEqualTo(-1);
    }

    /*
     * Russian sentences from: ru.wikipedia.org, "Вторая чеченская война" (infobox) and "Путин, Владимир
     * Владимирович" (lead); kremlin.ru/events/president/news/29443; smotrim.ru/article/4103233; glavk.cc (Лента.ру,
     * "Кадыров рассказал о первой встрече с Путиным"); inopressa.ru, 30 January 2018 (The Wall Street Journal in
     * translation); namednibook.ru, "Вторая чеченская война". The sentence with "при Путине" was written for the test.
     */
    private static final Inflection RU = Inflection.of("ru");

    @Test
    void russianCasesOfASurname() {
        assertThat(found(RU, "Быстрое продвижение федеральных войск в глубь Чечни обеспечивает подъем рейтинга "
                + "Владимира Путина перед президентскими выборами. В марте Кадыров призвал позволить Путину участвовать "
                + "в новых выборах президента. Кадыров рассказал о первой встрече с Путиным. Мы тоже надеемся, что "
                + "президентом России будет Путин. При Путине, писали газеты, выросли пенсии.", "Путин"))
                .containsExactly("Путина#0", "Путину#0", "Путиным#0", "Путин#0", "Путине#0");
    }

    @Test
    void russianCasesOfAPlaceInЯ() {
        assertThat(found(RU, "Место: пограничные с Чечнёй районы Дагестана, Чечня, затем весь Северный Кавказ. "
                + "Вторжение боевиков в Дагестан c территории Чечни; ухудшение ситуации в Чечне после предыдущей войны. "
                + "Владимир Путин прилетел в Чечню на вертолете. Пограничные с Чечней районы.", "Чечня"))
                .containsExactly("Чечнёй#0", "Чечня#0", "Чечни#0", "Чечне#0", "Чечню#0", "Чечней#0");
    }

    @Test
    void russianWordsThatOnlyBeginLikeAnEntryAreNotMentions() {
        // An adjective made from the name, a longer word, a lower-case word: none is a case of the entry.
        assertThat(found(RU, "Эта умеренно хорошая новость об экономике — сердцевина путинского предвыборного "
                + "месседжа; Путинизм как термин. Выпускник юридического факультета Ленинградского государственного "
                + "университета; работал по Ленинграду и Ленинградской области. Чеченская война, чеченцы.",
                "Путин", "Ленинград", "Чечня"))
                .containsExactly("Ленинграду#1");
    }

    @Test
    void russianFormsOfSeveralWordsInflectEveryWord() {
        assertThat(found(RU, "Действующий президент Российской Федерации и верховный главнокомандующий. "
                + "Во время перелета Владимир Путин имел продолжительный разговор с Ахматом Кадыровым. "
                + "Посещенного Путиным тверского вагонзавода.",
                "Российская Федерация", "Ахмат Кадыров", "Путин"))
                .containsExactly("Российской Федерации#0", "Путин#2", "Ахматом Кадыровым#1", "Путиным#2");
    }

    @Test
    void englishPluralsAreNotReadIntoOtherLanguages() {
        assertThat(found(Inflection.of("de"), "Die NGOs und die NGO.", "NGO")).containsExactly("NGO#0");
        assertThat(found(Inflection.of("en-GB"), "The NGOs and the NGO.", "NGO")).containsExactly("NGOs#0", "NGO#0");
        // A Russian book's English names still take their possessive.
        assertThat(found(RU, "Tokayev’s decree.", "Tokayev")).containsExactly("Tokayev’s#0");
    }
}
