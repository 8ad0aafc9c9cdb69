package dev.sheaf.importer;

import dev.sheaf.diag.MessageId;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A Word document (.docx, WordprocessingML), read part by part with StAX rather than through a
 * document library: the body is turned into simple HTML (headings from the styles' names or outline
 * levels, lists from numbering.xml, footnotes and endnotes, hyperlinks from the relationships, images
 * from the package) and then into Markdown like every other source.
 */
final class DocxImporter implements SourceImporter {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    /** ISO 29500 Strict, which Word writes when asked for "Strict Open XML Document". */
    static final String W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    static final String R_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships";
    static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    static boolean isWordNs(String ns) {
        return W.equals(ns) || W_STRICT.equals(ns);
    }

    /**
     * An attribute by local name in the WordprocessingML or relationships namespace (transitional or
     * strict) or in none; never one of Word's later extensions ({@code w14:val}), which may sit beside it.
     */
    static String attr(XMLStreamReader r, String local) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equals(local)) {
                String ns = r.getAttributeNamespace(i);
                if (ns == null || ns.isEmpty() || isWordNs(ns) || R.equals(ns) || R_STRICT.equals(ns)) {
                    return r.getAttributeValue(i);
                }
            }
        }
        return null;
    }

    @Override
    public String format() {
        return "Word document";
    }

    @Override
    public SourceBatch read(Path file, ImportContext context) throws ImportFailure, IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(1 << 16);
        }
        if (head.length >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11
                && (head[3] & 0xff) == 0xE0) {
            // An OLE compound file: Word wraps an encrypted .docx in one (streams EncryptionInfo and
            // EncryptedPackage, named in UTF-16 in its directory); old binary .doc files are one too.
            boolean encrypted = new String(head, java.nio.charset.StandardCharsets.UTF_16LE).contains("EncryptionInfo")
                    || new String(head, 1, head.length - 1, java.nio.charset.StandardCharsets.UTF_16LE).contains("EncryptionInfo");
            throw new ImportFailure(encrypted
                    ? "the document is password-protected (encrypted); open it in Word, remove the password "
                            + "(File → Info → Protect Document) and save it again"
                    : "this is an old binary Word document (.doc) named .docx; open it in Word and save it as .docx");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return read(zip, file, context);
        } catch (ZipException e) {
            throw new ImportFailure("the file is damaged or not a Word document ("
                    + (String.valueOf(e.getMessage()).contains("END header") ? "it is not a complete zip package" : e.getMessage()) + ")");
        } catch (XMLStreamException e) {
            var loc = e.getLocation();
            throw new ImportFailure("the document's XML is damaged (" + String.valueOf(e.getMessage())
                    .replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "").strip() + ")",
                    loc == null ? 0 : loc.getLineNumber(), loc == null ? 0 : loc.getColumnNumber());
        }
    }

    private SourceBatch read(ZipFile zip, Path file, ImportContext context)
            throws IOException, XMLStreamException, ImportFailure {
        DocxPackage pkg = new DocxPackage(zip);
        if (pkg.mainPart == null) {
            throw new ImportFailure("the file has no main document part (word/document.xml): it is not a Word document, "
                    + "or it is damaged");
        }
        DocxBody body = new DocxBody(pkg);
        body.read(pkg.mainPart);
        Map<String, String> core = pkg.coreProperties();

        ImportedPiece p = new ImportedPiece();
        p.sourceId = "docx:" + file.getFileName();
        List<DocxBody.Para> paras = body.blocks;
        String title = body.leadingTitle();
        p.title = title != null ? title : core.getOrDefault("title", "").isBlank()
                ? file.getFileName().toString().replaceFirst("(?i)\\.docx$", "") : core.get("title").trim();
        p.subtitle = body.standfirst();
        String creator = core.get("creator");
        if (creator != null && !creator.isBlank()) {
            for (String a : creator.split("\\s*;\\s*")) {
                p.authors.add(a.trim());
            }
        }
        String created = core.get("created");
        String modified = core.get("modified");
        if (created != null && created.length() >= 10) {
            p.date = created.substring(0, 10);
            if (modified != null && modified.length() >= 10 && !modified.substring(0, 10).equals(p.date)) {
                p.dateBasis = "The Word document was created on " + p.date + " and last modified on "
                        + modified.substring(0, 10) + ".";
            }
        }
        // A date line in the document's title block beats the file's creation time (often the day it was converted).
        String dateLine = body.styled("date");
        if (dateLine != null && dateLine.matches("\\d{4}-\\d{2}-\\d{2}")) {
            p.date = dateLine;
            p.dateBasis = null;
        }
        String keywords = core.get("keywords");
        if (keywords != null) {
            for (String k : keywords.split("\\s*[,;]\\s*")) {
                if (!k.isBlank()) {
                    p.tags.add(k.trim());
                }
            }
        }
        List<String> linked = new ArrayList<>();
        HtmlToMarkdown converter = new HtmlToMarkdown();
        // Links to the document's bookmarks (its own table of contents) and to other documents of the import.
        String address = DocumentLinks.fileAddress(file);
        Element root = Jsoup.parseBodyFragment(body.html()).body();
        DocumentLinks.register(root, address, true, DocumentLinks.markHeadings(root), p);
        DocumentLinks.pending(root, h -> DocumentLinks.fileTarget(file, h), h -> null, p);
        String md = DocumentLinks.restore(converter.convert(root, img -> picture(img.attr("src"), file, body, context), linked));
        if (!linked.isEmpty()) {
            context.warn(MessageId.IMP_003, linked.size() == 1 ? "1 image (" + linked.get(0) + ")"
                    : linked.size() + " images (the first " + linked.get(0) + ")");
        }
        md = DocxBody.restoreNoteMarks(md);
        StringBuilder notes = new StringBuilder();
        for (DocxBody.Note n : body.notesInOrder()) {
            Element note = Jsoup.parseBodyFragment(n.html()).body();
            DocumentLinks.unwrapAnchors(note);
            DocumentLinks.pending(note, h -> DocumentLinks.fileTarget(file, h), h -> null, p);
            String text = converter.convert(note, img -> null, linked).strip().replace("\n\n", "\n\n    ");
            notes.append("\n[^").append(n.label()).append("]: ").append(DocxBody.restoreNoteMarks(text)).append('\n');
        }
        p.body = md.strip() + "\n" + notes;
        p.media.addAll(body.media);
        SourceBatch batch = new SourceBatch();
        if (p.body.isBlank()) {
            // An empty document (or one whose only content is a picture Word links to) is not a piece.
            batch.skip("empty documents");
            return batch;
        }
        String language = core.get("language");
        batch.book = new BookInfo(null, p.authors.isEmpty() ? null : p.authors.get(0),
                language != null && !language.isBlank() ? language : pkg.language(), null, null);
        batch.pieces.add(p);
        return batch;
    }

    /**
     * The Markdown reference for a picture: one from the package is already {@code media:}; one Word
     * only links to is copied when the file is found beside the document, and otherwise left out
     * (a file path on the author's computer) or kept as a link (a web address).
     */
    private static String picture(String src, Path docx, DocxBody body, ImportContext context) {
        if (src.startsWith("media:") || src.startsWith("http:") || src.startsWith("https:")) {
            return src.startsWith("media:") ? src : null;
        }
        String local = java.net.URLDecoder.decode(src.replaceFirst("^file:(//)?", "").replace("+", "%2B"),
                java.nio.charset.StandardCharsets.UTF_8);
        try {
            Path dir = docx.toAbsolutePath().getParent();
            Path found = dir.resolve(local).normalize();
            if (!Files.isRegularFile(found)) {
                found = dir.resolve(Path.of(local.replace('\\', '/')).getFileName().toString());
            }
            if (Files.isRegularFile(found)) {
                return body.addMedia(found.getFileName().toString(), Files.readAllBytes(found));
            }
        } catch (IOException | RuntimeException e) {
            // an unusable path: reported below like a missing file
        }
        context.warn(MessageId.IMP_006, "the document links to a picture that is not beside it (" + src + "); it was left out");
        return null;
    }

    /** The parts of the package other parts refer to. */
    static final class DocxPackage {
        final ZipFile zip;
        /** The main document part named by the package relationships (word/document.xml in practice). */
        final String mainPart;
        private final Map<String, Rels> rels = new HashMap<>();
        final Map<String, String[]> styles = new HashMap<>();   // id → {name, outlineLevel, basedOn, numId}
        final Map<String, String> numToAbstract = new HashMap<>();
        final Map<String, String> levelFormats = new HashMap<>();   // abstractId:ilvl → numFmt
        String defaultLanguage;

        DocxPackage(ZipFile zip) throws IOException, XMLStreamException {
            this.zip = zip;
            String main = null;
            for (Map.Entry<String, String> e : rels("").byType.entrySet()) {
                if (e.getKey().endsWith("/officeDocument")) {
                    main = e.getValue();
                }
            }
            if (main == null || zip.getEntry(main) == null) {
                main = zip.getEntry("word/document.xml") != null ? "word/document.xml" : null;
            }
            this.mainPart = main;
            readStyles();
            readNumbering();
        }

        /** The relationships of one part: id → package path (or address, for external targets). */
        static final class Rels {
            final Map<String, String> targets = new HashMap<>();
            final Set<String> external = new HashSet<>();
            final Map<String, String> byType = new HashMap<>();
        }

        /** Relationships of {@code part} ("" for the package), targets resolved against the part's folder. */
        Rels rels(String part) throws IOException, XMLStreamException {
            Rels cached = rels.get(part);
            if (cached != null) {
                return cached;
            }
            Rels result = new Rels();
            int slash = part.lastIndexOf('/');
            String dir = slash < 0 ? "" : part.substring(0, slash + 1);
            XMLStreamReader r = open(dir + "_rels/" + part.substring(slash + 1) + ".rels");
            while (r != null && r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")) {
                    String id = r.getAttributeValue(null, "Id");
                    String target = r.getAttributeValue(null, "Target");
                    if (id == null || target == null) {
                        continue;
                    }
                    if ("External".equals(r.getAttributeValue(null, "TargetMode"))) {
                        result.external.add(id);
                    } else {
                        target = resolve(dir, target);
                    }
                    result.targets.put(id, target);
                    String type = r.getAttributeValue(null, "Type");
                    if (type != null) {
                        result.byType.put(type, target);
                    }
                }
            }
            rels.put(part, result);
            return result;
        }

        private static String resolve(String dir, String target) {
            String path = target.startsWith("/") ? target.substring(1) : dir + target;
            java.util.Deque<String> parts = new java.util.ArrayDeque<>();
            for (String seg : path.split("/")) {
                if (seg.equals("..")) {
                    parts.pollLast();
                } else if (!seg.isEmpty() && !seg.equals(".")) {
                    parts.addLast(seg);
                }
            }
            return String.join("/", parts);
        }

        /** The part the main document relates to with a relationship type ending in {@code typeSuffix}. */
        String related(String typeSuffix) throws IOException, XMLStreamException {
            for (Map.Entry<String, String> e : rels(mainPart == null ? "word/document.xml" : mainPart).byType.entrySet()) {
                if (e.getKey().endsWith(typeSuffix)) {
                    return e.getValue();
                }
            }
            return null;
        }

        XMLStreamReader open(String name) throws IOException, XMLStreamException {
            ZipEntry e = name == null ? null : zip.getEntry(name);
            if (e == null) {
                return null;
            }
            return WxrImporter.factory().createXMLStreamReader(zip.getInputStream(e));
        }

        byte[] bytes(String name) throws IOException {
            ZipEntry e = name == null ? null : zip.getEntry(name);
            if (e == null) {
                return null;
            }
            try (InputStream in = zip.getInputStream(e)) {
                return in.readAllBytes();
            }
        }

        private void readStyles() throws IOException, XMLStreamException {
            XMLStreamReader r = open(related("/styles"));
            String id = null;
            String[] current = null;
            boolean inDefaults = false;
            while (r != null && r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "docDefaults" -> inDefaults = true;
                        case "lang" -> {
                            if (inDefaults && defaultLanguage == null) {
                                defaultLanguage = attr(r, "val");
                            }
                        }
                        case "style" -> {
                            id = attr(r, "styleId");
                            current = new String[4];
                        }
                        case "name" -> {
                            if (current != null) {
                                current[0] = attr(r, "val");
                            }
                        }
                        case "outlineLvl" -> {
                            if (current != null) {
                                current[1] = attr(r, "val");
                            }
                        }
                        case "numId" -> {
                            if (current != null) {
                                current[3] = attr(r, "val");   // a list style: "List Number" numbers its paragraphs
                            }
                        }
                        case "basedOn" -> {
                            if (current != null) {
                                current[2] = attr(r, "val");
                            }
                        }
                        default -> { }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (r.getLocalName().equals("style") && id != null) {
                        styles.put(id, current);
                        id = null;
                        current = null;
                    } else if (r.getLocalName().equals("docDefaults")) {
                        inDefaults = false;
                    }
                }
            }
        }

        private void readNumbering() throws IOException, XMLStreamException {
            XMLStreamReader r = open(related("/numbering"));
            String abstractId = null;
            String numId = null;
            String ilvl = null;
            while (r != null && r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "abstractNum" -> abstractId = attr(r, "abstractNumId");
                    case "lvl" -> ilvl = attr(r, "ilvl");
                    case "numFmt" -> {
                        if (abstractId != null && ilvl != null) {
                            levelFormats.putIfAbsent(abstractId + ":" + ilvl, attr(r, "val"));
                        }
                    }
                    case "num" -> {
                        numId = attr(r, "numId");
                        abstractId = null;
                    }
                    case "abstractNumId" -> {
                        if (numId != null) {
                            numToAbstract.put(numId, attr(r, "val"));
                        }
                    }
                    default -> { }
                }
            }
        }

        /** Heading level 1–6 of a paragraph style (by name "heading N", "Title", or outline level), or 0. */
        int headingLevel(String styleId) {
            for (int guard = 0; styleId != null && guard < 10; guard++) {
                String[] s = styles.get(styleId);
                String name = s == null || s[0] == null ? styleId : s[0];
                String lower = name.toLowerCase(Locale.ROOT).replace(" ", "");
                if (lower.matches("heading[1-9]")) {
                    return Math.min(6, lower.charAt(7) - '0');
                }
                if (lower.equals("title")) {
                    return -1;
                }
                if (s != null && s[1] != null && s[1].matches("\\d") && Integer.parseInt(s[1]) < 9) {
                    return Math.min(6, Integer.parseInt(s[1]) + 1);
                }
                styleId = s == null ? null : s[2];
            }
            return 0;
        }

        /** The numbering a paragraph style gives its paragraphs (through basedOn), or null. */
        String styleNumId(String styleId) {
            for (int guard = 0; styleId != null && guard < 10; guard++) {
                String[] st = styles.get(styleId);
                if (st == null) {
                    return null;
                }
                if (st[3] != null) {
                    return st[3];
                }
                styleId = st[2];
            }
            return null;
        }

        boolean isQuote(String styleId) {
            String[] s = styles.get(styleId);
            String name = (s == null || s[0] == null ? String.valueOf(styleId) : s[0]).toLowerCase(Locale.ROOT);
            return name.contains("quote") || name.equals("block text");
        }

        /** The style's name in lower case ("heading 1", "quote"), or "" for no style. */
        String styleName(String styleId) {
            if (styleId == null) {
                return "";
            }
            String[] s = styles.get(styleId);
            return (s == null || s[0] == null ? styleId : s[0]).toLowerCase(Locale.ROOT);
        }

        boolean isSubtitle(String styleId) {
            String[] s = styles.get(styleId);
            String name = (s == null || s[0] == null ? String.valueOf(styleId) : s[0]).toLowerCase(Locale.ROOT);
            return name.equals("subtitle");
        }

        boolean ordered(String numId, String ilvl) {
            String fmt = levelFormats.get(numToAbstract.get(numId) + ":" + (ilvl == null ? "0" : ilvl));
            return fmt != null && !fmt.equals("bullet") && !fmt.equals("none");
        }

        Map<String, String> coreProperties() throws IOException, XMLStreamException {
            Map<String, String> props = new HashMap<>();
            String part = "docProps/core.xml";
            for (Map.Entry<String, String> e : rels("").byType.entrySet()) {
                if (e.getKey().endsWith("/core-properties")) {
                    part = e.getValue();
                }
            }
            XMLStreamReader r = open(part);
            while (r != null && r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && !r.getLocalName().equals("coreProperties")) {
                    String name = r.getLocalName();
                    props.put(name, r.getElementText().trim());
                }
            }
            return props;
        }

        String language() {
            return defaultLanguage == null || defaultLanguage.isBlank() ? null : defaultLanguage;
        }
    }
}
