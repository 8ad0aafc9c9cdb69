package dev.sheaf.read;

import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.Book;
import dev.sheaf.model.BookMeta;
import dev.sheaf.model.Chapter;
import dev.sheaf.model.FontFace;
import dev.sheaf.model.Piece;
import dev.sheaf.model.SourceRef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Reads a whole book folder — {@code book.yaml}, {@code chapters/<folder>/*.md}, {@code fonts/} —
 * into a {@link Book}, reporting every problem found on the way.
 */
public final class BookReader {

    static final String CHAPTERS = "chapters";
    static final String INTRO_FILE = "_chapter.md";

    /** Hears how many pieces have been read. */
    @FunctionalInterface
    public interface Listener {
        void piecesRead(int done, int total);

        /**
         * Hears that book.yaml and the fonts have been read, before any piece is: {@code book} has their answers and
         * no chapters (its date and handouts are not final either), so that work which needs nothing else (drawing
         * the cover, reading the citation style) can begin on other threads while the pieces are read. Not called
         * when book.yaml cannot be read. An SVG cover is in {@code book} only once it passed its check, and the call
         * may come from the thread that checked it, before {@link #read} returns. Must return at once and throw
         * nothing.
         */
        default void begun(Book book) {
        }
    }

    private final Path root;
    private final Diagnostics diags;
    private final PieceCache cache;
    private final Listener listener;

    public BookReader(Path root, Diagnostics diags) {
        this(root, diags, PieceCache.none(), (done, total) -> { });
    }

    /**
     * @param cache    pieces kept from earlier builds of a session ({@link PieceCache#none()} for none)
     * @param listener hears the pieces being read (from several threads, one call at a time)
     */
    public BookReader(Path root, Diagnostics diags, PieceCache cache, Listener listener) {
        this.root = root.toAbsolutePath().normalize();
        this.diags = diags;
        this.cache = cache;
        this.listener = listener;
    }

    /** The book, or empty when it has errors that leave nothing to render. */
    public Optional<Book> read() {
        cache.begin();
        ManifestReader manifestReader = new ManifestReader(root, diags);
        try {
            return readBook(manifestReader);
        } finally {
            // An SVG cover's problem is reported whatever else went wrong (reported once).
            if (manifestReader.coverCheck() != null) {
                manifestReader.coverCheck().report(diags);
            }
            cache.end();
        }
    }

    private Optional<Book> readBook(ManifestReader manifestReader) {
        Optional<Manifest> manifest = manifestReader.read();
        Path chaptersDir = root.resolve(CHAPTERS);
        if (!Files.isDirectory(chaptersDir)) {
            diags.report(MessageId.CH_001, SourceRef.of(Path.of(CHAPTERS)), root);
            return Optional.empty();
        }
        // The fonts first: with book.yaml they are all that some of the build's work needs (see Listener.begun).
        List<FontFace> fonts = manifest.isPresent() ? FontScanner.scan(root.resolve("fonts"), root, diags)
                : List.of();
        // An SVG cover is checked on a thread of its own: the listener hears of the book when the verdict is in
        // (on that thread, or here when it is already in), without the cover when it failed.
        CoverCheck coverCheck = manifestReader.coverCheck();
        CompletableFuture<Void> begun = manifest.map(m -> (coverCheck == null
                        ? CompletableFuture.completedFuture(true) : coverCheck.usable())
                .thenAccept(usable -> listener.begun(new Book(root, usable ? m.meta() : m.meta().withCover(null),
                        List.of(), fonts))))
                .orElse(CompletableFuture.completedFuture(null));
        List<String> defaultAuthors = manifest.map(m -> m.meta().authors()).orElse(List.of());
        List<Folder> folders = readFolders(chaptersDir, defaultAuthors);
        begun.join(); // what the listener began is taken after reading; it must have begun
        if (manifest.isEmpty()) {
            return Optional.empty();
        }
        boolean coverUsable = coverCheck == null || coverCheck.report(diags);
        List<Chapter> chapters = manifest.get().chapters().isEmpty()
                ? chaptersFromFolders(folders)
                : new ChapterSelector(folders, diags).select(manifest.get().chapters());
        chapters = uniqueSlugs(chapters);
        if (chapters.stream().allMatch(c -> c.pieces().isEmpty())) {
            diags.report(MessageId.CH_005, SourceRef.of(Path.of(CHAPTERS)));
            return Optional.empty();
        }
        BookMeta meta = manifest.get().meta()
                .withHandouts(new HandoutSelector(chapters, diags).select(manifest.get().handouts(), manifest.get().meta()));
        if (!coverUsable) {
            meta = meta.withCover(null);
        }
        if (!manifest.get().dateGiven()) {
            meta = meta.withDate(latest(chapters));
        }
        return Optional.of(new Book(root, meta, chapters, fonts));
    }

    /** A chapter folder as read from disk: its intro file (if any) and all its pieces. */
    record Folder(String name, PieceReader.ChapterIntro intro, List<Piece> pieces, SourceRef source) {

        String title() {
            return intro != null && intro.title() != null ? intro.title() : titleFromName(name);
        }

        int order() {
            return intro != null && intro.order() != null ? intro.order() : Integer.MAX_VALUE;
        }
    }

    private List<Folder> readFolders(Path chaptersDir, List<String> defaultAuthors) {
        record Listing(String name, Path dir, List<Path> pieces, PieceReader.ChapterIntro intro) { }
        List<Listing> listings = new ArrayList<>();
        for (Path dir : list(chaptersDir, Files::isDirectory)) {
            String name = dir.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            List<Path> files = list(dir, p -> Files.isRegularFile(p) && p.toString().endsWith(".md"));
            PieceReader.ChapterIntro intro = files.stream()
                    .filter(p -> p.getFileName().toString().equals(INTRO_FILE))
                    .findFirst().flatMap(p -> cache.intro(root, p, diags)).orElse(null);
            listings.add(new Listing(name, dir, files.stream()
                    .filter(p -> !p.getFileName().toString().startsWith("_")).toList(), intro));
        }
        // Every piece of the book in one parallel stream, so that both cores stay busy to the end.
        record Job(int folder, Path file, String id) { }
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < listings.size(); i++) {
            for (Path p : listings.get(i).pieces()) {
                jobs.add(new Job(i, p, listings.get(i).name() + "/" + stem(p)));
            }
        }
        AtomicInteger done = new AtomicInteger();
        int total = jobs.size();
        listener.piecesRead(0, total);
        List<Optional<Piece>> read = jobs.parallelStream()
                .map(j -> {
                    Optional<Piece> p = cache.read(root, j.file().toAbsolutePath().normalize(), j.id(), defaultAuthors, diags);
                    int n = done.incrementAndGet();
                    synchronized (listener) {
                        listener.piecesRead(n, total);
                    }
                    return p;
                })
                .toList();
        List<List<Piece>> byFolder = new ArrayList<>();
        listings.forEach(l -> byFolder.add(new ArrayList<>()));
        for (int i = 0; i < jobs.size(); i++) {
            read.get(i).ifPresent(byFolder.get(jobs.get(i).folder())::add);
        }
        List<Folder> folders = new ArrayList<>();
        for (int i = 0; i < listings.size(); i++) {
            Listing l = listings.get(i);
            folders.add(new Folder(l.name(), l.intro(), List.copyOf(byFolder.get(i)), SourceRef.of(root.relativize(l.dir()))));
        }
        folders.sort(Comparator.comparingInt(Folder::order).thenComparing(Folder::name));
        return folders;
    }

    private static List<Chapter> chaptersFromFolders(List<Folder> folders) {
        List<Chapter> out = new ArrayList<>();
        for (Folder f : folders) {
            List<Piece> pieces = new ArrayList<>(f.pieces());
            pieces.sort(ChapterSelector.BY_DATE);
            out.add(new Chapter(f.name(), f.title(), f.intro() == null ? List.of() : f.intro().intro(),
                    List.copyOf(pieces), f.source()));
        }
        return out;
    }

    /** Slugs become file names and ids: make every chapter and piece slug unique in the book. */
    private static List<Chapter> uniqueSlugs(List<Chapter> chapters) {
        Set<String> used = new HashSet<>(Set.of("cover", "title", "copyright", "nav", "contents", "style"));
        List<Chapter> out = new ArrayList<>();
        for (Chapter c : chapters) {
            String cs = unique(Slugs.slug(c.slug(), "chapter"), used);
            List<Piece> pieces = new ArrayList<>();
            for (Piece p : c.pieces()) {
                String ps = unique(p.slug(), used);
                pieces.add(ps.equals(p.slug()) ? p
                        : p.withSlug(ps));
            }
            out.add(new Chapter(cs, c.title(), c.intro(), List.copyOf(pieces), c.source()));
        }
        return out;
    }

    private static String unique(String base, Set<String> used) {
        String s = base;
        for (int i = 2; !used.add(s); i++) {
            s = base + "-" + i;
        }
        return s;
    }

    private static LocalDate latest(List<Chapter> chapters) {
        return chapters.stream().flatMap(c -> c.pieces().stream())
                .map(p -> p.meta().date().start())
                .max(Comparator.naturalOrder()).orElse(LocalDate.of(2000, 1, 1));
    }

    static String titleFromName(String folder) {
        String s = folder.replaceFirst("^\\d+[-_. ]*", "").replace('-', ' ').replace('_', ' ').trim();
        if (s.isEmpty()) {
            return folder;
        }
        StringBuilder sb = new StringBuilder();
        for (String w : s.split("\\s+")) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w.substring(0, 1).toUpperCase(Locale.ROOT)).append(w.substring(1));
        }
        return sb.toString();
    }

    private boolean insideBook(Path p) {
        try {
            Path real = p.toRealPath();
            if (real.startsWith(root.toRealPath())) {
                return true;
            }
            diags.report(MessageId.IO_003, SourceRef.of(root.relativize(p.toAbsolutePath().normalize())), real);
        } catch (IOException e) {
            diags.report(MessageId.IO_001, SourceRef.of(root.relativize(p.toAbsolutePath().normalize())), e.getMessage());
        }
        return false;
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        return n.substring(0, n.length() - 3);
    }

    /** The entries of {@code dir} that pass {@code filter}, sorted; links leading outside the book are refused. */
    private List<Path> list(Path dir, java.util.function.Predicate<Path> filter) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(filter).filter(this::insideBook).sorted().toList();
        } catch (IOException e) {
            diags.report(MessageId.IO_001, SourceRef.of(root.relativize(dir)), e.getMessage());
            return List.of();
        }
    }

    /** Used by the selector for "did you mean" style checks of piece ids. */
    static Map<String, Piece> byId(List<Folder> folders) {
        Map<String, Piece> m = new LinkedHashMap<>();
        folders.forEach(f -> f.pieces().forEach(p -> m.put(p.id(), p)));
        return m;
    }

    static Set<String> names(List<Folder> folders) {
        Set<String> s = new LinkedHashSet<>();
        folders.forEach(f -> s.add(f.name()));
        return s;
    }
}
