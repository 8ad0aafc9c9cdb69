package dev.sheaf.core;

import dev.sheaf.buildcache.BuildCache;
import dev.sheaf.cite.CitationCache;
import dev.sheaf.cite.CitationProcessor;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.index.IndexProcessor;
import dev.sheaf.links.LinkCache;
import dev.sheaf.links.LinkResolver;
import dev.sheaf.model.Book;
import dev.sheaf.read.BookReader;
import dev.sheaf.read.PieceCache;
import dev.sheaf.render.RenderContext;
import dev.sheaf.render.Renderer;
import dev.sheaf.render.RendererRegistry;
import dev.sheaf.render.cover.Covers;
import dev.sheaf.render.pagelist.PrintLayouts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Sheaf's one entry point: read a book folder, check it, and write the requested editions. The CLI
 * and the Maven plugin are thin adapters over this class.
 */
public final class Sheaf {

    private final RendererRegistry registry;
    private final PieceCache pieces;
    private final CitationCache citations;
    /** The ids each piece carries, from the previous build of a session. */
    private final LinkCache links;
    /** The print layouts of the session (null: each build has its own). */
    private final PrintLayouts layouts;
    /** What the session's builds left in place in their output folders (see {@link PlacedFiles}). */
    private final PlacedFiles placed;
    /** Whether the latest build was a quick step that left work to a full build (see {@link #fullBuildNeeded}). */
    private volatile boolean leftWork;
    /**
     * One build at a time reads the book, renders with the session's kept pages and commits; a session's full build
     * lets go of it while its editions are made, holding it only to read the book and to commit (see {@link
     * Rebuilds}), so a quick step waits at most for a full build's reading or commit.
     */
    private final java.util.concurrent.locks.ReentrantLock session = new java.util.concurrent.locks.ReentrantLock();
    /** The latest build's reading of the book when it was a quick step that committed, else null (see Reading). */
    private Reading latestReading;
    /** The print editions a full build is making meanwhile, or null. */
    private volatile Printing printing;

    public Sheaf() {
        this(RendererRegistry.standard());
    }

    public Sheaf(RendererRegistry registry) {
        this(registry, PieceCache.none(), CitationCache.none(), LinkCache.none(), null);
    }

    private Sheaf(RendererRegistry registry, PieceCache pieces, CitationCache citations, LinkCache links,
                  PrintLayouts layouts) {
        this.registry = registry;
        this.pieces = pieces;
        this.citations = citations;
        this.layouts = layouts;
        this.links = links;
        this.placed = layouts != null ? PlacedFiles.create() : PlacedFiles.none();
    }

    /**
     * A Sheaf for many builds of the same book in one JVM ({@code sheaf build --watch}, a server): it keeps
     * parsed pieces, formatted citations and the print edition's page breaks (for the next {@link
     * BuildRequest#asQuickStep()}) from one build to the next and only redoes what changed. The editions of a full
     * build are the same as a fresh build's.
     */
    public static Sheaf incremental() {
        return incremental(RendererRegistry.session());
    }

    /** {@link #incremental()} with the formats of {@code registry} (whose renderers keep what they reuse). */
    public static Sheaf incremental(RendererRegistry registry) {
        return incremental(registry, LinkCache.create());
    }

    /** {@link #incremental(RendererRegistry)} keeping the pieces' link targets in {@code links} (a test looks at it). */
    public static Sheaf incremental(RendererRegistry registry, LinkCache links) {
        return new Sheaf(registry, PieceCache.create(), CitationCache.create(), links, PrintLayouts.ofSession());
    }

    /**
     * Whether the latest build was a quick step ({@link BuildRequest#asQuickStep()}) that leaves work to a full build
     * of the same request: formats it did not write, or print page numbers it took from an earlier layout. When
     * not, the quick step wrote what the full build would.
     */
    public boolean fullBuildNeeded() {
        return leftWork;
    }

    /** How many pieces the latest build or check had to parse; the others came from the cache. */
    public int piecesParsedInLastBuild() {
        return pieces.parsedInLastBuild();
    }

    public RendererRegistry registry() {
        return registry;
    }

    /**
     * Reads and checks the book, citations included; writes nothing. Reports what a build's reading reports, but
     * does not format the citations ({@link CitationProcessor#check}): nothing of them is printed.
     */
    public BuildResult check(Path bookDir, String citationStyle) {
        Diagnostics diags = new Diagnostics();
        read(bookDir.toAbsolutePath().normalize(), citationStyle, diags, Progress.NONE, pieces, BuildCache.disabled(),
                false, List.of());
        return new BuildResult(List.of(), diags.all(), !diags.hasErrors());
    }

