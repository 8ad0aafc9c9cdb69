package dev.sheaf.core;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files a session's builds put in place (or found in place) with the bytes they wrote, and the file's identity
 * (inode), size and modification time just after. A later build that writes the very same array (a renderer's kept
 * page) to a file that still has that identity, size and time knows it holds those bytes without reading it: a rebuild
 * of the 2,000-piece site read back its 2,000 unchanged pages (22 MB, 85–185 ms at a load of 5) to find them so.
 * Any other write, and any file replaced or touched since (a rename gives a new inode, a write a new time), is
 * compared byte for byte as before. A single build keeps nothing ({@link #none()}). Thread-safe.
 */
final class PlacedFiles {

    /**
     * What a file held: its bytes weakly (only the very array can match, and one no renderer keeps, such as an image
     * read again for each build, is never written again: holding it would only cost memory).
     */
    private record Placed(java.lang.ref.WeakReference<byte[]> data, long size, FileTime modified, Object key) {
        boolean matches(byte[] bytes, BasicFileAttributes now) {
            return data.get() == bytes && now.size() == size && now.lastModifiedTime().equals(modified) && key != null
                    && Objects.equals(now.fileKey(), key);
        }
    }

    private final Map<Path, Placed> byFile;

    private PlacedFiles(Map<Path, Placed> byFile) {
        this.byFile = byFile;
    }

    /** For the builds of one session. */
    static PlacedFiles create() {
        return new PlacedFiles(new ConcurrentHashMap<>());
    }

    /** Keeps nothing: every write is compared with the file in place. */
    static PlacedFiles none() {
        return new PlacedFiles(null);
    }

    /** Whether {@code file}, whose attributes are now {@code now}, holds {@code data} as a build of the session left it. */
    boolean holds(Path file, byte[] data, BasicFileAttributes now) {
        Placed p = byFile == null ? null : byFile.get(file);
        return p != null && p.matches(data, now);
    }

    /** Notes that {@code file}, with attributes {@code now}, holds {@code data}. */
    void placed(Path file, byte[] data, BasicFileAttributes now) {
        if (byFile != null) {
            byFile.put(file, new Placed(new java.lang.ref.WeakReference<>(data), now.size(), now.lastModifiedTime(),
                    now.fileKey()));
        }
    }

    /** Forgets what {@code file} held (it was written as a stream, or removed). */
    void forget(Path file) {
        if (byFile != null) {
            byFile.remove(file);
        }
    }
}
