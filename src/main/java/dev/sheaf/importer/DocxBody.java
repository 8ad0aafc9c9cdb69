package dev.sheaf.importer;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.sheaf.importer.DocxImporter.attr;
import static dev.sheaf.importer.DocxImporter.isWordNs;

/**
 * The paragraphs, tables and notes of a Word document as simple HTML blocks. Runs with the same
 * formatting are merged before they are written, so "*a**b*" never comes out of two italic runs.
 */
final class DocxBody {

    /** One block: a paragraph (with its kind) or a whole table. */
    record Para(String kind, int level, boolean ordered, String html, String plain, boolean allItalic, boolean allBold) { }

    /** A footnote or endnote, labelled in order of first reference. */
    record Note(String label, String html) { }

    private static final Pattern NOTE_MARK = Pattern.compile("\u2063FN(\\d+)\u2063");
    /** A HYPERLINK field: to an address, or with {@code \\l} to a bookmark of the document (Word's tables of contents). */
    private static final Pattern HYPERLINK_FIELD = Pattern.compile("HYPERLINK\\s+(\\\\l\\s+)?\"([^\"]+)\"");

    private final DocxImporter.DocxPackage pkg;
    final List<Para> blocks = new ArrayList<>();
    final List<MediaFile> media = new ArrayList<>();
    int tables;
    private final Map<String, String> footnotes = new HashMap<>();
    private final Map<String, String> endnotes = new HashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();   // "f:3" / "e:2" → label
    private final Map<String, String> mediaByTarget = new HashMap<>();

    DocxBody(DocxImporter.DocxPackage pkg) {
        this.pkg = pkg;
    }

    /** A run of text with one formatting. */
    private record Seg(String text, boolean bold, boolean italic, boolean strike, String href, boolean raw) { }

    /** The relationships of the part being read: notes have their own (a link in a footnote is rId1 of footnotes.xml). */
    private DocxImporter.DocxPackage.Rels rels;

    void read(String part) throws IOException, XMLStreamException {
        readNotes(pkg.related("/footnotes"), "footnote", footnotes);
        readNotes(pkg.related("/endnotes"), "endnote", endnotes);
        rels = pkg.rels(part);
        bookmarks.clear();   // the notes' own, which no link in the text leads to
        XMLStreamReader r = pkg.open(part);
        parse(r, blocks, null);
    }