    /** The book as every renderer sees it, or empty when it cannot be read (its problems are in {@code diags}). */
    public Optional<Book> book(Path bookDir, Diagnostics diags) {
        return read(bookDir.toAbsolutePath().normalize(), null, diags, Progress.NONE);
    }

    /** The book as renderers see it: read, index mentions anchored, citations resolved, then links resolved. */
    private Optional<Book> read(Path root, String citationStyle, Diagnostics diags, Progress progress) {
        return read(root, citationStyle, diags, progress, pieces, BuildCache.disabled(), true, List.of());
    }

    /**
     * @param disk   the build cache, for the formatted citations (and the cover, see {@code cover})
     * @param format whether to format the citations; a check only looks for their problems (and then does not begin
     *               making the citation processor while the pieces are read)
     * @param early  the formats that begin their work while the pieces are read ({@link Renderer#begin}), into
     *               {@code disk}'s items of this build; when one shows the cover, an SVG cover is drawn meanwhile too
     */
    private Optional<Book> read(Path root, String citationStyle, Diagnostics diags, Progress progress,
                                PieceCache pieceCache, BuildCache disk, boolean format, List<Renderer> early) {
        boolean cover = early.stream().anyMatch(Renderer::showsCover);
        CitationProcessor citing = new CitationProcessor(diags, citations, disk);
        // What needs only book.yaml and the fonts begins on other threads while the pieces are read: on a small
        // book's first build the cover and the citation style were the last things the EPUB waited for.
        BookReader.Listener listener = new BookReader.Listener() {
            @Override
            public void piecesRead(int done, int total) {
                progress.piecesRead(done, total);
            }

            @Override
            public void begun(Book preview) {
                if (cover) {
                    Covers.begin(preview, disk);
                }
                early.forEach(r -> r.begin(preview, disk));
                IndexProcessor.begin(preview);
                if (format) {
                    citing.begin(preview, citationStyle);
                }
            }
        };
        Optional<Book> book = new BookReader(root, diags, pieceCache, listener).read();
        if (book.isEmpty()) {
            return book;
        }
        // The index first: its matcher must see citations as citations, not as the text they become.
        progress.stage("index");
        Book indexed = new IndexProcessor(diags).process(book.get());
        progress.citing();
        Book cited = format ? citing.process(indexed, citationStyle) : citing.check(indexed, citationStyle);
        progress.stage("links");
        return Optional.of(new LinkResolver(diags, links).process(cited));
    }

    /** Reads the book and, when it has no errors, writes the requested editions into the output folder. */
    public BuildResult build(BuildRequest request) {
        Diagnostics diags = new Diagnostics();
        Path root = request.bookDir().toAbsolutePath().normalize();
        Path out = request.outDir().toAbsolutePath().normalize();
        List<Renderer> renderers = renderers(request.formats(), diags);
        checkOutput(root, out, diags);
        if (!request.buildCache() || diags.hasErrors()) {
            return build(request, root, out, renderers, diags, null);
        }
        // The build cache's new entries are staged with the editions, from the first piece read.
        StagedOutput staged;
        try {
            staged = new StagedOutput(out);
        } catch (IOException e) {
            return build(request, root, out, renderers, diags, null);
        }
        try {
            return build(request, root, out, renderers, diags, staged);
        } finally {
            try {
                staged.close();
            } catch (IOException e) {
                // Left-overs of a build that failed before writing; the next build starts a new staging folder.
            }
        }
    }

    private BuildResult build(BuildRequest request, Path root, Path out, List<Renderer> renderers, Diagnostics diags,
                              StagedOutput early) {
        // A session's full build makes its editions without holding the session, so that the quick step of the next
        // change runs meanwhile (see Rebuilds); with the build cache on disk, a build holds it throughout.
        boolean apart = layouts != null && !request.quickStep() && early == null;
        session.lock();
        try {
            return buildHeld(request, root, out, renderers, diags, early, apart);
        } finally {
            session.unlock();
        }
    }

