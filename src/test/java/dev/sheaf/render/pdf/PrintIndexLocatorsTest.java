package dev.sheaf.render.pdf;

import dev.sheaf.model.BookIndex;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The printed index's numbers: each page once, runs of pages as ranges, each linked to its first mention. */
class PrintIndexLocatorsTest {

    @Test
    void pagesInARowCollapseIntoARangeAndEachNumberLinksToItsFirstMention() {
        // Mentions in reading order: two on page 3, then pages 4, 5, 7, 9, 10, and 12 last (after a mention on 5).
        int[] pages = {3, 3, 4, 5, 7, 9, 10, 5, 12};
        List<BookIndex.Mention> mentions = new ArrayList<>();
        Map<String, Integer> folios = new HashMap<>();
        for (int i = 0; i < pages.length; i++) {
            mentions.add(new BookIndex.Mention("c/p", "ix" + i + "-p"));
            folios.put("ix" + i + "-p", pages[i]);
        }
        mentions.add(new BookIndex.Mention("c/p", "ix-unplaced")); // an anchor the layout did not place
        BookIndex.Entry e = new BookIndex.Entry("Tokayev", "Tokayev", "T", BookIndex.Kind.PERSON, List.of(),
                List.of(), List.of(), mentions);

        assertThat(PrintIndex.locators(e, folios)).containsExactly(
                "<a href=\"#ixp-ix0-p\" class=\"ixr\">3\u20135,</a>",
                "<a href=\"#ixp-ix4-p\">7,</a>",
                "<a href=\"#ixp-ix5-p\" class=\"ixr\">9\u201310,</a>",
                "<a href=\"#ixp-ix8-p\">12</a>");
    }

    @Test
    void aSinglePageIsANumberAndNoPagesAreNoNumbers() {
        BookIndex.Entry one = new BookIndex.Entry("Kabul", "Kabul", "K", BookIndex.Kind.PLACE, List.of(), List.of(),
                List.of(), List.of(new BookIndex.Mention("c/p", "a"), new BookIndex.Mention("c/p", "b")));
        assertThat(PrintIndex.locators(one, Map.of("a", 41, "b", 41))).containsExactly("<a href=\"#ixp-a\">41</a>");
        assertThat(PrintIndex.locators(one, Map.of())).isEmpty();
    }
}
