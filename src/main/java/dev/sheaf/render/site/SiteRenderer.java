package dev.sheaf.render.site;

import dev.sheaf.buildcache.BuildCache;
import dev.sheaf.buildcache.CacheKey;
import dev.sheaf.buildcache.ContentDigest;
import dev.sheaf.buildcache.Reuse;
import dev.sheaf.model.Block;
import dev.sheaf.model.Book;
import dev.sheaf.model.Chapter;
import dev.sheaf.model.FontFace;
import dev.sheaf.model.Inline;
import dev.sheaf.model.Piece;
import dev.sheaf.model.ReferenceList;
import dev.sheaf.model.Walk;
import dev.sheaf.render.OutputSink;
import dev.sheaf.render.PieceText;
import dev.sheaf.render.RenderContext;
import dev.sheaf.render.pagelist.PageBreak;
import dev.sheaf.render.pagelist.PrintPageBreaks;
import dev.sheaf.render.pdf.PdfRenderer;
import dev.sheaf.render.Renderer;
import dev.sheaf.render.cover.Covers;
import dev.sheaf.render.cover.TypographicCover;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;

/**
 * The web edition: a static site under {@code site/} that works from the file system and from any
 * static host, with no JavaScript and no request leaving it. A landing page (cover, description,
 * contents, downloads), one page per chapter, piece and back-matter list, the book's own fonts.
 *
 * <p>It runs after the other renderers of the same build and offers for download exactly the files
 * they wrote ({@link OutputSink#written()}), copied into {@code site/downloads/} so that the
 * {@code site/} folder can be published on its own.
 */
public final class SiteRenderer implements Renderer {

    /** The site offers the files of the other editions for download. */
    @Override
    public boolean readsOutput() {
        return true;
    }

    @Override
    public boolean showsCover() {
        return true;
    }

    /** The site's folder inside the output folder. */
    public static final String ROOT = "site/";

    /** The typographic cover of the latest build of this renderer (a watch or serve session): redrawn only when its inputs change. */
    private volatile DrawnCover lastCover;

    private record DrawnCover(dev.sheaf.model.BookMeta meta, List<FontFace> fonts, byte[] png) { }

    /**
     * The piece pages of the latest build (a watch or serve session). A piece's page shows the piece, its
     * chapter, its neighbours in the pager, and from the rest of the book only what {@link PageContext}
     * holds, and where the print edition's pages begin in it; a page whose inputs are all equal is the page
     * written last time.
     */
    private volatile PiecePages lastPieces;

    private record PiecePages(PageContext context, Map<String, PiecePage> pages, Set<String> linked,
                              Map<Object, byte[]> others) { }

    /**
     * A chapter's page: its chapter's slug, title, introduction and number, the list of its pieces, its print page
     * breaks and its neighbours. Kept, like the back-matter pages, when the index anchors written are the same too.
     */
    private record ChapterKey(String slug, String title, List<Block> intro, int number, List<ListedPiece> pieces,
                              List<PageBreak> printPages, SitePages.Page previous, SitePages.Page next) { }

    /** A piece as a list of pieces shows it: its page, title, outlet and date. */
    private record ListedPiece(String path, String title, String outlet, dev.sheaf.model.PieceDate date) { }

    /** A back-matter list's page: the list, its title, its print page breaks and its neighbours. */
    private record BackKey(ReferenceList list, String title, List<PageBreak> printPages, SitePages.Page previous,
                           SitePages.Page next) { }

    private record PiecePage(PageKey key, byte[] html) { }

    private record PageKey(Piece piece, String chapterSlug, String chapterTitle, SitePages.Page previous,
                           SitePages.Page next, List<PageBreak> printPages, List<String> indexAnchors) { }

    /**
     * What every piece page takes from the book as a whole: its metadata (title, author, rights, language and
     * so labels), its folder (images), whether there are downloads (the header links to them), whether it has
     * an index, and the path of every piece (links between pieces).
     */
    private record PageContext(dev.sheaf.model.BookMeta meta, java.nio.file.Path root, boolean downloads,
                               boolean index, Map<String, String> piecePaths) {
        static PageContext of(Book book, List<Downloads.Item> downloads) {
            Map<String, String> paths = new java.util.HashMap<>();
            book.pieces().forEach(p -> paths.put(p.id(), SitePages.piecePath(p)));
            return new PageContext(book.meta(), book.root(), !downloads.isEmpty(), book.index().present(), paths);
        }
    }

    /** The images each piece of the latest build shows (see {@link PieceText}). */
    private volatile PieceText<List<String>> lastImages;

    /** Whether the piece pages are kept for the next build (a session); a single build writes and drops them. */
    private final boolean keep;

