package dev.sheaf.links;

import dev.sheaf.model.Block;
import dev.sheaf.model.Book;
import dev.sheaf.model.Footnote;
import dev.sheaf.model.Inline;
import dev.sheaf.model.Piece;
import dev.sheaf.model.Walk;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a link inside the book can point at: each piece by its source path, by the names an author's site
 * gives it, and the ids each piece's page carries in every edition — its headings' ids, its notes
 * ({@code fn-N}), its note references ({@code fnref-N}, {@code fnref-N-2} for a second reference). Renderers write
 * exactly these (with a per-piece prefix where pieces share a document). Index anchors are not among them: the
 * model's {@code ix12-piece} is written only by the PDF; the EPUB and the site write {@code ix_12}, and only where
 * their index links; and both number the mentions in reading order, so that any edit before one moves it.
 */
final class LinkTargets {

    private static final Pattern EXTENSION = Pattern.compile("(?i)\\.(md|markdown|mdown|mkd|html?|xhtml|php|aspx?)$");
    private static final Pattern DATE_PREFIX = Pattern.compile("^\\d{4}-\\d{1,2}-\\d{1,2}-");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final Map<String, Piece> bySource = new HashMap<>();
    private final Map<String, List<Piece>> byName = new HashMap<>();
    private final Map<String, Set<String>> ids = new HashMap<>();
    private final Map<String, Map<String, String>> aliases = new HashMap<>();
    /** Each piece's names, by piece id. */
    private final Map<String, LinkCache.Named> named = new HashMap<>();
    /** What each piece's text carries, by piece id. */
    private final Map<String, LinkCache.Found> found = new HashMap<>();

    static LinkTargets of(Book book) {
        return of(book, LinkCache.none());
    }

    /** {@code book}'s targets, with the ids of pieces whose text the previous build of {@code cache} had taken from it. */
    static LinkTargets of(Book book, LinkCache cache) {
        LinkTargets t = new LinkTargets();
        Map<String, LinkCache.Found> found = new HashMap<>();
        int reused = 0;
        for (Piece p : book.pieces()) {
            reused += t.add(p, cache, found) ? 1 : 0;
        }
        cache.keep(found, reused);
        cache.keepNames(t.named);
        return t;
    }

    /** Adds {@code p}; true when its ids were the previous build's. */
    private boolean add(Piece p, LinkCache cache, Map<String, LinkCache.Found> found) {
        Path source = p.source().file();
        LinkCache.Named n = cache.reusableNames(p.id(), source, p.slug());
        if (n == null) {
            n = named(p);
        }
        named.put(p.id(), n);
        bySource.putIfAbsent(n.sourceKey(), p);
        n.names().forEach(name -> byName.computeIfAbsent(name, k -> new ArrayList<>()).add(p));
        LinkCache.Found kept = cache.reusable(p.id(), p.body(), p.footnotes());
        boolean reused = kept != null;
        if (kept == null) {
            kept = find(p);
        }
        ids.put(p.id(), kept.ids());
        aliases.put(p.id(), kept.aliases());
        found.put(p.id(), kept);
        this.found.put(p.id(), kept);
        return reused;
    }

    /** What {@code p}'s file and slug give (see {@link LinkCache.Named}). */
    private static LinkCache.Named named(Piece p) {
        Path source = p.source().file();
        String base = withoutExtension(source.getFileName().toString()).toLowerCase(Locale.ROOT);
        Set<String> names = new LinkedHashSet<>(List.of(base, DATE_PREFIX.matcher(base).replaceFirst(""), p.slug()));
        return new LinkCache.Named(source, p.slug(), withoutExtension(source.normalize().toString().replace('\\', '/')),
                java.util.Collections.unmodifiableSet(names), LinkResolver.dirOf(p.source()));
    }

    /** The folder {@code p}'s relative links start from (see {@link LinkResolver}). */
    Path dir(Piece p) {
        LinkCache.Named n = named.get(p.id());
        return n != null && n.file().equals(p.source().file()) ? n.dir() : LinkResolver.dirOf(p.source());
    }

