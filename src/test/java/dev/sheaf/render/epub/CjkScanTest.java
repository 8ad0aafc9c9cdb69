package dev.sheaf.render.epub;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CjkScanTest {

    /** The fast path's bound holds for the running JDK's script tables. */
    @Test
    void should_find_no_cjk_script_below_its_bound_and_one_at_it() {
        for (int cp = 0; cp < CjkScan.FIRST; cp++) {
            assertThat(CjkScan.isCjk(cp)).as("U+%04X", cp).isFalse();
        }
        assertThat(CjkScan.isCjk(CjkScan.FIRST)).isTrue();
    }

    @Test
    void should_tell_cjk_text_from_other_scripts() {
        assertThat(CjkScan.isCjk("Between Empires — Écrits, Москва, تهران")).isFalse();
        assertThat(CjkScan.isCjk("The Belt and Road (一带一路)")).isTrue();
        assertThat(CjkScan.isCjk("ひらがな")).isTrue();
        assertThat(CjkScan.isCjk("カタカナ")).isTrue();
        assertThat(CjkScan.isCjk("한국어")).isTrue();
        assertThat(CjkScan.isCjk("ㄅㄆㄇ")).isTrue();
        assertThat(CjkScan.isCjk("𠀀 (a Han character outside the basic plane)")).isTrue();
        assertThat(CjkScan.isCjk("")).isFalse();
        assertThat(CjkScan.isCjk((String) null)).isFalse();
    }
}
