package dev.sheaf.render.pdf;

import dev.sheaf.model.Book;
import dev.sheaf.model.Chapter;
import dev.sheaf.model.Footnote;
import dev.sheaf.model.Inline;
import dev.sheaf.model.Piece;
import dev.sheaf.model.Walk;
import dev.sheaf.read.ImageTypes;
import dev.sheaf.svg.SvgImages;

import java.nio.file.Path;
import java.util.List;

/**
 * The book as the print editions can draw it: each SVG picture Batik cannot draw becomes its description,
 * as the reader warned (IMG-007). EPUB and site keep the picture, which reading systems and browsers draw.
 */
public final class PrintImages {

    private PrintImages() { }

    public static Book drawable(Book book) {
        List<Chapter> chapters = book.chapters().stream().map(c -> new Chapter(c.slug(), c.title(),
                Walk.mapInlines(c.intro(), i -> inline(book.root(), i)),
                c.pieces().stream().map(p -> piece(book.root(), p)).toList(), c.source())).toList();
        return new Book(book.root(), book.meta(), chapters, book.fonts(), book.citeAs(), book.backMatter(), book.index());
    }

    private static Piece piece(Path root, Piece p) {
        List<Footnote> notes = p.footnotes().stream()
                .map(n -> new Footnote(n.number(), n.label(), Walk.mapInlines(n.content(), i -> inline(root, i)))).toList();
        return new Piece(p.id(), p.slug(), p.source(), p.meta(), Walk.mapInlines(p.body(), i -> inline(root, i)), notes,
                p.citeAs(), p.references());
    }

    private static List<Inline> inline(Path root, Inline i) {
        if (i instanceof Inline.Image img && img.resolved() != null) {
            Path file = root.resolve(img.resolved());
            if (ImageTypes.of(file).map("image/svg+xml"::equals).orElse(false)
                    && SvgImages.drawProblem(file).isPresent()) {
                return img.alt().isBlank() ? List.of() : List.of(new Inline.Text(img.alt()));
            }
        }
        return List.of(i);
    }
}
