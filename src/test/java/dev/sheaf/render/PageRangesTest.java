package dev.sheaf.render;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class PageRangesTest {

    @Test
    void consecutive_pages_collapse_into_ranges() {
        List<PageRanges.Range> ranges = PageRanges.of(new TreeSet<>(List.of(3, 37, 38, 39, 41, 5, 4)));
        assertThat(ranges).extracting(PageRanges.Range::label).containsExactly("3\u20135", "37\u201339", "41");
        assertThat(ranges.get(1).first()).isEqualTo(37);
    }

    @Test
    void no_pages_no_ranges() {
        assertThat(PageRanges.of(new TreeSet<>())).isEmpty();
    }
}
