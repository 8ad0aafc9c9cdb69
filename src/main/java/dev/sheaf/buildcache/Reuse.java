package dev.sheaf.buildcache;

import java.util.Locale;

/**
 * What an edition made afresh and what it took from an earlier build (the build cache on disk, or the previous
 * build of a watch session): "site: 1 of 14 piece pages written, 13 reused".
 *
 * @param edition the edition as people name it ({@code EPUB}, {@code site})
 * @param items   what was counted, plural ({@code piece pages})
 * @param made    the verb for the items made afresh ({@code written}, {@code compressed})
 * @param total   how many items the edition has
 * @param reused  how many of them came from an earlier build
 */
public record Reuse(String edition, String items, String made, int total, int reused) {

    public String describe() {
        return String.format(Locale.ROOT, "%s: %d of %d %s %s, %d reused", edition, total - reused, total, items,
                made, reused);
    }
}
