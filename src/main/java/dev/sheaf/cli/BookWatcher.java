package dev.sheaf.cli;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Tells when a book's sources change, from the operating system's file events (inotify, FSEvents…), so
 * that a rebuild starts a moment after an editor saves. Every folder of the book is watched except the
 * output folder, {@code target/} and dot-folders ({@code .git}); dot-files and backup files ending in
 * {@code ~} do not count as changes. Folders created later are watched as they appear.
 */
final class BookWatcher implements AutoCloseable {

    private final Path root;
    private final List<Path> ignored;
    private final WatchService service;
    private final Map<WatchKey, Path> keys = new ConcurrentHashMap<>();

    BookWatcher(Path root, List<Path> ignored) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.ignored = ignored.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.service = FileSystems.getDefault().newWatchService();
        register(this.root);
    }

    /**
     * Waits for a change, then for {@code settleMillis} without further events (an editor's save is
     * often several writes), and returns the changed files relative to the book folder.
     */
    Set<String> awaitChange(long settleMillis) throws InterruptedException {
        Set<String> changed = new TreeSet<>();
        try {
            WatchKey key = service.take();
            while (key != null) {
                handle(key, changed);
                key = service.poll(settleMillis, TimeUnit.MILLISECONDS);
            }
        } catch (ClosedWatchServiceException e) {
            throw new InterruptedException("watcher closed");
        }
        return changed;
    }

    private void handle(WatchKey key, Set<String> changed) {
        Path dir = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
                changed.add("(many files)");
                continue;
            }
            Path file = dir.resolve((Path) event.context());
            if (skipped(file)) {
                continue;
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(file)) {
                try {
                    register(file);
                } catch (IOException e) {
                    // It vanished again, or cannot be read: nothing to watch.
                }
            }
            changed.add(root.relativize(file).toString().replace('\\', '/'));
        }
        if (!key.reset()) {
            keys.remove(key);
        }
    }

    private boolean skipped(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") || name.endsWith("~") || ignored.stream().anyMatch(p::startsWith)
                || p.startsWith(root.resolve("target"));
    }

    private void register(Path start) throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && skipped(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                keys.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE), dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
