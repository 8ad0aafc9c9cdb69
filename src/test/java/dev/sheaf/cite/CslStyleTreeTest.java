package dev.sheaf.cite;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.ListItemDataProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether a style can print citation numbers decides whether a kept entry depends on its number. */
class CslStyleTreeTest {

    @ParameterizedTest
    @CsvSource({"ieee, true", "nature, true", "american-medical-association, true", "chicago-author-date, false",
        "chicago-notes-bibliography, false", "apa, false", "modern-language-association, false"})
    void should_tell_the_styles_that_print_citation_numbers(String style, boolean numbered) throws Exception {
        CSL csl = new CSL(new ListItemDataProvider(), style, CslLocales.forLanguage("en-GB"));
        assertThat(CslStyleTree.mentions(csl, "citation-number")).isEqualTo(numbered);
    }
}
