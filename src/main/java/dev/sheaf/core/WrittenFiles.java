package dev.sheaf.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The files Sheaf has put into an output folder ({@code <out>/.sheaf-written}): each with the format that wrote it
 * and the size and modification time it had once in place. A build removes what an earlier build of the same
 * formats wrote there and it no longer writes — the site's page of a deleted or renamed piece, a handout no longer
 * asked for — and nothing else: a file that is not listed, or that has changed since Sheaf put it in place, is
 * left alone, and so is everything outside the output folder.
 */
final class WrittenFiles {

    static final String FILE = ".sheaf-written";

    private record Stamp(String format, long size, long modified) { }

    private WrittenFiles() { }

    /**
     * Notes the files a build has just put into {@code out} ({@code written}: path inside {@code out} → format)
     * and, when {@code prune}, deletes the files earlier builds of a format in {@code formats} wrote and this one
     * did not. Returns the files deleted. A build that writes only some of its formats (the quick step of a
     * rebuild) passes {@code prune} false: the full build that follows removes what is left over.
     */
    static List<Path> update(Path out, Map<String, String> written, Set<String> formats, boolean prune)
            throws IOException {
        Map<String, Stamp> before = read(out);
        Map<String, Stamp> now = new TreeMap<>();
        List<Path> deleted = new ArrayList<>();
        for (Map.Entry<String, Stamp> e : before.entrySet()) {
            String rel = e.getKey();
            Stamp old = e.getValue();
            if (written.containsKey(rel)) {
                continue;
            }
            Path file = inside(out, rel);
            if (file == null) {
                continue;
            }
            BasicFileAttributes attrs = attributes(file);
            if (attrs == null || !attrs.isRegularFile() || attrs.size() != old.size()
                    || attrs.lastModifiedTime().toMillis() != old.modified()) {
                continue; // gone, or no longer what Sheaf wrote: forgotten, never deleted
            }
            if (prune && formats.contains(old.format())) {
                Files.deleteIfExists(file);
                deleted.add(file);
                removeEmptyFolders(out, file.getParent());
            } else {
                now.put(rel, old);
            }
        }
        for (Map.Entry<String, String> e : written.entrySet()) {
            Path file = inside(out, e.getKey());
            BasicFileAttributes attrs = file == null ? null : attributes(file);
            if (attrs != null && attrs.isRegularFile()) {
                now.put(e.getKey(), new Stamp(e.getValue(), attrs.size(), attrs.lastModifiedTime().toMillis()));
            }
        }
        write(out, now);
        return deleted;
    }

    /** The folders a deleted file leaves empty, up to (not including) the output folder. */
    private static void removeEmptyFolders(Path out, Path dir) throws IOException {
        for (Path d = dir; d != null && d.startsWith(out) && !d.equals(out); d = d.getParent()) {
            try {
                Files.deleteIfExists(d);
            } catch (DirectoryNotEmptyException e) {
                return;
            }
        }
    }

    /** {@code rel} inside {@code out}, or null for a path that leaves it or names Sheaf's own bookkeeping. */
    private static Path inside(Path out, String rel) {
        if (rel.isEmpty() || rel.startsWith("/") || rel.startsWith(".sheaf") || rel.contains("\\")) {
            return null;
        }
        Path file = out.resolve(rel).normalize();
        return file.startsWith(out) && !file.equals(out) ? file : null;
    }

    private static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    /** The list as the last build left it; empty when there is none or it cannot be read. */
    private static Map<String, Stamp> read(Path out) {
        Map<String, Stamp> entries = new TreeMap<>();
        Path file = out.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", 4);
                if (f.length == 4) {
                    entries.put(f[3], new Stamp(f[0], Long.parseLong(f[1]), Long.parseLong(f[2])));
                }
            }
        } catch (IOException | RuntimeException e) {
            return new TreeMap<>(); // a damaged list only means nothing is deleted this time
        }
        return entries;
    }

    /** Format, size, modification time (ms) and path, one file a line; replaced whole, never half-written. */
    private static void write(Path out, Map<String, Stamp> entries) throws IOException {
        StringBuilder sb = new StringBuilder();
        // A name with a tab or a line break cannot be listed: such a file is simply never deleted.
        entries.entrySet().removeIf(e -> e.getKey().indexOf('\t') >= 0 || e.getKey().indexOf('\n') >= 0
                || e.getKey().indexOf('\r') >= 0);
        entries.forEach((rel, s) -> sb.append(s.format()).append('\t').append(s.size()).append('\t')
                .append(s.modified()).append('\t').append(rel).append('\n'));
        Path tmp = Files.createTempFile(out, FILE, ".tmp");
        try {
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, out.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, out.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
