package dev.sheaf.render.site;

import dev.sheaf.cli.Main;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sheaf serve}: the preview server, the source watcher, and the command that joins them. */
class ServeTest {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Polls {@code check} until it holds or {@code seconds} pass. */
    static boolean eventually(int seconds, Callable<Boolean> check) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (check.call()) {
                return true;
            }
            Thread.sleep(100);
        }
        return check.call();
    }

    @Test
    void serve_builds_the_book_serves_its_site_and_shows_a_changed_piece() throws Exception {
        Path book = TestBooks.copy("kitchen-sink", SiteFixture.dir("serve"));
        Path out = SiteFixture.dir("serve-out");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread serving = new Thread(() -> code.set(Main.execute(new String[] {"serve", book.toString(), "--port", "0",
                "--out", out.toString(), "--format", "site", "--interval", "100"},
                new PrintWriter(stdout, true), new PrintWriter(stderr, true))));
        serving.start();
        try {
            Pattern address = Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+/)");
            assertThat(eventually(120, () -> address.matcher(stdout.toString()).find()))
                    .as(stdout + "\n" + stderr).isTrue();
            Matcher m = address.matcher(stdout.toString());
            assertThat(m.find()).isTrue();
            URI root = URI.create(m.group(1));

            HttpResponse<String> index = get(root);
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(index.body()).contains("Kitchen Sink: Every Feature Once");
            URI piece = root.resolve("pieces/earlier-piece.html");
            assertThat(get(piece).body()).contains("This one came first, so it is ordered first.");
            assertThat(get(root.resolve("site.css")).headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");

            Path source = book.resolve("chapters/01-essays/earlier-piece.md");
            Files.writeString(source, Files.readString(source).replace("This one came first", "This one was revised"));
            assertThat(eventually(120, () -> get(piece).body().contains("This one was revised, so it is ordered first.")))
                    .as(stdout + "\n" + stderr).isTrue();

            // A broken edit keeps the last good site on show and says why.
            Files.writeString(source, "---\ntitle: [unclosed\n---\n\nText.\n");
            assertThat(eventually(120, () -> stderr.toString().contains("still serving the last good build")))
                    .as(stdout + "\n" + stderr).isTrue();
            assertThat(get(piece).body()).contains("This one was revised");
        } finally {
            serving.interrupt();
            serving.join(30_000);
        }
        assertThat(serving.isAlive()).isFalse();
        assertThat(code.get()).isEqualTo(Main.OK);
    }

    @Test
    void after_an_edit_serve_refreshes_the_site_first_and_ends_with_what_a_fresh_build_writes() throws Exception {
        Path book = TestBooks.copy("kitchen-sink", SiteFixture.dir("serve-two-steps"));
        Path out = SiteFixture.dir("serve-two-steps-out");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        Thread serving = new Thread(() -> Main.execute(new String[] {"serve", book.toString(), "--port", "0",
                "--out", out.toString(), "--format", "epub,pdf,site", "--interval", "100"},
                new PrintWriter(stdout, true), new PrintWriter(stderr, true)));
        serving.start();
        try {
            assertThat(eventually(120, () -> stdout.toString().contains("serving "))).as(stdout + "\n" + stderr).isTrue();
            Path source = book.resolve("chapters/01-essays/earlier-piece.md");
            Files.writeString(source, Files.readString(source).replace("This one came first", "This one was revised"));
            // First the site with the quick editions, then the PDF and the site again.
            assertThat(eventually(120, () -> stdout.toString().contains("sheaf: site rebuilt in")))
                    .as(stdout + "\n" + stderr).isTrue();
            assertThat(eventually(120, () -> stdout.toString().split("sheaf: site rebuilt in", -1)[1].contains("sheaf: built in")))
                    .as(stdout + "\n" + stderr).isTrue();
        } finally {
            serving.interrupt();
            serving.join(30_000);
        }
        Path fresh = SiteFixture.dir("serve-two-steps-fresh");
        assertThat(Main.execute(new String[] {"build", book.toString(), "--out", fresh.toString(), "--format",
                "epub,pdf,site", "--quiet"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))).isZero();
        for (String f : List.of("site/index.html", "site/pieces/earlier-piece.html", "kitchen-sink.epub")) {
            assertThat(Files.readAllBytes(out.resolve(f))).as(f).isEqualTo(Files.readAllBytes(fresh.resolve(f)));
        }
        assertThat(Files.readString(out.resolve("site/index.html"))).contains("downloads/kitchen-sink.pdf");
    }

    @Test
    void serve_says_so_when_the_port_is_taken() throws Exception {
        Path book = TestBooks.copy("kitchen-sink", SiteFixture.dir("taken"));
        try (SiteServer other = SiteServer.start(SiteFixture.dir("other"), 0)) {
            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            int code = Main.execute(new String[] {"serve", book.toString(), "--port", Integer.toString(other.port()),
                    "--format", "site"}, new PrintWriter(stdout, true), new PrintWriter(stderr, true));
            assertThat(code).isEqualTo(Main.INPUT_ERRORS);
            assertThat(stderr.toString()).contains("cannot serve on 127.0.0.1:" + other.port())
                    .contains("--port 0");
        }
    }

    @Test
    void serve_rejects_a_port_out_of_range_as_a_usage_error() {
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"serve", ".", "--port", "70000"}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("--port must be between 0 and 65535");
    }

    @Test
    void server_serves_only_files_inside_its_folder() throws Exception {
        Path root = SiteFixture.dir("served");
        Files.writeString(root.resolve("index.html"), "<!DOCTYPE html><title>home</title>");
        Files.createDirectories(root.resolve("pieces"));
        Files.writeString(root.resolve("pieces/a.html"), "piece");
        Files.writeString(root.getParent().resolve("secret.txt"), "secret");
        List<String> missed = Collections.synchronizedList(new ArrayList<>());
        try (SiteServer server = SiteServer.start(root, 0, missed::add)) {
            assertThat(server.uri().toString()).startsWith("http://127.0.0.1:");
            assertThat(get(server.uri()).body()).contains("home");
            assertThat(get(server.uri().resolve("pieces/a.html")).body()).isEqualTo("piece");
            assertThat(get(server.uri().resolve("nothing.html")).statusCode()).isEqualTo(404);
            assertThat(server.resolve("/../secret.txt")).isNull();
            assertThat(server.resolve("/pieces/../../secret.txt")).isNull();
            assertThat(server.resolve("/pieces/")).isNull();
            assertThat(server.resolve("/pieces/a.html")).isEqualTo(root.resolve("pieces/a.html"));
            // Raw request line with a path that climbs out: answered 404, never the file.
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                s.getOutputStream().write(("GET /../secret.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(response).startsWith("HTTP/1.1 404").doesNotContain("secret\n").doesNotEndWith("secret");
            }
            HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(server.uri())
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(missed).contains("/nothing.html");
        }
    }

    @Test
    void watcher_hears_a_change_from_file_system_events_long_before_the_next_poll() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"),
                "inotify: other systems' watch services may themselves poll");
        Path book = TestBooks.copy("kitchen-sink", SiteFixture.dir("evented"));
        AtomicInteger changes = new AtomicInteger();
        try (SourceWatcher watcher = new SourceWatcher(book, List.of(), Duration.ofMinutes(10),
                changes::incrementAndGet).start()) {
            Files.writeString(book.resolve("chapters/02-letters/a-letter.md"), "changed");
            // Polling alone would first look again in ten minutes.
            assertThat(eventually(60, () -> changes.get() == 1)).isTrue();
        }
    }

    @Test
    void watcher_reports_settled_source_changes_and_ignores_the_output_and_hidden_files() throws Exception {
        Path book = TestBooks.copy("kitchen-sink", SiteFixture.dir("watched"));
        Path out = Files.createDirectories(book.resolve("out"));
        AtomicInteger changes = new AtomicInteger();
        try (SourceWatcher watcher = new SourceWatcher(book, List.of(out), Duration.ofMillis(50),
                changes::incrementAndGet).start()) {
            Files.writeString(out.resolve("index.html"), "output");
            Files.writeString(book.resolve("chapters/.piece.md.swp"), "swap");
            Files.createDirectories(book.resolve(".git")).resolve("HEAD");
            Files.writeString(book.resolve(".git/HEAD"), "ref");
            Files.writeString(book.resolve("target-not-ignored.txt~"), "backup");
            Thread.sleep(500);
            assertThat(changes.get()).isZero();
            Files.writeString(book.resolve("chapters/02-letters/a-letter.md"), "changed");
            assertThat(eventually(10, () -> changes.get() == 1)).isTrue();
            Thread.sleep(300);
            assertThat(changes.get()).isEqualTo(1);
        }
    }
}
