package dev.sheaf.cite;

import de.undercouch.citeproc.csl.CSLCitation;
import dev.sheaf.model.Inline;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the citation transform asks of a citation processor: {@link CslEngine} formats with citeproc-java;
 * {@link Unformatted} only keeps the shape (which citations become notes, which works a piece lists), which is
 * all {@code sheaf check} needs to report every problem a build would report; {@link CitationTranscript} records
 * a processor's answers and gives them again in a later build.
 */
interface CitationFormatter {

    /** Forgets the citations of the previous piece ("ibid.", disambiguation). */
    void reset();

    /** One citation, in document order. */
    List<Inline> cite(CSLCitation citation);

    /** The family names of an item's authors as prose cites them. */
    String authors(String id);

    /** The year an item was issued, as printed in author-date citations. */
    String year(String id);

    /** Bibliography entries for {@code ids}, in the style's order, keyed by item id. */
    Map<String, List<Inline>> bibliography(Collection<String> ids);

    /** Bibliography entries for {@code ids} where their order does not matter (each is looked up by id). */
    Map<String, List<Inline>> entries(Collection<String> ids);

    /**
     * No formatting: every citation and entry is empty. Formatted citations never carry links (citeproc-java's
     * {@code convertLinks} stays off) or headings, so the links and notes checked after the citations are the
     * same as a build's: citations still become numbered notes in note styles.
     */
    final class Unformatted implements CitationFormatter {

        @Override
        public void reset() {
        }

        @Override
        public List<Inline> cite(CSLCitation citation) {
            return List.of();
        }

        @Override
        public String authors(String id) {
            return id;
        }

        @Override
        public String year(String id) {
            return "n.d.";
        }

        @Override
        public Map<String, List<Inline>> bibliography(Collection<String> ids) {
            return Map.of();
        }

        @Override
        public Map<String, List<Inline>> entries(Collection<String> ids) {
            return Map.of();
        }
    }
}
