package dev.sheaf.buildcache;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Items an earlier build made (compressed EPUB pages, site pages), kept on disk in the output folder's
 * {@value #FOLDER} so that the next build in a new JVM ({@code mvn package}, {@code sheaf build}) makes only what
 * changed. Each entry is a file named by the digest of Sheaf's code identity and its {@link CacheKey}, and
 * carries that name and a CRC-32C of its content: a damaged, truncated, foreign or outdated entry is a miss, never
 * an error. New entries go to a scratch folder inside the build's staging folder and move into the cache only in
 * {@link #commit()}, after the build succeeded; a failed build leaves the cache as it was. The cache holds what the
 * latest build of each kind used, nothing older, so it never grows beyond one book's worth. A folder of that name
 * that Sheaf did not make (no {@value #TAG}) is left alone and the build runs without a cache.
 *
 * <p>Thread-safe: the EPUB's pages are made in parallel.
 */
public final class BuildCache {

    /** The cache's folder inside the output folder. */
    public static final String FOLDER = ".sheaf-cache";
    /** Marks the folder as Sheaf's, and as a cache to backup tools (https://bford.info/cachedir/). */
    static final String TAG = "CACHEDIR.TAG";
    private static final String TAG_TEXT = "Signature: 8a477f597d28d172789f06886806bc55\n"
            + "# This folder is Sheaf's build cache; it is remade as needed and can be deleted.\n";
    private static final byte[] MAGIC = "SHEAF-CACHE 2\n".getBytes(StandardCharsets.US_ASCII);
    /** Larger items are made every time rather than kept. */
    private static final int MAX_ENTRY = 32 << 20;
    private static final int HASH = 32;
    /** The check of an entry's content (see {@link #check}). */
    private static final int CHECK = Integer.BYTES;

    private final Path dir;
    private final Path scratch;
    private final String identity;
    private final Set<String> kinds = ConcurrentHashMap.newKeySet();
    /** Entries the build used or made, as "kind/name". */
    private final Set<String> kept = ConcurrentHashMap.newKeySet();
    private final Set<String> made = ConcurrentHashMap.newKeySet();
    private final List<Reuse> reuse = new ArrayList<>();
    /** Items this build makes once for every edition that asks (see {@link #once}), by key. */
    private final Map<CacheKey, FutureTask<Made>> making = new ConcurrentHashMap<>();

    /** An item as {@link #once} made it, and whether it came from an earlier build. */
    private record Made(byte[] value, boolean earlier) { }

    private BuildCache(Path dir, Path scratch, String identity) {
        this.dir = dir;
        this.scratch = scratch;
        this.identity = identity;
    }

    /** No cache: every item is made, nothing is kept (reuse is still counted). */
    public static BuildCache disabled() {
        return new BuildCache(null, null, "");
    }

    /**
     * The cache of {@code outDir}, for code {@code identity} ({@link #codeIdentity}); new entries are written under
     * {@code scratch} until {@link #commit()}. Disabled when the folder is not Sheaf's.
     */
    public static BuildCache open(Path outDir, String identity, Path scratch) {
        Path dir = outDir.resolve(FOLDER);
        if (Files.exists(dir) && !Files.isRegularFile(dir.resolve(TAG))) {
            return disabled();
        }
        return new BuildCache(dir, scratch, identity);
    }

    public boolean enabled() {
        return dir != null;
    }

    /** The item {@code key} as an earlier build made it, when the cache has it intact. */
    public Optional<byte[]> get(CacheKey key) {
        if (!enabled()) {
            return Optional.empty();
        }
        String name = name(key);
        kinds.add(key.kind());
        Optional<byte[]> found = read(dir.resolve(key.kind()).resolve(name), name);
        if (found.isPresent()) {
            kept.add(key.kind() + "/" + name);
        }
        return found;
    }

    /**
     * Whether an earlier build kept any item of {@code kind}: a hint that this build may find what it needs (work
     * begun early in case it does not can then be skipped), never a promise that it will.
     */
    public boolean holds(String kind) {
        if (!enabled()) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir.resolve(kind))) {
            return files.findAny().isPresent();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Keeps {@code value} as the item {@code key} for later builds (if this build succeeds). */
    public void put(CacheKey key, byte[] value) {
        if (!enabled() || value.length > MAX_ENTRY) {
            return;
        }
        String name = name(key);
        kinds.add(key.kind());
        if (!made.add(key.kind() + "/" + name)) {
            return;
        }
        try {
            Path file = scratch.resolve(key.kind()).resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, entry(name, value));
        } catch (IOException e) {
            made.remove(key.kind() + "/" + name);
        }
    }

    /**
     * Keeps the item {@code key} that this build took from elsewhere (the previous build of a watch session): it
     * stays in the cache, and is written there if it is missing.
     */
    public void keep(CacheKey key, Supplier<byte[]> value) {
        if (!enabled()) {
            return;
        }
        String name = name(key);
        kinds.add(key.kind());
        if (Files.isRegularFile(dir.resolve(key.kind()).resolve(name))) {
            kept.add(key.kind() + "/" + name);
        } else {
            put(key, value.get());
        }
    }

    /**
     * The item {@code key}, made once in this build however many editions ask for it (the SVG cover: the PDF, the EPUB
     * and the site), perhaps begun before any of them asked ({@link #begin}): taken from an earlier build when the
     * cache has it, else made by {@code make} and kept for later builds. Whoever asks first makes it, on their own
     * thread unless {@link #begin} did; the others wait for it and get the same value or the same exception. An item
     * that an earlier build in this JVM made for another output folder is taken from memory ({@link RecentItems}).
     * Works the same when the cache is disabled, which then keeps nothing and makes every item afresh.
     */
    public byte[] once(CacheKey key, Callable<byte[]> make) throws IOException {
        FutureTask<Made> task = making.computeIfAbsent(key, k -> task(k, make));
        task.run(); // nothing when it has run or is running: then it is waited for
        Made made;
        try {
            made = task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + key.kind(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
        if (!made.earlier()) {
            // Kept by whoever asked, in the build's own time: a making begun early may outlive a build that failed.
            put(key, made.value());
        }
        return made.value();
    }

    /**
     * Begins making the item {@code key} on a thread of its own, for {@link #once} to take when an edition asks for
     * it: work that needs only part of the book (book.yaml, the fonts) can run while the pieces are read. Nothing is
     * written from that thread; its failure is thrown to the edition that asks, as if the edition had made it.
     * Nobody waits for it when no edition asks (a build that fails while reading): it runs on a daemon thread.
     */
    public void begin(CacheKey key, Callable<byte[]> make) {
        FutureTask<Made> task = making.computeIfAbsent(key, k -> task(k, make));
        Thread t = new Thread(task, "sheaf-early-" + key.kind());
        t.setDaemon(true);
        t.start();
    }

    /**
     * {@link #begin} for several items, made one after the other on one thread of its own (named {@code thread}):
     * on two cores, one thread per item would only take turns with the reading of the pieces.
     */
    public void beginAll(String thread, Map<CacheKey, Callable<byte[]>> items) {
        List<FutureTask<Made>> tasks = new ArrayList<>();
        items.forEach((key, make) -> tasks.add(making.computeIfAbsent(key, k -> task(k, make))));
        Thread t = new Thread(() -> tasks.forEach(FutureTask::run), thread);
        t.setDaemon(true);
        t.start();
    }

    private FutureTask<Made> task(CacheKey key, Callable<byte[]> make) {
        return new FutureTask<>(() -> {
            Optional<byte[]> earlier = get(key);
            if (earlier.isPresent()) {
                return new Made(earlier.get(), true);
            }
            if (!enabled()) {
                return new Made(make.call(), false);
            }
            // made by an earlier build in this JVM into another folder: kept in this one's cache as if made now
            Optional<byte[]> recent = RecentItems.get(key);
            if (recent.isPresent()) {
                return new Made(recent.get(), false);
            }
            byte[] value = make.call();
            RecentItems.put(key, value);
            return new Made(value, false);
        });
    }

    /** Records what an edition reused; see {@link #reuse()}. */
    public synchronized void count(Reuse r) {
        reuse.add(r);
    }

    /**
     * What this build reused: reading, citations, then the editions in the order of {@link #ORDER} (the handouts are made
     * on a thread of their own and finish before or after the EPUB), others after them, each in the order counted.
     */
    public synchronized List<Reuse> reuse() {
        List<Reuse> out = new ArrayList<>(reuse);
        out.sort(java.util.Comparator.comparingInt(r -> ORDER.indexOf(r.edition()) < 0 ? ORDER.size()
                : ORDER.indexOf(r.edition())));
        return List.copyOf(out);
    }

    /** The order in which {@link #reuse()} tells what was reused, by {@link Reuse#edition()}. */
    private static final List<String> ORDER = List.of("read", "citations", "EPUB", "handouts", "site");

    /**
     * After a successful build: moves the new entries into the cache and removes the entries of the kinds this
     * build used that it did not use. A failure only costs the next build some work.
     */
    public void commit() {
        if (!enabled()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            if (!Files.isRegularFile(dir.resolve(TAG))) {
                Files.writeString(dir.resolve(TAG), TAG_TEXT, StandardCharsets.US_ASCII);
            }
            for (String entry : made) {
                Path to = dir.resolve(entry);
                Files.createDirectories(to.getParent());
                Files.move(scratch.resolve(entry), to, StandardCopyOption.REPLACE_EXISTING);
            }
            for (String kind : kinds) {
                prune(kind);
            }
        } catch (IOException | RuntimeException e) {
            // The cache is an optimisation: the editions are already in place.
        }
    }

    private void prune(String kind) throws IOException {
        Path folder = dir.resolve(kind);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                String entry = kind + "/" + f.getFileName();
                if (!kept.contains(entry) && !made.contains(entry)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** The file name of {@code key}: the digest of the code identity and the key, so other code never sees it. */
    private String name(CacheKey key) {
        MessageDigest md = ContentDigest.sha256();
        md.update((identity + "\n" + key.kind() + "\n" + key.digest()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest());
    }

    /** An entry: magic, its own name, the length, the content, the content's {@link #check}. */
    private static byte[] entry(String name, byte[] value) {
        byte[] id = HexFormat.of().parseHex(name);
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + HASH + Integer.BYTES + value.length + CHECK);
        b.put(MAGIC).put(id).putInt(value.length).put(value).putInt(check(value));
        return b.array();
    }

    /**
     * A CRC-32C of an entry's content. It only has to tell a damaged entry (a torn write, a flipped bit) from an
     * intact one; the entry's name already says which inputs it was made from. A SHA-256 did the same at 20 to 60 ms
     * of CPU per 2 MB in a JVM that has not yet compiled it (a small book's EPUB reads and writes its fonts and cover
     * through the cache), where the CRC takes a millisecond.
     */
    private static int check(byte[] value) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(value);
        return (int) crc.getValue();
    }

    private static Optional<byte[]> read(Path file, String name) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_ENTRY + 256L) {
                return Optional.empty();
            }
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
            byte[] magic = new byte[MAGIC.length];
            byte[] id = new byte[HASH];
            if (b.remaining() < MAGIC.length + HASH + Integer.BYTES + CHECK) {
                return Optional.empty();
            }
            b.get(magic).get(id);
            int length = b.getInt();
            if (!Arrays.equals(magic, MAGIC) || !Arrays.equals(id, HexFormat.of().parseHex(name))
                    || length < 0 || b.remaining() != length + CHECK) {
                return Optional.empty();
            }
            byte[] value = new byte[length];
            b.get(value);
            return b.getInt() == check(value) ? Optional.of(value) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Sheaf's version and the code that makes the items: a jar by its size and time, a classes folder by every
     * class file's, so that a rebuilt snapshot or a changed class never reads a cache made by other code.
     */
    public static String codeIdentity(Class<?> anchor, String version) {
        StringBuilder sb = new StringBuilder(version);
        try {
            CodeSource source = anchor.getProtectionDomain().getCodeSource();
            Path code = source == null ? null : Path.of(source.getLocation().toURI());
            if (code == null) {
                return sb.append(" unknown-code ").append(System.nanoTime()).toString();
            }
            if (Files.isRegularFile(code)) {
                BasicFileAttributes a = Files.readAttributes(code, BasicFileAttributes.class);
                return sb.append(' ').append(code).append(' ').append(a.size()).append(' ')
                        .append(a.lastModifiedTime().toMillis()).toString();
            }
            MessageDigest md = ContentDigest.sha256();
            try (Stream<Path> walk = Files.walk(code)) {
                for (Path p : walk.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    md.update((code.relativize(p) + " " + a.size() + " " + a.lastModifiedTime().toMillis() + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            return sb.append(' ').append(HexFormat.of().formatHex(md.digest())).toString();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Unknown code: a key no other run shares, so the cache is never read wrongly.
            return sb.append(" unknown-code ").append(System.nanoTime()).toString();
        }
    }

    /** For tests: the cache's folder. */
    Path folder() {
        return dir;
    }
}
