package dev.sheaf.render.epub;

import dev.sheaf.model.BookMeta;
import dev.sheaf.render.Labels;
import dev.sheaf.render.xhtml.Xml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
        Xml x = pages.start(labels.get("contents"), "contents");
        x.open("nav", "epub:type", "toc", "role", "doc-toc", "id", "toc", "aria-labelledby", "toc-title").nl();
        x.element("h1", labels.get("contents"), "id", "toc-title").nl();
        list(x, toc);
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
                x.open("li").open("a", "href", p[0]).text(p[1]).close("a").close("li").nl();
            }
            x.close("ol").nl();
            x.close("nav").nl();
        }
        return EpubPages.end(x);
    }

    private static void list(Xml x, List<TocEntry> entries) {
        x.open("ol").nl();
        for (TocEntry e : entries) {
            x.open("li").open("a", "href", e.href()).text(e.title()).close("a");
            if (!e.children().isEmpty()) {
                x.nl();
                list(x, e.children());
            }
            x.close("li").nl();
        }
        x.close("ol").nl();
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
        Map<String, Integer> playOrder = playOrder(toc, pageList, spineFiles);
        Xml x = new Xml();
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.open("ncx", "xmlns", "http://www.daisy.org/z3986/2005/ncx/", "version", "2005-1",
                "xml:lang", m.language()).nl();
        x.open("head").nl();
        x.empty("meta", "name", "dtb:uid", "content", m.identifier()).nl();
        x.empty("meta", "name", "dtb:depth", "content", Integer.toString(depth(toc))).nl();
        x.empty("meta", "name", "dtb:totalPageCount", "content", Integer.toString(pageList.size())).nl();
        x.empty("meta", "name", "dtb:maxPageNumber", "content", Integer.toString(maxPageNumber(pageList))).nl();
        x.close("head").nl();
        x.open("docTitle").element("text", m.title()).close("docTitle").nl();
        x.open("navMap").nl();
        points(x, toc, new int[] {0}, playOrder);
        x.close("navMap").nl();
        if (!pageList.isEmpty()) {
            // ANSI/NISO Z39.86-2005's pageList: a pageTarget per page, "normal" for the body's arabic numbers, "front" for others;
            // the same target may not have two play orders, nor two targets one (EPUBCheck's ncx.sch).
            x.open("pageList").nl();
            x.open("navLabel").element("text", pagesLabel).close("navLabel").nl();
            int n = 0;
            for (String[] p : pageList) {
                n++;
                boolean normal = ARABIC.matcher(p[1]).matches();
                x.open("pageTarget", "id", "pt-" + n, "type", normal ? "normal" : "front", "value",
                        normal ? p[1] : null, "playOrder", Integer.toString(playOrder.get(p[0]))).nl();
                x.open("navLabel").element("text", p[1]).close("navLabel").nl();
                x.empty("content", "src", p[0]).nl();
                x.close("pageTarget").nl();
            }
            x.close("pageList").nl();
        }
        x.close("ncx").nl();
        return x.toString();
    }
    private static void points(Xml x, List<TocEntry> entries, int[] n, Map<String, Integer> playOrder) {
        for (TocEntry e : entries) {
            n[0]++;
            String src = src(e);
            x.open("navPoint", "id", "np-" + n[0], "playOrder", Integer.toString(playOrder.get(src))).nl();
            x.open("navLabel").element("text", e.title()).close("navLabel").nl();
            x.empty("content", "src", src).nl();
            points(x, e.children(), n, playOrder);
            x.close("navPoint").nl();
        }
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
        // src -> sort key: spine position, then 0 for a document's top, 2 + page-list position for a marker.
        Map<String, long[]> keys = new LinkedHashMap<>();
        List<TocEntry> all = new ArrayList<>();
        flatten(toc, all);
        for (TocEntry e : all) {
            String src = src(e);
            keys.putIfAbsent(src, new long[] {position(spine, src), src.indexOf('#') < 0 ? 0 : 1});
        }
        for (int i = 0; i < pageList.size(); i++) {
            String src = pageList.get(i)[0];
            keys.putIfAbsent(src, new long[] {position(spine, src), 2L + i});
        }
        List<String> order = new ArrayList<>(keys.keySet());
        order.sort(Comparator.<String>comparingLong(k -> keys.get(k)[0]).thenComparingLong(k -> keys.get(k)[1]));
        Map<String, Integer> out = new HashMap<>();
        for (String src : order) {
            out.put(src, out.size() + 1);
        }
        return out;
    }

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
    private static int maxPageNumber(List<String[]> pageList) {
        int max = 0;
        for (String[] p : pageList) {
            if (ARABIC.matcher(p[1]).matches()) {
                max = Math.max(max, Integer.parseInt(p[1]));
            }
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
