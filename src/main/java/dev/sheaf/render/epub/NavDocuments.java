package dev.sheaf.render.epub;

import dev.sheaf.model.BookMeta;
import dev.sheaf.render.Labels;
import dev.sheaf.render.xhtml.Xml;

import java.util.List;

/** The EPUB 3 navigation document (contents and landmarks) and the EPUB 2 NCX for older readers. */
final class NavDocuments {

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

    static String ncx(BookMeta m, List<TocEntry> toc) {
        Xml x = new Xml();
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.open("ncx", "xmlns", "http://www.daisy.org/z3986/2005/ncx/", "version", "2005-1",
                "xml:lang", m.language()).nl();
        x.open("head").nl();
        x.empty("meta", "name", "dtb:uid", "content", m.identifier()).nl();
        x.empty("meta", "name", "dtb:depth", "content", Integer.toString(depth(toc))).nl();
        x.empty("meta", "name", "dtb:totalPageCount", "content", "0").nl();
        x.empty("meta", "name", "dtb:maxPageNumber", "content", "0").nl();
        x.close("head").nl();
        x.open("docTitle").element("text", m.title()).close("docTitle").nl();
        x.open("navMap").nl();
        points(x, toc, new int[] {0});
        x.close("navMap").nl();
        x.close("ncx").nl();
        return x.toString();
    }

    private static void points(Xml x, List<TocEntry> entries, int[] order) {
        for (TocEntry e : entries) {
            order[0]++;
            x.open("navPoint", "id", "np-" + order[0], "playOrder", Integer.toString(order[0])).nl();
            x.open("navLabel").element("text", e.title()).close("navLabel").nl();
            x.empty("content", "src", e.href().startsWith("../") ? e.href().substring(3) : e.href()).nl();
            points(x, e.children(), order);
            x.close("navPoint").nl();
        }
    }

    private static int depth(List<TocEntry> toc) {
        int d = 0;
        for (TocEntry e : toc) {
            d = Math.max(d, 1 + depth(e.children()));
        }
        return d;
    }
}
