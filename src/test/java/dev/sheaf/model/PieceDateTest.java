package dev.sheaf.model;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class PieceDateTest {

    @Test
    void should_parse_each_precision_and_reject_impossible_dates() {
        assertThat(PieceDate.parse("2022", false, null)).map(PieceDate::iso).contains("2022");
        assertThat(PieceDate.parse("2022-01", false, null)).map(PieceDate::iso).contains("2022-01");
        assertThat(PieceDate.parse("2022-01-07", false, null)).map(PieceDate::iso).contains("2022-01-07");
        assertThat(PieceDate.parse("2022-02-30", false, null)).isEmpty();
        assertThat(PieceDate.parse("2022-13", false, null)).isEmpty();
        assertThat(PieceDate.parse("7 Jan 2022", false, null)).isEmpty();
    }

    @Test
    void should_take_the_day_of_a_date_written_with_a_time_as_blogs_write_it() {
        // Hexo, Jekyll, Hugo: the day as written, whatever the time and its zone.
        for (String written : new String[] {"2021-04-17 00:17:54", "2021-04-17 23:59:59 +0800", "2021-04-17T00:17:54Z",
                "2021-04-17T00:17:54+08:00", "2021-04-17 9:05", "2021-04-17T00:17:54.123-05:00"}) {
            assertThat(PieceDate.parse(written, false, null)).as(written).map(PieceDate::iso).contains("2021-04-17");
        }
        assertThat(PieceDate.parse("2021-04 00:17", false, null)).isEmpty();
        assertThat(PieceDate.parse("2021-02-30 00:17", false, null)).isEmpty();
        assertThat(PieceDate.parse("2021-04-17 noon", false, null)).isEmpty();
    }

    @Test
    void should_display_dates_for_readers_and_mark_estimates() {
        assertThat(PieceDate.parse("2022-01-07", false, null).orElseThrow().display(Locale.UK)).isEqualTo("7 January 2022");
        assertThat(PieceDate.parse("2021-12", true, null).orElseThrow().display(Locale.UK)).isEqualTo("c.\u00a0December 2021");
    }

    @Test
    void should_sort_less_precise_dates_before_precise_ones_of_the_same_start() {
        PieceDate month = PieceDate.parse("2021-05", false, null).orElseThrow();
        PieceDate day = PieceDate.parse("2021-05-01", false, null).orElseThrow();
        assertThat(month).isLessThan(day);
    }
}
