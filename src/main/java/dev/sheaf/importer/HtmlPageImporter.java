package dev.sheaf.importer;

import dev.sheaf.diag.MessageId;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.extended.Readability4JExtended;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A saved web page: the article's main text found by Readability (navigation, adverts, share buttons
 * and comments left behind), its metadata from the page's own statements ({@link PageMetadata}), and
 * the images saved beside the page copied with it.
 */
final class HtmlPageImporter implements SourceImporter {

    /** Fewer words than this and Readability has found a fragment, not an article. */
    private static final int MIN_WORDS = 25;
    /** …or of characters, for languages written without spaces. */
    private static final int MIN_CHARACTERS = 120;

    private final HtmlToMarkdown converter = new HtmlToMarkdown();

    @Override
    public String format() {
        return "web page";
    }

    @Override
    public SourceBatch read(Path file, ImportContext context) throws ImportFailure, IOException {
        Document doc = parse(file);
        PageMetadata meta = PageMetadata.of(doc);
        siblingLinks(doc, file);
        Article article = new Readability4JExtended(meta.url == null ? "" : meta.url, doc.clone()).parse();
        Element content = larger(article.getArticleContent(), markedArticle(doc, MARKED), markedArticle(doc, ARTICLE));
        if (content == null || !isArticle(content)) {
            throw new ImportFailure("no article found in the page (a front page, a list of links or an empty page?)");
        }
        ImportedPiece p = new ImportedPiece();
        p.title = meta.title != null ? meta.title : article.getTitle();
        if (p.title != null && meta.outlet != null) {
            p.title = stripSiteSuffix(p.title, meta.outlet);
        }
        p.subtitle = meta.subtitle;
        List<String> authors = meta.authors.stream().filter(a -> !isAccountName(a, meta.url)).toList();
        if (!authors.isEmpty()) {
            p.authors.addAll(authors);
        } else if (article.getByline() != null && !article.getByline().isBlank()
                && !isAccountName(cleanByline(article.getByline()), meta.url)) {
            p.authors.add(cleanByline(article.getByline()));
        } else {
            String byline = byline(doc);
            if (byline != null && !isAccountName(byline, meta.url)) {
                p.authors.add(byline);
            }
        }
        p.outlet = meta.outlet;
        p.date = meta.date;
        p.url = meta.url;
        p.tags.addAll(meta.keywords.stream().limit(8).toList());
        p.sourceId = "page:" + (meta.url != null ? meta.url : file.getFileName().toString());

        Path dir = file.toAbsolutePath().getParent();
        Set<String> names = new HashSet<>();
        List<String> linked = new ArrayList<>();
        // Readability made addresses absolute against the page's URL; images saved beside the page are found again.
        String base = meta.url == null ? null : meta.url.substring(0, meta.url.lastIndexOf('/') + 1);
        // Links to other pages of the import (by their web address, or as files saved beside this one) and
        // to places in this page wait for the pieces' files; the headings keep the ids they are linked by.
        List<String> addresses = new ArrayList<>(List.of(DocumentLinks.fileAddress(file)));
        String web = DocumentLinks.webAddress(meta.url);
        if (web != null) {
            addresses.add(web);
        }
        DocumentLinks.register(content, addresses, true, DocumentLinks.markHeadings(content), p);
        DocumentLinks.pending(content, h -> pageTarget(h, file, meta.url), h -> h.startsWith("http:") || h.startsWith("https:") ? h : null, p);
        String md = DocumentLinks.restore(converter.convert(content, img -> localImage(img, base, dir, p, names), linked));
        md = dropRepeatedTitle(md, p.title);
        p.body = md;
        if (!linked.isEmpty()) {
            context.warn(MessageId.IMP_003, linked.size() == 1 ? "1 image (" + linked.get(0) + ")"
                    : linked.size() + " images (the first " + linked.get(0) + ")");
        }
        SourceBatch batch = new SourceBatch();
        batch.book = new BookInfo(null, p.authors.isEmpty() ? null : p.authors.get(0), meta.language, null, null);
        batch.pieces.add(p);
        return batch;
    }

    /**
     * Browsers save pages as UTF-8 but keep the original {@code <meta charset>}: bytes that are valid
     * UTF-8 are read as UTF-8 whatever the page declares; anything else is left to jsoup's detection.
     */
    static Document parse(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        long bad = text.chars().filter(c -> c == '\uFFFD').count();
        long nonAscii = text.chars().filter(c -> c > 0x7f).count();
        // A stray broken sequence in a UTF-8 page is tolerated; a page in another encoding is full of them.
        if (bad <= Math.max(3, nonAscii / 200)) {
            return Jsoup.parse(text.startsWith("\uFEFF") ? text.substring(1) : text, "");
        }
        return Jsoup.parse(new java.io.ByteArrayInputStream(bytes), null, "");
    }