    /** {@link #build}, holding {@link #session} (but for the editions of a full build made {@code apart}). */
    private BuildResult buildHeld(BuildRequest request, Path root, Path out, List<Renderer> renderers,
                                  Diagnostics diags, StagedOutput early, boolean apart) {
        leftWork = request.quickStep();
        Progress progress = request.progress();
        BuildCache cache;
        try {
            cache = early == null ? BuildCache.disabled() : BuildCache.open(out, CodeIdentity.VALUE, early.scratch());
        } catch (IOException e) {
            cache = BuildCache.disabled();
        }
        // A session keeps its pieces in memory; a single build takes them from the cache on disk.
        PieceCache pieceCache = cache.enabled() && pieces == PieceCache.none() ? PieceCache.onDisk(cache) : pieces;
        // A session's full build takes the book as the quick step just before it read it (and committed), when no
        // input has changed since: reading and citing the large book again costs a second or more of the session.
        Reading earlier = latestReading;
        latestReading = null;
        boolean quickOfSession = request.quickStep() && layouts != null && early == null;
        String stamps = quickOfSession ? BuildFingerprint.stamps(root, out) : null;
        Optional<Book> book;
        if (apart && earlier != null && earlier.root().equals(root)
                && java.util.Objects.equals(earlier.citationStyle(), request.citationStyle())
                && earlier.stamps() != null && earlier.stamps().equals(BuildFingerprint.stamps(root, out))) {
            book = Optional.of(earlier.book());
            earlier.diagnostics().forEach(diags::add);
        } else {
            // Only a single build begins work early: a session keeps its citation processors and its formats' work
            // from build to build, and its quick steps would only draw the cover sooner than the EPUB does anyway.
            boolean single = layouts == null;
            book = read(root, request.citationStyle(), diags, progress, pieceCache, cache, true,
                    single ? now(request, renderers) : List.of());
        }
        if (book.isEmpty() || diags.failsAt(request.failOn())) {
            return failed(diags);
        }
        List<dev.sheaf.diag.Diagnostic> readDiagnostics = diags.all();
        RenderContext plain = RenderContext.of(book.get(), diags, request.timestamp())
                .forBuild(renderers.stream().map(Renderer::id).collect(Collectors.toSet()), request.quickStep(),
                        layouts != null ? layouts : PrintLayouts.ofBuild());
        List<Renderer> now = now(request, renderers);
        if (layouts != null) {
            layouts.tookEarlier(); // counts from this build on
        }
        try (StagedOutput staged = early != null ? early : new StagedOutput(out, placed)) {
            staged.abandonWhen(request.cancelled());
            RenderContext ctx = plain.withCache(cache);
            if (apart) {
                // The print editions (and the exports) first, from this reading of the book, while quick steps may
                // write newer texts; then the EPUB and the site with the new layout's page numbers and the downloads
                // — unless a quick step wrote a newer text meanwhile (it gives this build up). Neither holds the
                // session: the EPUB and the site of a large book with new page numbers take seconds, which the quick
                // step of the next edit waited for until 2026-12-03. The renderers' kept pages are safe to share: a
                // build takes the previous ones as they were and only reuses a page whose inputs are equal to its
                // own. Held again only to commit. (Known until the build ends, so that a quick step that commits a
                // newer text, or a session that stops, gives up its last part too.)
                this.printing = new Printing(book.get(), staged);
                try {
                    session.unlock();
                    try {
                        renderAll(now.stream().filter(r -> !r.inQuickStep()).toList(), book.get(), ctx, staged,
                                progress, diags);
                        if (!staged.abandoned()) {
                            renderAll(now.stream().filter(Renderer::inQuickStep).toList(), book.get(), ctx, staged,
                                    progress, diags);
                        }
                    } finally {
                        session.lock();
                    }
                    if (staged.abandoned()) {
                        return superseded();
                    }
                } finally {
                    this.printing = null;
                }
            } else {
                renderAll(now, book.get(), ctx, staged, progress, diags);
            }
            if (staged.abandoned()) {
                return superseded();
            }
            if (diags.failsAt(request.failOn())) {
                return failed(diags);
            }
            leftWork = request.quickStep() && (now.size() < renderers.size() || layouts != null && layouts.tookEarlier());
            progress.stage("commit");
            List<Path> written = staged.commit();
            forgetLeftovers(out, staged, now, leftWork);
            // Only now, so that a failed build leaves the cache as the last good build left it.
            cache.commit();
            // A full build making its print editions meanwhile (a quick step can only run then) is given up.
            Printing behind = this.printing;
            if (behind != null && behind.staged() != staged && !behind.sameText(book.get())) {
                behind.staged().abandon(); // its editions would be older than what was just written
            }
            if (quickOfSession && stamps != null) {
                latestReading = new Reading(root, request.citationStyle(), stamps, book.get(), readDiagnostics);
            }
            return new BuildResult(written, diags.all(), true, false, cache.reuse(), leftWork, false);
        } catch (IOException e) {
            diags.report(MessageId.OUT_001, null, out, describe(e));
            return failed(diags);
        }
    }

