package dev.sheaf.render.xhtml;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Escaping copies runs of ordinary characters at once; what it writes must not change. */
class XmlTest {

    @Test
    void escapes_markup_and_drops_what_xml_cannot_carry_in_text_and_attributes() {
        String s = "a<b>&\"c\"\n\t\r\u0001d\uFFFE\uFFFFe\uD83D\uDE00f\uD83Dg\uDE00h é 中 \u05D0";
        assertThat(Xml.escape(s)).isEqualTo("a&lt;b&gt;&amp;\"c\"\n\t\nde\uD83D\uDE00fgh é 中 \u05D0");
        assertThat(new Xml().empty("p", "title", s).toString())
                .isEqualTo("<p title=\"a&lt;b&gt;&amp;&quot;c&quot;   de\uD83D\uDE00fgh é 中 \u05D0\"/>");
        assertThat(Xml.escape("")).isEmpty();
        assertThat(Xml.escape("plain text only")).isEqualTo("plain text only");
        assertThat(Xml.escape("\uD83D")).isEmpty();
    }

    @Test
    void marks_right_to_left_stretches_after_latin_and_cyrillic_text() {
        Xml x = new Xml();
        Direction.text(x, "Привет, world: \u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD. Done");
        assertThat(x.toString()).isEqualTo("Привет, world: <span dir=\"rtl\">\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD</span>. Done");
    }
}
