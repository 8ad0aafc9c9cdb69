package dev.sheaf.render.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Serves a folder of static files (the web edition) on the loopback address only, for previewing a
 * book while writing it. Files are read from disk on every request, so a rebuild shows at once;
 * nothing outside the folder is ever served.
 */
public final class SiteServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("epub", "application/epub+zip"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("json", "application/json"),
            Map.entry("bib", "text/plain; charset=utf-8"),
            Map.entry("ris", "text/plain; charset=utf-8"));

    private final Path root;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Consumer<String> notFound;

    private SiteServer(Path root, HttpServer server, ExecutorService executor, Consumer<String> notFound) {
        this.root = root;
        this.server = server;
        this.executor = executor;
        this.notFound = notFound;
    }

    /**
     * Starts serving {@code root} on 127.0.0.1.
     *
     * @param port the port, or 0 for any free one (see {@link #port()})
     * @throws java.net.BindException when the port is taken
     */
    public static SiteServer start(Path root, int port) throws IOException {
        return start(root, port, path -> { });
    }

    /** Like {@link #start(Path, int)}, telling {@code notFound} the path of every request that finds no file. */
    public static SiteServer start(Path root, int port, Consumer<String> notFound) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "sheaf-serve");
            t.setDaemon(true);
            return t;
        });
        SiteServer site = new SiteServer(root.toAbsolutePath().normalize(), server, executor, notFound);
        server.createContext("/", site::handle);
        server.setExecutor(executor);
        server.start();
        return site;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address to open in a browser, e.g. {@code http://127.0.0.1:8000/}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                send(ex, 405, "Method not allowed");
                return;
            }
            Path file = resolve(ex.getRequestURI().getPath());
            if (file == null) {
                notFound.accept(ex.getRequestURI().getRawPath());
                send(ex, 404, "Not found: " + ex.getRequestURI().getPath());
                return;
            }
            // Size and bytes from one open file, so a rebuild replacing it mid-request cannot mix the two.
            try (SeekableByteChannel channel = Files.newByteChannel(file)) {
                long size = channel.size();
                ex.getResponseHeaders().set("Content-Type", type(file));
                ex.getResponseHeaders().set("Cache-Control", "no-cache");
                ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
                if (method.equals("HEAD")) {
                    ex.sendResponseHeaders(200, -1);
                    return;
                }
                ex.sendResponseHeaders(200, size == 0 ? -1 : size);
                try (OutputStream os = ex.getResponseBody(); InputStream in = Channels.newInputStream(channel)) {
                    in.transferTo(os);
                }
            } catch (NoSuchFileException e) {
                notFound.accept(ex.getRequestURI().getRawPath());
                send(ex, 404, "Not found: " + ex.getRequestURI().getPath());
            }
        }
    }

    /** The file a request path names inside the root ({@code index.html} for a folder), or null. */
    Path resolve(String requestPath) {
        if (requestPath == null || !requestPath.startsWith("/") || requestPath.indexOf('\0') >= 0
                || requestPath.contains("\\")) {
            return null;
        }
        Path p;
        try {
            p = root.resolve(requestPath.substring(1)).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
        if (!p.startsWith(root)) {
            return null;
        }
        if (Files.isDirectory(p)) {
            p = p.resolve("index.html");
        }
        return Files.isRegularFile(p) ? p : null;
    }

    private static String type(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static void send(HttpExchange ex, int status, String message) throws IOException {
        byte[] body = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status
                + "</title></head><body><p>" + message.replace("&", "&amp;").replace("<", "&lt;")
                + "</p></body></html>\n").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    /** Stops serving at once. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
