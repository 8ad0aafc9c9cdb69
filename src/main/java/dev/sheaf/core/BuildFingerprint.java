package dev.sheaf.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A digest of everything a build depends on — book.yaml, chapters/, fonts/, covers/, bibliography and
 * style files, the request's settings and Sheaf's own version — so "nothing changed" can be told
 * without reading the book. Stored next to the editions after a successful build.
 */
public final class BuildFingerprint {

    static final String STATE_FILE = ".sheaf-build-state";

    private BuildFingerprint() { }

    /** The digest of the book folder and the request (the output folder itself is not part of it). */
    public static String of(BuildRequest request, String toolVersion) throws IOException {
        MessageDigest md = sha256();
        Path root = request.bookDir().toAbsolutePath().normalize();
        Path out = request.outDir().toAbsolutePath().normalize();
        update(md, "sheaf " + toolVersion + "\n" + request.formats() + "\n" + request.failOn() + "\n"
                + request.timestamp() + "\n" + request.citationStyle() + "\n");
        for (Path p : inputs(root, out)) {
            update(md, root.relativize(p).toString().replace('\\', '/') + "\n");
            try (InputStream in = Files.newInputStream(p)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * The files of the last successful build into the request's output folder, when it had this
     * fingerprint and all its files are still there; empty otherwise.
     */
    public static java.util.Optional<List<Path>> upToDate(BuildRequest request, String fingerprint) {
        Path state = request.outDir().resolve(STATE_FILE);
        try {
            if (!Files.isRegularFile(state)) {
                return java.util.Optional.empty();
            }
            List<String> lines = Files.readAllLines(state, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(fingerprint)) {
                return java.util.Optional.empty();
            }
            List<Path> files = lines.subList(1, lines.size()).stream().map(request.outDir()::resolve).toList();
            return files.stream().allMatch(Files::isRegularFile) ? java.util.Optional.of(files) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Remembers a successful build: its fingerprint and the files it wrote. */
    public static void record(BuildRequest request, String fingerprint, List<Path> written) throws IOException {
        StringBuilder sb = new StringBuilder(fingerprint).append('\n');
        Path out = request.outDir().toAbsolutePath().normalize();
        for (Path p : written) {
            sb.append(out.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/')).append('\n');
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve(STATE_FILE), sb.toString(), StandardCharsets.UTF_8);
    }

    /** Top-level files that can be inputs (book.yaml, bibliographies, styles, images); logs and poms are not. */
    private static final java.util.Set<String> INPUT_EXTENSIONS = java.util.Set.of("yaml", "yml", "bib", "json", "csl",
            "md", "png", "jpg", "jpeg", "gif", "svg", "ttf", "otf");

    /**
     * Every file the book can be made of, in a stable order: the folders of the book folder (chapters/,
     * fonts/, covers/, images…) and its top-level source files; build output and hidden files are not.
     */
    /**
     * Every input's path, size and modification time, without reading any of them: equal before and after a reading
     * of the book when no input changed meanwhile (a session's full build takes its quick step's reading then).
     * Null when the folder cannot be listed.
     */
    static String stamps(Path root, Path out) {
        StringBuilder sb = new StringBuilder();
        try {
            for (Path p : inputs(root, out)) {
                java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(p,
                        java.nio.file.attribute.BasicFileAttributes.class);
                sb.append(p).append('\t').append(a.size()).append('\t').append(a.lastModifiedTime())
                        .append('\t').append(a.fileKey()).append('\n');
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
        return sb.toString();
    }

    private static List<Path> inputs(Path root, Path out) throws IOException {
        try (Stream<Path> top = Files.list(root)) {
            return top.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().equals("target") && !out.startsWith(p))
                    .filter(p -> Files.isDirectory(p) || INPUT_EXTENSIONS.contains(extension(p)))
                    .flatMap(BuildFingerprint::walk)
                    .filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(out))
                    .sorted()
                    .toList();
        }
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    private static Stream<Path> walk(Path p) {
        try {
            return Files.isDirectory(p) ? Files.walk(p).toList().stream() : Stream.of(p);
        } catch (IOException e) {
            return Stream.of(p);
        }
    }

    private static void update(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
