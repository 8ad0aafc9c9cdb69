package dev.sheaf.index;

import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MentionMatcherTest {

    private static List<String> found(String text, String... forms) {
        MentionMatcher m = new MentionMatcher();
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
}
