package dev.sheaf.cite;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.csl.CSLCitation;
import de.undercouch.citeproc.csl.CSLCitationItem;
import de.undercouch.citeproc.csl.CSLCitationItemBuilder;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.helper.json.StringJsonBuilderFactory;
import dev.sheaf.buildcache.BuildCache;
import dev.sheaf.buildcache.CacheKey;
import dev.sheaf.buildcache.RecordCodec;
import dev.sheaf.buildcache.Reuse;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.Book;
import dev.sheaf.model.Chapter;
import dev.sheaf.model.CitationSettings;
import dev.sheaf.model.Inline;
import dev.sheaf.model.Piece;
import dev.sheaf.model.ReferenceList;
import dev.sheaf.model.SourceRef;
import dev.sheaf.model.Walk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The citation transform (Book → Book), run before any renderer: formats the sources list, the
 * suggested citations of the book and of each piece, and every inline citation in the chosen CSL
 * style. Renderers only ever see formatted inlines, notes and reference lists.
 */
public final class CitationProcessor {

    /** From this many pieces on, a second thread helps with the "cite this piece" lines. */
    static final int PARALLEL_FROM = 200;

    /** The cache kind of a book's formatted citations. */
    static final String CACHE_KIND = "citations";
    /** The cache kind of the bibliography entries, each kept on its own. */
    static final String ENTRIES_KIND = "citation-entries";
    /** citeproc-java and its styles by where they were loaded from (their jar names the version). */
    private static final String CITEPROC = String.valueOf(CSL.class.getProtectionDomain().getCodeSource() == null ? null
            : CSL.class.getProtectionDomain().getCodeSource().getLocation());

    private final Diagnostics diags;
    private final CitationCache cache;
    private final BuildCache disk;
    /** Title casing shared by this processor's citeproc-java processors: the same titles come back in both. */
    private final CslTitleCase titles = new CslTitleCase();
    /** The main citeproc-java processor, begun before the pieces were read ({@link #begin}), or null. */
    private volatile Early early;
    /** Whether the main processor was the one {@link #begin} made (for tests). */
    private volatile boolean tookEarly;

    /** A processor being made on a thread of its own for a style and language. */
    private record Early(String language, java.util.concurrent.FutureTask<CslEngine> engine) { }

    public CitationProcessor(Diagnostics diags) {
        this(diags, CitationCache.none());
    }

    /** @param cache formatted entries kept between the builds of one session */
    public CitationProcessor(Diagnostics diags, CitationCache cache) {
        this(diags, cache, BuildCache.disabled());
    }

    /**
     * @param cache formatted entries kept between the builds of one session
     * @param disk  the build cache: a book's formatted citations are kept there, and a build whose citations did not
     *              change takes them from it without starting citeproc-java
     */
    public CitationProcessor(Diagnostics diags, CitationCache cache, BuildCache disk) {
        this.diags = diags;
        this.cache = cache;
        this.disk = disk;
    }

    /**
     * Begins making the citeproc-java processor for {@code book}'s style on a thread of its own, from book.yaml alone
     * ({@code book} needs no chapters), for {@link #process} to take: citeproc-java parses the style's XML when the
     * processor is made (a fifth of a small book's first EPUB build), and its items are asked for only when
     * citations are formatted, so it can be made while the pieces are read. Nothing is reported from there:
     * {@link #process} finds the style again and reports as before, and makes the processor itself when this one
     * failed or is for another style. Not for a session's builds, which keep their processors from one to the next,
     * nor when the build cache holds formatted citations (see {@link #process}: then usually nothing is formatted).
     */
    public void begin(Book book, String styleOverride) {
        if (cache.enabled() || disk.holds(CACHE_KIND)) {
            // A session keeps its processors; a build into a folder whose cache holds formatted citations is likely
            // to replay them without citeproc-java (parsing the style then would only cost time).
            return;
        }
        CitationSettings settings = book.meta().citations();
        String styleName = styleOverride != null ? styleOverride : settings.style();
        String language = book.meta().language();
        Path root = book.root();
        java.util.concurrent.FutureTask<CslEngine> task = new java.util.concurrent.FutureTask<>(() -> {
            Optional<CitationStyles.Style> style = CitationStyles.load(styleName, root, SourceRef.of(Path.of("book.yaml")),
                    new Diagnostics());
            return style.isEmpty() ? null : new CslEngine(style.get(), Map.of(), language, titles);
        });
        early = new Early(language, task);
        Thread t = new Thread(task, "sheaf-early-citations");
        t.setDaemon(true);
        t.start();
    }

