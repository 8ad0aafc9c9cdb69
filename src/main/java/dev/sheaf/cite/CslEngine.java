package dev.sheaf.cite;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.ItemDataProvider;
import de.undercouch.citeproc.csl.CSLCitation;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.output.Bibliography;
import de.undercouch.citeproc.output.Citation;
import dev.sheaf.model.Inline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One citeproc-java processor for a style and a set of items, returning Sheaf inlines. It also puts
 * back the capitals of acronyms ("RUSI", "CSTO") that title-casing styles would turn into "Rusi".
 */
final class CslEngine implements CitationFormatter {

    private final CSL csl;
    private final CitationStyles.Style style;
    private final Optional<CslSort> sort;
    private final boolean numbered;
    private volatile Map<String, CSLItemData> items;
    private Pattern acronyms;
    private CitationCache cache = CitationCache.none();
    /** The last few lists sorted by this processor: a rebuild with the same sources needs no sorting. */
    private final Map<List<CSLItemData>, List<String>> orders = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<CSLItemData>, List<String>> eldest) {
            return size() > 4;
        }
    };

    CslEngine(CitationStyles.Style style, Map<String, CSLItemData> items, String locale) throws IOException {
        this(style, items, locale, new CslTitleCase());
    }

    /** @param titles title casing remembered across the processors of a build (see {@link CslTitleCase}) */
    CslEngine(CitationStyles.Style style, Map<String, CSLItemData> items, String locale, CslTitleCase titles)
            throws IOException {
        ItemDataProvider provider = new ItemDataProvider() {
            @Override
            public CSLItemData retrieveItem(String id) {
                return CslEngine.this.items.get(id);
            }

            @Override
            public Collection<String> getIds() {
                return CslEngine.this.items.keySet();
            }
        };
        this.items = items;
        this.style = style;
        this.csl = new CSL(provider, CslLocales.PROVIDER, null, style.argument(), CslLocales.forLanguage(locale));
        this.csl.setOutputFormat("html");
        this.acronyms = acronymPattern(items.values());
        this.sort = CslSort.of(csl);
        titles.install(csl);
        this.numbered = CslStyleTree.mentions(csl, "citation-number");
    }

    /** The style this processor formats in. */
    CitationStyles.Style style() {
        return style;
    }

    /** Whether the style can print an item's citation number (then its entries depend on it). */
    boolean numbered() {
        return numbered;
    }

    /**
     * Points a processor kept from an earlier build at this build's items; formatted entries are taken
     * from {@code cache} where the item has not changed.
     */
    CslEngine use(Map<String, CSLItemData> newItems, CitationCache newCache) {
        if (newItems != items) {
            boolean same = List.copyOf(newItems.values()).equals(List.copyOf(items.values()));
            this.items = newItems;
            if (!same) {
                this.acronyms = acronymPattern(newItems.values());
            }
        }
        this.cache = newCache;
        csl.reset();
        csl.setOutputFormat("html");
        return this;
    }

    /** Bibliography entries for {@code ids}, in the style's order, keyed by item id. */
    @Override
    public Map<String, List<Inline>> bibliography(Collection<String> ids) {
        Collection<String> distinct = new LinkedHashSet<>(ids);
        List<CSLItemData> sorting = distinct.stream().map(items::get).toList();
        List<String> order = orders.get(sorting);
        if (order == null) {
            order = sort.map(s -> s.sorts()
                    ? s.order(distinct, items, item -> cache.sortKeys(item, s::keys)) : List.copyOf(distinct))
                    .orElse(null);
        }
        if (order == null) {
            return sortedByCiteproc(distinct);
        }
        orders.put(sorting, order);
        return formatted(order);
    }

    /**
     * Bibliography entries for {@code ids} where their order does not matter (each is looked up by id): they
     * are formatted in the given order, without sorting.
     */
    @Override
    public Map<String, List<Inline>> entries(Collection<String> ids) {
        return sort.isPresent() ? formatted(List.copyOf(new LinkedHashSet<>(ids))) : sortedByCiteproc(ids);
    }

    /** Registers {@code order} as it is (citation numbers follow it) and formats what the cache lacks. */
    private Map<String, List<Inline>> formatted(List<String> order) {
        csl.registerCitationItems(order, true);
        List<CSLItemData> registered = List.copyOf(csl.getRegisteredItems());
        Map<CSLItemData, List<Inline>> found = new HashMap<>();
        List<CSLItemData> missing = new ArrayList<>();
        for (CSLItemData item : registered) {
            List<Inline> e = cache.entry(item);
            if (e != null) {
                found.put(item, e);
            } else {
                missing.add(item);
            }
        }
        if (!missing.isEmpty()) {
            Set<CSLItemData> wanted = new HashSet<>(missing);
            String[] entries = csl.makeBibliography(wanted::contains).getEntries();
            if (entries.length == missing.size()) {
                for (int i = 0; i < entries.length; i++) {
                    found.put(missing.get(i), inlines(entries[i]));
                }
            } else {
                // Some item gave an empty entry: format the missing ones one at a time to know which.
                for (CSLItemData item : missing) {
                    String[] one = csl.makeBibliography(item::equals).getEntries();
                    found.put(item, one.length == 1 ? inlines(one[0]) : List.of());
                }
            }
            missing.forEach(item -> cache.entry(item, found.get(item)));
        }
        Map<String, List<Inline>> out = new LinkedHashMap<>();
        for (CSLItemData item : registered) {
            List<Inline> e = found.get(item);
            if (!e.isEmpty()) {
                out.put(item.getId(), e);
            }
        }
        return out;
    }

    /** citeproc-java's own sorted registration, for styles {@link CslSort} cannot sort. */
    private Map<String, List<Inline>> sortedByCiteproc(Collection<String> ids) {
        csl.registerCitationItems(ids);
        Bibliography b = csl.makeBibliography();
        String[] entries = b.getEntries();
        String[] entryIds = b.getEntryIds() != null && b.getEntryIds().length == entries.length
                ? b.getEntryIds() : matchByTitle(entries, ids);
        Map<String, List<Inline>> out = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i++) {
            out.put(entryIds[i] != null ? entryIds[i] : "entry-" + i, inlines(entries[i]));
        }
        return out;
    }

    /**
     * citeproc-java 3.4 does not say which entry belongs to which item, so entries are matched to items
     * through their titles (which every style prints), longest title first; the rest by elimination.
     */
    private String[] matchByTitle(String[] entries, Collection<String> ids) {
        String[] result = new String[entries.length];
        String[] plain = new String[entries.length];
        for (int i = 0; i < entries.length; i++) {
            plain[i] = letters(entries[i].replaceAll("<[^>]+>", " ").replaceAll("&[a-z]+;|&#\\d+;", " "));
        }
        List<String> pending = new java.util.ArrayList<>(ids);
        pending.sort(java.util.Comparator.comparingInt((String id) -> -titleOf(id).length()));
        for (java.util.Iterator<String> it = pending.iterator(); it.hasNext(); ) {
            String id = it.next();
            String t = titleOf(id);
            for (int i = 0; i < entries.length && !t.isEmpty(); i++) {
                if (result[i] == null && plain[i].contains(t)) {
                    result[i] = id;
                    it.remove();
                    break;
                }
            }
        }
        for (int i = 0; i < entries.length && !pending.isEmpty(); i++) {
            if (result[i] == null) {
                result[i] = pending.remove(0);
            }
        }
        return result;
    }

    private String titleOf(String id) {
        CSLItemData item = items.get(id);
        return item == null || item.getTitle() == null ? "" : letters(item.getTitle());
    }

    private static String letters(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    /** One citation, in document order (the processor keeps state for "ibid." and disambiguation). */
    @Override
    public List<Inline> cite(CSLCitation citation) {
        List<Citation> updated = csl.makeCitation(citation);
        Citation last = updated.get(0);
        for (Citation c : updated) {
            if (c.getIndex() >= last.getIndex()) {
                last = c;
            }
        }
        return inlines(last.getText());
    }

    @Override
    public String authors(String id) {
        return authors(items, id);
    }

    /** The family names of an item's authors as prose cites them: "Cooley", "Pantucci and Petersen", "Smith et al.". */
    static String authors(Map<String, CSLItemData> items, String id) {
        CSLItemData item = items.get(id);
        de.undercouch.citeproc.csl.CSLName[] names = item == null ? null
                : item.getAuthor() != null ? item.getAuthor() : item.getEditor();
        if (names == null || names.length == 0) {
            return item == null || item.getTitle() == null ? id : item.getTitle();
        }
        List<String> families = java.util.Arrays.stream(names)
                .map(n -> n.getFamily() != null ? n.getFamily() : n.getLiteral() != null ? n.getLiteral() : "")
                .toList();
        if (families.size() > 3) {
            return families.get(0) + " et al.";
        }
        return dev.sheaf.model.Names.join(families);
    }

    @Override
    public String year(String id) {
        return year(items, id);
    }

    /** The year an item was issued, as printed in author-date citations. */
    static String year(Map<String, CSLItemData> items, String id) {
        CSLItemData item = items.get(id);
        if (item == null || item.getIssued() == null || item.getIssued().getDateParts() == null
                || item.getIssued().getDateParts().length == 0) {
            return "n.d.";
        }
        return Integer.toString(item.getIssued().getDateParts()[0][0]);
    }

    @Override
    public void reset() {
        csl.reset();
    }

    private List<Inline> inlines(String html) {
        return CslHtml.toInlines(NestedQuotes.alternate(restoreAcronyms(html.strip())));
    }

    private String restoreAcronyms(String html) {
        if (acronyms == null) {
            return html;
        }
        Matcher m = acronyms.matcher(html);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String found = m.group();
            boolean lower = found.equals(found.toLowerCase(java.util.Locale.ROOT));
            m.appendReplacement(sb, Matcher.quoteReplacement(lower ? found : found.toUpperCase(java.util.Locale.ROOT)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static Pattern acronymPattern(Collection<CSLItemData> items) {
        Set<String> words = acronymWords(items);
        if (words.isEmpty()) {
            return null;
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}&])(?:" + String.join("|", words.stream().map(Pattern::quote).toList())
                + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * The words written in capitals in the items' titles, containers and publishers, sorted: every formatted entry
     * gives them back their capitals, so entries depend on them as well as on their own item.
     */
    static Set<String> acronymWords(Collection<CSLItemData> items) {
        return acronymWords(items, Map.of(), new java.util.HashMap<>());
    }

    /**
     * {@link #acronymWords(Collection)}, taking each field's words from {@code before} when an earlier build found
     * them (a session's: splitting 6,000 titles and outlets was a tenth of the quick step of a 2,000-piece book), and
     * noting every field's in {@code now}. The words of a text are a function of the text alone.
     */
    static Set<String> acronymWords(Collection<CSLItemData> items, Map<String, List<String>> before,
                                    Map<String, List<String>> now) {
        Set<String> words = new TreeSet<>();
        for (CSLItemData item : items) {
            for (String field : new String[] {item.getTitle(), item.getContainerTitle(), item.getPublisher()}) {
                if (field == null) {
                    continue;
                }
                List<String> found = now.get(field);
                if (found == null) {
                    found = before.get(field);
                    if (found == null) {
                        found = acronymsIn(field);
                    }
                    now.put(field, found);
                }
                words.addAll(found);
            }
        }
        return words;
    }

    private static List<String> acronymsIn(String field) {
        List<String> found = new java.util.ArrayList<>();
        for (String w : field.split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 2 && w.chars().allMatch(Character::isUpperCase)) {
                found.add(w);
            }
        }
        return List.copyOf(found);
    }
}
