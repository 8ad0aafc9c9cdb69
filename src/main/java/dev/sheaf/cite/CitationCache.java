package dev.sheaf.cite;

import de.undercouch.citeproc.csl.CSLItemData;
import dev.sheaf.model.Inline;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Formatted bibliography entries and sort keys kept from one build to the next (a watch session), so that
 * after one piece changes only its entries are formatted again. Entries depend only on the style, the locale
 * and the item (with its citation number): citeproc-java 3.4 formats each bibliography entry on its own.
 *
 * <p>Only what the latest build used is kept, so the cache never holds more than two books' worth of
 * entries. A build without a cache uses {@link #none()}. Thread-safe.
 */
public final class CitationCache {

    private static final CitationCache NONE = new CitationCache(false);

    private final boolean enabled;
    private String styleKey;
    private Generation previous = new Generation();
    private Generation current = new Generation();
    private final Map<String, CslEngine> engines = new java.util.HashMap<>();
    /** Entries an earlier build kept in the build cache on disk, by {@link #diskKey}; asked when memory has none. */
    private volatile Map<String, List<Inline>> stored = Map.of();
    /** Whether the style prints citation numbers, so that an entry depends on its item's (see {@link #diskKey}). */
    private volatile boolean numbered = true;
    /** How many entries of the current build came from {@link #stored}. */
    private final java.util.concurrent.atomic.AtomicInteger fromDisk = new java.util.concurrent.atomic.AtomicInteger();

    /** The capitalised words of each title, container and publisher the latest build met (see {@link CslEngine}). */
    private volatile Map<String, List<String>> acronyms = Map.of();

    /** The first parts of the citation keys the latest build made (see {@link SourceCatalog#of(dev.sheaf.model.Book, Map, Map)}). */
    private volatile Map<SourceCatalog.KeyWords, String> keyWords = Map.of();

    /** The first parts of the citation keys the latest build made (empty when not kept). */
    Map<SourceCatalog.KeyWords, String> keyWordsBefore() {
        return enabled ? keyWords : Map.of();
    }

    /** Keeps the first parts of the citation keys this build made, for the next (only this build's: bounded). */
    void keyWordsNow(Map<SourceCatalog.KeyWords, String> now) {
        if (enabled) {
            keyWords = now;
        }
    }

    /** The CSL items the latest build made of the book's own works, by what each was made from (see {@link CslItems}). */
    private volatile Map<Object, CSLItemData> items = Map.of();

    /** The CSL items the latest build made of the book's own works (empty when not kept). */
    Map<Object, CSLItemData> itemsBefore() {
        return enabled ? items : Map.of();
    }

    /** Keeps the CSL items this build made of the book's own works, for the next (only this build's: bounded). */
    void itemsNow(Map<Object, CSLItemData> now) {
        if (enabled) {
            items = now;
        }
    }

    /** The words in capitals the latest build found in each field (empty when not kept). */
    Map<String, List<String>> acronymsBefore() {
        return enabled ? acronyms : Map.of();
    }

    /** Keeps the words in capitals this build found in each field, for the next (only this build's: bounded). */
    void acronymsNow(Map<String, List<String>> now) {
        if (enabled) {
            acronyms = now;
        }
    }

    private CitationCache(boolean enabled) {
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    /** A cache to pass to every build of one session. */
    public static CitationCache create() {
        return new CitationCache(true);
    }

    /** No caching: every build formats everything. */
    public static CitationCache none() {
        return NONE;
    }

    /**
     * Starts a build with {@code style} (its id or XML) in {@code locale}; a change of either empties the cache, and so
     * does a change of {@code acronyms}, the words every entry gives back their capitals (see {@link CslEngine}).
     */
    synchronized void begin(String style, String locale, String acronyms) {
        if (!enabled) {
            return;
        }
        String key = locale + "\n" + acronyms + "\n" + style;
        if (!key.equals(styleKey)) {
            styleKey = key;
            previous = new Generation();
            engines.clear();
        }
        current = new Generation();
        stored = Map.of();
        fromDisk.set(0);
    }

    /**
     * Entries kept on disk by an earlier build with the same style, locale, acronyms and code (by {@link #diskKey}),
     * for this build to take where memory has none.
     */
    void seed(Map<String, List<Inline>> entries, boolean numbered) {
        if (enabled) {
            this.numbered = numbered;
            stored = entries;
        }
    }

    /** The entries this build used (formatted or taken from earlier builds), by {@link #diskKey}, in key order. */
    Map<String, List<Inline>> used() {
        Map<String, List<Inline>> out = new java.util.TreeMap<>();
        if (enabled) {
            generation().entries.forEach((item, e) -> out.put(diskKey(item, numbered), e));
        }
        return out;
    }

    /** How many entries of this build came from the entries {@link #seed seeded}. */
    int takenFromDisk() {
        return fromDisk.get();
    }

    /**
     * What a formatted entry depends on besides the style, the locale and the acronyms: the item (as CSL-JSON, without
     * its citation number) and, in a style that can print it, its citation number.
     */
    static String diskKey(CSLItemData item, boolean numbered) {
        CSLItemData plain = new de.undercouch.citeproc.csl.CSLItemDataBuilder(item).citationNumber(null).build();
        return plain.toJson(new de.undercouch.citeproc.helper.json.StringJsonBuilderFactory().createJsonBuilder())
                + (numbered ? "\n" + item.getCitationNumber() : "");
    }

    /** Ends a build: what it did not use is forgotten. */
    synchronized void end() {
        if (!enabled) {
            return;
        }
        previous = current;
        current = new Generation();
    }

    /** The processor for {@code role} kept from the previous build with the same style and locale, or null. */
    synchronized CslEngine engine(String role) {
        return enabled ? engines.get(role) : null;
    }

    synchronized void engine(String role, CslEngine e) {
        if (enabled) {
            engines.put(role, e);
        }
    }

    CslSort.Keys sortKeys(CSLItemData item, Function<CSLItemData, CslSort.Keys> compute) {
        if (!enabled) {
            return compute.apply(item);
        }
        return lookup(item, g -> g.sortKeys, compute);
    }

    /** The formatted entry of {@code item} (which carries its citation number), or null. */
    List<Inline> entry(CSLItemData item) {
        if (!enabled) {
            return null;
        }
        return lookup(item, g -> g.entries, i -> {
            Map<String, List<Inline>> disk = stored;
            List<Inline> e = disk.isEmpty() ? null : disk.get(diskKey(i, numbered));
            if (e != null) {
                fromDisk.incrementAndGet();
            }
            return e;
        });
    }

    void entry(CSLItemData item, List<Inline> formatted) {
        if (enabled) {
            generation().entries.put(item, formatted);
        }
    }

    private <V> V lookup(CSLItemData item, Function<Generation, Map<CSLItemData, V>> map,
                         Function<CSLItemData, V> compute) {
        Generation now = generation();
        V v = map.apply(now).get(item);
        if (v == null) {
            v = map.apply(older()).get(item);
            if (v == null) {
                v = compute.apply(item);
            }
            if (v != null) {
                map.apply(now).put(item, v);
            }
        }
        return v;
    }

    private synchronized Generation generation() {
        return current;
    }

    private synchronized Generation older() {
        return previous;
    }

    /** What one build used. */
    private static final class Generation {
        final Map<CSLItemData, CslSort.Keys> sortKeys = new ConcurrentHashMap<>();
        final Map<CSLItemData, List<Inline>> entries = new ConcurrentHashMap<>();
    }
}
