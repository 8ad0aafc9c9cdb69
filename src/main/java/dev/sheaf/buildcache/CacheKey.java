package dev.sheaf.buildcache;

import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a cached item was made from: its kind ({@code epub-page}, {@code site-page}) and the {@link ContentDigest}
 * of every input it depends on. Sheaf's own version and code are added by the {@link BuildCache}.
 *
 * @param kind   lower-case letters and hyphens; one folder of the cache each
 * @param digest hexadecimal SHA-256 of the inputs
 */
public record CacheKey(String kind, String digest) {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z-]{0,39}");

    public CacheKey {
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("cache kind: " + kind);
        }
    }

    /**
     * The key of an item of {@code kind} made from {@code inputs}; empty when one of them cannot be digested
     * (the item is then made without the cache).
     */
    public static Optional<CacheKey> of(String kind, Object... inputs) {
        try {
            return Optional.of(new CacheKey(kind, HexFormat.of().formatHex(ContentDigest.of(inputs))));
        } catch (ContentDigest.Undigestible e) {
            return Optional.empty();
        }
    }
}