    /** The processor {@link #begin} made for {@code style} and {@code language}, or null. */
    private CslEngine takeEarly(CitationStyles.Style style, String language) {
        Early e = early;
        early = null;
        if (e == null || !e.language().equals(language)) {
            return null;
        }
        try {
            CslEngine engine = e.engine().get();
            tookEarly = engine != null && engine.style().equals(style);
            return tookEarly ? engine : null;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException ex) {
            return null; // made again here, which reports why it fails
        }
    }

    boolean tookEarly() {
        return tookEarly;
    }

    /** @param styleOverride a style given on the command line or in the Maven plugin; null for book.yaml's */
    public Book process(Book book, String styleOverride) {
        Optional<Inputs> in = inputs(book, styleOverride);
        if (in.isEmpty()) {
            return book;
        }
        Optional<CacheKey> key = disk.enabled() ? key(book, in.get()) : Optional.empty();
        if (key.isPresent()) {
            Optional<Book> replayed = replay(book, in.get(), key.get());
            if (replayed.isPresent()) {
                return replayed.get();
            }
        }
        // A single build keeps the entries it formats in a cache of its own, to find them in the build cache on disk.
        CitationCache entries = cache.enabled() || !disk.enabled() ? cache : CitationCache.create();
        Map<String, List<String>> fields = new java.util.HashMap<>();
        String acronyms = String.join(" ", CslEngine.acronymWords(in.get().items().values(), cache.acronymsBefore(),
                fields));
        cache.acronymsNow(fields);
        entries.begin(in.get().style().argument(), book.meta().language(), acronyms);
        try {
            return process(book, in.get(), key.orElse(null), entries, acronyms);
        } finally {
            entries.end();
        }
    }

