package dev.sheaf.render.epub;

import dev.sheaf.buildcache.BuildCache;
import dev.sheaf.buildcache.CacheKey;
import dev.sheaf.buildcache.ContentDigest;
import dev.sheaf.buildcache.Reuse;
import dev.sheaf.model.Block;
import dev.sheaf.model.Book;
import dev.sheaf.model.BookIndex;
import dev.sheaf.model.BookMeta;
import dev.sheaf.model.Chapter;
import dev.sheaf.model.FontFace;
import dev.sheaf.model.Inline;
import dev.sheaf.model.Piece;
import dev.sheaf.model.ReferenceList;
import dev.sheaf.model.Walk;
import dev.sheaf.read.ImageTypes;
import dev.sheaf.render.CjkText;
import dev.sheaf.render.FontRoles;
import dev.sheaf.render.LongDates;
import dev.sheaf.render.OutputSink;
import dev.sheaf.render.PieceText;
import dev.sheaf.render.RenderContext;
import dev.sheaf.render.Renderer;
import dev.sheaf.render.cover.Covers;
import dev.sheaf.render.pagelist.PageBreak;
import dev.sheaf.render.pagelist.PrintPageBreaks;
import dev.sheaf.render.pdf.PdfRenderer;
import dev.sheaf.render.xhtml.IndexXhtml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The EPUB 3 edition: one XHTML document per piece and per chapter opener, a nav document and an NCX,
 * the book's fonts embedded, a cover (given or generated), accessibility metadata.
 */
public final class EpubRenderer implements Renderer {

    static final String ROOT = "EPUB/";
    static final String CSS = "css/book.css";

    /** Kept for the next build by the same renderer (a watch session); replaced, never grown. */
    private volatile PieceDocs lastPieces;
    private volatile DrawnCover lastCover;
    /**
     * The other compressed entries of the latest build (contents, package document, chapter openers, fonts…), by
     * name, with the bytes each was made from: an entry whose bytes are the same is not deflated again.
     */
    private volatile Map<String, Compressed> lastEntries;
    /** The nav document's and the NCX's entries as the latest build wrote them (see {@link NavText}). */
    private volatile NavText lastNav;
    /** The images each piece of the latest build shows (see {@link PieceText}). */
    private volatile PieceText<PieceImages> lastImages;
    /** The chapter openers and back-matter lists of the latest build, by what each was made from (see {@link BookDocs}). */
    private volatile BookDocs lastDocs;

    /** Whether the pages and the cover are kept for the next build (a session); a single build drops them. */
    private final boolean keep;

    /** A renderer that keeps its pages for the next build. */
    public EpubRenderer() {
        this(true);
    }

    public EpubRenderer(boolean keep) {
        this.keep = keep;
    }

    @Override
    public String id() {
        return "epub";
    }

    @Override
    public String description() {
        return "EPUB 3 edition for e-readers";
    }

    @Override
    public boolean showsCover() {
        return true;
    }

    /** Begins deflating the fonts (the largest entries of a small book's EPUB) and the colophon's date. */
    @Override
    public void begin(Book preview, BuildCache cache) {
        FontEntries.begin(preview, cache);
        LongDates.begin(preview.meta().locale());
    }

