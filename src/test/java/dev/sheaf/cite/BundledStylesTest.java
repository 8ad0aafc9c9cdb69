package dev.sheaf.cite;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.ListItemDataProvider;
import de.undercouch.citeproc.csl.CSLItemDataBuilder;
import de.undercouch.citeproc.csl.CSLType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sheaf check} does not read the styles citeproc-java comes with, except those listed as unreadable
 * ({@link CitationStyles#UNREADABLE}): that list must be exactly the bundled styles citeproc-java cannot read.
 * Reading all 10,833 takes minutes, so by default every 400th is read; {@code -Dsheaf.allStyles=true} reads all
 * (after upgrading citeproc-java).
 */
class BundledStylesTest {

    private static final ListItemDataProvider ITEMS = new ListItemDataProvider(
            new CSLItemDataBuilder().id("x").type(CSLType.BOOK).title("A Title").build());

    private static boolean readable(String style) {
        try {
            new CSL(ITEMS, style, "en-US");
            return true;
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    @Test
    void should_list_exactly_the_bundled_styles_citeproc_cannot_read() throws Exception {
        List<String> all = new ArrayList<>(new TreeSet<>(CSL.getSupportedStyles()));
        boolean every = Boolean.getBoolean("sheaf.allStyles");
        Set<String> unreadable = new TreeSet<>();
        for (int i = 0; i < all.size(); i += every ? 1 : 400) {
            if (!readable(all.get(i))) {
                unreadable.add(all.get(i));
            }
        }
        for (String listed : CitationStyles.UNREADABLE) {
            assertThat(all).contains(listed);
            if (!readable(listed)) {
                unreadable.add(listed);
            }
        }
        assertThat(unreadable).containsExactlyInAnyOrderElementsOf(CitationStyles.UNREADABLE);
        assertThat(new CitationStyles.Style("chicago-author-date", false).knownReadable()).isTrue();
        assertThat(new CitationStyles.Style("university-of-bucharest-faculty-of-law", false).knownReadable()).isFalse();
        assertThat(new CitationStyles.Style("<style/>", false).knownReadable()).isFalse();
    }
}
