package dev.sheaf.importer;

import de.undercouch.citeproc.helper.json.JsonLexer;
import de.undercouch.citeproc.helper.json.JsonParser;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A web page's own statements about its article, in order of trust: JSON-LD ({@code NewsArticle},
 * {@code Article} and their kin), then Open Graph and {@code article:} properties, then ordinary
 * {@code <meta>} tags and {@code <title>}.
 */
final class PageMetadata {

    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "blogposting", "socialmediaposting",
            "scholarlyarticle", "techarticle", "report", "webpage", "liveblogposting", "review", "creativework");
    private static final Pattern SAVED_FROM = Pattern.compile("saved from url=\\(\\d+\\)(\\S+)");
    private static final Pattern CDATA = Pattern.compile("(?:/[/*]\\s*)?(?:<!\\[CDATA\\[|\\]\\]>)(?:\\s*\\*/)?");
    private static final Pattern DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})");

    String title;
    String subtitle;
    final List<String> authors = new ArrayList<>();
    String outlet;
    String date;
    String url;
    String language;
    final List<String> keywords = new ArrayList<>();

    static PageMetadata of(Document doc) {
        PageMetadata m = new PageMetadata();
        m.jsonLd(doc);
        m.openGraph(doc);
        m.plainMeta(doc);
        return m;
    }

    private void jsonLd(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            Object json = parse(script.data());
            List<Map<String, Object>> nodes = new ArrayList<>();
            collect(json, nodes);
            // The most specific article node wins: a NewsArticle over the WebPage that wraps it.
            nodes.sort((a, b) -> Integer.compare(rank(b), rank(a)));
            for (Map<String, Object> node : nodes) {
                if (rank(node) == 0) {
                    continue;
                }
                title = first(title, headline(node, doc.title()));
                subtitle = first(subtitle, str(node.get("alternativeHeadline")));
                if (authors.isEmpty()) {
                    names(node.get("author"), authors);
                }
                if (outlet == null) {
                    Object publisher = node.get("publisher");
                    List<String> p = new ArrayList<>();
                    names(publisher, p);
                    outlet = p.isEmpty() ? null : p.get(0);
                }
                date = first(date, day(str(node.get("datePublished"))), day(str(node.get("dateCreated"))));
                url = first(url, str(node.get("url")), idOf(node.get("mainEntityOfPage")));
                language = first(language, str(node.get("inLanguage")));
                if (keywords.isEmpty()) {
                    Object k = node.get("keywords");
                    if (k instanceof List<?> l) {
                        l.forEach(x -> addKeyword(str(x)));
                    } else if (k instanceof String s) {
                        for (String part : s.split(",")) {
                            addKeyword(part);
                        }
                    }
                }
            }
        }
    }

    /**
     * Some sites put their own name in "name" and the headline in "headline", others the reverse
     * (Wikipedia's "headline" is a description): when they differ, the one closer to the page's
     * {@code <title>} is the article's title.
     */
    private static String headline(Map<String, Object> node, String pageTitle) {
        String headline = str(node.get("headline"));
        String name = str(node.get("name"));
        if (headline == null || name == null || headline.equals(name)) {
            return headline != null ? headline : name;
        }
        String page = Headnotes.normalize(pageTitle);
        boolean nameFits = page.contains(Headnotes.normalize(name));
        boolean headlineFits = page.contains(Headnotes.normalize(headline));
        return nameFits && !headlineFits ? name : headline;
    }

    private void addKeyword(String k) {
        if (k != null && !k.isBlank() && k.length() < 60 && !k.contains(":")) {
            keywords.add(k.trim());
        }
    }

    private void openGraph(Document doc) {
        title = first(title, meta(doc, "dc:title"), meta(doc, "og:title"), meta(doc, "twitter:title"),
                meta(doc, "parsely-title"));
        if (authors.isEmpty()) {
            // Every creator: an RFC or a paper names each of its authors in a meta tag of its own.
            for (String dc : metas(doc, "dc:creator")) {
                if (!authors.contains(dc)) {
                    authors.add(dc);
                }
            }
        }
        outlet = first(outlet, meta(doc, "og:site_name"));
        if (authors.isEmpty()) {
            String a = first(meta(doc, "article:author"), meta(doc, "og:article:author"));
            if (a != null && !a.startsWith("http")) {
                authors.add(a);
            }
        }
        date = first(date, day(meta(doc, "article:published_time")));
        url = first(url, meta(doc, "og:url"));
        if (keywords.isEmpty()) {
            doc.select("meta[property=article:tag]").forEach(e -> addKeyword(e.attr("content")));
        }
    }

    private void plainMeta(Document doc) {
        title = first(title, meta(doc, "title"), doc.title().isBlank() ? null : doc.title());
        if (authors.isEmpty()) {
            String a = first(meta(doc, "author"), meta(doc, "parsely-author"), meta(doc, "byl"), meta(doc, "sailthru.author"));
            if (a != null && !a.startsWith("http")) {
                authors.add(a.replaceFirst("(?i)^by\\s+", ""));
            }
        }
        outlet = first(outlet, meta(doc, "application-name"), meta(doc, "dc:publisher"));
        date = first(date, day(meta(doc, "date")), day(meta(doc, "dc:date")), day(meta(doc, "pubdate")),
                day(meta(doc, "publish-date")), day(meta(doc, "sailthru.date")), day(meta(doc, "parsely-pub-date")));
        Element time = doc.selectFirst("article time[datetime], time[pubdate][datetime]");
        date = first(date, time == null ? null : day(time.attr("datetime")));
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        url = first(url, canonical == null ? null : canonical.attr("href"), savedFrom(doc));
        String lang = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang");
        language = first(language, lang.isBlank() ? null : lang);
    }

    /** Browsers' "Save page as" writes the address into a comment at the top. */
    private static String savedFrom(Document doc) {
        for (Node n : doc.childNodes()) {
            Matcher m = SAVED_FROM.matcher(n.outerHtml());
            if (n.nodeName().equals("#comment") && m.find()) {
                return m.group(1);
            }
        }
        Matcher m = SAVED_FROM.matcher(doc.html().substring(0, Math.min(2000, doc.html().length())));
        return m.find() ? m.group(1) : null;
    }

    /**
     * The content of the first {@code <meta>} whose property, name or itemprop is {@code name}; a
     * property may list several names separated by spaces, and Dublin Core is written dc:, dc. or dcterm:.
     */
    private static String meta(Document doc, String name) {
        String wanted = key(name);
        for (String attr : new String[]{"property", "name", "itemprop"}) {
            for (Element e : doc.select("meta[content]")) {
                if (e.attr("content").isBlank()) {
                    continue;
                }
                for (String k : e.attr(attr).trim().split("\\s+")) {
                    if (!k.isEmpty() && key(k).equals(wanted)) {
                        return TextOnly.of(e.attr("content").trim());
                    }
                }
            }
        }
        return null;
    }

    /** The contents of every {@code <meta>} named {@code name}, in document order. */
    private static List<String> metas(Document doc, String name) {
        String wanted = key(name);
        List<String> found = new ArrayList<>();
        for (Element e : doc.select("meta[content]")) {
            if (e.attr("content").isBlank()) {
                continue;
            }
            boolean match = false;
            for (String attr : new String[]{"property", "name", "itemprop"}) {
                for (String k : e.attr(attr).trim().split("\\s+")) {
                    match |= !k.isEmpty() && key(k).equals(wanted);
                }
            }
            if (match) {
                found.add(TextOnly.of(e.attr("content").trim()));
            }
        }
        return found;
    }

    private static String key(String k) {
        return k.toLowerCase(Locale.ROOT).replace('.', ':').replaceFirst("^dcterms?:", "dc:");
    }

    private static int rank(Map<String, Object> node) {
        Object type = node.get("@type");
        List<String> types = new ArrayList<>();
        if (type instanceof List<?> l) {
            l.forEach(t -> types.add(String.valueOf(t)));
        } else if (type != null) {
            types.add(String.valueOf(type));
        }
        int best = 0;
        for (String t : types) {
            String lower = t.toLowerCase(Locale.ROOT);
            if (!ARTICLE_TYPES.contains(lower)) {
                continue;
            }
            best = Math.max(best, lower.equals("webpage") || lower.equals("creativework") ? 1 : 2);
        }
        return best;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object json, List<Map<String, Object>> out) {
        if (json instanceof Map<?, ?> map) {
            out.add((Map<String, Object>) map);
            Object graph = map.get("@graph");
            if (graph != null) {
                collect(graph, out);
            }
        } else if (json instanceof List<?> list) {
            list.forEach(x -> collect(x, out));
        }
    }

    private static Object parse(String text) {
        // Pages wrap the JSON in CDATA markers (sometimes commented out for old browsers).
        String t = CDATA.matcher(text).replaceAll("").strip();
        try {
            JsonParser p = new JsonParser(new JsonLexer(new StringReader(t)));
            return t.startsWith("[") ? p.parseArray() : t.startsWith("{") ? p.parseObject() : null;
        } catch (IOException | RuntimeException e) {
            return null;   // broken JSON-LD is common; the other sources of metadata remain
        }
    }

    private static void names(Object value, List<String> out) {
        if (value instanceof List<?> l) {
            l.forEach(v -> names(v, out));
        } else if (value instanceof Map<?, ?> m) {
            String n = str(m.get("name"));
            if (n != null && !n.isBlank()) {
                out.add(n.trim());
            }
        } else if (value instanceof String s && !s.isBlank() && !s.startsWith("http")) {
            out.add(s.trim());
        }
    }

    private static String idOf(Object v) {
        if (v instanceof Map<?, ?> m) {
            return str(m.get("@id"));
        }
        String s = str(v);
        return s != null && s.startsWith("http") ? s : null;
    }

    private static String str(Object v) {
        return v instanceof String s && !s.isBlank() ? TextOnly.of(s) : null;
    }

    private static String day(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = DATE.matcher(value.trim());
        return m.find() ? m.group(1) : null;
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
