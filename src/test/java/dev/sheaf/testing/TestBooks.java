package dev.sheaf.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Book folders for tests: fixtures copied out of test resources, or small books written on the spot. */
public final class TestBooks {

    private TestBooks() { }

    /** Copies {@code src/test/resources/books/<name>} into {@code dir} and returns the copy. */
    public static Path copy(String name, Path dir) {
        try {
            Path src = Path.of(TestBooks.class.getResource("/books/" + name).toURI());
            Path dst = dir.resolve(name);
            try (Stream<Path> walk = Files.walk(src)) {
                for (Path p : walk.toList()) {
                    Path t = dst.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t);
                    }
                }
            }
            return dst;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The smallest valid book: book.yaml plus the given pieces ({@code path, content} pairs). */
    public static Path minimal(Path dir, String... pathsAndContents) {
        write(dir, "book.yaml", "title: Test Book\nauthor: Test Author\nlanguage: en\n");
        for (int i = 0; i + 1 < pathsAndContents.length; i += 2) {
            write(dir, pathsAndContents[i], pathsAndContents[i + 1]);
        }
        return dir;
    }

    public static Path write(Path dir, String path, String content) {
        return write(dir, path, content.getBytes(StandardCharsets.UTF_8));
    }

    public static Path write(Path dir, String path, byte[] content) {
        try {
            Path p = dir.resolve(path);
            Files.createDirectories(p.getParent());
            Files.write(p, content);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A piece with the given front matter lines and body. */
    public static String piece(String frontMatter, String body) {
        return "---\n" + frontMatter + (frontMatter.endsWith("\n") ? "" : "\n") + "---\n\n" + body + "\n";
    }
}
