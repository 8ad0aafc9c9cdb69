package dev.sheaf.render.handout;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Saddle-stitch order without any PDF: the page numbers on each side of each sheet. */
class BookletTest {

    static final int FRONT = 0;
    static final int BACK = 1;
    static final int LEFT = 0;
    static final int RIGHT = 1;

    @Test
    void should_pad_to_a_multiple_of_four() {
        assertThat(List.of(1, 2, 3, 4, 5, 8, 9, 11)).extracting(Booklet::padding)
                .containsExactly(3, 2, 1, 0, 3, 0, 3, 1);
    }

    @Test
    void should_put_eight_pages_on_two_sheets_in_folding_order() {
        assertThat(Booklet.sides(8)).containsExactly(
                new int[] {8, 1}, new int[] {2, 7},   // outer sheet: front, back
                new int[] {6, 3}, new int[] {4, 5});  // inner sheet
    }

    @Test
    void should_leave_the_halves_past_the_last_page_empty() {
        assertThat(Booklet.sides(6)).containsExactly(
                new int[] {0, 1}, new int[] {2, 0},
                new int[] {6, 3}, new int[] {4, 5});
        assertThat(Booklet.sides(1)).containsExactly(new int[] {0, 1}, new int[] {0, 0});
    }

    /**
     * Folds the stack: the sheets lie in printing order, the first on the outside. Leafing through the folded
     * booklet shows, for each sheet from the outside in, its front's right half and then its back's left half;
     * past the centre, for each sheet from the inside out, its back's right half and then its front's left half.
     */
    @Test
    void should_read_in_order_when_the_stack_is_folded() {
        for (int pages = 1; pages <= 41; pages++) {
            List<int[]> sides = Booklet.sides(pages);
            int sheets = (pages + 3) / 4;
            assertThat(sides).hasSize(2 * sheets);
            List<Integer> read = new ArrayList<>();
            for (int j = 0; j < sheets; j++) {
                read.add(sides.get(2 * j + FRONT)[RIGHT]);
                read.add(sides.get(2 * j + BACK)[LEFT]);
            }
            for (int j = sheets - 1; j >= 0; j--) {
                read.add(sides.get(2 * j + BACK)[RIGHT]);
                read.add(sides.get(2 * j + FRONT)[LEFT]);
            }
            List<Integer> expected = new ArrayList<>(IntStream.rangeClosed(1, pages).boxed().toList());
            while (expected.size() < 4 * sheets) {
                expected.add(0);
            }
            assertThat(read).as("%d pages", pages).isEqualTo(expected);
        }
    }

    @Test
    void should_put_odd_pages_on_right_halves_so_that_gutters_meet_at_the_fold() {
        for (int[] side : Booklet.sides(24)) {
            assertThat(side[LEFT] % 2).isZero();
            assertThat(side[RIGHT] % 2).isOne();
        }
    }
}