    /** The formats a build makes now: all, or those of the quick step. */
    private static List<Renderer> now(BuildRequest request, List<Renderer> renderers) {
        return request.quickStep() ? renderers.stream().filter(Renderer::inQuickStep).toList() : renderers;
    }

    /** The book as a quick step read it, with what reading it reported, for the full build that follows. */
    private record Reading(Path root, String citationStyle, String stamps, Book book,
                           List<dev.sheaf.diag.Diagnostic> diagnostics) { }

    /**
     * The print editions of a full build being made without holding the session: the book they are made from and
     * where they are written.
     */
    private record Printing(Book book, StagedOutput staged) {
        /** Whether {@code other} is the same text (a save that changed nothing leaves the print editions as good). */
        boolean sameText(Book other) {
            return book == other || book.equals(other);
        }
    }

    /**
     * Gives up the print editions being made, if any (a session that stops): nothing of that build is written, and
     * its thread returns at its renderers' next write.
     */
    void abandonPrinting() {
        Printing p = printing;
        if (p != null) {
            p.staged().abandon();
        }
    }

    /** Renders {@code now} in order, those that run beside the others on a thread of their own meanwhile. */
    private static void renderAll(List<Renderer> now, Book book, RenderContext ctx, StagedOutput staged,
                                  Progress progress, Diagnostics diags) {
        // Formats that need nothing from the others are made on a thread of their own meanwhile (see
        // Renderer.runsBeside); their problems are reported as they join, as if they had been made then.
        List<Renderer> beside = now.size() > 1 ? now.stream().filter(Renderer::runsBeside).toList() : List.of();
        Diagnostics besideDiags = new Diagnostics();
        RenderContext besideCtx = ctx.reportingTo(besideDiags);
        Beside side = beside.isEmpty() ? null : Beside.start(now, progress, later -> beside.forEach(
                r -> render(r, book, besideCtx, staged, later, besideDiags)));
        for (Renderer r : now) {
            if (beside.contains(r)) {
                continue;
            }
            if (side != null && r.readsOutput()) {
                side.join();
                side.finishedBefore(null);
                diags.addAll(besideDiags);
                side = null;
            }
            if (side != null) {
                side.finishedBefore(r);
            }
            render(r, book, ctx, staged, progress, diags);
        }
        if (side != null) {
            side.join();
            side.finishedBefore(null);
            diags.addAll(besideDiags);
        }
    }

    private static BuildResult superseded() {
        return new BuildResult(List.of(), List.of(), false, false, List.of(), false, true);
    }

    private static void render(Renderer r, Book book, RenderContext ctx, StagedOutput staged, Progress progress,
                               Diagnostics diags) {
        if (staged.abandoned()) {
            return;
        }
        long start = System.nanoTime();
        progress.writing(r.id());
        try {
            r.render(book, ctx, new CountingSink(staged.forFormat(r.id()), r.id(), progress));
        } catch (IOException | RuntimeException e) {
            diags.report(MessageId.OUT_003, null, r.id(), describe(e));
        }
        progress.finished(r.id(), System.nanoTime() - start);
    }

    /**
     * Formats made on a second thread. What the thread throws beyond a format's own failures is thrown on
     * {@link #join}. Progress is passed on as it happens, except that a format's end is told only once the formats
     * before it in the build's order have been told theirs, so that a build's summary keeps that order.
     */
    private static final class Beside {
        private final java.util.concurrent.FutureTask<Void> task;
        private final List<Renderer> order;
        private final Progress progress;
        /** Formats finished on the thread and not told yet, in the order they finished. */
        private final java.util.ArrayDeque<Ended> ended = new java.util.ArrayDeque<>();

        private record Ended(String format, long nanos) { }

        private Beside(List<Renderer> order, Progress progress, java.util.function.Consumer<Progress> work) {
            this.order = order;
            this.progress = progress;
            Progress later = new Progress() {
                @Override
                public void writing(String format) {
                    progress.writing(format);
                }

                @Override
                public void written(String format, long bytes) {
                    progress.written(format, bytes);
                }

                @Override
                public void finished(String format, long nanos) {
                    synchronized (ended) {
                        ended.add(new Ended(format, nanos));
                    }
                }
            };
            this.task = new java.util.concurrent.FutureTask<>(() -> work.accept(later), null);
        }

