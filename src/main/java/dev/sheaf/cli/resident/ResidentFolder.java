package dev.sheaf.cli.resident;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The folder where resident build processes listen: {@code $XDG_RUNTIME_DIR/sheaf}, or else
 * {@code <java.io.tmpdir>/sheaf-<user>}. Only its owner may enter it (mode 700), so only the user who started a
 * resident process can hand it commands: a socket in it is as private as the folder. A folder that exists with any
 * other owner or mode is not used (nothing is then resident; commands run as they always did).
 */
public final class ResidentFolder {

    static final String SOCKET = ".sock";
    static final String LOG = ".log";
    static final String LOCK = ".lock";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path dir;

    private ResidentFolder(Path dir) {
        this.dir = dir;
    }

    /** The folder, made when missing; empty when it cannot be made private to this user. */
    public static Optional<ResidentFolder> open() {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path dir = runtime != null && !runtime.isEmpty() && Files.isDirectory(Path.of(runtime))
                ? Path.of(runtime, "sheaf")
                : Path.of(System.getProperty("java.io.tmpdir"), "sheaf-" + System.getProperty("user.name"));
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isDirectory(dir.getParent())) {
                    return Optional.empty();
                }
                try {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another command made it first: it is checked below like any other
                }
            }
            PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (view == null) {
                // no owner-only mode to rely on (Windows): nothing is resident there
                return Optional.empty();
            }
            PosixFileAttributes a = view.readAttributes();
            boolean mine = a.isDirectory() && a.owner().getName().equals(System.getProperty("user.name"))
                    && a.permissions().equals(OWNER_ONLY);
            return mine ? Optional.of(new ResidentFolder(dir)) : Optional.empty();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The socket of the resident process with this key. */
    Path socket(String key) {
        return dir.resolve(key + SOCKET);
    }

    /** Where that process's own output goes (a JVM's complaint at start, say): the place to look when it fails. */
    Path log(String key) {
        return dir.resolve(key + LOG);
    }

    /** The file whose lock lets one command at a time start the process for a key. */
    Path lock(String key) {
        return dir.resolve(key + LOCK);
    }

    /** The sockets in the folder, one per resident process that is or was listening. */
    List<Path> sockets() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(SOCKET)).sorted().toList());
        }
    }

    /** The key a socket was named for. */
    static String keyOf(Path socket) {
        String name = socket.getFileName().toString();
        return name.substring(0, name.length() - SOCKET.length());
    }

    Path path() {
        return dir;
    }
}