    /** The ids {@code p}'s text carries, walking all of it. */
    private static LinkCache.Found find(Piece p) {
        Set<String> pieceIds = new LinkedHashSet<>();
        Map<String, String> pieceAliases = new LinkedHashMap<>();
        headings(p.body(), pieceIds, pieceAliases);
        for (Footnote n : p.footnotes()) {
            pieceIds.add("fn-" + n.number());
            headings(n.content(), pieceIds, pieceAliases);
        }
        List<Block> all = new ArrayList<>(p.body());
        p.footnotes().forEach(n -> all.addAll(n.content()));
        boolean[] links = {false};
        Walk.inlines(all, i -> {
            if (i instanceof Inline.NoteRef r) {
                pieceIds.add(r.occurrence() <= 1 ? "fnref-" + r.number() : "fnref-" + r.number() + "-" + r.occurrence());
            } else if (i instanceof Inline.Link) {
                links[0] = true;
            }
        });
        return new LinkCache.Found(p.body(), p.footnotes(), java.util.Collections.unmodifiableSet(pieceIds),
                java.util.Collections.unmodifiableMap(pieceAliases), links[0]);
    }

    /** Heading ids, and each heading's text and id in a loose form ({@link #loose}) as aliases. */
    private static void headings(List<Block> blocks, Set<String> ids, Map<String, String> aliases) {
        for (Block b : blocks) {
            if (b instanceof Block.Heading h) {
                ids.add(h.id());
                aliases.putIfAbsent(loose(h.id()), h.id());
                aliases.putIfAbsent(loose(Walk.text(h.content())), h.id());
            } else if (b instanceof Block.BlockQuote q) {
                headings(q.children(), ids, aliases);
            } else if (b instanceof Block.ListBlock l) {
                l.items().forEach(item -> headings(item, ids, aliases));
            }
        }
    }

    /** The piece whose source is {@code bookRelative} (with any of the extensions a page or source has). */
    Optional<Piece> bySource(Path bookRelative) {
        return Optional.ofNullable(bySource.get(withoutExtension(bookRelative.toString().replace('\\', '/'))));
    }

    /**
     * The one piece a site path or file name names by its last segment ({@code /2021/05/my-post/},
     * {@code 2021-05-03-my-post.html}, {@code ../posts/my-post.md}); empty when none or several do.
     */
    Optional<Piece> byName(String path) {
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isBlank() && !s.equals(".") && !s.equals("..")) {
                segments.add(withoutExtension(s).toLowerCase(Locale.ROOT));
            }
        }
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        int n = segments.size();
        String name = segments.get(n - 1);
        // Collections flattened into chapter folders often name a page after its folder and file:
        // tutorial/first-steps.md became tutorial-first-steps.md, tutorial/index.md tutorial-index.md.
        // The most specific names first: "index" alone names many pages.
        List<String> candidates = new ArrayList<>();
        if (path.endsWith("/")) {
            candidates.add(name + "-index");
        }
        if (n >= 2) {
            candidates.add(segments.get(n - 2) + "-" + name);
            if (name.equals("index") || name.equals("readme")) {
                candidates.add(segments.get(n - 2));
            }
        }
        candidates.add(name);
        candidates.add(DATE_PREFIX.matcher(name).replaceFirst(""));
        for (String candidate : candidates) {
            List<Piece> found = byName.getOrDefault(candidate, List.of()).stream().distinct().toList();
            if (found.size() == 1) {
                return Optional.of(found.get(0));
            }
        }
        return Optional.empty();
    }

    /**
     * The id in {@code piece} that {@code fragment} names: exactly, or loosely (case, accents and punctuation
     * aside, so {@code #Botched_Handling} and GitHub's {@code #botched-handling} both find "Botched handling").
     */
    Optional<String> id(Piece piece, String fragment) {
        Set<String> pieceIds = ids.getOrDefault(piece.id(), Set.of());
        if (pieceIds.contains(fragment)) {
            return Optional.of(fragment);
        }
        return Optional.ofNullable(aliases.getOrDefault(piece.id(), Map.of()).get(loose(fragment)));
    }

    /**
     * Whether {@code piece}'s body or notes may hold a link: false only when they are the very lists in which none was
     * found (see {@link LinkCache.Found#links}).
     */
    boolean mayLink(Piece piece) {
        LinkCache.Found f = found.get(piece.id());
        return f == null || f.body() != piece.body() || f.footnotes() != piece.footnotes() || f.links();
    }

    /** Every id {@code piece} carries, as written without any edition's prefix. */
    Set<String> ids(Piece piece) {
        return ids.getOrDefault(piece.id(), Set.of());
    }

    static String loose(String s) {
        String t = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        return NOT_WORD.matcher(t.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private static String withoutExtension(String name) {
        return EXTENSION.matcher(name).replaceFirst("");
    }
}
