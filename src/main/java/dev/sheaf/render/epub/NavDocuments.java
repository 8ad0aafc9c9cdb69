package dev.sheaf.render.epub;

import dev.sheaf.model.BookMeta;
import dev.sheaf.render.Labels;
import dev.sheaf.render.xhtml.Xml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The EPUB 3 navigation document (contents and landmarks) and the EPUB 2 NCX for older readers. */
final class NavDocuments {

    /** A page number in arabic figures (compiled once: a large book's page list has thousands). */
    private static final java.util.regex.Pattern ARABIC = java.util.regex.Pattern.compile("[1-9][0-9]{0,8}");

    private NavDocuments() { }

    /**
     * @param landmarks pairs of epub:type, href, label
     * @param pageList  the print edition's pages: href of the marker, printed number
     */
    static String nav(EpubPages pages, Labels labels, List<TocEntry> toc, List<String[]> landmarks,
                      List<String[]> pageList) {
        return nav(pages, labels, toc, landmarks, pageList, NavText.empty());
    }

    /** {@link #nav}, its entries taken from {@code kept} where it holds them (see {@link NavText}). */
    static String nav(EpubPages pages, Labels labels, List<TocEntry> toc, List<String[]> landmarks,
                      List<String[]> pageList, NavText kept) {
        Xml x = pages.start(labels.get("contents"), "contents");
        x.open("nav", "epub:type", "toc", "role", "doc-toc", "id", "toc", "aria-labelledby", "toc-title").nl();
        x.element("h1", labels.get("contents"), "id", "toc-title").nl();
        x.raw("<ol>\n");
        for (TocEntry e : toc) {
            x.raw(kept.get(new NavItem(e), NavDocuments::item));
        }
        x.raw("</ol>\n");
        x.close("nav").nl();
        x.open("nav", "epub:type", "landmarks", "id", "landmarks", "hidden", "hidden").nl();
        x.element("h2", "Landmarks").nl();
        x.open("ol").nl();
        for (String[] l : landmarks) {
            x.open("li").open("a", "epub:type", l[0], "href", l[1]).text(l[2]).close("a").close("li").nl();
        }
        x.close("ol").nl();
        x.close("nav").nl();
        if (!pageList.isEmpty()) {
            x.open("nav", "epub:type", "page-list", "role", "doc-pagelist", "id", "page-list", "hidden", "hidden",
                    "aria-labelledby", "page-list-title").nl();
            x.element("h2", labels.get("pages"), "id", "page-list-title").nl();
            x.open("ol").nl();
            for (String[] p : pageList) {
                x.raw(kept.get(new NavPage(p[0], p[1]), NavDocuments::page));
            }
            x.close("ol").nl();
            x.close("nav").nl();
        }
        return EpubPages.end(x);
    }

    /** A contents entry of the nav document, with its children. */
    private record NavItem(TocEntry entry) { }

    /** An entry of the nav document's page list. */
    private record NavPage(String href, String label) { }

    private static String item(NavItem item) {
        Xml x = new Xml(256);
        item(x, item.entry());
        return x.toString();
    }

    private static void item(Xml x, TocEntry e) {
        x.open("li").open("a", "href", e.href()).text(e.title()).close("a");
        if (!e.children().isEmpty()) {
            x.nl();
            x.open("ol").nl();
            for (TocEntry child : e.children()) {
                item(x, child);
            }
            x.close("ol").nl();
        }
        x.close("li").nl();
    }

    private static String page(NavPage p) {
        return new Xml(128).open("li").open("a", "href", p.href()).text(p.label()).close("a").close("li").nl()
                .toString();
    }

    /**
     * The NCX: the contents as a nav map and, when the EPUB carries the print edition's page numbers, a page list
     * for reading systems that read EPUB 2 navigation.
     *
     * @param pagesLabel the page list's heading ("Pages" in the book's language)
     * @param toc        the contents, hrefs relative to the NCX
     * @param pageList   the print edition's pages in page order: href of the marker relative to the NCX, printed
     *                   number
     * @param spineFiles the content documents in reading order, relative to the NCX
     */
    static String ncx(BookMeta m, String pagesLabel, List<TocEntry> toc, List<String[]> pageList,
                      List<String> spineFiles) {
        return ncx(m, pagesLabel, toc, pageList, spineFiles, NavText.empty());
    }

