package dev.sheaf.links;

import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.Block;
import dev.sheaf.model.Book;
import dev.sheaf.model.Chapter;
import dev.sheaf.model.Footnote;
import dev.sheaf.model.Inline;
import dev.sheaf.model.Piece;
import dev.sheaf.model.SourceRef;
import dev.sheaf.model.Walk;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Makes every link of the book work in every edition (Book → Book, after citations, before any renderer).
 *
 * <ul>
 *   <li>web and mail addresses are percent-encoded into valid URIs; other schemes are dropped to text;</li>
 *   <li>a link to another piece — its Markdown source ({@code ../letters/grey-zones.md#frag}), its HTML
 *       sibling ({@code grey-zones.html}) or its address on the author's site ({@code /2021/05/post/}) —
 *       becomes an {@link Inline.PieceLink} that each edition turns into its own href;</li>
 *   <li>fragments are checked against the ids the editions write ({@link LinkTargets});</li>
 *   <li>a link whose target is not in the book becomes plain text with a warning, or an absolute link when
 *       {@code base-url:} says where the author's site is.</li>
 * </ul>
 */
public final class LinkResolver {

    private static final Pattern SOURCE_EXTENSION = Pattern.compile("(?i)\\.(md|markdown|mdown|mkd|html?|xhtml)$");

    private final Diagnostics diags;
    private final LinkCache cache;

    public LinkResolver(Diagnostics diags) {
        this(diags, LinkCache.none());
    }

    /** @param cache the ids of pieces found by the previous build of a session (see {@link LinkCache}) */
    public LinkResolver(Diagnostics diags, LinkCache cache) {
        this.diags = diags;
        this.cache = cache;
    }

    public Book process(Book book) {
        LinkTargets targets = LinkTargets.of(book, cache);
        String baseUrl = book.meta().baseUrl();
        List<Chapter> chapters = new ArrayList<>();
        for (Chapter c : book.chapters()) {
            Context chapterCx = new Context(targets, baseUrl, null, dirOf(c.source()), c.source());
            List<Piece> pieces = new ArrayList<>();
            for (Piece p : c.pieces()) {
                Context cx = new Context(targets, baseUrl, p, targets.dir(p), p.source());
                pieces.add(resolved(p, cx));
            }
            chapters.add(new Chapter(c.slug(), c.title(), chapterCx.blocks(c.intro()), List.copyOf(pieces), c.source()));
        }
        return new Book(book.root(), book.meta(), List.copyOf(chapters), book.fonts(), book.citeAs(),
                book.backMatter(), book.index());
    }

    /**
     * {@code p} with its links resolved; {@code p} itself when none of its parts changed (the rewrite keeps
     * unchanged lists), so that a session's caches find the piece they kept by identity.
     */
    private static Piece resolved(Piece p, Context cx) {
        // A body and notes without a link come back as they are: not walked (2,000 pieces on every rebuild).
        boolean walk = cx.targets.mayLink(p);
        boolean same = true;
        List<Footnote> notes = new ArrayList<>(p.footnotes().size());
        for (Footnote n : p.footnotes()) {
            List<Block> content = walk ? cx.blocks(n.content()) : n.content();
            same &= content == n.content();
            notes.add(content == n.content() ? n : new Footnote(n.number(), n.label(), content));
        }
        List<Block> note = cx.blocks(p.meta().note());
        List<Inline> caption = cx.inlines(p.meta().caption());
        List<Block> body = walk ? cx.blocks(p.body()) : p.body();
        List<Inline> citeAs = cx.inlines(p.citeAs());
        if (same && note == p.meta().note() && caption == p.meta().caption() && body == p.body()
                && citeAs == p.citeAs()) {
            return p;
        }
        return new Piece(p.id(), p.slug(), p.source(), p.meta().withNoteAndCaption(note, caption), body,
                List.copyOf(notes), citeAs, p.references());
    }

    /** The folder a source's relative links start from, relative to the book (empty path for the book folder). */
    static Path dirOf(SourceRef source) {
        if (source == null || source.file() == null) {
            return Path.of("");
        }
        Path f = source.file();
        if (!SOURCE_EXTENSION.matcher(f.getFileName() == null ? "" : f.getFileName().toString()).find()) {
            return Path.of("");
        }
        return f.getParent() == null ? Path.of("") : f.getParent();
    }

    /** Resolving the links of one piece (or chapter introduction). */
    private final class Context {
        private final LinkTargets targets;
        private final String baseUrl;
        private final Piece piece;
        private final Path dir;
        private final SourceRef source;

        Context(LinkTargets targets, String baseUrl, Piece piece, Path dir, SourceRef source) {
            this.targets = targets;
            this.baseUrl = baseUrl;
            this.piece = piece;
            this.dir = dir;
            this.source = source;
        }

        List<Block> blocks(List<Block> blocks) {
            return Walk.mapInlines(blocks, this::inline);
        }

        List<Inline> inlines(List<Inline> inlines) {
            return inlines == null ? null : Walk.map(inlines, this::inline);
        }

        private List<Inline> inline(Inline i) {
            return i instanceof Inline.Link l ? resolve(l) : List.of(i);
        }

        private List<Inline> resolve(Inline.Link link) {
            Inline.Link l = named(link);
            String url = l.url().strip();
            SourceRef where = l.where() != null ? l.where() : source;
            if (url.startsWith("//")) {
                url = "https:" + url;
            }
            Optional<String> scheme = Hrefs.scheme(url);
            if (scheme.isPresent()) {
                if (!Hrefs.safeScheme(scheme.get())) {
                    diags.report(MessageId.LINK_003, where, l.url(), scheme.get() + ":");
                    return l.children();
                }
                if (baseUrl != null && url.startsWith(baseUrl) && url.length() > baseUrl.length()) {
                    Optional<Inline> internal = internal("/" + url.substring(baseUrl.length()).replaceFirst("^/+", ""),
                            l, where, true);
                    if (internal.isPresent()) {
                        return List.of(internal.get());
                    }
                }
                return web(url, l, where);
            }
            if (url.startsWith("#")) {
                if (piece == null) {
                    diags.report(MessageId.LINK_001, where, l.url());
                    return l.children();
                }
                String fragment = Hrefs.decode(url.substring(1));
                if (fragment.isEmpty()) {
                    return List.of(new Inline.PieceLink(piece.id(), null, l.title(), l.children()));
                }
                Optional<String> id = targets.id(piece, fragment);
                if (id.isEmpty()) {
                    diags.report(MessageId.LINK_002, where, l.url(), fragment, piece.title(), "its text is printed without the link");
                    return l.children();
                }
                return List.of(new Inline.PieceLink(piece.id(), id.get(), l.title(), l.children()));
            }
            Optional<Inline> internal = internal(url, l, where, false);
            if (internal.isPresent()) {
                return List.of(internal.get());
            }
            String path = url.replaceFirst("[?#].*$", "");
            if (baseUrl != null && !path.isEmpty() && !SOURCE_EXTENSION.matcher(path).find()
                    || baseUrl != null && url.startsWith("/")) {
                // A site path ("/2021/05/post/") is relative to the site, which base-url locates.
                String relative = url.startsWith("/") ? url.replaceFirst("^/+", "") : url;
                return web(URI.create(baseUrl).resolve(Hrefs.encode(relative).orElse("")).toString(), l, where);
            }
            diags.report(MessageId.LINK_001, where, l.url());
            return l.children();
        }

        /**
         * A link without text ({@code [](url)}, an empty HTML anchor) gets one, so that every reader can follow
         * it: the title of the piece it leads to, else its title attribute, else its address.
         */
        private Inline.Link named(Inline.Link l) {
            String text = Walk.text(l.children()).strip();
            boolean hasImage = l.children().stream().anyMatch(i -> i instanceof Inline.Image img && !img.alt().isBlank());
            if (!text.isEmpty() || hasImage) {
                return l;
            }
            String name = l.title() != null && !l.title().isBlank() ? l.title() : l.url().strip();
            String path = l.url().strip().replaceFirst("#.*$", "");
            if (!path.isEmpty() && Hrefs.scheme(path).isEmpty()) {
                try {
                    Optional<Piece> p = targets.bySource(dir.resolve(Hrefs.decode(path)).normalize()).or(() -> targets.byName(path));
                    if (p.isPresent()) {
                        name = p.get().title();
                    }
                } catch (java.nio.file.InvalidPathException e) {
                    // keep the address
                }
            } else if (path.isEmpty() && piece != null) {
                name = l.url().strip().isEmpty() ? piece.title() : name;
            }
            List<Inline> children = new ArrayList<>(l.children());
            children.add(new Inline.Text(name.startsWith("mailto:") ? name.substring(7) : name));
            return new Inline.Link(l.url(), l.title(), List.copyOf(children), l.where());
        }

        /** A link to a piece of the book, when {@code url} (a path, maybe with a fragment) names one. */
        private Optional<Inline> internal(String url, Inline.Link l, SourceRef where, boolean sitePath) {
            int hash = url.indexOf('#');
            String fragment = hash < 0 ? "" : Hrefs.decode(url.substring(hash + 1));
            String path = Hrefs.decode((hash < 0 ? url : url.substring(0, hash)).replaceFirst("\\?.*$", ""));
            if (path.isEmpty()) {
                return Optional.empty();
            }
            Optional<Piece> target = Optional.empty();
            if (!sitePath && !path.startsWith("/")) {
                try {
                    target = targets.bySource(dir.resolve(path).normalize());
                } catch (java.nio.file.InvalidPathException e) {
                    target = Optional.empty();
                }
            }
            if (target.isEmpty() && !sitePath && !path.startsWith("/")) {
                try {
                    // The path as it lies in the book keeps the folder a flattened page was named after.
                    target = targets.byName(dir.resolve(path).normalize().toString().replace('\\', '/'));
                } catch (java.nio.file.InvalidPathException e) {
                    target = Optional.empty();
                }
            }
            if (target.isEmpty()) {
                target = targets.byName(path);
            }
            if (target.isEmpty()) {
                return Optional.empty();
            }
            Piece p = target.get();
            if (fragment.isEmpty()) {
                return Optional.of(new Inline.PieceLink(p.id(), null, l.title(), l.children()));
            }
            Optional<String> id = targets.id(p, fragment);
            if (id.isEmpty()) {
                diags.report(MessageId.LINK_002, where, l.url(), fragment, p.title(), "the link goes to the start of the piece");
            }
            return Optional.of(new Inline.PieceLink(p.id(), id.orElse(null), l.title(), l.children()));
        }

        private List<Inline> web(String url, Inline.Link l, SourceRef where) {
            Optional<String> encoded = Hrefs.encode(url);
            if (encoded.isEmpty()) {
                diags.report(MessageId.LINK_003, where, l.url(), "not a valid address");
                return l.children();
            }
            return List.of(new Inline.Link(encoded.get(), l.title(), l.children(), l.where()));
        }
    }
}