    @Override
    public void render(Book book, RenderContext ctx, OutputSink out) throws IOException {
        // The PDF edition's page numbers, marked where its pages begin (taken from its layout).
        PrintPageBreaks printPages = PdfRenderer.pageBreaks(book, ctx);
        // Numbered like the print edition when the EPUB carries its page numbers, else by piece title; the pieces
        // get anchors only where a locator links (the first mention on a page, or in a piece).
        IndexXhtml index = !book.index().present() ? null : new IndexXhtml(book.index(), ctx.labels(),
                printPages.isEmpty() ? IndexXhtml.byPiece(book, EpubRenderer::pieceFile)
                        : IndexXhtml.byPrintPage(book, EpubRenderer::pieceFile, printPages::pageOf));
        Set<String> linked = index == null ? Set.of() : index.linkedAnchors();
        EpubPages pages = new EpubPages(book, ctx.labels(), printPages, linked::contains);
        List<EpubItem> items = new ArrayList<>();
        List<String> spine = new ArrayList<>();

        String coverHref;
        byte[] coverBytes;
        String coverType;
        FutureTask<byte[]> drawnCover = null;
        if (book.meta().cover() != null && !Covers.isSvg(book)) {
            coverBytes = Covers.raster(book, ctx.cache());
            coverType = Covers.mediaType(coverBytes);
            coverHref = "images/cover" + (coverType.equals("image/jpeg") ? ".jpg" : ".png");
        } else {
            // Drawn (Java2D or Batik, then PNG) on a thread of its own while the pages are rendered; written last.
            drawnCover = book.meta().cover() != null ? drawSvgCover(book, ctx) : drawCover(book, ctx);
            coverBytes = null;
            coverType = "image/png";
            coverHref = "images/cover.png";
        }
        items.add(new EpubItem("cover-image", coverHref, coverType, coverBytes, "cover-image"));
        addDoc(items, spine, "cover", pages.cover(coverHref), null);
        addDoc(items, spine, "titlepage", pages.titlePage(), null);
        addDoc(items, spine, "copyright", pages.copyrightPage(), null);

        List<TocEntry> toc = new ArrayList<>();
        String navHref = EpubPages.TEXT_DIR + "nav.xhtml";
        // The nav document doubles as the visible contents page, after the copyright page.
        items.add(new EpubItem("nav", navHref, "application/xhtml+xml", null, "nav"));
        spine.add("nav");

        List<Chapter> chapters = book.chapters();
        Map<String, EpubZip.Entry> pieceDocs = renderPieces(pages, book, printPages, linked, ctx.cache());
        BookDocs docsBefore = keep ? lastDocs : null;
        BookDocs docs = new BookDocs(new DocContext(book.meta(), pieceFiles(book), linked, printPages.isEmpty()),
                new java.util.HashMap<>());
        Map<Object, String> reusable = docsBefore != null && docsBefore.context().equals(docs.context())
                ? docsBefore.docs() : Map.of();
        Map<String, List<PageBreak>> breaks = printPages.byUnit();
        for (int i = 0; i < chapters.size(); i++) {
            Chapter c = chapters.get(i);
            String file = chapterFile(c);
            int number = i + 1;
            addDoc(items, spine, "ch-" + c.slug(), docs.get(reusable, new OpenerKey(c.slug(), c.title(), c.intro(), number,
                    c.pieces().stream().map(Piece::title).toList(), c.pieces().stream().map(Piece::slug).toList(),
                    breaks.getOrDefault(PrintPageBreaks.unit(c), List.of())), () -> pages.chapterOpener(c, number)), file);
            List<TocEntry> children = new ArrayList<>();
            for (Piece p : c.pieces()) {
                // Written from the compressed entry made by renderPieces.
                items.add(new EpubItem("p-" + p.slug(), EpubPages.TEXT_DIR + pieceFile(p), "application/xhtml+xml",
                        null, null));
                spine.add("p-" + p.slug());
                children.add(new TocEntry(p.title(), pieceFile(p), List.of()));
            }
            toc.add(new TocEntry(c.title(), file, List.copyOf(children)));
        }
        for (ReferenceList list : book.backMatter()) {
            String title = list.title() != null ? list.title() : ctx.labels().get(list.slug());
            String file = backFile(list);
            addDoc(items, spine, "back-" + list.slug(), docs.get(reusable, new ListKey(list, title,
                    breaks.getOrDefault(PrintPageBreaks.unit(list), List.of())), () -> pages.referencePage(list, title)),
                    file);
            toc.add(new TocEntry(title, file, List.of()));
        }
        boolean hasIndex = index != null;
        // The files holding the index's print page breaks, by page label, when it is split into several.
        Map<String, String> indexPageFiles = new java.util.HashMap<>();
        // The index's documents as the package document declares them (EPUB Indexes 1.0, 2.3.2).
        List<String> indexHrefs = new ArrayList<>();
        if (hasIndex) {
            List<IndexXhtml.Part> parts = pages.indexPages(index, IndexXhtml.DOCUMENT_CHARS);
            List<TocEntry> letters = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                addDoc(items, spine, i == 0 ? "index" : "index-" + (i + 1), parts.get(i).markup(), indexFile(i));
                indexHrefs.add(EpubPages.TEXT_DIR + indexFile(i));
                if (parts.size() > 1) {
                    letters.add(new TocEntry(parts.get(i).label(), indexFile(i), List.of()));
                    java.util.regex.Matcher page = PAGE_ID.matcher(parts.get(i).markup());
                    while (page.find()) {
                        indexPageFiles.put(page.group(1), indexFile(i));
                    }
                }
            }
            toc.add(new TocEntry(index.title(), INDEX_FILE, List.copyOf(letters)));
        }
        String firstChapter = chapters.isEmpty() ? "nav.xhtml" : chapterFile(chapters.get(0));
        List<String[]> landmarks = new ArrayList<>(List.of(
                new String[] {"cover", "cover.xhtml", ctx.labels().get("cover")},
                new String[] {"titlepage", "titlepage.xhtml", ctx.labels().get("titlepage")},
                new String[] {"toc", "nav.xhtml#toc", ctx.labels().get("contents")},
                new String[] {"bodymatter", firstChapter, chapters.isEmpty() ? "" : chapters.get(0).title()}));
        if (hasIndex) {
            landmarks.add(new String[] {"index", INDEX_FILE, ctx.labels().get("index")});
        }
        List<String[]> pageList = pageList(book, printPages, indexPageFiles);
        NavText navText = NavText.after(keep ? lastNav : null);
        String nav = NavDocuments.nav(pages, ctx.labels(), toc, landmarks, pageList, navText);
        items.set(indexOf(items, "nav"), new EpubItem("nav", navHref, "application/xhtml+xml",
                nav.getBytes(StandardCharsets.UTF_8), "nav"));
        // The NCX lives next to the package document, so its links carry the text folder.
        List<String[]> ncxPages = pageList.stream().map(p -> new String[] {EpubPages.TEXT_DIR + p[0], p[1]}).toList();
        // By id from a map: searching the items for each spine entry was quadratic (7 % of the samples of a
        // 20,000-piece EPUB build).
        Map<String, String> hrefs = new java.util.HashMap<>();
        items.forEach(item -> hrefs.putIfAbsent(item.id(), item.href()));
        List<String> spineFiles = spine.stream().map(hrefs::get).toList();
        items.add(new EpubItem("ncx", "toc.ncx", "application/x-dtbncx+xml", NavDocuments.ncx(book.meta(),
                ctx.labels().get("pages"), prefixed(toc), ncxPages, spineFiles, navText).getBytes(StandardCharsets.UTF_8),
                null));
        lastNav = keep ? navText : null;

