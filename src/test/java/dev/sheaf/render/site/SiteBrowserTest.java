package dev.sheaf.render.site;

import dev.sheaf.diag.Diagnostics;
import dev.sheaf.model.Book;
import dev.sheaf.model.Chapter;
import dev.sheaf.model.Piece;
import dev.sheaf.read.BookReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web edition in a real browser: Debian's headless Chromium driven through chromedriver. The site
 * is served by {@link SiteServer} (so every request and its status can be seen) and also opened from
 * the file system. Screenshots of the landing page at phone and desktop widths go to the temporary
 * folder ({@code sheaf-site-*.png}) for a person to look at.
 */
class SiteBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("sheaf.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("sheaf.chromedriver", "/usr/bin/chromedriver"));
    static final Path SHOTS = Path.of(System.getProperty("java.io.tmpdir"));

    static ChromeDriver driver;
    static SiteServer server;
    static Path site;
    static Book book;
    static final List<String> notFound = Collections.synchronizedList(new ArrayList<>());
    static final Set<String> requested = Collections.synchronizedSet(new LinkedHashSet<>());
    /** Selenium warns that it has no DevTools bindings for this Chromium; the tests only use plain CDP commands. */
    static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    /** Why the browser tests cannot run here, or null when they can. */
    static String skipped;

    @BeforeAll
    static void start() throws Exception {
        SELENIUM_LOG.setLevel(Level.SEVERE);
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            skip("Chromium and chromedriver are not installed at " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (on Debian: apt-get install chromium chromium-driver)");
            return;
        }
        SiteFixture.Built built = SiteFixture.kitchenSink();
        site = built.site();
        book = new BookReader(built.book(), new Diagnostics()).read().orElseThrow();
        server = SiteServer.start(site, 0, notFound::add);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1280,900",
                "--user-data-dir=" + SiteFixture.dir("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            skip("Chromium did not start through chromedriver: " + e.getMessage().lines().findFirst().orElse(""));
            return;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    private static void skip(String why) {
        skipped = "browser tests skipped: " + why;
        System.err.println("SiteBrowserTest: " + skipped);
    }

    @BeforeEach
    void browserAvailable() {
        assumeTrue(skipped == null, skipped);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    JavascriptExecutor js() {
        return driver;
    }

    String url(String path) {
        return server.uri().resolve(path).toString();
    }

    /** Loads a page and waits until its fonts have settled, so statuses and screenshots are final. */
    void open(String address) {
        driver.get(address);
        js().executeAsyncScript("var done = arguments[arguments.length - 1]; document.fonts.ready.then(() => done(true));");
    }

    @Test
    void landing_page_lists_every_chapter_and_piece() {
        open(url("index.html"));
        List<String> links = driver.findElements(By.cssSelector("nav#contents a")).stream()
                .map(WebElement::getText).toList();
        String contents = String.join("\n", links);
        for (Chapter c : book.chapters()) {
            assertThat(contents).contains(c.title());
            for (Piece p : c.pieces()) {
                assertThat(links).contains(p.title());
            }
        }
        assertThat(driver.getTitle()).isEqualTo(book.meta().title());
    }

    @Test
    void every_download_link_resolves_to_its_file() throws Exception {
        open(url("index.html"));
        List<WebElement> downloads = driver.findElements(By.cssSelector("#downloads a"));
        assertThat(downloads).hasSize(5);
        HttpClient http = HttpClient.newHttpClient();
        for (WebElement a : downloads) {
            String href = a.getDomProperty("href");
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(href)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(href).isEqualTo(200);
            String name = href.substring(href.lastIndexOf('/') + 1);
            assertThat(response.body()).as(href)
                    .isEqualTo(Files.readAllBytes(SiteFixture.kitchenSink().out().resolve(name)));
        }
    }

    @Test
    void every_page_loads_all_it_asks_for_and_piece_pages_hold_their_text() {
        Set<String> visited = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(url("index.html")));
        List<String> problems = new ArrayList<>();
        while (!queue.isEmpty()) {
            String page = queue.poll();
            if (!visited.add(page)) {
                continue;
            }
            open(page);
            problems.addAll(loadProblems(page));
            for (WebElement a : driver.findElements(By.cssSelector("a[href]"))) {
                String href = a.getDomProperty("href").replaceAll("#.*$", "");
                if (href.startsWith(server.uri().toString()) && href.endsWith(".html")) {
                    queue.add(href);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(notFound).as("requests the server could not answer").isEmpty();
        assertThat(requested).as("what the pages loaded").contains("site.css", "cover.png", "images/images-map.png",
                "fonts/NotoSerif-Regular.ttf", "fonts/NotoSans-Bold.ttf", "fonts/DroidSansFallbackFull.ttf");
        int pieces = 0;
        for (Chapter c : book.chapters()) {
            assertThat(visited).contains(url("chapters/" + c.slug() + ".html"));
            for (Piece p : c.pieces()) {
                open(url("pieces/" + p.slug() + ".html"));
                String text = driver.findElement(By.tagName("main")).getText();
                assertThat(text).as(p.slug()).contains(p.title()).contains("First published");
                pieces++;
            }
        }
        assertThat(pieces).isEqualTo(book.pieces().size());
        open(url("pieces/steppe-notes.html"));
        assertThat(driver.findElement(By.cssSelector(".piece-body")).getText())
                .contains("Names: Казахстан, Ελλάδα, İstanbul, 习近平 and Nur-Sultan.");
        assertThat(driver.findElement(By.cssSelector(".notes")).getText()).contains("The first note, with emphasis.");
    }

    /** What failed to load on the open page: resources, images, fonts, the stylesheet. */
    @SuppressWarnings("unchecked")
    List<String> loadProblems(String page) {
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> resources = (List<Map<String, Object>>) js().executeScript(
                "return performance.getEntriesByType('resource').map(e => ({name: e.name, status: e.responseStatus}));");
        for (Map<String, Object> r : resources) {
            String name = (String) r.get("name");
            requested.add(name.substring(server.uri().toString().length()));
            if (!name.startsWith(server.uri().toString())) {
                problems.add(page + ": request leaves the site: " + name);
            } else if (((Number) r.get("status")).intValue() != 200) {
                problems.add(page + ": " + name + " answered " + r.get("status"));
            }
        }
        List<String> images = (List<String>) js().executeScript(
                "return [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src);");
        images.forEach(src -> problems.add(page + ": image did not load: " + src));
        List<String> fonts = (List<String>) js().executeScript(
                "return [...document.fonts].filter(f => f.status === 'error').map(f => f.family);");
        fonts.forEach(f -> problems.add(page + ": font failed: " + f));
        Object sheets = js().executeScript("return document.styleSheets.length;");
        if (((Number) sheets).intValue() != 1) {
            problems.add(page + ": " + sheets + " stylesheets");
        }
        return problems;
    }

    @Test
    void the_books_fonts_set_the_text_and_the_cjk_fallback_only_loads_for_cjk() {
        open(url("pieces/steppe-notes.html"));
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) js().executeScript(
                "return [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replaceAll('\"', ''));");
        assertThat(loaded).contains("Noto Serif", "Noto Sans", "Droid Sans Fallback");
        assertThat((String) js().executeScript("return getComputedStyle(document.querySelector('.piece-body p')).fontFamily;"))
                .startsWith("\"Noto Serif\"");
        open(url("pieces/a-letter.html"));
        @SuppressWarnings("unchecked")
        List<String> onLetter = (List<String>) js().executeScript(
                "return [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replaceAll('\"', ''));");
        assertThat(onLetter).doesNotContain("Droid Sans Fallback");
    }

    @Test
    void the_site_works_from_the_file_system_without_a_server() {
        open(site.resolve("index.html").toUri().toString());
        assertThat(js().executeScript("return getComputedStyle(document.body).backgroundColor;"))
                .isEqualTo("rgb(251, 248, 242)");
        assertThat(js().executeScript("return document.querySelector('img.cover').naturalWidth;")).isNotEqualTo(0L);
        driver.findElement(By.cssSelector("a.button.primary")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/chapters/" + book.chapters().get(0).slug() + ".html");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(book.chapters().get(0).title());
        driver.findElement(By.cssSelector("a[rel=next]")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText())
                .isEqualTo(book.chapters().get(0).pieces().get(0).title());
    }

    @Test
    void landing_page_fits_phones_and_desktops_in_light_dark_and_print() throws Exception {
        for (int width : new int[] {390, 1280}) {
            boolean phone = width < 600;
            Map<String, Object> metrics = Map.of("width", width, "height", phone ? 844 : 900,
                    "deviceScaleFactor", 1, "mobile", phone);
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", metrics);
            open(url("index.html"));
            long scrollWidth = (Long) js().executeScript("return document.documentElement.scrollWidth;");
            assertThat(scrollWidth).as("no sideways scrolling at " + width + " px").isLessThanOrEqualTo(width);
            if (phone) {
                // Stacked: the contents come below the cover, downloads below the contents.
                assertThat(top("nav#contents")).isGreaterThan(top("img.cover"));
                assertThat(top("#downloads")).isGreaterThan(top("nav#contents"));
            } else {
                // Side by side: the downloads sit beside the contents.
                assertThat(Math.abs(top("#downloads") - top("nav#contents"))).isLessThan(40);
            }
            screenshot("landing-" + width, width, phone);
            open(url("pieces/steppe-notes.html"));
            screenshot("piece-" + width, width, phone);
        }
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        open(url("index.html"));
        assertThat(js().executeScript("return getComputedStyle(document.body).backgroundColor;"))
                .isEqualTo("rgb(22, 20, 17)");
        screenshot("landing-390-dark", 390, true);
        open(url("pieces/steppe-notes.html"));
        screenshot("piece-390-dark", 390, true);
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print", "features", List.of()));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 800, "height", 1100, "deviceScaleFactor", 1, "mobile", false));
        open(url("pieces/steppe-notes.html"));
        assertThat(js().executeScript("return getComputedStyle(document.querySelector('.pager')).display;"))
                .isEqualTo("none");
        screenshot("piece-print", 800, false);
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "", "features", List.of()));
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private long top(String css) {
        return ((Number) js().executeScript("return Math.round(document.querySelector(arguments[0])"
                + ".getBoundingClientRect().top + window.scrollY);", css)).longValue();
    }

    /** The whole page, as tall as it is, into the temporary folder. */
    private void screenshot(String name, int width, boolean phone) throws Exception {
        long height = (Long) js().executeScript("return document.documentElement.scrollHeight;");
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", (int) Math.min(height, 8000), "deviceScaleFactor", 1, "mobile", phone));
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve("sheaf-site-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", phone ? 844 : 900, "deviceScaleFactor", 1, "mobile", phone));
    }
}
