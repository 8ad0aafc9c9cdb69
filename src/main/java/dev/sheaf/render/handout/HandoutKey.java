package dev.sheaf.render.handout;

import dev.sheaf.buildcache.CacheKey;
import dev.sheaf.model.Book;
import dev.sheaf.model.Footnote;
import dev.sheaf.model.Inline;
import dev.sheaf.model.Piece;
import dev.sheaf.model.Walk;
import dev.sheaf.read.ImageTypes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a handout's PDF is made from, as its key in the build cache, so that a build into the same folder lays out
 * again only the handouts a change reached (a piece of one chapter edited: that chapter's handouts). Everything the
 * layout reads is in it: the handout's document as written ({@link HandoutDocument#render}: the cover sheet, its
 * pieces, its sources page, the stylesheet with its pages, faces and large type, the names of the pictures and
 * fonts it uses), its paper and layout, the entries of its index (its columns are set after a first layout), the
 * book's metadata (title, language, identifier, PDF/A, hyphenation…), the build's timestamp, the cover's thumbnail,
 * and each file the document names by its size and time: the pictures of its pieces and the book's fonts (as the
 * EPUB keys its fonts). Sheaf's own code and shipped faces are the cache's identity.
 *
 * <p>No key (the handout is laid out every time) for a handout whose pieces hold an SVG picture, which Batik draws
 * and which may name further files, or whose files cannot be read.
 */
final class HandoutKey {

    static final String KIND = "handout";

    private HandoutKey() { }

    /**
     * The key of a handout laid out from {@code document} (rendered without blank pages) on {@code format}'s pages,
     * with {@code index} (the entries of its pieces, or null for none).
     */
    static Optional<CacheKey> of(Book book, HandoutFormat format, String document, Object index, Instant timestamp,
                                 byte[] thumbnail, List<Piece> pieces) {
        List<Object> files = new ArrayList<>();
        try {
            for (String picture : pictures(pieces)) {
                Path file = book.root().resolve(picture);
                if (ImageTypes.of(file).map("image/svg+xml"::equals).orElse(true)) {
                    return Optional.empty();
                }
                files.add(stamp(picture, file));
            }
            for (var font : book.fonts()) {
                files.add(stamp(font.file().toString(), book.root().resolve(font.file())));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return CacheKey.of(KIND, "handout 1", document, format, index, book.meta(), timestamp, thumbnail, files);
    }

    /** The book-relative files of the pictures in {@code pieces}, their notes included, in order of name. */
    private static TreeSet<String> pictures(List<Piece> pieces) {
        TreeSet<String> out = new TreeSet<>();
        for (Piece p : pieces) {
            Walk.inlines(p.body(), i -> add(out, i));
            for (Footnote n : p.footnotes()) {
                Walk.inlines(n.content(), i -> add(out, i));
            }
        }
        return out;
    }

    private static void add(TreeSet<String> out, Inline i) {
        if (i instanceof Inline.Image img && img.resolved() != null) {
            out.add(img.resolved());
        }
    }

    private static String stamp(String name, Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return name + " " + a.size() + " " + a.lastModifiedTime().toMillis();
    }
}