    /** A renderer that keeps its pages for the next build. */
    public SiteRenderer() {
        this(true);
    }

    public SiteRenderer(boolean keep) {
        this.keep = keep;
    }

    @Override
    public String id() {
        return "site";
    }

    @Override
    public String description() {
        return "web edition: a static site with every piece and the other editions to download";
    }

    @Override
    public void render(Book book, RenderContext ctx, OutputSink out) throws IOException {
        Map<String, Long> earlier = new LinkedHashMap<>();
        out.written().forEach((path, size) -> {
            if (!path.startsWith(ROOT)) {
                earlier.put(path, size);
            }
        });
        List<Downloads.Item> downloads = Downloads.of(earlier, ctx.baseName(), book.meta().handouts(), ctx.labels());
        for (Downloads.Item d : downloads) {
            try (InputStream in = out.open(d.source()); OutputStream os = out.create(ROOT + d.href())) {
                in.transferTo(os);
            }
        }

        SitePages.Cover cover = cover(book, out, ctx.cache());
        PieceText<List<String>> imagesFound = PieceText.after(keep ? lastImages : null);
        Map<String, String> images = images(book, imagesFound);
        lastImages = keep ? imagesFound : null;
        for (Map.Entry<String, String> image : images.entrySet()) {
            write(out, image.getValue(), Files.readAllBytes(book.root().resolve(image.getKey())));
        }
        List<FontFace> fonts = SiteStyle.fonts(book);
        for (FontFace f : fonts) {
            write(out, SiteStyle.fontHref(f), Files.readAllBytes(book.root().resolve(f.file())));
        }
        write(out, SiteStyle.CSS, SiteStyle.css(fonts));

        // The print edition's page numbers in the margin, so that a seminar can say "page 37" to every reader.
        PrintPageBreaks printPages = PdfRenderer.pageBreaks(book, ctx);
        SitePages pages = new SitePages(book, ctx.labels(), downloads, cover, printPages);
        Map<String, List<PageBreak>> breaks = printPages.byUnit();
        write(out, SitePages.INDEX, pages.landing());
        PiecePages before = lastPieces;
        PiecePages now = new PiecePages(PageContext.of(book, downloads), new java.util.HashMap<>(), pages.linked(),
                new java.util.HashMap<>());
        boolean reuse = before != null && before.context().equals(now.context());
        // The chapters' and back-matter lists' pages list 500 pieces or 2,000 sources each on a large book.
        Map<Object, byte[]> othersBefore = reuse && before.linked().equals(now.linked()) ? before.others() : Map.of();
        BuildCache cache = ctx.cache();
        byte[] shared = cache.enabled() ? sharedInputs(now.context(), printPages) : null;
        int total = 0;
        int reused = 0;
        List<Chapter> chapters = book.chapters();
        for (int i = 0; i < chapters.size(); i++) {
            Chapter c = chapters.get(i);
            int number = i + 1;
            String chapterPath = SitePages.chapterPath(c);
            SitePages.Page[] beside = pages.neighbours(chapterPath);
            ChapterKey chapterKey = new ChapterKey(c.slug(), c.title(), c.intro(), number, c.pieces().stream()
                    .map(p -> new ListedPiece(SitePages.piecePath(p), p.title(), p.meta().outlet(), p.meta().date()))
                    .toList(), breaks.getOrDefault(PrintPageBreaks.unit(c), List.of()), beside[0], beside[1]);
            write(out, chapterPath, other(othersBefore, now, chapterKey, () -> pages.chapter(c, number)));
            for (Piece p : c.pieces()) {
                String path = SitePages.piecePath(p);
                SitePages.Page[] around = pages.neighbours(path);
                PageKey key = new PageKey(p, c.slug(), c.title(), around[0], around[1],
                        breaks.getOrDefault(PrintPageBreaks.unit(p), List.of()), pages.indexAnchorsIn(p));
                PiecePage page = reuse ? before.pages().get(path) : null;
                Optional<CacheKey> cacheKey = shared == null ? Optional.empty()
                        : CacheKey.of("site-page", shared, key);
                total++;
                if (page != null && page.key().equals(key)) {
                    byte[] html = page.html();
                    cacheKey.ifPresent(k -> cache.keep(k, () -> html));
                    reused++;
                } else {
                    Optional<byte[]> cached = cacheKey.flatMap(cache::get);
                    if (cached.isPresent()) {
                        reused++;
                    }
                    page = new PiecePage(key, cached.orElseGet(() -> pages.piece(c, p).getBytes(StandardCharsets.UTF_8)));
                    if (cached.isEmpty()) {
                        byte[] html = page.html();
                        cacheKey.ifPresent(k -> cache.put(k, html));
                    }
                }
                if (keep) {
                    now.pages().put(path, page);
                }
                write(out, path, page.html());
            }
        }
        lastPieces = keep ? now : null;
        cache.count(new Reuse("site", "piece pages", "written", total, reused));
        for (ReferenceList list : book.backMatter()) {
            String backPath = SitePages.backPath(list);
            SitePages.Page[] beside = pages.neighbours(backPath);
            BackKey backKey = new BackKey(list, pages.backTitle(list), breaks.getOrDefault(PrintPageBreaks.unit(list),
                    List.of()), beside[0], beside[1]);
            write(out, backPath, other(othersBefore, now, backKey, () -> pages.back(list)));
        }
        for (Map.Entry<String, String> page : pages.index().entrySet()) {
            write(out, page.getKey(), page.getValue());
        }
    }