        static Beside start(List<Renderer> order, Progress progress, java.util.function.Consumer<Progress> work) {
            Beside b = new Beside(order, progress, work);
            Thread t = new Thread(b.task, "sheaf-beside");
            t.setDaemon(true);
            t.start();
            return b;
        }

        /** Tells the end of every format finished here that comes before {@code next} (all, for null). */
        void finishedBefore(Renderer next) {
            int limit = next == null ? Integer.MAX_VALUE : order.indexOf(next);
            synchronized (ended) {
                while (!ended.isEmpty() && position(ended.peek().format()) < limit) {
                    Ended e = ended.poll();
                    progress.finished(e.format(), e.nanos());
                }
            }
        }

        private int position(String id) {
            for (int i = 0; i < order.size(); i++) {
                if (order.get(i).id().equals(id)) {
                    return i;
                }
            }
            return -1;
        }

        void join() {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        task.get();
                        return;
                    } catch (InterruptedException e) {
                        interrupted = true;   // the formats are being written into the staging folder: wait for them
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (e.getCause() instanceof Error err) {
                            throw err;
                        }
                        throw new IllegalStateException(e.getCause());
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * Removes what earlier builds of the same formats wrote into the output folder and this one did not (the page
     * of a deleted piece), and notes what this one wrote. A quick step that leaves work to a full build leaves that
     * to it too.
     */
    private static void forgetLeftovers(Path out, StagedOutput staged, List<Renderer> ran, boolean fullBuildFollows) {
        try {
            WrittenFiles.update(out, staged.formats(), ran.stream().map(Renderer::id).collect(Collectors.toSet()),
                    !fullBuildFollows);
        } catch (IOException e) {
            // The editions are in place; a left-over file stays until a later build can remove it.
        }
    }

    /**
     * Like {@link #build}, but does nothing when the book, the request and Sheaf itself are unchanged
     * since the last successful build into the same output folder (and its files are all there).
     */
    public BuildResult buildIfChanged(BuildRequest request) {
        String fingerprint;
        try {
            fingerprint = BuildFingerprint.of(request, version());
        } catch (IOException e) {
            return build(request);
        }
        Optional<List<Path>> previous = BuildFingerprint.upToDate(request, fingerprint);
        if (previous.isPresent()) {
            return new BuildResult(previous.get(), List.of(), true, true);
        }
        BuildResult result = build(request);
        if (result.success()) {
            try {
                BuildFingerprint.record(request, fingerprint, result.written());
            } catch (IOException e) {
                // Only costs a rebuild next time.
            }
        }
        return result;
    }

    /** Sheaf's version and code, worked out once: the build cache's entries are only valid for the same code. */
    private static final class CodeIdentity {
        static final String VALUE = BuildCache.codeIdentity(Sheaf.class, version());
    }

    /** Sheaf's version, from the jar manifest ("development" when run from classes). */
    public static String version() {
        String v = Sheaf.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    private List<Renderer> renderers(List<String> formats, Diagnostics diags) {
        if (formats.isEmpty()) {
            return registry.all();
        }
        for (String id : formats) {
            if (registry.find(id.trim()).isEmpty()) {
                diags.report(MessageId.OUT_002, null, id, String.join(", ", registry.ids()));
            }
        }
        // Registry order, whatever order they were asked in: the site links to the editions written before it.
        List<String> wanted = formats.stream().map(String::trim).toList();
        return registry.all().stream().filter(r -> wanted.contains(r.id())).toList();
    }

    /** The output folder must not hold the sources: never inside chapters/, fonts/ or covers/, never the book folder. */
    private static void checkOutput(Path root, Path out, Diagnostics diags) {
        for (String sources : List.of("chapters", "fonts", "covers")) {
            if (out.startsWith(root.resolve(sources))) {
                diags.report(MessageId.OUT_001, null, out, "it is inside the book's " + sources + "/ folder");
                return;
            }
        }
        if (root.startsWith(out)) {
            diags.report(MessageId.OUT_001, null, out, "it contains the book itself; choose a folder such as "
                    + root.resolve("target/book"));
            return;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            diags.report(MessageId.OUT_001, null, out, "it is a file, not a folder");
        }
    }

    private static BuildResult failed(Diagnostics diags) {
        return new BuildResult(List.of(), diags.all(), false);
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
