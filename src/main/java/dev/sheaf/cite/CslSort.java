package dev.sheaf.cite;

import de.undercouch.citeproc.AbbreviationProvider;
import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.internal.CollectingVariableListener;
import de.undercouch.citeproc.csl.internal.RenderContext;
import de.undercouch.citeproc.csl.internal.SKey;
import de.undercouch.citeproc.csl.internal.SSort;
import de.undercouch.citeproc.csl.internal.SStyle;
import de.undercouch.citeproc.csl.internal.locale.LLocale;
import de.undercouch.citeproc.helper.AlphanumComparator;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The bibliography order of a CSL style, computed the way citeproc-java computes it but with each item's
 * sort keys rendered once. citeproc-java 3.4 inserts every registered item into a sorted list by binary
 * search and renders the sort keys of both items for every comparison (macros, title case and all), so a
 * list of 2,000 sources costs some 40,000 key renderings and most of a minute. Here each key of each item
 * is rendered at most once, and only when a comparison gets to it (items that differ in the first key
 * never render the title), which gives the same order in a fraction of a second.
 *
 * <p>The keys are read from the processor's parsed style (private fields of citeproc-java). When that is not
 * possible (another citeproc-java version), or when the style sorts by citation number, {@link #of} returns
 * empty and citeproc-java sorts as before.
 */
final class CslSort {

    private final SStyle style;
    private final LLocale locale;
    private final AbbreviationProvider abbreviations;
    private final List<SKey> keys;
    private final AlphanumComparator comparator;

    private CslSort(SStyle style, LLocale locale, AbbreviationProvider abbreviations, List<SKey> keys) {
        this.style = style;
        this.locale = locale;
        this.abbreviations = abbreviations;
        this.keys = keys;
        this.comparator = new AlphanumComparator(locale.getLang());
    }

    /**
     * The sort of {@code csl}'s bibliography, or empty when citeproc-java must sort itself. A style whose
     * bibliography is not sorted gets a sort without keys (registration order).
     */
    static Optional<CslSort> of(CSL csl) {
        try {
            SStyle style = (SStyle) field(CSL.class, "style").get(csl);
            LLocale locale = (LLocale) field(CSL.class, "locale").get(csl);
            AbbreviationProvider abbreviations = (AbbreviationProvider) field(CSL.class, "abbreviationProvider").get(csl);
            if (style == null || locale == null || style.getBibliography() == null) {
                return Optional.empty();
            }
            SSort sort = style.getBibliography().getSort();
            List<SKey> keys = new ArrayList<>();
            if (sort != null) {
                for (Object k : (List<?>) field(SSort.class, "keys").get(sort)) {
                    keys.add((SKey) k);
                }
            }
            return Optional.of(new CslSort(style, locale, abbreviations, List.copyOf(keys)));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /** True when the style's bibliography is ordered by the style (not just in registration order). */
    boolean sorts() {
        return !keys.isEmpty();
    }

    /** An item's rendered sort keys, each rendered when a comparison first needs it. */
    final class Keys {
        private final CSLItemData item;
        private final String[] rendered = new String[keys.size()];

        private Keys(CSLItemData item) {
            this.item = item;
        }

        String get(int i) {
            String k = rendered[i];
            if (k == null) {
                RenderContext ctx = new RenderContext(style, locale, item, abbreviations);
                CollectingVariableListener listener = new CollectingVariableListener();
                ctx.addVariableListener(listener);
                keys.get(i).render(ctx);
                ctx.removeVariableListener(listener);
                if (listener.getCalled().contains("citation-number")) {
                    throw new CitationNumberKey();
                }
                k = ctx.getResult().toString();
                rendered[i] = k;
            }
            return k;
        }
    }

    /** The (not yet rendered) sort keys of {@code item}. */
    Keys keys(CSLItemData item) {
        return new Keys(item);
    }

    /**
     * {@code ids} in bibliography order, or null when citeproc-java must sort (a key uses the citation
     * number, which is only known once the order is). Ties keep the given order.
     *
     * @param keysOf the sort keys of an item (usually {@link #keys} through a cache)
     */
    List<String> order(Collection<String> ids, Map<String, CSLItemData> items, Function<CSLItemData, Keys> keysOf) {
        List<Entry> entries = new ArrayList<>(ids.size());
        for (String id : ids) {
            CSLItemData item = items.get(id);
            if (item == null) {
                return null;
            }
            entries.add(new Entry(id, keysOf.apply(item)));
        }
        try {
            if (!entries.isEmpty()) {
                // Render every key of one item, so that a style sorting by citation number is always noticed.
                for (int i = 0; i < keys.size(); i++) {
                    entries.get(0).keys().get(i);
                }
            }
            entries.sort(this::compare);
        } catch (CitationNumberKey e) {
            return null;
        }
        return entries.stream().map(Entry::id).toList();
    }

    private record Entry(String id, Keys keys) { }

    /** citeproc-java's comparison: key by key, empty values last, then alphanumeric in the locale's order. */
    private int compare(Entry a, Entry b) {
        for (int i = 0; i < keys.size(); i++) {
            String sa = a.keys().get(i);
            String sb = b.keys().get(i);
            if (sa.isEmpty() && !sb.isEmpty()) {
                return 1;
            }
            if (!sa.isEmpty() && sb.isEmpty()) {
                return -1;
            }
            int c = comparator.compare(sa, sb);
            if (c != 0) {
                return c * keys.get(i).getSort();
            }
        }
        return 0;
    }

    /** Thrown when a sort key turns out to use the citation number. */
    private static final class CitationNumberKey extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CitationNumberKey() {
            super(null, null, false, false);
        }
    }
}
