package dev.sheaf.render;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LongDatesTest {

    private static String jdk(LocalDate d, Locale l) {
        return d.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(l));
    }

    /** Begun early or not, a date is written as the JDK writes it in full in that language. */
    @Test
    void should_write_a_date_in_full_as_the_language_does_begun_early_or_not() {
        LocalDate date = LocalDate.of(2026, 12, 1);
        for (String tag : List.of("en-GB", "en-US", "ru", "zh-CN", "fa", "de-AT")) {
            Locale l = Locale.forLanguageTag(tag);
            if (tag.length() == 2) {
                LongDates.begin(l);
            }
            assertThat(LongDates.format(date, l)).as(tag).isEqualTo(jdk(date, l));
            assertThat(LongDates.format(date.plusDays(40), l)).as(tag).isEqualTo(jdk(date.plusDays(40), l));
        }
        assertThat(LongDates.format(date, Locale.forLanguageTag("en-GB"))).isEqualTo("1 December 2026");
    }
}
