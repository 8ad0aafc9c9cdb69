package dev.sheaf.importer;

import dev.sheaf.links.Hrefs;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links between the documents of one import, on the HTML an importer converts. Each importer names
 * its documents by an address ({@code epub:<book id>|text/ch4.xhtml}, a page's web address, a Word
 * document's path); the ids inside a document lead to the heading they belong to, which keeps the id
 * as a heading attribute ({@code ## Notes {#notes}}), the only place besides notes where Sheaf's
 * Markdown carries an id. A link to such an address is written {@code sheaf-import:N} and resolved by
 * {@link ImportRun} once every piece's file name is known, since the target may be any piece of the run.
 */
final class DocumentLinks {

    /** How a pending link is written in Markdown until it is resolved: {@code [text](sheaf-import:3)}. */
    static final String SCHEME = "sheaf-import:";
    /** Set on headings by {@link #markHeadings}: the ids (space-separated) that lead to the heading. */
    private static final String IDS = "data-sheaf-ids";
    private static final Pattern ID_MARK = Pattern.compile("[ \\t]*\u2063ID([A-Za-z][A-Za-z0-9-]*)\u2063");
    private static final Pattern HEADING = Pattern.compile("h[1-6]");
    /** An ATX heading's line, also inside a list item or a block quote. */
    private static final Pattern HEADING_LINE = Pattern.compile("[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\\d{1,9}[.)])[ \t]+)?#{1,6}[ \t]");
    private static final Pattern HEADING_ID = Pattern.compile("(?m)^([ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\\d{1,9}[.)])[ \t]+)?"
            + "#{1,6}[ \t].*?) \\{#([A-Za-z][A-Za-z0-9-]*)}$");

    private DocumentLinks() { }

    /** Where a link leads: a document's address and an id inside it ("" for none). */
    record Target(String address, String fragment) { }

    /**
     * Notes on each heading under {@code root} the ids that lead to it: its own, one on an element inside
     * it, on an element that starts with it (a {@code section} around it), or on any element after it and
     * before the next heading of the same or an enclosing box (a paragraph's id leads to the heading of its
     * section, not to that of a note printed before it). Returns the ids that come before any heading:
     * they lead to the top of the document.
     */
    static List<String> markHeadings(Element root) {
        List<String> top = new ArrayList<>();
        List<Element> headings = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (e == root) {
                continue;
            }
            if (isHeading(e)) {
                headings.add(e);
            }
            String id = e.id().strip();
            if (id.isEmpty()) {
                continue;
            }
            Element heading = headingOf(e, headings);
            if (heading == null) {
                top.add(id);
            } else {
                heading.attr(IDS, (heading.attr(IDS) + " " + id).strip());
            }
        }
        return top;
    }

    private static Element headingOf(Element e, List<Element> before) {
        if (isHeading(e)) {
            return e;
        }
        for (Element a : e.parents()) {
            if (isHeading(a)) {
                return a;
            }
        }
        Element first = e.selectFirst("h1, h2, h3, h4, h5, h6");
        if (first != null && textBefore(e, first).isBlank()) {
            return first;
        }
        // The heading of the section the element is in: not one inside a box that has closed (a note's own heading).
        for (int i = before.size() - 1; i >= 0; i--) {
            Element h = before.get(i);
            if (h.parent() != null && e.parents().contains(h.parent())) {
                return h;
            }
        }
        return null;
    }

    /** The text of {@code container} before {@code inner}. */
    private static String textBefore(Element container, Element inner) {
        StringBuilder sb = new StringBuilder();
        for (org.jsoup.nodes.Node n : container.childNodes()) {
            if (n == inner || n instanceof Element el && el.getAllElements().contains(inner)) {
                if (n != inner && n instanceof Element el) {
                    sb.append(textBefore(el, inner));
                }
                break;
            }
            sb.append(n instanceof TextNode t ? t.text() : n instanceof Element el ? el.text() : "");
        }
        return sb.toString();
    }

    /** The ids a heading was marked with (e.g. the heading that became a piece's title). */
    static List<String> idsOf(Element heading) {
        List<String> ids = new ArrayList<>();
        if (heading != null) {
            for (String id : heading.attr(IDS).split(" ")) {
                if (!id.isBlank()) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /**
     * Records on {@code piece} where the ids of {@code body} lead: each marked heading gets a marker that
     * {@link #restore} turns into a heading attribute; {@code topIds} lead to the top of the piece, as
     * does {@code address} itself when {@code whole} (the piece starts where the document starts).
     * Anchors without a link are unwrapped: they have served.
     */
    static void register(Element body, String address, boolean whole, List<String> topIds, ImportedPiece piece) {
        register(body, List.of(address), whole, topIds, piece);
    }

    /** {@link #register(Element, String, boolean, List, ImportedPiece)} for a document known by several addresses. */
    static void register(Element body, List<String> addresses, boolean whole, List<String> topIds, ImportedPiece piece) {
        if (whole) {
            piece.addresses.addAll(addresses);
        }
        for (String address : addresses) {
            for (String id : topIds) {
                piece.anchors.putIfAbsent(key(address, id), "");
            }
        }
        Set<String> used = new HashSet<>();
        for (Element h : body.select("[" + IDS + "]")) {
            List<String> ids = idsOf(h);
            h.removeAttr(IDS);
            if (!isHeading(h) || ids.isEmpty()) {
                continue;
            }
            String kept = markdownId(ids.contains(h.id()) ? h.id() : ids.get(0), used);
            h.appendChild(new TextNode("\u2063ID" + kept + "\u2063"));
            for (String address : addresses) {
                for (String id : ids) {
                    piece.anchors.putIfAbsent(key(address, id), kept);
                }
            }
        }
        unwrapAnchors(body);
    }

    /** Anchors without a link ({@code <a id=x></a>}) have no Markdown form; their text stays. */
    static void unwrapAnchors(Element root) {
        for (Element a : root.select("a[id]:not([href]), a[name]:not([href])")) {
            a.unwrap();
        }
    }

    /**
     * Replaces the address of each link under {@code root} that {@code targets} recognises by
     * {@code sheaf-import:N} and records the link on {@code piece}; {@code fallback} says what a link
     * becomes when its target is not imported (its web address, or null for its text alone).
     */
    static void pending(Element root, Function<String, Target> targets, Function<String, String> fallback,
                        ImportedPiece piece) {
        for (Element a : root.select("a[href]")) {
            String href = a.attr("href").strip();
            if (href.startsWith(SCHEME)) {
                continue;
            }
            Target t;
            try {
                t = targets.apply(href);
            } catch (RuntimeException e) {
                t = null;   // an address that cannot even be parsed leads nowhere in the import
            }
            if (t == null) {
                continue;
            }
            piece.links.add(new ImportedPiece.PendingLink(t.address(), t.fragment(), fallback.apply(href)));
            a.attr("href", SCHEME + (piece.links.size() - 1));
        }
    }

    /** The heading markers of converted Markdown as heading attributes; a marker off a heading line is dropped. */
    static String restore(String markdown) {
        if (markdown.indexOf('\u2063') < 0) {
            return markdown;
        }
        StringBuilder out = new StringBuilder();
        for (String line : markdown.split("\n", -1)) {
            Matcher m = ID_MARK.matcher(line);
            if (!m.find()) {
                out.append(line).append('\n');
                continue;
            }
            boolean heading = HEADING_LINE.matcher(line).lookingAt();
            String id = m.group(1);
            String rest = ID_MARK.matcher(line).replaceAll("").stripTrailing();
            out.append(heading ? rest + " {#" + id + "}" : rest).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    /** Takes the heading attributes {@link #restore} wrote for {@code ids} off the headings again. */
    static String dropIds(String markdown, Set<String> ids) {
        if (ids.isEmpty()) {
            return markdown;
        }
        Matcher m = HEADING_ID.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(ids.contains(m.group(2)) ? m.group(1) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The key under which a piece records an id of a document. */
    static String key(String address, String fragment) {
        return fragment == null || fragment.isEmpty() ? address : address + "\n#" + fragment;
    }

    /**
     * An id Sheaf keeps as written ({@code [A-Za-z][A-Za-z0-9-]*}, none of the ids its editions reserve for
     * notes, citations and index marks), unique within the piece.
     */
    static String markdownId(String id, Set<String> used) {
        String s = id.replaceAll("[^A-Za-z0-9-]+", "-").replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        if (s.isEmpty() || !Character.isLetter(s.charAt(0)) || s.matches("(fn|fnref|cite|ix)[0-9-].*")) {
            s = "id-" + s;
        }
        s = s.replaceAll("-$", "");
        String unique = s;
        for (int i = 2; !used.add(unique.toLowerCase(Locale.ROOT)); i++) {
            unique = s + "-" + i;
        }
        return unique;
    }

    /**
     * A web address as an address of the import: scheme, "www.", a final slash or index page, tracking
     * parameters and the fragment set aside, so the links a page or a blog post makes to another find
     * it however they spell it ({@code http://www.example.org/2020/05/post} and
     * {@code https://example.org/2020/05/post/}; a blog's {@code /?p=42}). Null when it is not one.
     */
    static String webAddress(String url) {
        if (url == null) {
            return null;
        }
        URI u;
        try {
            u = new URI(url.strip().replace(" ", "%20"));
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
            return null;
        }
        String host = u.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        path = path.replaceFirst("(?i)/index\\.(html?|php)$", "/").replaceFirst("/+$", "");
        List<String> params = new ArrayList<>();
        if (u.getRawQuery() != null) {
            for (String p : u.getRawQuery().split("&")) {
                if (!p.isBlank() && !p.toLowerCase(Locale.ROOT).startsWith("utm_")) {
                    params.add(p);
                }
            }
        }
        params.sort(null);
        return "web:" + host + path + (params.isEmpty() ? "" : "?" + String.join("&", params));
    }

    /** {@code href} made absolute against {@code base} (a page's or a site's address); as it is when that fails. */
    static String absolute(String base, String href) {
        String h = href.strip();
        if (base == null || base.isBlank()) {
            return h;
        }
        try {
            return new URI(base.strip().replace(" ", "%20")).resolve(h.replace(" ", "%20")).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return h;
        }
    }

    /**
     * Where a link on a web page or in a blog post leads, by web address: {@code #id} is a place in the page
     * itself ({@code self}), anything else is resolved against {@code base}. Null for mail and other schemes.
     */
    static Target webTarget(String base, String self, String href) {
        if (href.startsWith("#")) {
            return self == null ? null : new Target(self, fragment(href));
        }
        String abs = absolute(base, href);
        String address = webAddress(abs);
        return address == null ? null : new Target(address, fragment(abs));
    }

    /** The address of a file given to the import (a Word document, a saved page). */
    static String fileAddress(java.nio.file.Path file) {
        return "file:" + file.toAbsolutePath().normalize();
    }

    /**
     * Where a link in the file {@code from} leads when it is a place in it ({@code #bookmark}) or another
     * file beside it ({@code other.docx#x}, {@code page.html}), else null (web and mail addresses).
     */
    static Target fileTarget(java.nio.file.Path from, String href) {
        if (href.isEmpty() || href.startsWith("//") || Hrefs.scheme(href).filter(s -> !s.equals("file")).isPresent()) {
            return null;
        }
        if (href.startsWith("#")) {
            return new Target(fileAddress(from), fragment(href));
        }
        int hash = href.indexOf('#');
        String path = java.net.URLDecoder.decode((hash < 0 ? href : href.substring(0, hash)).replaceFirst("\\?.*$", "")
                .replaceFirst("^file:(//)?", "").replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        if (path.isBlank()) {
            return null;
        }
        java.nio.file.Path dir = from.toAbsolutePath().getParent();
        return new Target(fileAddress(dir.resolve(path.replace('\\', '/'))), fragment(href));
    }

    /** An address as a reader knows it: the document's name in its package, the web address, the file's name. */
    static String shown(String address) {
        int bar = address.indexOf('|');
        if (bar >= 0) {
            return address.substring(bar + 1);
        }
        if (address.startsWith("web:")) {
            return address.substring(4);
        }
        if (address.startsWith("file:")) {
            String path = address.substring(5);
            return path.substring(path.replace('\\', '/').lastIndexOf('/') + 1);
        }
        return address;
    }

    /** The id part of an address ("" for none), decoded. */
    static String fragment(String href) {
        int hash = href.indexOf('#');
        return hash < 0 ? "" : java.net.URLDecoder.decode(href.substring(hash + 1).replace("+", "%2B"),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Writes a resolved link, or takes the link away (its text stays) when {@code href} is null: the
     * text of {@code [text](sheaf-import:N)} is found by matching its brackets, escaped ones aside.
     */
    static String replace(String markdown, int n, String href) {
        String marker = "](" + SCHEME + n;
        StringBuilder out = new StringBuilder(markdown);
        for (int at = out.indexOf(marker); at >= 0; at = out.indexOf(marker, at + 1)) {
            int end = at + marker.length();
            if (end >= out.length() || out.charAt(end) != ')' && out.charAt(end) != ' ') {
                continue;   // sheaf-import:12 when looking for sheaf-import:1
            }
            int close = closingParenthesis(out, end);
            if (close < 0) {
                continue;
            }
            if (href != null) {
                int open = openingBracket(out, at);
                String text = open < 0 ? "" : out.substring(open + 1, at).replaceAll("\\\\(\\p{Punct})", "$1");
                if (close == end && text.equals(href) && Hrefs.scheme(href).isPresent()) {
                    out.replace(open, close + 1, "<" + href + ">");   // an address shown as itself: an autolink again
                    at = open;
                    continue;
                }
                // A title after the address stays; an address with parentheses is written <…> (CommonMark).
                out.replace(at + 2, end, href.indexOf('(') >= 0 || href.indexOf(')') >= 0 ? "<" + href + ">" : href);
                continue;
            }
            int open = openingBracket(out, at);
            out.delete(at, close + 1);
            if (open >= 0) {
                out.deleteCharAt(open);
                at = open - 1;
            } else {
                out.insert(at, ']');
            }
        }
        return out.toString();
    }

    /** Any link still pending (none should be) loses its address: text is better than a dead scheme. */
    static String dropPending(String markdown) {
        int at = markdown.indexOf("](" + SCHEME);
        while (at >= 0) {
            Matcher m = Pattern.compile("\\]\\(" + SCHEME + "(\\d+)").matcher(markdown.substring(at));
            if (!m.lookingAt()) {
                break;
            }
            String fewer = replace(markdown, Integer.parseInt(m.group(1)), null);
            at = fewer.equals(markdown) ? markdown.indexOf("](" + SCHEME, at + 1) : fewer.indexOf("](" + SCHEME);
            markdown = fewer;
        }
        return markdown;
    }

    /** The ")" closing a link's destination that starts at {@code from}, past a quoted title; -1 when none. */
    private static int closingParenthesis(CharSequence s, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ')' && !quoted) {
                return i;
            } else if (c == '\n' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                return -1;
            }
        }
        return -1;
    }

    private static int openingBracket(CharSequence s, int close) {
        int depth = 1;
        for (int i = close - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if ((c == '[' || c == ']') && escaped(s, i)) {
                continue;
            }
            if (c == ']') {
                depth++;
            } else if (c == '[' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean escaped(CharSequence s, int i) {
        int backslashes = 0;
        for (int j = i - 1; j >= 0 && s.charAt(j) == '\\'; j--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static boolean isHeading(Element e) {
        return HEADING.matcher(e.tagName()).matches();
    }
}
