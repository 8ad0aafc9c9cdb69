package dev.sheaf.core;

import dev.sheaf.render.OutputSink;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Renderers write into a private staging folder inside the output folder; only when the whole build
 * has succeeded is each file moved into place (atomically where the file system allows), so a failed
 * build never leaves a half-written edition and never touches the previous ones. A failed build that had to
 * make the output folder (and folders above it) removes them again when they are still empty.
 */
final class StagedOutput implements OutputSink, AutoCloseable {

    private final Path outDir;
    private final Path staging;
    /** The first folder on the way to {@link #outDir} that this build made ({@code outDir} or above), or null. */
    private final Path made;
    private volatile boolean committed;
    private final List<String> files = new ArrayList<>();
    /** Files whose bytes are already in place in the output folder: not staged, not moved (see {@link #write}). */
    private final java.util.Set<String> inPlace = new java.util.HashSet<>();
    /** The format that wrote each file (see {@link #forFormat}). */
    private final Map<String, String> formats = new LinkedHashMap<>();

    /** Set by {@link #abandon}: every later write fails, so that a renderer stops at its next write. */
    private volatile boolean abandoned;
    /** Whether nobody waits for this build any more ({@link BuildRequest#cancelled()}): the same as abandoned. */
    private volatile java.util.function.BooleanSupplier cancelled = () -> false;

    /** What the session's earlier builds left in place (see {@link PlacedFiles}). */
    private final PlacedFiles placed;
    /** The bytes of each file written whole ({@link #write}), to note in {@link #placed} once committed. */
    private final Map<String, byte[]> bytesOf = new java.util.HashMap<>();
    /** The attributes of the files {@link #write} found in place. */
    private final Map<String, java.nio.file.attribute.BasicFileAttributes> foundInPlace = new java.util.HashMap<>();

    StagedOutput(Path outDir) throws IOException {
        this(outDir, PlacedFiles.none());
    }

    StagedOutput(Path outDir, PlacedFiles placed) throws IOException {
        this.outDir = outDir;
        this.placed = placed;
        this.made = firstMissing(outDir.toAbsolutePath().normalize());
        Files.createDirectories(outDir);
        this.staging = Files.createTempDirectory(outDir, ".sheaf-staging-");
    }

