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
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells when a book's sources change, by polling (brought forward by file-system events where there are
 * any): every interval it lists the files under the book
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
    private Map<String, String> settled;
    private Map<String, String> previous;

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

    /** How long after a file-system event the listing is taken, and taken again to see that it settled. */
    static final long EVENT_SETTLE_MILLIS = 50;

    private volatile WatchService events;
    private final AtomicBoolean nudged = new AtomicBoolean();

    /**
     * Where the file system reports changes (inotify, FSEvents…), an event only brings the next two
     * listings forward, to 50 and 100 ms after it: a saved piece is noticed at once instead of after one
     * to two intervals, and polling still decides, so a mount without events works as before.
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
                    Path dir = (Path) key.watchable();
                    for (WatchEvent<?> e : key.pollEvents()) {
                        if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && e.context() instanceof Path name
                                && Files.isDirectory(dir.resolve(name))) {
                            register(service, dir.resolve(name));
                        }
                    }
                    key.reset();
                    nudge();
                }
            } catch (InterruptedException | ClosedWatchServiceException | IOException e) {
                // Closed, or a folder could not be watched: polling carries on alone.
            }
        }, "sheaf-watch-events");
        t.setDaemon(true);
        t.start();
    }

    private void nudge() {
        if (!nudged.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.schedule(() -> {
                nudged.set(false);
                poll();
                executor.schedule(this::poll, EVENT_SETTLE_MILLIS, TimeUnit.MILLISECONDS);
            }, EVENT_SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Closed.
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
            Map<String, String> now = snapshot();
            boolean stable = now.equals(previous);
            previous = now;
            if (stable && !now.equals(settled)) {
                settled = now;
                onChange.run();
            }
        } catch (RuntimeException e) {
            // A file vanished mid-listing or the callback failed: try again at the next poll.
        }
    }

    /** Every watched file, relative path → size and modification time. */
    Map<String, String> snapshot() {
        Map<String, String> files = new TreeMap<>();
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
                        files.put(root.relativize(file).toString(), attrs.size() + "@" + attrs.lastModifiedTime());
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
