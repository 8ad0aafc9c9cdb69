package dev.sheaf.render.epub;

import dev.sheaf.buildcache.BuildCache;
import dev.sheaf.buildcache.CacheKey;
import dev.sheaf.model.Book;
import dev.sheaf.model.FontFace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.zip.Deflater;

/**
 * The book's font files as the EPUB's compressed entries.
 *
 * <p>A font is dense binary data: zlib's best level took twice the time of its default level for 0.2 % less on the
 * companion's six faces (0.23 s against 0.12 s, 1,709,956 against 1,712,706 bytes), the largest single cost of a
 * small book's EPUB, so fonts are deflated at the default level. Nothing about a face depends on the pieces, so a
 * single build begins deflating them while the pieces are read ({@link #begin}); and each is kept in the build cache
 * by file, size and time, so that a build into the same folder does not deflate it again.
 */
final class FontEntries {

    static final String KIND = "epub-font";
    static final int LEVEL = Deflater.DEFAULT_COMPRESSION;

    private FontEntries() { }

    /**
     * Begins deflating, on one thread of its own, the faces every EPUB of {@code preview} embeds: all but a CJK
     * fallback face, embedded only when a piece has CJK text, which is not known before the pieces are read.
     */
    static void begin(Book preview, BuildCache cache) {
        Map<CacheKey, Callable<byte[]>> faces = new LinkedHashMap<>();
        for (FontFace f : preview.fonts()) {
            if (!f.cjk()) {
                key(preview, f).ifPresent(k -> faces.put(k, () -> EpubZip.encode(deflate(preview, f))));
            }
        }
        if (!faces.isEmpty()) {
            cache.beginAll("sheaf-early-" + KIND, faces);
        }
    }

    /** The entry of face {@code f}: begun early, kept by an earlier build, or deflated now. */
    static EpubZip.Entry entry(Book book, FontFace f, BuildCache cache) throws IOException {
        Optional<CacheKey> key = key(book, f);
        if (key.isEmpty()) {
            return deflate(book, f);
        }
        byte[] kept = cache.once(key.get(), () -> EpubZip.encode(deflate(book, f)));
        Optional<EpubZip.Entry> entry = EpubZip.decode(kept);
        // An entry the cache gives back damaged (or one of another face's name) is made again, not written.
        if (entry.isPresent() && entry.get().name().equals(name(f))) {
            return entry.get();
        }
        return deflate(book, f);
    }

    /** The face's path in the EPUB, from its package document's folder. */
    static String href(FontFace f) {
        return "fonts/" + f.file().getFileName().toString();
    }

    private static String name(FontFace f) {
        return EpubRenderer.ROOT + href(f);
    }

    private static EpubZip.Entry deflate(Book book, FontFace f) throws IOException {
        return EpubZip.deflate(name(f), Files.readAllBytes(book.root().resolve(f.file())), LEVEL);
    }

    /** The key of face {@code f}'s entry: its file by name, size and time, and the level; empty when unreadable. */
    private static Optional<CacheKey> key(Book book, FontFace f) {
        try {
            Path file = book.root().resolve(f.file());
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return CacheKey.of(KIND, name(f), f.file().toString(), a.size(), a.lastModifiedTime().toMillis(), LEVEL);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