    /** {@link #ncx}, its entries taken from {@code kept} where it holds them (see {@link NavText}). */
    static String ncx(BookMeta m, String pagesLabel, List<TocEntry> toc, List<String[]> pageList,
                      List<String> spineFiles, NavText kept) {
        Map<String, Integer> playOrder = playOrder(toc, pageList, spineFiles);
        List<PageTarget> targets = new ArrayList<>(pageList.size());
        for (String[] p : pageList) {
            targets.add(kept.get(new NcxPage(p[0], p[1]), NavDocuments::pageTarget));
        }
        Xml x = new Xml();
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.open("ncx", "xmlns", "http://www.daisy.org/z3986/2005/ncx/", "version", "2005-1",
                "xml:lang", m.language()).nl();
        x.open("head").nl();
        x.empty("meta", "name", "dtb:uid", "content", m.identifier()).nl();
        x.empty("meta", "name", "dtb:depth", "content", Integer.toString(depth(toc))).nl();
        x.empty("meta", "name", "dtb:totalPageCount", "content", Integer.toString(pageList.size())).nl();
        x.empty("meta", "name", "dtb:maxPageNumber", "content", Integer.toString(maxPageNumber(targets))).nl();
        x.close("head").nl();
        x.open("docTitle").element("text", m.title()).close("docTitle").nl();
        x.open("navMap").nl();
        points(x, toc, new int[] {0}, playOrder, kept);
        x.close("navMap").nl();
        if (!pageList.isEmpty()) {
            // ANSI/NISO Z39.86-2005's pageList: a pageTarget per page, "normal" for the body's arabic numbers, "front" for others;
            // the same target may not have two play orders, nor two targets one (EPUBCheck's ncx.sch).
            x.open("pageList").nl();
            x.open("navLabel").element("text", pagesLabel).close("navLabel").nl();
            int n = 0;
            for (PageTarget t : targets) {
                n++;
                // As Xml writes <pageTarget id="pt-n" type=… value=… playOrder="…">: numbers need no escaping.
                x.raw("<pageTarget id=\"pt-").raw(Integer.toString(n)).raw(t.attributes())
                        .raw(Integer.toString(playOrder.get(t.src()))).raw(t.rest());
            }
            x.close("pageList").nl();
        }
        x.close("ncx").nl();
        return x.toString();
    }
    private static void points(Xml x, List<TocEntry> entries, int[] n, Map<String, Integer> playOrder,
                               NavText kept) {
        for (TocEntry e : entries) {
            n[0]++;
            String src = src(e);
            // As Xml writes <navPoint id="np-n" playOrder="…">: numbers need no escaping.
            x.raw("<navPoint id=\"np-").raw(Integer.toString(n[0])).raw("\" playOrder=\"")
                    .raw(Integer.toString(playOrder.get(src)))
                    .raw(kept.get(new NcxPoint(e.title(), src), NavDocuments::point));
            points(x, e.children(), n, playOrder, kept);
            x.close("navPoint").nl();
        }
    }

    /** A navPoint's label and target. */
    private record NcxPoint(String title, String src) { }

    /** A page of the NCX's page list: the href of its marker and its printed number. */
    private record NcxPage(String src, String label) { }

    /**
     * A pageTarget's text but for its two numbers: {@code <pageTarget id="pt-} n {@code attributes} play order
     * {@code rest}; and its arabic page number (0 for another label).
     */
    private record PageTarget(String src, String attributes, String rest, int arabic) { }

    /** The rest of a navPoint after its play order, up to its children. */
    private static String point(NcxPoint p) {
        return new Xml(256).raw("\">").nl().open("navLabel").element("text", p.title()).close("navLabel").nl()
                .empty("content", "src", p.src()).nl().toString();
    }

    /**
     * ANSI/NISO Z39.86-2005's pageTarget: "normal" for the body's arabic numbers, "front" for others; attributes as
     * Xml writes them (an arabic number needs no escaping).
     */
    private static PageTarget pageTarget(NcxPage p) {
        boolean normal = ARABIC.matcher(p.label()).matches();
        String attributes = "\" type=\"" + (normal ? "normal\" value=\"" + p.label() : "front") + "\" playOrder=\"";
        String rest = new Xml(256).raw("\">").nl().open("navLabel").element("text", p.label()).close("navLabel").nl()
                .empty("content", "src", p.src()).nl().close("pageTarget").nl().toString();
        return new PageTarget(p.src(), attributes, rest, normal ? Integer.parseInt(p.label()) : 0);
    }

    private static String src(TocEntry e) {
        return e.href().startsWith("../") ? e.href().substring(3) : e.href();
    }

    /**
     * Play order numbers 1, 2, 3… without gaps for every distinct target of the nav map and the page list, in
     * reading order: documents in spine order, in a document its top before its page breaks (in page order).
     * Targets that are the same get one number, as the NCX requires.
     */
    static Map<String, Integer> playOrder(List<TocEntry> toc, List<String[]> pageList, List<String> spineFiles) {
        Map<String, Integer> spine = new HashMap<>();
        for (String f : spineFiles) {
            spine.putIfAbsent(f, spine.size());
        }
        // src -> sort key: spine position, then 0 for a document's top, 1 for a place in it named by the contents,
        // 2 + page-list position for a marker; in one long (position above 32 bits), sorted stably.
        Map<String, Integer> out = new HashMap<>(2 * (toc.size() + pageList.size()));
        List<Target> order = new ArrayList<>();
        List<TocEntry> all = new ArrayList<>();
        flatten(toc, all);
        for (TocEntry e : all) {
            String src = src(e);
            if (out.putIfAbsent(src, 0) == null) {
                order.add(new Target(src, position(spine, src) << 32 | (src.indexOf('#') < 0 ? 0 : 1)));
            }
        }
        for (int i = 0; i < pageList.size(); i++) {
            String src = pageList.get(i)[0];
            if (out.putIfAbsent(src, 0) == null) {
                order.add(new Target(src, position(spine, src) << 32 | 2L + i));
            }
        }
        order.sort(Comparator.comparingLong(Target::key));
        int n = 0;
        for (Target t : order) {
            out.put(t.src(), ++n);
        }
        return out;
    }

    /** A target of the NCX and its sort key. */
    private record Target(String src, long key) { }

    /** A document's place in the spine; documents not in it (none should be) come last. */
    private static long position(Map<String, Integer> spine, String src) {
        int hash = src.indexOf('#');
        Integer at = spine.get(hash < 0 ? src : src.substring(0, hash));
        return at == null ? Integer.MAX_VALUE : at;
    }

    private static void flatten(List<TocEntry> entries, List<TocEntry> out) {
        for (TocEntry e : entries) {
            out.add(e);
            flatten(e.children(), out);
        }
    }

    /** The highest arabic page number of the page list, 0 when it has none. */
    private static int maxPageNumber(List<PageTarget> pageList) {
        int max = 0;
        for (PageTarget p : pageList) {
            max = Math.max(max, p.arabic());
        }
        return max;
    }

    private static int depth(List<TocEntry> toc) {
        int d = 0;
        for (TocEntry e : toc) {
            d = Math.max(d, 1 + depth(e.children()));
        }
        return d;
    }
}
