package dev.sheaf.importer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Posts shaped like the author's blog: own lines, the piece's title repeated, then the piece. */
class HeadnotesTest {

    private static ImportedPiece split(String title, String markdown) {
        ImportedPiece p = new ImportedPiece();
        p.title = title;
        Headnotes.split(p, markdown);
        return p;
    }

    @Test
    void theLinesAboveTheRepeatedTitleAreTheNote() {
        ImportedPiece p = split("Kazakhstan in Crisis: It’s About the Country, Not Big Power Politics", """
                With this piece I finally catch up to current events in my writing on Central Asia.

                Kazakhstan in Crisis: It's About the Country, Not Big Power Politics

                The true significance of current events in Central Asia’s biggest country remains domestic.

                The sudden and chaotic start to the year in Kazakhstan has taken even the most seasoned watchers by surprise.
                """);
        assertThat(p.note).isEqualTo("With this piece I finally catch up to current events in my writing on Central Asia.");
        // A plain standfirst is not guessed at: it stays the first paragraph.
        assertThat(p.body).startsWith("The true significance").contains("The sudden and chaotic start");
        assertThat(p.subtitle).isNull();
    }

    @Test
    void aHeadingOrBoldTitleAndAnItalicStandfirstAreRecognised() {
        ImportedPiece p = split("Why Russia and China are competing to woo Belarus", """
                Catching up on some older pieces.

                A second line of introduction, with a [link](https://example.org).

                ## **Why Russia and China Are Competing to Woo Belarus**

                *Minsk is playing the two off against each other.*

                Belarus has long been Russia’s closest ally.
                """);
        assertThat(p.note).startsWith("Catching up").endsWith("[link](https://example.org).");
        assertThat(p.subtitle).isEqualTo("Minsk is playing the two off against each other.");
        assertThat(p.body).isEqualTo("Belarus has long been Russia’s closest ally.\n");
    }

    @Test
    void aRepeatedTitleThatKeepsAnIdForLinksIsStillTheRepeatedTitle() {
        ImportedPiece p = split("Water Before Pipelines", "A line of my own.\n\n## Water Before Pipelines {#water}\n\nThe text.\n");
        assertThat(p.note).isEqualTo("A line of my own.");
        assertThat(p.body).isEqualTo("The text.\n");
    }

    @Test
    void aPostWithoutARepeatedTitleIsAllBody() {
        String md = "First paragraph.\n\nThe title appears only much later.\n\nMore.\n";
        ImportedPiece p = split("Something Else Entirely", md);
        assertThat(p.note).isNull();
        assertThat(p.body).isEqualTo(md);
        // The title as the very first line is not an introduction either.
        ImportedPiece q = split("Opening", "Opening\n\nText.\n");
        assertThat(q.note).isNull();
    }
}