        List<FontFace> fonts = fontsToEmbed(book);
        items.add(new EpubItem("css", CSS, "text/css", css(fonts).getBytes(StandardCharsets.UTF_8), null));
        Map<String, FontFace> fontFiles = new java.util.HashMap<>();
        for (int i = 0; i < fonts.size(); i++) {
            FontFace f = fonts.get(i);
            items.add(new EpubItem("font-" + (i + 1), FontEntries.href(f), fontType(f),
                    Files.readAllBytes(book.root().resolve(f.file())), null));
            fontFiles.put(FontEntries.href(f), f);
        }
        boolean visual = false;
        PieceText<PieceImages> imagesFound = PieceText.after(keep ? lastImages : null);
        Images images = images(book, imagesFound);
        lastImages = keep ? imagesFound : null;
        for (String image : images.paths()) {
            byte[] data = Files.readAllBytes(book.root().resolve(image));
            String type = ImageTypes.of(data, data.length).orElse("application/octet-stream");
            items.add(new EpubItem("img-" + (items.size() + 1), imagePath(image), type, data, null));
            visual = true;
        }

        String opf = PackageDocument.write(book.meta(), ctx.labels(), ctx.timestamp(), items, spine,
                "cover-image", visual || book.meta().cover() != null, images.described(),
                printPages.isEmpty() ? null : printEdition(book, ctx), indexHrefs);
        LocalDateTime time = LocalDateTime.ofInstant(ctx.timestamp(), ZoneOffset.UTC);
        Map<String, Compressed> before = lastEntries;
        Map<String, Compressed> now = new java.util.HashMap<>();
        try (OutputStream os = out.create(ctx.baseName() + ".epub"); EpubZip zip = new EpubZip(os, time)) {
            zip.add(compressed("META-INF/container.xml", CONTAINER.getBytes(StandardCharsets.UTF_8), before, now));
            zip.add(compressed(ROOT + "package.opf", opf.getBytes(StandardCharsets.UTF_8), before, now));
            for (EpubItem item : items) {
                EpubZip.Entry piece = item.data() == null ? pieceDocs.get(ROOT + item.href()) : null;
                if (piece != null) {
                    zip.add(piece);
                } else if (item.data() == null && item.id().equals("cover-image")) {
                    // deflated: zlib finds a sixth more to take out of a PNG deflated on its own (rows, 32 KB window)
                    zip.add(compressed(ROOT + item.href(), join(drawnCover), before, now));
                } else if (fontFiles.containsKey(item.href())) {
                    FontFace f = fontFiles.get(item.href());
                    zip.add(compressed(ROOT + item.href(), item.data(), before, now,
                            () -> FontEntries.entry(book, f, ctx.cache())));
                } else {
                    zip.add(compressed(ROOT + item.href(), item.data(), before, now));
                }
            }
        }
        lastEntries = keep ? now : null;
        lastDocs = keep ? docs : null;
    }

    /**
     * The chapter openers and back-matter lists a build wrote, by what each was made from besides the {@link
     * DocContext} they share, so that a rebuild writes again only those an edit changed (the sources list of the
     * 2,000-piece benchmark book has 2,000 entries, and its four openers list 500 pieces each).
     */
    private record BookDocs(DocContext context, Map<Object, String> docs) {
        /** The document for {@code key}: from {@code before} when it holds it, else made. */
        String get(Map<Object, String> before, Object key, java.util.function.Supplier<String> make) {
            String doc = before.get(key);
            if (doc == null) {
                doc = make.get();
            }
            docs.put(key, doc);
            return doc;
        }
    }

    /**
     * What every chapter opener and back-matter list takes from the book as a whole: the metadata (language, so
     * labels), each piece's file (links), the index anchors written, and whether print page numbers are marked.
     */
    private record DocContext(BookMeta meta, Map<String, String> pieceFiles, Set<String> linked, boolean noPrintPages) { }

    /** A chapter opener: its chapter's slug, title, introduction and number, its pieces' titles and slugs, its breaks. */
    private record OpenerKey(String slug, String title, List<Block> intro, int number, List<String> pieceTitles,
                             List<String> pieceSlugs, List<PageBreak> breaks) { }

    /** A back-matter list with its title and breaks. */
    private record ListKey(ReferenceList list, String title, List<PageBreak> breaks) { }

    private static Map<String, String> pieceFiles(Book book) {
        Map<String, String> files = new java.util.HashMap<>();
        book.pieces().forEach(p -> files.put(p.id(), pieceFile(p)));
        return files;
    }

    /** An entry with the bytes it was deflated from. */
    private record Compressed(byte[] plain, EpubZip.Entry entry) { }

    /**
     * {@code bytes} deflated as entry {@code name}, or the previous build's entry when it was made from the same
     * bytes (deflating is the same function of them, so the entry is too); noted in {@code now} for the next build.
     */
    private static EpubZip.Entry compressed(String name, byte[] bytes, Map<String, Compressed> before,
                                            Map<String, Compressed> now) throws IOException {
        return compressed(name, bytes, before, now, () -> EpubZip.deflate(name, bytes, level(name)));
    }

    /** {@link #compressed}, with the entry made by {@code make} when the previous build's cannot be taken. */
    private static EpubZip.Entry compressed(String name, byte[] bytes, Map<String, Compressed> before,
                                            Map<String, Compressed> now, EntryMaker make) throws IOException {
        Compressed old = before == null ? null : before.get(name);
        EpubZip.Entry e = old != null && Arrays.equals(old.plain(), bytes) ? old.entry() : make.make();
        now.put(name, new Compressed(bytes, e));
        return e;
    }

    /**
     * The navigation documents (nav document and NCX) are deflated at zlib's default level (as the fonts are, see
     * {@link FontEntries}), every other entry at the best: with the print edition's page list they are the largest entries (2.3 MB and 1.1 MB for the 2,000-piece
     * benchmark book) and change with every edit in a session, and the best level took 110–120 ms and 65–80 ms to
     * deflate them, against 60 ms and 30 ms, for 3.6 % and 2.7 % smaller entries (7 KB and 3 KB of a 9.4 MB EPUB).
     */
    static int level(String name) {
        return name.equals(ROOT + "toc.ncx") || name.equals(ROOT + EpubPages.TEXT_DIR + "nav.xhtml")
                ? java.util.zip.Deflater.DEFAULT_COMPRESSION : java.util.zip.Deflater.BEST_COMPRESSION;
    }

    private interface EntryMaker {
        EpubZip.Entry make() throws IOException;
    }

    private static final String CONTAINER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
              <rootfiles>
                <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
              </rootfiles>
            </container>
            """;

    /**
     * Pieces are independent documents: rendered and compressed in parallel, keyed by their path in the
     * container. A piece that has not changed since the previous build of this renderer (same piece, same
     * book metadata) is taken as it was compressed then; failing that, from the build cache, whose key holds
     * all a piece's document is made from (see {@link #cacheKey}).
     */
    private Map<String, EpubZip.Entry> renderPieces(EpubPages pages, Book book, PrintPageBreaks printPages,
                                                   Set<String> linked, BuildCache cache) {
        PieceDocs before = lastPieces;
        PieceDocs now = new PieceDocs(book.meta(), printPages, linked, new ConcurrentHashMap<>());
        // A piece's document holds the print edition's page breaks in it, which any piece before it can move: it is
        // reused only when they are the same (the quick step of a rebuild drops those of the edited pieces only);
        // and the index's anchors that are linked to, which the index decides.
        boolean reuse = before != null && before.meta().equals(book.meta()) && before.linked().equals(linked);
        Map<String, List<PageBreak>> breaksBefore = reuse ? before.printPages().byUnit() : Map.of();
        Map<String, List<PageBreak>> breaksNow = reuse ? printPages.byUnit() : Map.of();
        byte[] shared = cache.enabled() ? sharedInputs(book, printPages) : null;
        Map<String, EpubZip.Entry> byPath = new ConcurrentHashMap<>();
        AtomicInteger reused = new AtomicInteger();
        book.pieces().parallelStream().forEach(p -> {
            String unit = PrintPageBreaks.unit(p);
            KeptDoc old = reuse ? before.docs().get(p.id()) : null;
            EpubZip.Entry e = old != null && old.piece().equals(p)
                    && breaksBefore.getOrDefault(unit, List.of()).equals(breaksNow.getOrDefault(unit, List.of()))
                    ? old.entry() : null;
            Optional<CacheKey> key = shared == null ? Optional.empty() : cacheKey(shared, p, printPages, linked);
            if (e != null) {
                EpubZip.Entry kept = e;
                key.ifPresent(k -> cache.keep(k, () -> EpubZip.encode(kept)));
            } else {
                e = key.flatMap(cache::get).flatMap(EpubZip::decode).orElse(null);
            }
            if (e == null) {
                e = EpubZip.deflate(ROOT + EpubPages.TEXT_DIR + pieceFile(p),
                        pages.piece(p).getBytes(StandardCharsets.UTF_8));
                EpubZip.Entry made = e;
                key.ifPresent(k -> cache.put(k, EpubZip.encode(made)));
            } else {
                reused.incrementAndGet();
            }
            now.docs().put(p.id(), new KeptDoc(p, e));
            byPath.put(e.name(), e);
        });
        lastPieces = keep ? now : null;
        cache.count(new Reuse("EPUB", "pages", "compressed", book.pieces().size(), reused.get()));
        return byPath;
    }

    /**
     * What every piece's document takes from the book as a whole: the metadata (title and language, so labels, and
     * the headnote setting), the file of every piece (links between pieces), and whether print page numbers are
     * marked at all.
     */
    private static byte[] sharedInputs(Book book, PrintPageBreaks printPages) {
        Map<String, String> files = new java.util.HashMap<>();
        book.pieces().forEach(p -> files.put(p.id(), pieceFile(p)));
        try {
            return ContentDigest.of(book.meta(), files, printPages.isEmpty());
        } catch (ContentDigest.Undigestible e) {
            return null;
        }
    }

    /**
     * The build cache's key of a piece's compressed document: the book's share, the piece, its print pages and
     * which of its index anchors are linked to.
     */
    private static Optional<CacheKey> cacheKey(byte[] shared, Piece p, PrintPageBreaks printPages, Set<String> linked) {
        return CacheKey.of("epub-page", shared, p, printPages.isEmpty() ? List.of() : printPages.in(PrintPageBreaks.unit(p)),
                IndexXhtml.anchorsIn(p, linked));
    }

    /**
     * The typographic cover, drawn on another thread; the same as the previous build's when the book's
     * metadata and fonts have not changed.
     */
    private FutureTask<byte[]> drawCover(Book book, RenderContext ctx) {
        DrawnCover before = lastCover;
        FutureTask<byte[]> task = new FutureTask<>(() -> {
            if (before != null && before.meta().equals(book.meta()) && before.fonts().equals(book.fonts())) {
                return before.png();
            }
            byte[] png = Covers.raster(book, ctx.cache()); // drawn once for the build's editions (Covers.begin)
            lastCover = new DrawnCover(book.meta(), book.fonts(), png);
            return png;
        });
        Thread t = new Thread(task, "sheaf-cover");
        t.setDaemon(true);
        t.start();
        return task;
    }

    /**
     * The book's SVG cover as a PNG, drawn on another thread (or taken from the build cache): on a small book's
     * first build drawing it was about as long as the rest of the EPUB, which the second core can do meanwhile.
     */
    private static FutureTask<byte[]> drawSvgCover(Book book, RenderContext ctx) {
        FutureTask<byte[]> task = new FutureTask<>(() -> Covers.raster(book, ctx.cache()));
        Thread t = new Thread(task, "sheaf-cover");
        t.setDaemon(true);
        t.start();
        return task;
    }

    private static byte[] join(FutureTask<byte[]> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while drawing the cover", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }

    private record DrawnCover(BookMeta meta, List<FontFace> fonts, byte[] png) { }

    /** The compressed piece documents of the latest build, and the book metadata they were made with. */
    private record PieceDocs(BookMeta meta, PrintPageBreaks printPages, Set<String> linked,
                             Map<String, KeptDoc> docs) { }

    /**
     * A piece's compressed document and the piece it was made from, kept by the piece's id: keyed by the piece
     * itself, every rebuild hashed each piece of the book in depth twice.
     */
    private record KeptDoc(Piece piece, EpubZip.Entry entry) { }

    /** The page list: each printed page whose beginning is marked, as href and label, in page order. */
    private static List<String[]> pageList(Book book, PrintPageBreaks printPages, Map<String, String> indexPageFiles) {
        Map<String, String> files = new java.util.HashMap<>();
        for (Chapter c : book.chapters()) {
            files.put(PrintPageBreaks.unit(c), chapterFile(c));
            c.pieces().forEach(p -> files.put(PrintPageBreaks.unit(p), pieceFile(p)));
        }
        for (ReferenceList list : book.backMatter()) {
            files.put(PrintPageBreaks.unit(list), backFile(list));
        }
        files.put(PrintPageBreaks.INDEX, INDEX_FILE);
        List<String[]> out = new ArrayList<>();
        for (PageBreak b : printPages.breaks()) {
            String file = b.unit().equals(PrintPageBreaks.INDEX)
                    ? indexPageFiles.getOrDefault(b.label(), INDEX_FILE) : files.get(b.unit());
            if (file != null) {
                out.add(new String[] {file + "#" + EpubPages.pageId(b.label()), b.label()});
            }
        }
        return out;
    }

    /**
     * The edition the page numbers come from: the book's ISBN when its identifier is one, else the PDF edition
     * by title and file name.
     */
    private static String printEdition(Book book, RenderContext ctx) {
        String id = book.meta().identifier();
        if (id != null && id.toLowerCase(java.util.Locale.ROOT).startsWith("urn:isbn:")) {
            return id;
        }
        return ctx.labels().get("print.edition", book.meta().title(), ctx.baseName() + ".pdf");
    }

    private static void addDoc(List<EpubItem> items, List<String> spine, String id, String xhtml, String file) {
        String href = EpubPages.TEXT_DIR + (file == null ? id + ".xhtml" : file);
        items.add(new EpubItem(id, href, "application/xhtml+xml", xhtml.getBytes(StandardCharsets.UTF_8), null));
        spine.add(id);
    }

    private static int indexOf(List<EpubItem> items, String id) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException(id);
    }

    /** The NCX lives next to the package document, so its links carry the text folder. */
    private static List<TocEntry> prefixed(List<TocEntry> toc) {
        return toc.stream().map(e -> new TocEntry(e.title(), EpubPages.TEXT_DIR + e.href(), prefixed(e.children())))
                .toList();
    }

    static final String INDEX_FILE = "index.xhtml";
    private static final java.util.regex.Pattern PAGE_ID = java.util.regex.Pattern.compile(
            "epub:type=\"pagebreak\"[^>]* id=\"page-([^\"]+)\"");

    /** The file of the index's document {@code n} (0 is the first): index.xhtml, index-2.xhtml … */
    static String indexFile(int n) {
        return n == 0 ? INDEX_FILE : "index-" + (n + 1) + ".xhtml";
    }

    static String chapterFile(Chapter c) {
        return "ch-" + c.slug() + ".xhtml";
    }

    static String backFile(ReferenceList list) {
        return "back-" + list.slug() + ".xhtml";
    }

    static String pieceFile(Piece p) {
        return p.slug() + ".xhtml";
    }

    /** Where a book image is stored in the container: under images/, with a file-name-safe path. */
    static String imagePath(String bookRelative) {
        return "images/" + bookRelative.replaceAll("[^A-Za-z0-9._/-]", "-").replace('/', '-');
    }

    /** The CJK fallback is large: embed it only when the book has CJK text. */
    private static List<FontFace> fontsToEmbed(Book book) {
        boolean needsCjk = book.fonts().stream().anyMatch(FontFace::cjk) && CjkText.in(book);
        return book.fonts().stream().filter(f -> !f.cjk() || needsCjk).toList();
    }

    private static String fontType(FontFace f) {
        return f.file().toString().toLowerCase(Locale.ROOT).endsWith(".otf") ? "font/otf" : "font/ttf";
    }

    private static String css(List<FontFace> fonts) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (FontFace f : fonts) {
            sb.append("@font-face { font-family: \"").append(f.family()).append("\"; src: url(\"../")
                    .append(FontEntries.href(f)).append("\"); font-style: ").append(f.style())
                    .append("; font-weight: ").append(f.weight()).append("; }\n");
        }
        FontRoles roles = FontRoles.of(fonts);
        try (InputStream in = EpubRenderer.class.getResourceAsStream("book.css")) {
            String base = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return sb + base.replace("$BODY_FONTS$", roles.cssList(roles.body(), "Georgia, serif"))
                    .replace("$HEADING_FONTS$", roles.cssList(roles.headings().or(roles::body), "sans-serif"));
        }
    }

    /**
     * The images of the book, and whether every image of the pieces has a text alternative: only then can the EPUB
     * claim WCAG 2.2 AA, since an image without one fails success criterion 1.1.1 whatever else is right.
     *
     * @param paths every image the pieces and chapter introductions use (lead images and inline images),
     *              book-relative, sorted
     */
    record Images(List<String> paths, boolean described) { }

    /** The book's {@link Images}, in one pass over the text (two cost a rebuild of a large book 10 % of its time). */
    static Images images(Book book) {
        return images(book, PieceText.after(null));
    }

    /** {@link #images(Book)}, each piece's taken from {@code kept} when its text is the previous build's. */
    private static Images images(Book book, PieceText<PieceImages> kept) {
        TreeMap<String, Boolean> found = new TreeMap<>();
        boolean described = true;
        for (Piece p : book.pieces()) {
            PieceImages in = kept.in(p, EpubRenderer::imagesIn);
            in.paths().forEach(path -> found.put(path, true));
            described &= in.described();
        }
        book.chapters().forEach(c -> collect(c.intro(), found));
        return new Images(List.copyOf(found.keySet()), described);
    }

    /** The images a piece shows, and whether those of its text and lead image all have a text alternative. */
    private record PieceImages(List<String> paths, boolean described) { }

    private static PieceImages imagesIn(Piece p) {
        TreeMap<String, Boolean> found = new TreeMap<>();
        boolean[] described = {true};
        java.util.function.Consumer<Inline> inPiece = i -> {
            if (i instanceof Inline.Image img) {
                found.put(img.resolved(), true);
                described[0] &= img.alt() != null && !img.alt().isBlank();
            }
        };
        if (p.meta().image() != null) {
            found.put(p.meta().image(), true);
            described[0] &= p.meta().imageAlt() != null && !p.meta().imageAlt().isBlank();
        }
        Walk.inlines(p.body(), inPiece);
        p.footnotes().forEach(n -> Walk.inlines(n.content(), inPiece));
        collect(p.meta().note(), found);
        return new PieceImages(List.copyOf(found.keySet()), described[0]);
    }

    private static void collect(List<Block> blocks, TreeMap<String, Boolean> found) {
        Walk.inlines(blocks, i -> {
            if (i instanceof Inline.Image img) {
                found.put(img.resolved(), true);
            }
        });
    }
}
