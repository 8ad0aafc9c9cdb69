package dev.sheaf.render.epub;

import dev.sheaf.model.BookMeta;
import dev.sheaf.render.Labels;
import dev.sheaf.render.xhtml.Xml;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The EPUB 3 package document ({@code content.opf}): metadata, manifest, spine and the index's collection. */
final class PackageDocument {

    private PackageDocument() { }

    /**
     * @param spine  ids of the items in reading order
     * @param visual    whether the book holds images (it then declares a visual access mode)
     * @param described whether every image has a text alternative (the EPUB then claims WCAG 2.2 AA)
     * @param pageSource the edition whose page breaks the EPUB marks, or null when it marks none
     * @param index     the hrefs of the index's documents in reading order (none when the book has no index): one
     *                  is declared by the {@code index} property of its item, several by a collection of role
     *                  {@code index} (EPUB Indexes 1.0, 2.3.2), so that a reading system that knows indexes finds
     *                  all of them as one index
     */
    static String write(BookMeta m, Labels labels, Instant modified, List<EpubItem> items, List<String> spine,
                        String coverImageId, boolean visual, boolean described, String pageSource,
                        List<String> index) {
        Xml x = new Xml();
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.open("package", "xmlns", "http://www.idpf.org/2007/opf", "version", "3.0",
                "unique-identifier", "pub-id", "xml:lang", m.language()).nl();
        x.open("metadata", "xmlns:dc", "http://purl.org/dc/elements/1.1/").nl();
        x.element("dc:identifier", m.identifier(), "id", "pub-id").nl();
        x.element("dc:title", m.title(), "id", "title").nl();
        x.element("meta", "main", "refines", "#title", "property", "title-type").nl();
        if (m.subtitle() != null) {
            x.element("dc:title", m.subtitle(), "id", "subtitle").nl();
            x.element("meta", "subtitle", "refines", "#subtitle", "property", "title-type").nl();
        }
        for (int i = 0; i < m.authors().size(); i++) {
            String id = "creator-" + (i + 1);
            x.element("dc:creator", m.authors().get(i), "id", id).nl();
            x.element("meta", "aut", "refines", "#" + id, "property", "role", "scheme", "marc:relators").nl();
        }
        x.element("dc:language", m.language()).nl();
        if (m.publisher() != null) {
            x.element("dc:publisher", m.publisher()).nl();
        }
        x.element("dc:date", m.date().toString()).nl();
        if (m.rights() != null) {
            x.element("dc:rights", m.rights()).nl();
        }
        if (m.description() != null) {
            x.element("dc:description", m.description()).nl();
        }
        x.element("meta", DateTimeFormatter.ISO_INSTANT.format(modified.truncatedTo(ChronoUnit.SECONDS)),
                "property", "dcterms:modified").nl();
        if (coverImageId != null) {
            x.empty("meta", "name", "cover", "content", coverImageId).nl();
        }
        if (pageSource != null) {
            // EPUB 3.3: the source of the pagination; EPUB Accessibility 1.1: the source of the page breaks.
            x.element("dc:source", pageSource, "id", "print-source").nl();
            x.element("meta", "pagination", "refines", "#print-source", "property", "source-of").nl();
            x.element("meta", pageSource, "property", "pageBreakSource").nl();
        }
        accessibility(x, labels, visual, pageSource != null);
        if (described) {
            // The claim EPUB Accessibility 1.1 defines, made only when every image has a text alternative; the
            // rest (structure, language, reading order, navigation, no hazards) holds for every Sheaf EPUB.
            x.element("meta", "EPUB Accessibility 1.1 - WCAG 2.2 Level AA", "property", "dcterms:conformsTo").nl();
            x.element("meta", m.publisher() != null ? m.publisher() : m.authorLine(),
                    "property", "a11y:certifiedBy").nl();
        }
        x.close("metadata").nl();
        x.open("manifest").nl();
        for (EpubItem item : items) {
            String properties = index.size() == 1 && item.href().equals(index.get(0))
                    ? (item.properties() == null ? "index" : item.properties() + " index") : item.properties();
            x.empty("item", "id", item.id(), "href", item.href(), "media-type", item.mediaType(),
                    "properties", properties).nl();
        }
        x.close("manifest").nl();
        x.open("spine", "toc", "ncx").nl();
        for (String id : spine) {
            x.empty("itemref", "idref", id).nl();
        }
        x.close("spine").nl();
        if (index.size() > 1) {
            x.open("collection", "role", "index").nl();
            index.forEach(href -> x.empty("link", "href", href).nl());
            x.close("collection").nl();
        }
        x.close("package").nl();
        return x.toString();
    }

    /** Schema.org accessibility metadata (EPUB Accessibility 1.1). */
    private static void accessibility(Xml x, Labels labels, boolean visual, boolean pages) {
        x.element("meta", "textual", "property", "schema:accessMode").nl();
        if (visual) {
            x.element("meta", "visual", "property", "schema:accessMode").nl();
        }
        x.element("meta", "textual", "property", "schema:accessModeSufficient").nl();
        for (String f : List.of("structuralNavigation", "tableOfContents", "readingOrder", "alternativeText")) {
            x.element("meta", f, "property", "schema:accessibilityFeature").nl();
        }
        if (pages) {
            x.element("meta", "pageBreakMarkers", "property", "schema:accessibilityFeature").nl();
            x.element("meta", "pageNavigation", "property", "schema:accessibilityFeature").nl();
        }
        x.element("meta", "none", "property", "schema:accessibilityHazard").nl();
        x.element("meta", labels.get("a11y.summary") + (pages ? " " + labels.get("a11y.summary.pages") : ""),
                "property", "schema:accessibilitySummary").nl();
    }
}
