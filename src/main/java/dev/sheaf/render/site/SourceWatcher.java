package dev.sheaf.render.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells when a book's sources change, by polling (brought forward and settled by file-system events where
 * there are any): every interval it lists the files under the book
 * folder with their sizes and modification times, and once a change has settled (two polls agree)
 * it runs the callback on its own thread, never two at once. Polling works the same on every file
 * system, network and container mounts included, where file-system events are unreliable.
 *
 * <p>Skipped: the given folders (the output), the book's {@code target/}, dot-files and dot-folders
 * ({@code .git}, editors' swap files) and backup files ending in {@code ~}.
 */
public final class SourceWatcher implements AutoCloseable {

    private final Path root;
    private final List<Path> ignored;
    private final Duration interval;
    private final Runnable onChange;
    private final ScheduledExecutorService executor;
    private Map<String, Stamp> settled;
    private Map<String, Stamp> previous;
    /** The files added or changed in the latest change (not those deleted), for the callback to look at. */
    private volatile List<Path> lastChanged = List.of();

    public SourceWatcher(Path root, List<Path> ignored, Duration interval, Runnable onChange) {
        this.root = root.toAbsolutePath().normalize();
        this.ignored = ignored.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.interval = interval;
        this.onChange = onChange;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sheaf-watch");
            t.setDaemon(true);
            return t;
        });
    }

    /** Takes the first listing now (so later changes are noticed) and starts polling. */
    public SourceWatcher start() {
        settled = snapshot();
        previous = settled;
        long ms = Math.max(1, interval.toMillis());
        executor.scheduleWithFixedDelay(this::poll, ms, ms, TimeUnit.MILLISECONDS);
        listen();
        return this;
    }

    /**
     * How long the file system must have been quiet (no event) before a listing is taken and trusted on its own: an
     * editor's save is a burst of writes and renames a few milliseconds apart.
     */
    static final long EVENT_QUIET_MILLIS = 30;

    private volatile WatchService events;
    private final AtomicBoolean nudged = new AtomicBoolean();
    /** When the latest file-system event came ({@link System#nanoTime()}). */
    private volatile long lastEvent;

    /**
     * Where the file system reports changes (inotify, FSEvents…), an event brings the next listing forward to 30 ms
     * after the last event of its burst; that listing alone settles the change when no event came while it was taken
     * (the events say the files are quiet), so a saved piece is seen about 30 ms after the save instead of after two
     * listings 50 ms apart (until 2026-12-03) or one to two polling intervals. Polling goes on beside it and still
     * needs two listings that agree, so a mount without events works as before.
     */
    private void listen() {
        WatchService service;
        try {
            service = root.getFileSystem().newWatchService();
            register(service, root);
        } catch (IOException | UnsupportedOperationException e) {
            return;
        }
        events = service;
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    WatchKey key = service.take();
                    lastEvent = System.nanoTime();
                    Path dir = (Path) key.watchable();
                    for (WatchEvent<?> e : key.pollEvents()) {
                        if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && e.context() instanceof Path name
                                && Files.isDirectory(dir.resolve(name))) {
                            register(service, dir.resolve(name));
                        }
                    }
                    key.reset();
                    nudge(EVENT_QUIET_MILLIS);
                }
            } catch (InterruptedException | ClosedWatchServiceException | IOException e) {
                // Closed, or a folder could not be watched: polling carries on alone.
            }
        }, "sheaf-watch-events");
        t.setDaemon(true);
        t.start();
    }

    private void nudge(long millis) {
        if (!nudged.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.schedule(this::afterEvents, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Closed.
        }
    }

    /** On the polling thread, once events have come: a listing, as soon as they have been quiet long enough. */
    private void afterEvents() {
        nudged.set(false);
        long quietFor = (System.nanoTime() - lastEvent) / 1_000_000;
        if (quietFor < EVENT_QUIET_MILLIS) {
            nudge(EVENT_QUIET_MILLIS - quietFor);
            return;
        }
        long before = lastEvent;
        try {
            Map<String, Stamp> now = snapshot();
            previous = now;
            if (lastEvent != before) {
                return; // written to while listed: the event's own nudge lists again once quiet
            }
            settle(now);
        } catch (RuntimeException e) {
            // A file vanished mid-listing or the callback failed: the next event or poll tries again.
        }
    }

    private void register(WatchService service, Path start) throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && (ignored.stream().anyMatch(dir::startsWith) || hidden(dir)
                        || dir.equals(root.resolve("target")))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void poll() {
        try {
            Map<String, Stamp> now = snapshot();
            boolean stable = now.equals(previous);
            previous = now;
            if (stable) {
                settle(now);
            }
        } catch (RuntimeException e) {
            // A file vanished mid-listing or the callback failed: try again at the next poll.
        }
    }

    /** {@code now} is a settled listing: runs the callback when it differs from the last one settled. */
    private void settle(Map<String, Stamp> now) {
        if (now.equals(settled)) {
            return;
        }
        List<Path> files = new java.util.ArrayList<>();
        now.forEach((f, stamp) -> {
            if (!stamp.equals(settled.get(f))) {
                files.add(root.resolve(f));
            }
        });
        lastChanged = List.copyOf(files);
        settled = now;
        onChange.run();
    }

    /** A file's size and modification time as a listing sees them. */
    record Stamp(long size, long modifiedNanos) { }

    /** The files added or changed in the change the callback is running for (deleted ones aside). */
    public List<Path> lastChanged() {
        return lastChanged;
    }

    /**
     * Every watched file, relative path → size and modification time. (Numbers, not text: making a date's text of
     * each of 2,000 files' times was most of a listing's cost, taken every half second.)
     */
    Map<String, Stamp> snapshot() {
        Map<String, Stamp> files = new HashMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    boolean skip = ignored.stream().anyMatch(dir::startsWith) || hidden(dir)
                            || dir.equals(root.resolve("target"));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !hidden(file) && !file.getFileName().toString().endsWith("~")
                            && ignored.stream().noneMatch(file::startsWith)) {
                        files.put(root.relativize(file).toString(),
                                new Stamp(attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    @Override
    public void close() {
        WatchService service = events;
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                // Nothing left to release.
            }
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