    private void readNotes(String part, String element, Map<String, String> into) throws IOException, XMLStreamException {
        XMLStreamReader r = pkg.open(part);
        if (r == null) {
            return;
        }
        rels = pkg.rels(part);
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals(element)) {
                String id = attr(r, "id");
                String type = attr(r, "type");
                List<Para> paras = new ArrayList<>();
                parse(r, paras, element);
                if (type == null || type.equals("normal")) {
                    StringBuilder html = new StringBuilder();
                    paras.forEach(p -> html.append("<p>").append(p.html()).append("</p>"));
                    into.put(id, html.toString());
                }
            }
        }
    }

    /** Reads paragraphs and tables until the end of {@code until} (or of the part). */
    private void parse(XMLStreamReader r, List<Para> out, String until) throws XMLStreamException, IOException {
        List<Seg> segs = null;
        String style = null;
        String numId = null;
        String ilvl = null;
        int outline = -1;
        boolean bold = false;
        boolean italic = false;
        boolean strike = false;
        boolean superscript = false;
        boolean inRunProps = false;
        boolean inParaProps = false;
        String href = null;
        String fieldHref = null;
        // tables: rows of cells of paragraph HTML
        List<List<String>> rows = null;
        List<String> row = null;
        StringBuilder cell = null;
        int tableDepth = 0;
        boolean deleted = false;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                String name = r.getLocalName();
                if (name.equals(until)) {
                    return;
                }
                switch (name) {
                    case "p" -> {
                        if (segs == null) {
                            break;
                        }
                        Para para = withBookmarks(paragraph(segs, style, numId, ilvl, outline));
                        if (cell != null) {
                            // A pipe table has no line breaks inside a cell: its paragraphs run on, a space apart.
                            cell.append(cell.length() > 0 ? " " : "").append(para.html().replace("<br>", " "));
                            if (!para.plain().isBlank()) {
                                bookmarks.clear();
                            }
                        } else if (!para.plain().isBlank() || para.html().contains("<img") || NOTE_MARK.matcher(para.html()).find()) {
                            out.add(para);
                            bookmarks.clear();
                        }
                        segs = null;
                    }
                    case "rPr" -> inRunProps = false;
                    case "pPr" -> inParaProps = false;
                    case "r" -> {
                        bold = false;
                        italic = false;
                        strike = false;
                        superscript = false;
                    }
                    case "hyperlink" -> href = null;
                    case "del", "moveFrom" -> deleted = false;
                    case "tc" -> {
                        if (tableDepth == 1 && row != null && cell != null) {
                            row.add(cell.toString());
                            cell = null;
                        }
                    }
                    case "tr" -> {
                        if (tableDepth == 1 && rows != null && row != null) {
                            rows.add(row);
                            row = null;
                        }
                    }
                    case "tbl" -> {
                        tableDepth--;
                        if (tableDepth == 0 && rows != null && rows.stream().flatMap(List::stream)
                                .anyMatch(c -> !c.replaceAll("<[^>]*>", "").isBlank() || c.contains("<img"))) {
                            out.add(new Para("table", 0, false, table(rows), "table", false, false));
                            tables++;
                            rows = null;
                        }
                    }
                    default -> { }
                }
                continue;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = r.getLocalName();
            String ns = r.getNamespaceURI();
            if (name.equals("Fallback") && DocxImporter.MC.equals(ns)) {
                skip(r);   // the same content again for older readers (a text box as VML after its DrawingML form)
                continue;
            }
            switch (name) {
                case "tbl" -> {
                    tableDepth++;
                    if (tableDepth == 1) {
                        rows = new ArrayList<>();
                    }
                }
                case "tr" -> {
                    if (tableDepth == 1) {
                        row = new ArrayList<>();
                    }
                }
                case "tc" -> {
                    if (tableDepth == 1) {
                        cell = new StringBuilder();
                    }
                }
                case "p" -> {
                    if (!isWordNs(ns)) {
                        break;
                    }
                    segs = new ArrayList<>();
                    style = null;
                    numId = null;
                    ilvl = null;
                    outline = -1;
                }
                case "pPr" -> inParaProps = true;
                case "rPr" -> inRunProps = true;
                case "pStyle" -> style = attr(r, "val");
                case "numId" -> numId = inParaProps ? attr(r, "val") : numId;
                case "ilvl" -> ilvl = inParaProps ? attr(r, "val") : ilvl;
                case "outlineLvl" -> outline = inParaProps ? parseInt(attr(r, "val")) : outline;
                case "b" -> bold = inRunProps && on(r) || bold;
                case "i" -> italic = inRunProps && on(r) || italic;
                case "strike", "dstrike" -> strike = inRunProps && on(r) || strike;
                case "vertAlign" -> superscript = inRunProps && "superscript".equals(attr(r, "val"));
                case "del", "moveFrom" -> deleted = true;
                case "hyperlink" -> {
                    String id = attr(r, "id");
                    String anchor = attr(r, "anchor");
                    href = id != null && rels.external.contains(id) ? rels.targets.get(id)
                            : anchor != null && !anchor.isBlank() ? "#" + anchor : null;
                }
                case "bookmarkStart" -> {
                    String bookmark = attr(r, "name");
                    if (bookmark != null && !bookmark.isBlank() && !bookmark.equals("_GoBack")) {
                        bookmarks.add(bookmark);
                    }
                }
                case "instrText" -> {
                    Matcher m = HYPERLINK_FIELD.matcher(r.getElementText());
                    if (m.find()) {
                        fieldHref = m.group(1) != null ? "#" + m.group(2) : m.group(2);
                    }
                }
                case "fldChar" -> {
                    String type = attr(r, "fldCharType");
                    if ("separate".equals(type) && fieldHref != null) {
                        href = fieldHref;
                    } else if ("end".equals(type)) {
                        if (fieldHref != null) {
                            href = null;
                        }
                        fieldHref = null;
                    }
                }
                case "t" -> {
                    String text = r.getElementText();
                    if (segs != null && !deleted && isWordNs(ns)) {
                        segs.add(new Seg(text, bold, italic, strike, href, false));
                    }
                }
                case "tab" -> {
                    if (segs != null && !inParaProps) {
                        segs.add(new Seg(" ", bold, italic, strike, href, false));
                    }
                }
                case "br", "cr" -> {
                    if (segs != null && isWordNs(ns) && !"page".equals(attr(r, "type")) && !"column".equals(attr(r, "type"))) {
                        segs.add(new Seg("<br>", false, false, false, null, true));
                    }
                }
                case "noBreakHyphen" -> {
                    if (segs != null) {
                        segs.add(new Seg("\u2011", bold, italic, strike, href, false));
                    }
                }
                case "footnoteReference", "endnoteReference" -> {
                    if (segs != null) {
                        String key = (name.startsWith("foot") ? "f:" : "e:") + attr(r, "id");
                        String label = labels.computeIfAbsent(key, k -> String.valueOf(labels.size() + 1));
                        segs.add(new Seg("\u2063FN" + label + "\u2063", false, false, false, null, true));
                    }
                }
                case "blip", "imagedata" -> {
                    // r:embed is a picture inside the package; r:link one Word only links to (kept as a link).
                    String embed = attr(r, "embed");
                    String id = embed != null ? embed : name.equals("imagedata") ? attr(r, "id") : attr(r, "link");
                    if (segs != null && id != null && rels.targets.containsKey(id)) {
                        String img = rels.external.contains(id) ? rels.targets.get(id) : image(rels.targets.get(id));
                        if (img != null) {
                            segs.add(new Seg("<img src=\"" + escape(img) + "\" alt=\"" + escape(lastAlt) + "\">", false, false, false, null, true));
                        }
                    }
                }
                case "docPr" -> lastAlt = first(r.getAttributeValue(null, "descr"), r.getAttributeValue(null, "title"), "");
                default -> { }
            }
        }
    }

    private String lastAlt = "";
    /** Bookmarks not yet placed: those of the paragraph being read, and of empty paragraphs before it. */
    private final List<String> bookmarks = new ArrayList<>();

    /**
     * The paragraph with its bookmarks as anchors in front of it (where a link to them leads; inside the
     * text they would split a run of emphasis in two). An empty paragraph passes its bookmarks on.
     */
    private Para withBookmarks(Para p) {
        if (bookmarks.isEmpty()) {
            return p;
        }
        StringBuilder anchors = new StringBuilder();
        for (String b : bookmarks) {
            anchors.append("<a id=\"").append(escape(b)).append("\"></a>");
        }
        if (p.html().isEmpty() || p.plain().isBlank() && !p.html().contains("<img")) {
            return p;
        }
        return new Para(p.kind(), p.level(), p.ordered(), anchors + p.html(), p.plain(), p.allItalic(), p.allBold());
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    /** Copies a picture out of the package (once, however often it is shown); {@code path} is its part name. */
    private String image(String path) throws IOException {
        if (mediaByTarget.containsKey(path)) {
            return mediaByTarget.get(path);
        }
        byte[] data = pkg.bytes(path);
        if (data == null) {
            return null;
        }
        String ref = addMedia(path.substring(path.lastIndexOf('/') + 1), data);
        mediaByTarget.put(path, ref);
        return ref;
    }

    /** Adds a picture under a name unique within the piece; returns its {@code media:} reference. */
    String addMedia(String fileName, byte[] data) {
        String name = Slugify.fileName(fileName);
        for (int n = 2; taken(name); n++) {
            String base = Slugify.fileName(fileName);
            int bdot = base.lastIndexOf('.');
            name = bdot < 0 ? base + "-" + n : base.substring(0, bdot) + "-" + n + base.substring(bdot);
        }
        media.add(new MediaFile(name, data));
        return MediaFile.reference(name);
    }

    private boolean taken(String name) {
        return media.stream().anyMatch(m -> m.name().equals(name));
    }

    private Para paragraph(List<Seg> segs, String style, String numId, String ilvl, int outline) {
        List<Seg> merged = new ArrayList<>();
        for (Seg s : segs) {
            if (s.text().isEmpty()) {
                continue;
            }
            Seg last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !s.raw() && !last.raw() && last.bold() == s.bold() && last.italic() == s.italic()
                    && last.strike() == s.strike() && java.util.Objects.equals(last.href(), s.href())) {
                merged.set(merged.size() - 1, new Seg(last.text() + s.text(), s.bold(), s.italic(), s.strike(), s.href(), false));
            } else {
                merged.add(s);
            }
        }
        StringBuilder html = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        boolean allItalic = true;
        boolean allBold = true;
        String openHref = null;
        for (Seg s : merged) {
            if (!java.util.Objects.equals(openHref, s.href())) {
                if (openHref != null) {
                    html.append("</a>");
                }
                if (s.href() != null) {
                    html.append("<a href=\"").append(escape(s.href())).append("\">");
                }
                openHref = s.href();
            }
            if (s.raw()) {
                html.append(s.text());
                continue;
            }
            plain.append(s.text());
            if (!s.text().isBlank()) {
                allItalic &= s.italic();
                allBold &= s.bold();
            }
            String t = escape(s.text());
            if (s.strike()) {
                t = "<del>" + t + "</del>";
            }
            if (s.italic()) {
                t = "<em>" + t + "</em>";
            }
            if (s.bold()) {
                t = "<strong>" + t + "</strong>";
            }
            html.append(t);
        }
        if (openHref != null) {
            html.append("</a>");
        }
        String styleName = pkg.styleName(style);
        int heading = pkg.isSubtitle(style) ? 0 : pkg.headingLevel(style);
        if (heading == 0 && outline >= 0 && outline < 9) {
            heading = Math.min(6, outline + 1);
        }
        String kind;
        int level = 0;
        boolean ordered = false;
        if (heading == -1) {
            kind = "title";
        } else if (pkg.isSubtitle(style)) {
            kind = "subtitle";
        } else if (heading > 0) {
            kind = "h";
            level = heading;
        } else if (numId == null && pkg.styleNumId(style) != null && !pkg.styleNumId(style).equals("0")) {
            kind = "li";
            level = parseInt(ilvl);
            ordered = pkg.ordered(pkg.styleNumId(style), ilvl);
        } else if (numId != null && !numId.equals("0")) {
            kind = "li";
            level = parseInt(ilvl);
            ordered = pkg.ordered(numId, ilvl);
        } else if (style != null && pkg.isQuote(style)) {
            kind = "quote";
        } else if (styleName.equals("author") || styleName.equals("date")) {
            kind = styleName;   // the title block pandoc and some templates write: used as metadata, not text
        } else if (styleName.contains("caption") && !html.toString().contains("<img")) {
            kind = "caption";
        } else {
            kind = "p";
        }
        String text = plain.toString().strip();
        return new Para(kind, level, ordered, html.toString().strip(), text, allItalic && !text.isEmpty(),
                allBold && !text.isEmpty());
    }

    /** The text of the first paragraph styled {@code kind} ("date", "author"), or null. */
    String styled(String kind) {
        return blocks.stream().filter(p -> p.kind().equals(kind)).map(Para::plain).findFirst().orElse(null);
    }

    /** A first-line title: a Title-styled paragraph, or a first heading or short bold line with text after it. */
    String leadingTitle() {
        if (blocks.size() < 2) {
            return null;
        }
        Para first = blocks.get(0);
        boolean title = first.kind().equals("title") || first.kind().equals("h") && first.level() == 1
                || first.kind().equals("p") && first.allBold() && first.plain().length() < 200;
        if (!title) {
            return null;
        }
        blocks.remove(0);
        return first.plain();
    }

    /** An italic (or Subtitle-styled) paragraph right under the title. */
    String standfirst() {
        if (blocks.size() < 2) {
            return null;
        }
        Para first = blocks.get(0);
        if (first.kind().equals("subtitle") || first.kind().equals("p") && first.allItalic() && first.plain().length() < 400) {
            blocks.remove(0);
            return first.plain();
        }
        return null;
    }

    String html() {
        StringBuilder b = new StringBuilder();
        List<Boolean> open = new ArrayList<>();   // the open lists, outermost first (true = ordered)
        String previous = "";
        for (Para p : blocks) {
            String before = previous;
            previous = p.html();
            if (p.kind().equals("li")) {
                int depth = p.level() + 1;
                while (open.size() > depth) {
                    b.append("</li>").append(open.remove(open.size() - 1) ? "</ol>" : "</ul>");
                }
                if (open.size() == depth) {
                    b.append("</li>");
                }
                while (open.size() < depth) {
                    open.add(p.ordered());
                    b.append(p.ordered() ? "<ol>" : "<ul>");
                }
                b.append("<li>").append(p.html());
                continue;
            }
            while (!open.isEmpty()) {
                b.append("</li>").append(open.remove(open.size() - 1) ? "</ol>" : "</ul>");
            }
            switch (p.kind()) {
                case "h" -> b.append("<h").append(Math.max(2, p.level())).append('>').append(p.html())
                        .append("</h").append(Math.max(2, p.level())).append('>');
                case "title", "subtitle" -> b.append("<h2>").append(p.html()).append("</h2>");
                case "quote" -> b.append("<blockquote><p>").append(p.html()).append("</p></blockquote>");
                case "table" -> b.append(p.html());
                case "caption" -> {
                    // pandoc and Word's "Insert Caption" write the alt text again under a picture: once is enough.
                    if (!before.contains("alt=\"" + escape(p.plain()) + "\"")) {
                        b.append("<p><em>").append(p.html()).append("</em></p>");
                    }
                }
                case "author", "date" -> { }
                default -> b.append("<p>").append(p.html()).append("</p>");
            }
        }
        while (!open.isEmpty()) {
            b.append("</li>").append(open.remove(open.size() - 1) ? "</ol>" : "</ul>");
        }
        return b.toString();
    }

    /** Notes in the order their references appear in the text. */
    List<Note> notesInOrder() {
        List<Note> notes = new ArrayList<>();
        for (Map.Entry<String, String> e : labels.entrySet()) {
            String id = e.getKey().substring(2);
            String html = e.getKey().startsWith("f:") ? footnotes.get(id) : endnotes.get(id);
            notes.add(new Note(e.getValue(), html == null ? "<p>(empty note)</p>" : html));
        }
        return notes;
    }

    static String restoreNoteMarks(String markdown) {
        return NOTE_MARK.matcher(markdown).replaceAll("[^$1]");
    }

    private static String table(List<List<String>> rows) {
        StringBuilder b = new StringBuilder("<table>");
        for (int i = 0; i < rows.size(); i++) {
            b.append("<tr>");
            for (String c : rows.get(i)) {
                String tag = i == 0 ? "th" : "td";
                b.append('<').append(tag).append('>').append(c).append("</").append(tag).append('>');
            }
            b.append("</tr>");
        }
        return b.append("</table>").toString();
    }

    /** Reads past the end of the element the reader is on. */
    private static void skip(XMLStreamReader r) throws XMLStreamException {
        for (int depth = 1; depth > 0 && r.hasNext(); ) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static boolean on(XMLStreamReader r) {
        String v = attr(r, "val");
        return v == null || !(v.equals("0") || v.equals("false") || v.equals("none"));
    }

    private static int parseInt(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
