package dev.sheaf.read;

import dev.sheaf.buildcache.BuildCache;
import dev.sheaf.buildcache.CacheKey;
import dev.sheaf.buildcache.ContentDigest;
import dev.sheaf.buildcache.RecordCodec;
import dev.sheaf.buildcache.Reuse;
import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.model.Piece;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Parsed pieces kept from one build to the next (a watch session): a piece whose file has the same size
 * and modification time, or failing that the same content (SHA-256), and whose images are unchanged, is
 * not parsed again; its diagnostics are reported again as they were. Only the pieces of the latest
 * build are kept. A build without a cache uses {@link #none()}. Thread-safe: pieces are read in parallel.
 */
public final class PieceCache {

    private static final PieceCache NONE = new PieceCache(false, BuildCache.disabled());

    private final boolean enabled;
    /** The build cache on disk, for a build in a new JVM; disabled in a session, which keeps pieces in memory. */
    private final BuildCache disk;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    private final Set<Path> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger parsed = new AtomicInteger();

    private PieceCache(boolean enabled, BuildCache disk) {
        this.enabled = enabled;
        this.disk = disk;
    }

    /** A cache to pass to every build of one session. */
    public static PieceCache create() {
        return new PieceCache(true, BuildCache.disabled());
    }

    /**
     * For one build: pieces are taken from the build cache on disk when their file (by SHA-256), id, default
     * authors and images (by size and modification time, as a session compares them) are what they were; what is
     * parsed is kept there.
     */
    public static PieceCache onDisk(BuildCache disk) {
        return new PieceCache(false, disk);
    }

    /** No caching: every piece is parsed. */
    public static PieceCache none() {
        return NONE;
    }

    /** How many pieces the latest build had to parse (the rest came from the cache). */
    public int parsedInLastBuild() {
        return parsed.get();
    }

    void begin() {
        seen.clear();
        parsed.set(0);
        total.set(0);
    }

    /** Forgets the pieces the build just finished did not read (deleted or renamed files). */
    void end() {
        if (enabled) {
            entries.keySet().retainAll(Set.copyOf(seen));
        }
        if (disk.enabled()) {
            disk.count(new Reuse("read", "pieces", "parsed", total.get(), total.get() - parsed.get()));
        }
    }

    /** The piece in {@code file} (absolute), from the cache when nothing it depends on has changed. */
    Optional<Piece> read(Path root, Path file, String id, List<String> defaultAuthors, Diagnostics diags) {
        total.incrementAndGet();
        if (!enabled && disk.enabled()) {
            return fromDisk(root, file, id, defaultAuthors, diags);
        }
        if (!enabled) {
            parsed.incrementAndGet();
            return new PieceReader(root, diags).read(file, id, defaultAuthors);
        }
        seen.add(file);
        Stamp stamp = Stamp.of(file);
        Entry old = entries.get(file);
        if (old != null && old.id().equals(id) && old.defaultAuthors().equals(defaultAuthors) && old.imagesUnchanged()) {
            if (old.stamp().equals(stamp)) {
                return old.replay(diags);
            }
            byte[] hash = hash(file);
            if (hash != null && Arrays.equals(hash, old.hash())) {
                entries.put(file, old.restamped(stamp));
                return old.replay(diags);
            }
        }
        byte[] hash = hash(file);
        Diagnostics own = new Diagnostics();
        Set<Path> images = ConcurrentHashMap.newKeySet();
        parsed.incrementAndGet();
        Optional<Piece> piece = new PieceReader(root, own, images::add).read(file, id, defaultAuthors);
        Entry e = new Entry(id, List.copyOf(defaultAuthors), stamp, hash, piece, own.all(),
                images.stream().collect(java.util.stream.Collectors.toMap(p -> p, Stamp::of)));
        if (hash != null) {
            entries.put(file, e);
        } else {
            entries.remove(file);
        }
        return e.replay(diags);
    }

    /** The piece from the build cache, or parsed and kept there. */
    private Optional<Piece> fromDisk(Path root, Path file, String id, List<String> defaultAuthors, Diagnostics diags) {
        byte[] hash = hash(file);
        return kept(hash == null ? Optional.empty() : CacheKey.of("piece", root, file, id, defaultAuthors, hash),
                Piece.class, diags, (own, images) -> {
                    parsed.incrementAndGet();
                    return new PieceReader(root, own, images::add).read(file, id, defaultAuthors);
                });
    }

    /**
     * The chapter introduction in {@code file}: from the build cache on disk when the file (by SHA-256) and its
     * images are what they were, else read (and kept there). A session reads a chapter's few introductions again
     * each build; a single build into the same folder then parses no Markdown at all.
     */
    Optional<PieceReader.ChapterIntro> intro(Path root, Path file, Diagnostics diags) {
        if (enabled || !disk.enabled()) {
            return new PieceReader(root, diags).readIntro(file);
        }
        byte[] hash = hash(file);
        return kept(hash == null ? Optional.empty() : CacheKey.of("chapter-intro", root, file, hash),
                PieceReader.ChapterIntro.class, diags,
                (own, images) -> new PieceReader(root, own, images::add).readIntro(file));
    }

    /** Reads a file into a value, reporting to the given diagnostics and naming every image it uses. */
    private interface Reading<T> {
        Optional<T> read(Diagnostics diags, Set<Path> images);
    }

    /**
     * The value of {@code key} from the build cache, with its diagnostics reported again, when its images are as they
     * were; else read and kept there (with no key, read without the cache).
     */
    private <T> Optional<T> kept(Optional<CacheKey> key, Class<T> type, Diagnostics diags, Reading<T> reading) {
        Optional<Stored> stored = key.flatMap(disk::get).flatMap(Stored::decode).filter(Stored::imagesUnchanged)
                .filter(s -> s.value().map(type::isInstance).orElse(true));
        if (stored.isPresent()) {
            stored.get().diagnostics().forEach(diags::add);
            return stored.get().value().map(type::cast);
        }
        Diagnostics own = new Diagnostics();
        Set<Path> images = ConcurrentHashMap.newKeySet();
        Optional<T> value = reading.read(own, images);
        own.all().forEach(diags::add);
        if (key.isPresent()) {
            try {
                disk.put(key.get(), RecordCodec.encode(new Stored(value.map(v -> (Object) v), own.all(), stamps(images))));
            } catch (ContentDigest.Undigestible e) {
                // A value the codec cannot write (an unusual front matter field): read again next time.
            }
        }
        return value;
    }

    /** Each image's existence, size and modification time, by path, as the build cache keeps them. */
    private static Map<String, List<Long>> stamps(Set<Path> images) {
        Map<String, List<Long>> stamps = new java.util.TreeMap<>();
        images.forEach(i -> {
            Stamp st = Stamp.of(i);
            stamps.put(i.toString(), List.of(st.exists() ? 1L : 0L, st.size(), st.modified()));
        });
        return stamps;
    }

    /** Whether every image of {@code stamps} is as it was. */
    private static boolean unchanged(Map<String, List<Long>> stamps) {
        return stamps.entrySet().stream().allMatch(i -> {
            Stamp st = Stamp.of(Path.of(i.getKey()));
            return i.getValue().equals(List.of(st.exists() ? 1L : 0L, st.size(), st.modified()));
        });
    }

    /** A piece or a chapter introduction as the build cache keeps it, with its diagnostics and its images' stamps. */
    record Stored(Optional<Object> value, List<Diagnostic> diagnostics, Map<String, List<Long>> images) {

        static Optional<Stored> decode(byte[] bytes) {
            try {
                return RecordCodec.decode(bytes) instanceof Stored s ? Optional.of(s) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        boolean imagesUnchanged() {
            return unchanged(images);
        }
    }

    private static byte[] hash(Path file) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (IOException | NoSuchAlgorithmException | OutOfMemoryError e) {
            return null;
        }
    }

    /** What a file looked like: size and modification time, or absent. */
    private record Stamp(boolean exists, long size, long modified) {
        static Stamp of(Path p) {
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                return new Stamp(true, a.size(), a.lastModifiedTime().toMillis());
            } catch (IOException e) {
                return new Stamp(false, -1, -1);
            }
        }
    }

    private record Entry(String id, List<String> defaultAuthors, Stamp stamp, byte[] hash, Optional<Piece> piece,
                         List<Diagnostic> diagnostics, Map<Path, Stamp> images) {

        boolean imagesUnchanged() {
            return images.entrySet().stream().allMatch(i -> Stamp.of(i.getKey()).equals(i.getValue()));
        }

        Optional<Piece> replay(Diagnostics diags) {
            diagnostics.forEach(diags::add);
            return piece;
        }

        Entry restamped(Stamp s) {
            return new Entry(id, defaultAuthors, s, hash, piece, diagnostics, images);
        }
    }
}
