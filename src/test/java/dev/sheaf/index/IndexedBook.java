package dev.sheaf.index;

import dev.sheaf.testing.TestBooks;

import java.nio.file.Path;

/** A small book with an index that exercises every kind of entry, mark and exclusion. */
public final class IndexedBook {

    private IndexedBook() { }

    public static final String INDEX = """
            title: Index of Names
            entries:
              Tokayev: {kind: person}
              Xi Jinping:
                forms: [Xi, President Xi, 习近平]
                kind: person
              CSTO:
                forms: [Collective Security Treaty Organization]
                kind: org
              Russia:
                kind: place
                sub:
                  and China: [Sino-Russian]
                see-also: [Soviet Union]
              "Russia > oil": [Russian oil]
              Muscovy: {see: Russia}
              Öcalan: {kind: person}
              Orenburg: {kind: place}
              Kabul: {kind: place}
              Nobody Atall:
            """;

    /** The book in {@code dir}; {@code extraParagraphs} of filler per piece make the pieces run over pages. */
    public static Path write(Path dir, int extraParagraphs) {
        StringBuilder filler = new StringBuilder();
        for (int i = 0; i < extraParagraphs; i++) {
            filler.append("\n\nA paragraph of filler text that keeps the piece going for a while, so that the ")
                    .append("mentions below land on later pages of the print edition and the index has to ")
                    .append("number them right. It says nothing of note, at some length, again and again.");
        }
        TestBooks.minimal(dir,
                "chapters/01-asia/first.md", TestBooks.piece("title: First Piece\ndate: 2022-01-07",
                        "Tokayev’s decree met the CSTO. President Xi called; so did 习近平 in Chinese."
                                + filler
                                + "\n\nThe Collective Security Treaty Organization and Sino-Russian ties[^1]; Öcalan and "
                                + "Orenburg.\n\n[^1]: Russian oil, said [the president]{.index term=\"Tokayev\"}."),
                "chapters/01-asia/second.md", TestBooks.piece("title: Second, With Comma\ndate: 2022-02-01",
                        "Russia’s view. See https://example.org/Kabul and `Kabul` in code; "
                                + "[Someone Else]{.index} is not in the index." + filler
                                + "\n\nLater, Tokayev again, and Xi."));
        TestBooks.write(dir, "index.yaml", INDEX);
        return dir;
    }
}