    /** The page for {@code key}: from {@code before} when it holds it, else made; kept in {@code now} for a session. */
    private byte[] other(Map<Object, byte[]> before, PiecePages now, Object key, java.util.function.Supplier<String> make) {
        byte[] html = before.get(key);
        if (html == null) {
            html = make.get().getBytes(StandardCharsets.UTF_8);
        }
        if (keep) {
            now.others().put(key, html);
        }
        return html;
    }

    /**
     * What the build cache's key of every piece page holds besides its {@link PageKey}: the {@link PageContext},
     * and whether print page numbers are shown at all.
     */
    private static byte[] sharedInputs(PageContext context, PrintPageBreaks printPages) {
        try {
            return ContentDigest.of(context, printPages.isEmpty());
        } catch (ContentDigest.Undigestible e) {
            return null;
        }
    }

    /** The book's cover, or the typographic cover the EPUB also uses, with its size for the page layout. */
    private SitePages.Cover cover(Book book, OutputSink out, dev.sheaf.buildcache.BuildCache cache) throws IOException {
        byte[] data;
        String href;
        if (book.meta().cover() != null) {
            data = Covers.raster(book, cache);
            href = Covers.mediaType(data).equals("image/jpeg") ? "cover.jpg" : "cover.png";
        } else {
            DrawnCover before = lastCover;
            if (before != null && before.meta().equals(book.meta()) && before.fonts().equals(book.fonts())) {
                data = before.png();
            } else {
                data = Covers.raster(book, cache); // drawn once for the build's editions (see Covers.begin)
                lastCover = new DrawnCover(book.meta(), book.fonts(), data);
            }
            href = "cover.png";
        }
        write(out, href, data);
        int[] size = dimensions(data);
        return new SitePages.Cover(href, size[0], size[1]);
    }

    /** Width and height of an image, read from its header; 2:3 when it cannot be read. */
    private static int[] dimensions(byte[] data) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers != null && readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in);
                    return new int[] {reader.getWidth(0), reader.getHeight(0)};
                } finally {
                    reader.dispose();
                }
            }
        }
        return new int[] {TypographicCover.WIDTH, TypographicCover.HEIGHT};
    }

    /**
     * Every image the pages show (lead images, inline images), book-relative path → path in the site; each piece's
     * taken from {@code kept} when its text is the previous build's.
     */
    private static Map<String, String> images(Book book, PieceText<List<String>> kept) {
        TreeMap<String, String> found = new TreeMap<>();
        for (Piece p : book.pieces()) {
            kept.in(p, SiteRenderer::imagesIn).forEach(path -> found.put(path, imagePath(path)));
        }
        book.chapters().forEach(c -> collect(c.intro(), found));
        return found;
    }

    /** The images piece {@code p} shows, book-relative. */
    private static List<String> imagesIn(Piece p) {
        TreeMap<String, String> found = new TreeMap<>();
        if (p.meta().image() != null) {
            found.put(p.meta().image(), imagePath(p.meta().image()));
        }
        collect(p.body(), found);
        p.footnotes().forEach(n -> collect(n.content(), found));
        collect(p.meta().note(), found);
        Walk.each(p.meta().caption(), i -> add(i, found));
        return List.copyOf(found.keySet());
    }

    private static void collect(List<Block> blocks, Map<String, String> found) {
        Walk.inlines(blocks, i -> add(i, found));
    }

    private static void add(Inline i, Map<String, String> found) {
        if (i instanceof Inline.Image img) {
            found.put(img.resolved(), imagePath(img.resolved()));
        }
    }

    /** Where a book image is stored in the site: under images/, with a file-name-safe name. */
    static String imagePath(String bookRelative) {
        return "images/" + bookRelative.replaceAll("[^A-Za-z0-9._/-]", "-").replace('/', '-');
    }

    private static void write(OutputSink out, String path, String text) throws IOException {
        write(out, path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(OutputSink out, String path, byte[] data) throws IOException {
        out.write(ROOT + path, data);
    }
}