    /**
     * Relative links to files saved beside the page ({@code other.html}, {@code ../b/index.html#part})
     * become {@code file:} addresses before Readability would make them web addresses of the page's site.
     */
    private static void siblingLinks(Document doc, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        for (Element a : doc.select("a[href]")) {
            String href = a.attr("href").strip();
            if (href.isEmpty() || href.startsWith("#") || href.startsWith("//") || dev.sheaf.links.Hrefs.scheme(href).isPresent()) {
                continue;
            }
            int hash = href.indexOf('#');
            String path = (hash < 0 ? href : href.substring(0, hash)).replaceFirst("\\?.*$", "");
            try {
                Path target = dir.resolve(URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8)).normalize();
                if (!path.isEmpty() && Files.isRegularFile(target)) {
                    a.attr("href", target.toUri() + (hash < 0 ? "" : href.substring(hash)));
                }
            } catch (RuntimeException e) {
                // not a path on this machine: left as it is
            }
        }
    }

    /** Where a link in the page leads among the documents of the import: a file beside it, a web address, a place in it. */
    private static DocumentLinks.Target pageTarget(String href, Path file, String pageUrl) {
        if (href.startsWith("file:") || href.startsWith("#")) {
            return DocumentLinks.fileTarget(file, href.startsWith("file:") ? Path.of(URI.create(href.replaceFirst("#.*$", "")))
                    + (href.indexOf('#') < 0 ? "" : href.substring(href.indexOf('#'))) : href);
        }
        return DocumentLinks.webTarget(pageUrl, null, href);
    }

    /** An image saved beside the page ("Save page as" puts them in NAME_files/) is copied with the piece. */
    private static String localImage(Element img, String base, Path dir, ImportedPiece piece, Set<String> names) {
        String src = img.attr("src");
        if (base != null && base.length() > "https://".length() && src.startsWith(base)) {
            String relative = src.substring(base.length());
            if (Files.isRegularFile(dir.resolve(URLDecoder.decode(relative, StandardCharsets.UTF_8)).normalize())) {
                src = relative;
            }
        }
        if (src.startsWith("http:") || src.startsWith("https:") || src.startsWith("data:") || src.startsWith("//")) {
            return null;
        }
        try {
            String path = URLDecoder.decode(URI.create(src.replace(" ", "%20")).getPath(), StandardCharsets.UTF_8);
            Path file = dir.resolve(path).normalize();
            if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
                return null;
            }
            String name = Slugify.fileName(file.getFileName().toString());
            String unique = name;
            for (int i = 2; !names.add(unique); i++) {
                unique = name.replaceFirst("(\\.\\w+)?$", "-" + i + "$1");
            }
            piece.media.add(new MediaFile(unique, Files.readAllBytes(file)));
            return MediaFile.reference(unique);
        } catch (IllegalArgumentException | IOException e) {
            return null;
        }
    }

    /**
     * A blog host's account name given as the author ({@code mcupdate} on mcupdate.tumblr.com, a
     * blogspot or wordpress.com subdomain): a login, not a name to print as a byline.
     */
    static boolean isAccountName(String author, String pageUrl) {
        if (author == null || pageUrl == null || author.isBlank() || author.strip().contains(" ")) {
            return false;
        }
        try {
            String host = URI.create(pageUrl.strip().replace(" ", "%20")).getHost();
            if (host == null) {
                return false;
            }
            String[] labels = host.toLowerCase(java.util.Locale.ROOT).replaceFirst("^www\\.", "").split("\\.");
            return labels.length >= 3 && labels[0].equals(author.strip().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A short element the page marks as the author (rel=author, itemprop=author, a "byline" class). */
    static String byline(Document doc) {
        for (Element e : doc.select("[rel=author], [itemprop~=author], [class~=(?i)byline|author|writtenby], "
                + "[id~=(?i)byline|author]")) {
            String raw = e.text().trim();
            String t = cleanByline(raw);
            if (t.length() >= 3 && raw.length() < 100 && !raw.contains("@") && !raw.contains("http")) {
                return t;
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern BYLINE_PREFIX = java.util.regex.Pattern.compile(
            "(?iu)^(?:(?:posted|written|words|text|story|report(?:ed)?)\\s+by|by|par|von|por|door|di|av|af)\\s*:?\\s+");
    /** Where a visible byline stops naming people: a date, a time, a separator, an editor's credit. */
    private static final java.util.regex.Pattern BYLINE_END = java.util.regex.Pattern.compile(
            "(?iu)\\d|\\s[•|·—–-]\\s|\\s[•|·—–-]$|\\b(?:updated|published|edited\\s+by|posted\\s+on)\\b|"
            + "\\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b|"
            + "\\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d");

    /** A visible byline without its "By", and without the date or time printed after the name. */
    static String cleanByline(String byline) {
        String t = byline.replaceAll("\\s+", " ").trim();
        t = BYLINE_PREFIX.matcher(t).replaceFirst("");
        java.util.regex.Matcher end = BYLINE_END.matcher(t);
        if (end.find() && end.start() >= 3) {
            t = t.substring(0, end.start());
        }
        t = t.replaceAll("[\\s,;:•|·—–-]+$", "").trim();
        return t.length() >= 2 ? t : byline.trim();
    }

    /** "Headline | The Outlet" or "Headline - Outlet": the outlet is said in outlet:. */
    static String stripSiteSuffix(String title, String outlet) {
        for (String sep : new String[]{" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00b7 "}) {
            int i = title.lastIndexOf(sep);
            if (i > 0 && Headnotes.normalize(title.substring(i + sep.length())).equals(Headnotes.normalize(outlet))) {
                return title.substring(0, i).trim();
            }
        }
        return title;
    }

    private static String dropRepeatedTitle(String md, String title) {
        int end = md.indexOf("\n\n");
        String first = end < 0 ? md : md.substring(0, end);
        if (first.startsWith("#") && Headnotes.normalize(first).equals(Headnotes.normalize(title))) {
            return end < 0 ? "" : md.substring(end + 2);
        }
        return md;
    }

    /** Elements that say they hold the article itself. */
    private static final String ARTICLE = "[itemprop=articleBody], article, main, [role=main], .entry-content, "
            + ".post-content, .article-body, .story-body, .post, #post";
    /** …and, for a page where Readability finds next to nothing, the blocks pages commonly put their text in. */
    private static final String MARKED = ARTICLE + ", #content, .content, #main";
    private static final String NOT_TEXT = "nav, aside, header, footer, form, script, style, noscript, [role=navigation], "
            + "[role=complementary], .comments, #comments, .share, .social, .related, .newsletter, .advert, .ad";

    /**
     * The element {@code selector} finds (the page's own article, {@code <main>}, …) with its paragraphs the
     * most text, navigation and asides removed; null when none.
     */
    private static Element markedArticle(Document doc, String selector) {
        Element best = null;
        int bestLength = 0;
        for (Element e : doc.select(selector)) {
            Element copy = e.clone();
            copy.select(NOT_TEXT).remove();
            int length = copy.select("p").text().length();
            if (length > bestLength) {
                best = copy;
                bestLength = length;
            }
        }
        return best;
    }

    /**
     * Readability's choice, unless it found next to nothing and a block the page marks holds far more
     * paragraph text (Readability sometimes settles on a footer or a cookie notice), or its choice is a
     * part of the element the page marks as its article, which holds clearly more paragraph text but not
     * several times as much text (it took one section of a long piece, or the figures without the text).
     */
    private static Element larger(Element readability, Element marked, Element article) {
        int r = readability == null ? 0 : readability.text().length();
        if (marked != null && r < 2000 && marked.text().length() > 3 * r) {
            return marked;
        }
        // Not when the marked element is far larger still: then it holds more than the article (a whole page's lists).
        if (article != null && r > 0 && article.select("p").text().length() > 1.4 * readability.select("p").text().length()
                && article.text().length() < 2.5 * r && contains(article, readability)) {
            return article;
        }
        return readability;
    }

    /** Whether the text of {@code part} begins and ends inside the text of {@code whole}. */
    private static boolean contains(Element whole, Element part) {
        String w = whole.text().replaceAll("\\s+", " ");
        String p = part.text().replaceAll("\\s+", " ").strip();
        int n = Math.min(80, p.length() / 2);
        return n > 0 && w.contains(p.substring(0, n)) && w.contains(p.substring(p.length() - n));
    }

    /**
     * Readability always returns something; a few lines, or text that is mostly links (a front page, an
     * index), is not an article.
     */
    static boolean isArticle(Element content) {
        String text = content.text().replaceAll("\\s+", " ").trim();
        int linked = 0;
        for (Element a : content.select("a")) {
            linked += a.text().length();
        }
        boolean enough = words(text) >= MIN_WORDS || text.codePointCount(0, text.length()) >= MIN_CHARACTERS;
        return enough && linked < 0.7 * text.length();
    }

    static int words(String text) {
        String t = text.trim();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