    /** The topmost folder of {@code dir}'s path that does not exist, or null when {@code dir} does. */
    private static Path firstMissing(Path dir) {
        Path missing = null;
        for (Path p = dir; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    @Override
    public OutputStream create(String relativePath) throws IOException {
        return create(relativePath, "");
    }

    /** The sink of renderer {@code format}: the files it writes are noted as that format's. */
    OutputSink forFormat(String format) {
        return new OutputSink() {
            @Override
            public OutputStream create(String relativePath) throws IOException {
                return StagedOutput.this.create(relativePath, format);
            }

            @Override
            public void write(String relativePath, byte[] data) throws IOException {
                StagedOutput.this.write(relativePath, data, format);
            }

            @Override
            public Map<String, Long> written() throws IOException {
                return StagedOutput.this.written();
            }

            @Override
            public InputStream open(String relativePath) throws IOException {
                return StagedOutput.this.open(relativePath);
            }
        };
    }

    @Override
    public void write(String relativePath, byte[] data) throws IOException {
        write(relativePath, data, "");
    }

    /**
     * Writes a whole file, or leaves the file in the output folder as it is when it already holds exactly
     * {@code data}: a rebuild of a large site then writes and renames the few pages that changed, not thousands
     * (on ext4, two seconds for 2,000 pages against a third of a second to read and compare them), and unchanged
     * files keep their modification times. A failed build changes nothing either way.
     */
    private void write(String relativePath, byte[] data, String format) throws IOException {
        checkAbandoned();
        synchronized (this) {
            // Paths that leave the output folder go on to create(), which refuses them.
            boolean inside = staging.resolve(relativePath).normalize().startsWith(staging) && !relativePath.startsWith("/");
            Path file = outDir.resolve(relativePath);
            java.nio.file.attribute.BasicFileAttributes a = inside && !formats.containsKey(relativePath)
                    ? attributes(file) : null;
            // A file a build of the session left in place with this very array needs no reading (see PlacedFiles).
            if (a != null && a.isRegularFile() && a.size() == data.length
                    && (placed.holds(file, data, a) || sameBytes(file, data))) {
                files.add(relativePath);
                formats.put(relativePath, format);
                inPlace.add(relativePath);
                bytesOf.put(relativePath, data);
                foundInPlace.put(relativePath, a);
                return;
            }
        }
        try (OutputStream os = create(relativePath, format)) {
            os.write(data);
        }
        synchronized (this) {
            bytesOf.put(relativePath, data);
        }
    }

    /** The attributes of {@code file} (not following a link), or null when it cannot be read. */
    private static java.nio.file.attribute.BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether {@code file} (a regular file of {@code data}'s size) holds exactly {@code data}. */
    private static boolean sameBytes(Path file, byte[] data) {
        try {
            return java.util.Arrays.equals(Files.readAllBytes(file), data);
        } catch (IOException e) {
            return false;
        }
    }

    /** Every file staged so far (its path in the output folder) and the format that wrote it. */
    synchronized Map<String, String> formats() {
        return new LinkedHashMap<>(formats);
    }

    /**
     * A file written as a stream is staged like any other; once closed, it is compared with the file in place and,
     * when the bytes are the same, dropped from the staging folder and left in place as {@link #write} does (a
     * rebuild then does not rename an unchanged PDF or the site's copy of it into place again).
     */
    private synchronized OutputStream create(String relativePath, String format) throws IOException {
        Path target = staging.resolve(relativePath).normalize();
        if (!target.startsWith(staging) || relativePath.startsWith("/")) {
            throw new IOException("output path leaves the output folder: " + relativePath);
        }
        checkAbandoned();
        Files.createDirectories(target.getParent());
        files.add(relativePath);
        formats.put(relativePath, format);
        inPlace.remove(relativePath);
        bytesOf.remove(relativePath);
        foundInPlace.remove(relativePath);
        return new java.io.FilterOutputStream(Files.newOutputStream(target)) {
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                checkAbandoned();
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                checkAbandoned();
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                super.close();
                settle(relativePath, target);
            }
        };
    }

    /**
     * Gives the build up from any thread: the renderers writing into this folder fail at their next write (a PDF
     * edition within a page or a part of the book), and nothing of it is committed. For a full build whose text a
     * later quick step has replaced (see {@link Rebuilds}), and for a session that stops.
     */
    void abandon() {
        abandoned = true;
    }

    /** Gives the build up as soon as {@code whether} becomes true. */
    void abandonWhen(java.util.function.BooleanSupplier whether) {
        this.cancelled = whether;
    }

    boolean abandoned() {
        return abandoned || cancelled.getAsBoolean();
    }

    private void checkAbandoned() throws IOException {
        if (abandoned()) {
            throw new Abandoned();
        }
    }

    /** What a write into an abandoned staging folder throws. */
    static final class Abandoned extends IOException {
        Abandoned() {
            super("the build was given up for a newer one");
        }
    }

    /** Leaves {@code relativePath} in place when the file there holds what was just staged at {@code staged}. */
    private synchronized void settle(String relativePath, Path staged) throws IOException {
        Path placed = outDir.resolve(relativePath);
        if (sameFile(placed, staged)) {
            Files.delete(staged);
            inPlace.add(relativePath);
        }
    }

    /** Whether {@code placed} is a regular file (not a link) with the same bytes as {@code staged}. */
    private static boolean sameFile(Path placed, Path staged) {
        try {
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(placed,
                    java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() && a.size() == Files.size(staged) && Files.mismatch(placed, staged) == -1;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized Map<String, Long> written() throws IOException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String rel : files) {
            sizes.put(rel, Files.size(where(rel)));
        }
        return sizes;
    }

    @Override
    public synchronized InputStream open(String relativePath) throws IOException {
        if (!files.contains(relativePath)) {
            throw new NoSuchFileException(relativePath);
        }
        return Files.newInputStream(where(relativePath));
    }

    /** Where a written file is now: in the staging folder, or already in place. */
    private Path where(String rel) {
        return inPlace.contains(rel) ? outDir.resolve(rel) : staging.resolve(rel);
    }

    /**
     * A folder inside the staging folder for files that are not output (the build cache's new entries): never
     * moved into place by {@link #commit()}, removed with the staging folder.
     */
    Path scratch() throws IOException {
        return Files.createDirectories(staging.resolve(".sheaf-scratch"));
    }

    /** Moves every staged file into the output folder; returns the final paths. */
    List<Path> commit() throws IOException {
        committed = true;
        List<Path> written = new ArrayList<>();
        for (String rel : files) {
            Path from = staging.resolve(rel);
            Path to = outDir.resolve(rel);
            if (inPlace.contains(rel)) {
                written.add(to);
                note(rel, to, foundInPlace.get(rel));
                continue;
            }
            Files.createDirectories(to.getParent());
            try {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
            written.add(to);
            note(rel, to, null);
        }
        return written;
    }

    /** Notes in {@link #placed} what {@code to} now holds, when it was written whole; else forgets it. */
    private void note(String rel, Path to, java.nio.file.attribute.BasicFileAttributes known) {
        byte[] data = bytesOf.get(rel);
        java.nio.file.attribute.BasicFileAttributes a = data == null ? null : known != null ? known : attributes(to);
        if (a != null) {
            placed.placed(to, data, a);
        } else {
            placed.forget(to);
        }
    }

    /**
     * Removes the staging folder and whatever is left in it; after a build that wrote nothing into place, also the
     * folders it made for its output, from the output folder up, as long as they are empty.
     */
    @Override
    public void close() throws IOException {
        if (Files.exists(staging)) {
            try (Stream<Path> walk = Files.walk(staging)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        if (!committed && made != null) {
            for (Path p = outDir.toAbsolutePath().normalize(); p != null && p.startsWith(made); p = p.getParent()) {
                try {
                    Files.deleteIfExists(p);
                } catch (DirectoryNotEmptyException e) {
                    return; // something else is in it now: another build's, or the user's
                }
            }
        }
    }
}
