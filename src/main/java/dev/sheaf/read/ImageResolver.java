package dev.sheaf.read;

import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.SourceRef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks an image reference from a piece: it must be a local file, inside the book folder (after
 * following symbolic links), and really an image. Returns the path relative to the book folder.
 */
final class ImageResolver {

    private final Path root;
    private final Path realRoot;
    private final Diagnostics diags;
    private final java.util.function.Consumer<Path> looked;

    ImageResolver(Path root, Diagnostics diags) {
        this(root, diags, p -> { });
    }

    /** @param looked hears every file an image reference leads to (for caches that must notice it change) */
    ImageResolver(Path root, Diagnostics diags, java.util.function.Consumer<Path> looked) {
        this.looked = looked;
        this.root = root.toAbsolutePath().normalize();
        Path real;
        try {
            real = this.root.toRealPath();
        } catch (IOException e) {
            real = this.root;
        }
        this.realRoot = real;
        this.diags = diags;
    }

    /**
     * @param src     the path as written
     * @param baseDir the folder relative paths are resolved against (absolute)
     */
    Optional<String> resolve(String src, Path baseDir, SourceRef where) {
        String s = src.trim();
        if (s.matches("(?i)^[a-z][a-z0-9+.-]*:.*") || s.startsWith("//")) {
            diags.report(MessageId.IMG_005, where, src);
            return Optional.empty();
        }
        Path p;
        try {
            p = baseDir.resolve(s.replace("%20", " ")).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            diags.report(MessageId.IMG_001, where, src);
            return Optional.empty();
        }
        looked.accept(p);
        if (!p.startsWith(root) || Path.of(s).isAbsolute()) {
            diags.report(MessageId.IMG_002, where, src);
            return Optional.empty();
        }
        if (!Files.isRegularFile(p)) {
            diags.report(MessageId.IMG_001, where, src);
            return Optional.empty();
        }
        try {
            if (!p.toRealPath().startsWith(realRoot)) {
                diags.report(MessageId.IMG_002, where, src);
                return Optional.empty();
            }
        } catch (IOException e) {
            diags.report(MessageId.IMG_001, where, src);
            return Optional.empty();
        }
        Optional<String> type = mediaType(p);
        if (type.isEmpty()) {
            diags.report(MessageId.IMG_003, where, src);
            return Optional.empty();
        }
        Optional<String> problem = ImageTypes.problem(p, type.get());
        if (problem.isPresent()) {
            diags.report(MessageId.IMG_006, where, src, problem.get());
            return Optional.empty();
        }
        if (type.get().equals("image/svg+xml")) {
            // Reading systems and browsers draw it; the PDF, through Batik, may not.
            dev.sheaf.svg.SvgImages.drawProblem(p).ifPresent(why -> diags.report(MessageId.IMG_007, where, src, why));
        }
        return Optional.of(root.relativize(p).toString().replace('\\', '/'));
    }

    /** The media type from the file's first bytes (never from its name), or empty for non-images. */
    static Optional<String> mediaType(Path file) {
        return ImageTypes.of(file);
    }
}
