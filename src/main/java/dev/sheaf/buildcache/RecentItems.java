package dev.sheaf.buildcache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The items {@link BuildCache#once} made most recently in this JVM (a drawn cover, the EPUB's deflated fonts), by
 * key, up to {@value #MAX_BYTES} bytes: a JVM that builds more than once (a resident build process, a watch session)
 * takes them from here for a build into another output folder, whose own cache does not have them yet. The keys
 * name everything an item is made from, as they do on disk, so an item found here is the item that would be made.
 */
final class RecentItems {

    static final int MAX_BYTES = 24 << 20;

    /** Least recently used first. */
    private static final LinkedHashMap<CacheKey, byte[]> ITEMS = new LinkedHashMap<>(16, 0.75f, true);
    private static long bytes;

    private RecentItems() {
    }

    static synchronized Optional<byte[]> get(CacheKey key) {
        return Optional.ofNullable(ITEMS.get(key));
    }

    static synchronized void put(CacheKey key, byte[] value) {
        if (value.length > MAX_BYTES / 4) {
            return;
        }
        byte[] old = ITEMS.put(key, value);
        bytes += value.length - (old == null ? 0 : old.length);
        for (Iterator<Map.Entry<CacheKey, byte[]>> i = ITEMS.entrySet().iterator(); bytes > MAX_BYTES && i.hasNext(); ) {
            Map.Entry<CacheKey, byte[]> e = i.next();
            bytes -= e.getValue().length;
            i.remove();
        }
    }

    /** Forgets everything (for tests). */
    static synchronized void clear() {
        ITEMS.clear();
        bytes = 0;
    }

    static synchronized long bytes() {
        return bytes;
    }
}
