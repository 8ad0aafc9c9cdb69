package dev.sheaf.render.site;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.testing.TestBooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The kitchen-sink book with some of the repository's fonts (the CJK fallback among them: the book has
 * Chinese text), built once per test run with every format, shared by the site's test classes.
 */
final class SiteFixture {

    /** The fonts copied into the book's fonts/ folder from the repository's own. */
    static final List<String> FONTS = List.of("NotoSerif-Regular.ttf", "NotoSerif-Italic.ttf", "NotoSans-Bold.ttf",
            "DroidSansFallbackFull.ttf");

    record Built(Path book, Path out, BuildResult result) {
        Path site() {
            return out.resolve("site");
        }
    }

    private static Built built;
    private static Path tmp;

    private SiteFixture() { }

    static synchronized Built kitchenSink() {
        if (built == null) {
            Path book = book(dir("book"));
            Path out = dir("out");
            BuildResult result = new Sheaf().build(BuildRequest.of(book, out));
            if (!result.success()) {
                throw new IllegalStateException("kitchen-sink did not build: " + result.diagnostics());
            }
            built = new Built(book, out, result);
        }
        return built;
    }

    /** A fresh copy of the kitchen-sink book with the fonts, under {@code parent}. */
    static Path book(Path parent) {
        Path book = TestBooks.copy("kitchen-sink", parent);
        try {
            Files.createDirectories(book.resolve("fonts"));
            for (String f : FONTS) {
                Files.copy(Path.of("fonts", f), book.resolve("fonts").resolve(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return book;
    }

    /** A new folder inside this run's temporary folder, removed when the tests end. */
    static synchronized Path dir(String name) {
        try {
            if (tmp == null) {
                tmp = Files.createTempDirectory("sheaf-site-test-");
                Path root = tmp;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
            }
            return Files.createTempDirectory(tmp, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code dir}, as sorted relative paths with forward slashes. */
    static List<String> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Left for the system's temporary-file cleaning.
        }
    }
}