    /**
     * The key of a book's formatted citations: everything the answers of the processor depend on (Sheaf's own code
     * is added by the cache) — the style (its id or its XML), citeproc-java, the locale, the settings, every item as
     * citeproc-java's JSON (for bibliography entries; the book's own works also as Sheaf's {@link Source}s), and the
     * citations of every piece in reading order, without their positions in the text (which only diagnostics use,
     * and those are made again).
     */
    private static Optional<CacheKey> key(Book book, Inputs in) {
        List<String> items = new ArrayList<>();
        for (CSLItemData item : in.items().values()) {
            items.add(String.valueOf(item.toJson(new StringJsonBuilderFactory().createJsonBuilder())));
        }
        List<List<Object>> pieces = new ArrayList<>();
        for (Chapter c : book.chapters()) {
            for (Piece p : c.pieces()) {
                List<Object> cites = new ArrayList<>();
                Walk.inlines(p.body(), i -> {
                    if (i instanceof Inline.Citation citation) {
                        cites.add(citation.cites());
                    }
                });
                p.footnotes().forEach(n -> Walk.inlines(n.content(), i -> {
                    if (i instanceof Inline.Citation citation) {
                        cites.add(citation.cites());
                    }
                }));
                pieces.add(List.of(p.id(), cites));
            }
        }
        try {
            return CacheKey.of(CACHE_KIND, "transcript 1", CITEPROC, in.style().argument(), in.style().note(),
                    book.meta().language(), in.settings(), items, List.copyOf(new java.util.TreeSet<>(in.citable())),
                    in.catalog().all(), pieces);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The book with its citations as an earlier build formatted them, when the cache holds them. */
    private Optional<Book> replay(Book book, Inputs in, CacheKey key) {
        Optional<byte[]> bytes = disk.get(key);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (!(RecordCodec.decode(bytes.get()) instanceof CitationTranscript transcript)) {
                return Optional.empty();
            }
            // Problems go to the build only when the whole replay succeeded (else formatting reports them).
            Diagnostics found = new Diagnostics();
            Book out = format(book, in, new CitationTranscript.Replay(transcript, in.items()), null, found);
            diags.addAll(found);
            disk.count(new Reuse("citations", "citations and lists", "formatted", transcript.size(),
                    transcript.size()));
            return Optional.of(out);
        } catch (IOException | CitationTranscript.Missing | ClassCastException e) {
            return Optional.empty();
        }
    }

    /**
     * Reports every problem {@link #process} reports, without formatting anything (so, for the styles that come
     * with citeproc-java, without starting it): a missing or broken style, bibliography files, unknown keys. The
     * book returned has the shape of a processed one (note styles' citations become numbered notes, with empty
     * text), so that the links checked after it find the same notes; its citations and lists are not formatted.
     */
    public Book check(Book book, String styleOverride) {
        Optional<Inputs> in = inputs(book, styleOverride);
        if (in.isEmpty()) {
            return book;
        }
        Inputs i = in.get();
        if (!i.style().knownReadable()) {
            // A book's own style (or a bundled one known to fail): only citeproc-java can say whether it reads it.
            try {
                new CslEngine(i.style(), i.items(), book.meta().language());
            } catch (IOException | RuntimeException e) {
                unreadable(i, e);
                return book;
            }
        }
        InlineCitations inline = new InlineCitations(new CitationFormatter.Unformatted(), i.style().note(),
                i.citable(), diags);
        List<Chapter> chapters = new ArrayList<>();
        Set<String> citedInBook = new LinkedHashSet<>();
        for (Chapter c : book.chapters()) {
            List<Piece> pieces = new ArrayList<>();
            for (Piece p : c.pieces()) {
                pieces.add(inline.process(p, i.settings().referencesPerPiece(), citedInBook));
            }
            chapters.add(new Chapter(c.slug(), c.title(), c.intro(), List.copyOf(pieces), c.source()));
        }
        return new Book(book.root(), book.meta(), List.copyOf(chapters), book.fonts(), List.of(), List.of(),
                book.index());
    }

    /** Reports a style citeproc-java could not read: a book's own file at the file, a bundled one at book.yaml. */
    private void unreadable(Inputs in, Exception e) {
        String style = in.settings().style();
        if (style.endsWith(".csl")) {
            diags.report(MessageId.CIT_005, SourceRef.of(Path.of(style).normalize()), style,
                    "citeproc-java cannot read it (" + e.getMessage() + ")");
        } else {
            diags.reportWithHint(MessageId.CIT_003, in.where(), String.valueOf(e.getMessage()), style);
        }
    }

    /**
     * What formatting starts from: the style, the bibliography files and the book's own works as items; empty
     * when the style cannot be found (reported).
     *
     * @param citable the keys inline citations may name: bibliography entries and the book's own pieces
     */
    private record Inputs(CitationSettings settings, CitationStyles.Style style, SourceCatalog catalog,
                          Map<String, CSLItemData> items, Set<String> citable, SourceRef where) { }

    private Optional<Inputs> inputs(Book book, String styleOverride) {
        CitationSettings settings = book.meta().citations();
        if (styleOverride != null) {
            settings = settings.withStyle(styleOverride);
        }
        SourceRef where = SourceRef.of(Path.of("book.yaml"));
        Optional<CitationStyles.Style> style = CitationStyles.load(settings.style(), book.root(), where, diags);
        if (style.isEmpty()) {
            return Optional.empty();
        }
        Map<SourceCatalog.KeyWords, String> keyWords = new java.util.HashMap<>();
        SourceCatalog catalog = SourceCatalog.of(book, cache.keyWordsBefore(), keyWords);
        cache.keyWordsNow(keyWords);
        Map<String, CSLItemData> items = new LinkedHashMap<>(
                Bibliographies.load(book.root(), settings.bibliography(), diags));
        // The items of the book's own works are functions of their sources: a session takes those of unchanged
        // sources from its previous build (4,000 items of a large book made again were a twentieth of a quick step).
        Map<Object, CSLItemData> itemsBefore = cache.itemsBefore();
        Map<Object, CSLItemData> itemsNow = new java.util.HashMap<>();
        for (Source s : catalog.all()) {
            if (!items.containsKey(s.id())) {
                items.put(s.id(), item(new WorkItem(s), itemsBefore, itemsNow));
            }
        }
        Set<String> citable = Set.copyOf(items.keySet());
        for (Source s : catalog.pieces()) {
            items.put(citeThisId(s), item(new ChapterItem(s, catalog.anthology(), citeThisId(s)), itemsBefore, itemsNow));
        }
        cache.itemsNow(itemsNow);
        return Optional.of(new Inputs(settings, style.get(), catalog, items, citable, where));
    }

    /** A work of the book as a CSL item ({@link CslItems#of}). */
    private record WorkItem(Source source) { }

    /** A piece as a chapter of the anthology, for its "cite this piece" line ({@link CslItems#inAnthology}). */
    private record ChapterItem(Source piece, Source anthology, String id) { }

    /** The item {@code key} stands for: from {@code before} when it holds it, else made; noted in {@code now}. */
    private static CSLItemData item(Object key, Map<Object, CSLItemData> before, Map<Object, CSLItemData> now) {
        CSLItemData item = before.get(key);
        if (item == null) {
            item = key instanceof ChapterItem c ? CslItems.inAnthology(c.piece(), c.anthology(), c.id())
                    : CslItems.of(((WorkItem) key).source());
        }
        now.put(key, item);
        return item;
    }

    /**
     * Formats the book's citations with citeproc-java; with a key, keeps what it formatted in the build cache: the
     * book's answers as a whole (replayed when nothing changed) and each bibliography entry on its own (taken by a
     * later build for the items that did not change).
     *
     * @param entries  formatted entries from earlier builds (the session's, or this build's own)
     * @param acronyms the words every entry gives back their capitals, which entries depend on
     */
    private Book process(Book book, Inputs in, CacheKey key, CitationCache entries, String acronyms) {
        CitationStyles.Style style = in.style();
        Map<String, CSLItemData> items = in.items();
        String language = book.meta().language();
        Optional<CacheKey> entriesKey = key == null ? Optional.empty()
                : CacheKey.of(ENTRIES_KIND, "entries 1", CITEPROC, style.argument(), style.note(), language, acronyms);
        CslEngine engine;
        try {
            engine = engine("main", style, items, language, entries);
        } catch (IOException | RuntimeException e) {
            unreadable(in, e);
            return book;
        }
        entriesKey.ifPresent(k -> entries.seed(storedEntries(k), engine.numbered()));
        if (key == null) {
            return format(book, in, engine, () -> engine("cite-this", style, items, language, entries), diags);
        }
        CitationTranscript.Recorder recorder = new CitationTranscript.Recorder(engine);
        Book out = format(book, in, recorder,
                () -> recorder.sharing(engine("cite-this", style, items, language, entries)), diags);
        CitationTranscript transcript = recorder.transcript();
        try {
            disk.put(key, RecordCodec.encode(transcript));
        } catch (RuntimeException e) {
            // An answer the codec cannot write: the next build formats again.
        }
        disk.count(new Reuse("citations", "citations and lists", "formatted", transcript.size(), 0));
        if (entriesKey.isPresent()) {
            Map<String, List<Inline>> used = entries.used();
            try {
                disk.put(entriesKey.get(), RecordCodec.encode(new CitationEntries(used)));
            } catch (RuntimeException e) {
                // Entries the codec cannot write: the next build formats them again.
            }
            int taken = Math.min(used.size(), entries.takenFromDisk());
            if (taken > 0) {
                disk.count(new Reuse("citations", "bibliography entries", "formatted", used.size(), taken));
            }
        }
        return out;
    }

    /** The bibliography entries an earlier build kept under {@code key}, by {@link CitationCache#diskKey}. */
    private Map<String, List<Inline>> storedEntries(CacheKey key) {
        Optional<byte[]> bytes = disk.get(key);
        if (bytes.isEmpty()) {
            return Map.of();
        }
        try {
            return RecordCodec.decode(bytes.get()) instanceof CitationEntries stored ? stored.entries() : Map.of();
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /**
     * The book with its citations formatted by {@code engine}.
     *
     * @param helper makes a second processor for the "cite this" lines of a large book; null for none
     */
    private Book format(Book book, Inputs in, CitationFormatter engine,
                        java.util.concurrent.Callable<CitationFormatter> helper, Diagnostics diags) {
        CitationSettings settings = in.settings();
        SourceCatalog catalog = in.catalog();
        InlineCitations inline = new InlineCitations(engine, in.style().note(), in.citable(), diags);
        CiteThisLines citeThis = new CiteThisLines(settings.citeThisPiece()
                ? catalog.pieces().stream().map(CitationProcessor::citeThisId).toList() : List.of());
        if (helper != null && settings.citeThisPiece() && catalog.pieces().size() >= PARALLEL_FROM) {
            citeThis.startHelper(helper);
        }
        List<Chapter> chapters = new ArrayList<>();
        Set<String> citedInBook = new LinkedHashSet<>();
        for (Chapter c : book.chapters()) {
            List<Piece> pieces = new ArrayList<>();
            for (Piece p : c.pieces()) {
                pieces.add(inline.process(p, settings.referencesPerPiece(), citedInBook));
            }
            chapters.add(new Chapter(c.slug(), c.title(), c.intro(), pieces, c.source()));
        }
        List<ReferenceList> backMatter = new ArrayList<>();
        if (!settings.referencesPerPiece() && !citedInBook.isEmpty()) {
            backMatter.add(new ReferenceList("references", null, List.copyOf(engine.bibliography(citedInBook).values())));
        }
        if (settings.sourcesList()) {
            backMatter.add(new ReferenceList("sources", null,
                    List.copyOf(engine.bibliography(catalog.pieces().stream().map(Source::id).toList()).values())));
        }
        List<Inline> bookCitation = engine.bibliography(List.of(catalog.anthology().id()))
                .getOrDefault(catalog.anthology().id(), List.of());
        Map<String, List<Inline>> citeThisLines = citeThis.finish(engine);
        for (int i = 0; i < chapters.size(); i++) {
            Chapter c = chapters.get(i);
            List<Piece> pieces = new ArrayList<>();
            for (Piece p : c.pieces()) {
                List<Inline> citeAs = citeThisLines.getOrDefault(citeThisId(catalog.piece(p.id())), List.of());
                pieces.add(new Piece(p.id(), p.slug(), p.source(), p.meta(), p.body(), p.footnotes(), citeAs,
                        p.references()));
            }
            chapters.set(i, new Chapter(c.slug(), c.title(), c.intro(), List.copyOf(pieces), c.source()));
        }
        return new Book(book.root(), book.meta(), List.copyOf(chapters), book.fonts(), bookCitation,
                List.copyOf(backMatter), book.index());
    }

    /** A processor for {@code role}: the one kept from the previous build of the session, or a new one. */
    private CslEngine engine(String role, CitationStyles.Style style, Map<String, CSLItemData> items, String language,
                             CitationCache entries) throws IOException {
        CslEngine e = entries.engine(role);
        if (e == null && role.equals("main")) {
            e = takeEarly(style, language);
        }
        if (e == null) {
            e = new CslEngine(style, items, language, titles);
            entries.engine(role, e);
        }
        return e.use(items, entries);
    }

    static String citeThisId(Source s) {
        return "sheaf-in-anthology-" + s.id();
    }

    /** A CSL citation of the given items, in the order written. */
    static CSLCitation citation(List<CSLCitationItem> items) {
        return new CSLCitation(items.toArray(new CSLCitationItem[0]));
    }

    static CSLCitationItem item(Inline.Cite c, boolean authorOnly, boolean suppressAuthor) {
        CSLCitationItemBuilder b = new CSLCitationItemBuilder(c.key());
        if (!c.prefix().isEmpty()) {
            b.prefix(c.prefix() + " ");
        }
        if (!c.suffix().isEmpty()) {
            b.suffix(", " + c.suffix());
        }
        if (authorOnly) {
            b.authorOnly(true);
        }
        if (suppressAuthor) {
            b.suppressAuthor(true);
        }
        return b.build();
    }
}
