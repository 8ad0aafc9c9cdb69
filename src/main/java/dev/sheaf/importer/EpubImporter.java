package dev.sheaf.importer;

import io.documentnode.epub4j.domain.Author;
import io.documentnode.epub4j.domain.Book;
import io.documentnode.epub4j.domain.Metadata;
import io.documentnode.epub4j.domain.Resource;
import io.documentnode.epub4j.domain.SpineReference;
import io.documentnode.epub4j.epub.EpubReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An existing EPUB (2 or 3), read with epub4j: one piece per document in the spine, or one per
 * top-level heading when a document holds several; the package metadata as the pieces' and the
 * book's front matter; pictures copied from the package; note references and their notes (in the
 * same document or another one) as Markdown footnotes. Covers, title and copyright pages, tables of
 * contents, indexes and part openers are skipped and counted.
 *
 * <p>epub4j logs and carries on when the package document is broken, so the container and package
 * are first read here with StAX: a damaged file fails with the parser's position instead of
 * yielding an empty book.
 */
final class EpubImporter implements SourceImporter {

    @Override
    public String format() {
        return "EPUB";
    }

    @Override
    public SourceBatch read(Path file, ImportContext context) throws ImportFailure, IOException {
        if (Files.size(file) == 0) {
            throw new ImportFailure("the file is empty");
        }
        checkPackage(file);
        Book book;
        QuietEpubLog.ensure();   // epub4j's logger would print to standard output
        try (net.lingala.zip4j.ZipFile zip = new net.lingala.zip4j.ZipFile(file.toFile())) {
            book = new EpubReader().readEpub(zip);
        } catch (RuntimeException e) {
            throw new ImportFailure("the EPUB cannot be read (" + e.getMessage() + ")");
        }
        if (book.getSpine() == null || book.getSpine().isEmpty()) {
            throw new ImportFailure("the EPUB's spine lists no documents");
        }
        return new EpubPieces(book, file, context).read();
    }

    /** The container and package document must exist and be well-formed XML; the spine must name documents. */
    private static void checkPackage(Path file) throws ImportFailure, IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry container = zip.getEntry("META-INF/container.xml");
            if (container == null) {
                throw new ImportFailure("the file has no META-INF/container.xml: it is not an EPUB, or it is damaged");
            }
            String opf = null;
            XMLStreamReader r = parse(zip, container);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("rootfile") && opf == null) {
                    opf = r.getAttributeValue(null, "full-path");
                }
            }
            ZipEntry pkg = opf == null ? null : zip.getEntry(opf);
            if (pkg == null) {
                throw new ImportFailure("the package document " + (opf == null ? "" : opf + " ")
                        + "named in META-INF/container.xml is missing");
            }
            int itemrefs = 0;
            try {
                r = parse(zip, pkg);
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("itemref")) {
                        itemrefs++;
                    }
                }
            } catch (XMLStreamException e) {
                throw failure(opf, e);
            }
            if (itemrefs == 0) {
                throw new ImportFailure("the package document " + opf + " lists no documents in its spine");
            }
        } catch (ZipException e) {
            throw new ImportFailure("the file is damaged or not an EPUB ("
                    + (String.valueOf(e.getMessage()).contains("END header") ? "it is not a complete zip package" : e.getMessage())
                    + ")");
        } catch (XMLStreamException e) {
            throw failure("META-INF/container.xml", e);
        }
    }

    private static XMLStreamReader parse(ZipFile zip, ZipEntry entry) throws IOException, XMLStreamException {
        InputStream in = zip.getInputStream(entry);
        return WxrImporter.factory().createXMLStreamReader(in);
    }

    private static ImportFailure failure(String part, XMLStreamException e) {
        var loc = e.getLocation();
        String message = String.valueOf(e.getMessage())
                .replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "").strip();
        return new ImportFailure("the XML of " + part + " is damaged (" + message + ")",
                loc == null ? 0 : loc.getLineNumber(), loc == null ? 0 : loc.getColumnNumber());
    }

    /** Turns the documents of one book into pieces. */
    static final class EpubPieces {

        private final Book book;
        private final Path file;
        private final ImportContext context;
        private final Map<String, Document> documents = new LinkedHashMap<>();
        /** "href#id" → the note's element (a clone, taken before notes are removed from their documents). */
        private final Map<String, Element> notes = new HashMap<>();
        private final HtmlToMarkdown converter = new HtmlToMarkdown();
        /** The package's first identifier (the file's name when it has none). */
        private String bookId;

        EpubPieces(Book book, Path file, ImportContext context) {
            this.book = book;
            this.file = file;
            this.context = context;
        }

        SourceBatch read() throws IOException {
            Metadata meta = book.getMetadata();
            SourceBatch batch = new SourceBatch();
            List<String> authors = new ArrayList<>();
            for (Author a : meta.getAuthors()) {
                String name = ((a.getFirstname() == null ? "" : a.getFirstname()) + " "
                        + (a.getLastname() == null ? "" : a.getLastname())).strip();
                if (!name.isEmpty()) {
                    authors.add(name);
                }
            }
            String language = meta.getLanguage() == null || meta.getLanguage().isBlank() ? null : meta.getLanguage();
            String description = meta.getDescriptions().isEmpty() ? null : TextOnly.of(meta.getDescriptions().get(0));
            batch.book = new BookInfo(blankToNull(meta.getFirstTitle()), authors.isEmpty() ? null : authors.get(0),
                    language, description, null);
            String bookDate = publicationDate(meta);
            bookId = meta.getIdentifiers().isEmpty() ? file.getFileName().toString()
                    : meta.getIdentifiers().get(0).getValue();

            List<SpineReference> spine = book.getSpine().getSpineReferences();
            for (SpineReference ref : spine) {
                Resource res = ref.getResource();
                if (res == null || !isDocument(res)) {
                    continue;
                }
                documents.put(res.getHref(), Jsoup.parse(new String(res.getData(), charset(res)), "", Parser.htmlParser()));
            }
            for (Map.Entry<String, Document> e : documents.entrySet()) {
                collectNotes(e.getKey(), e.getValue());
            }
            for (SpineReference ref : spine) {
                Resource res = ref.getResource();
                Document doc = res == null ? null : documents.get(res.getHref());
                if (doc == null) {
                    continue;
                }
                String skip = ref.isLinear() ? EpubDocuments.skipReason(doc) : "documents outside the reading order";
                if (skip != null) {
                    batch.skip(skip);
                    continue;
                }
                EpubDocuments.removeNotes(doc);
                List<String> topIds = DocumentLinks.markHeadings(doc.body());
                List<EpubDocuments.Part> parts = EpubDocuments.split(doc, meta.getFirstTitle());
                int n = 0;
                boolean started = false;
                for (EpubDocuments.Part part : parts) {
                    n++;
                    ImportedPiece p = piece(part, res.getHref(), doc, started ? List.of() : topIds, !started);
                    if (p == null) {
                        batch.skip("pages without text");
                        continue;
                    }
                    started = true;
                    p.sourceId = "epub:" + bookId + "#" + res.getHref() + (parts.size() > 1 ? "#" + n : "");
                    if (p.authors.isEmpty()) {
                        p.authors.addAll(authors);
                    }
                    if (p.date == null && bookDate != null) {
                        p.date = bookDate;
                        p.dateEstimated = true;
                        p.dateBasis = "The EPUB's publication date; the piece itself gives none.";
                    }
                    if (p.tags.isEmpty()) {
                        p.tags.addAll(meta.getSubjects().stream().filter(s -> s != null && !s.isBlank()).toList());
                    }
                    batch.pieces.add(p);
                }
            }
            return batch;
        }

        /** {@code first}: the piece starts where its document does, so links to the document lead to it. */
        private ImportedPiece piece(EpubDocuments.Part part, String href, Document doc, List<String> topIds, boolean first) {
            ImportedPiece p = new ImportedPiece();
            Element body = part.body();
            EpubDocuments.Sheaf sheaf = EpubDocuments.sheafHeader(body, doc);
            p.title = part.title() != null ? part.title() : blankToNull(doc.title());
            p.subtitle = part.subtitle();
            if (sheaf.outlet() != null) {
                p.outlet = sheaf.outlet();
            }
            p.url = sheaf.url();
            p.type = sheaf.type();
            p.caption = sheaf.caption();
            p.credit = sheaf.credit();
            if (sheaf.date() != null) {
                p.date = sheaf.date();
                p.dateEstimated = sheaf.estimated();
            }
            List<String> linked = new ArrayList<>();
            if (sheaf.note() != null) {
                DocumentLinks.pending(sheaf.note(), h -> target(href, h), h -> null, p);
                p.note = converter.convert(sheaf.note(), img -> image(img, href, p), linked).strip();
            }
            EpubDocuments.shiftHeadings(body);
            for (Element div : body.select("div")) {
                if (div != body) {
                    div.unwrap();   // blocks inside a div would run into the paragraph before it
                }
            }
            // Note references → markers the converter leaves alone; the notes are converted on their own.
            List<Element> noteBodies = new ArrayList<>();
            for (Element a : body.select("a[href]")) {
                Element note = notes.get(resolve(href, a.attr("href")));
                if (note == null) {   // any link to a note is its reference: the backlinks were taken out of the notes
                    continue;
                }
                noteBodies.add(note.clone());   // a clone: its links become this piece's
                Element target = a.parent() != null && a.parent().tagName().equals("sup") && a.parent().childrenSize() == 1
                        && a.parent().ownText().isBlank() ? a.parent() : a;
                target.replaceWith(new org.jsoup.nodes.TextNode("\u2063FN" + noteBodies.size() + "\u2063"));
            }
            List<String> ids = new ArrayList<>(topIds);
            ids.addAll(DocumentLinks.idsOf(part.heading()));
            DocumentLinks.register(body, address(href), first, ids, p);
            DocumentLinks.pending(body, h -> target(href, h), h -> null, p);
            String md = DocumentLinks.restore(converter.convert(body, img -> image(img, href, p), linked));
            if (md.isBlank() && (p.note == null || p.note.isBlank())) {
                return null;
            }
            StringBuilder text = new StringBuilder(DocxBody.restoreNoteMarks(md).strip()).append('\n');
            int label = 0;
            for (Element note : noteBodies) {
                label++;
                DocumentLinks.pending(note, h -> target(href, h), h -> null, p);
                String nmd = converter.convert(note, img -> image(img, href, p), linked).strip()
                        .replace("\n\n", "\n\n    ");
                text.append("\n[^").append(label).append("]: ").append(DocxBody.restoreNoteMarks(nmd)).append('\n');
            }
            p.body = text.toString();
            if (!linked.isEmpty()) {
                context.warn(dev.sheaf.diag.MessageId.IMP_003, linked.size() == 1 ? "1 image (" + linked.get(0) + ")"
                        : linked.size() + " images (the first " + linked.get(0) + ")");
            }
            if (p.title == null) {
                p.title = TextOnly.firstWords(md, 8);
            }
            return p;
        }

        /** The address of a document of this book among the documents of the import. */
        private String address(String docHref) {
            return "epub:" + bookId + "|" + docHref;
        }

        /** Where a link in document {@code docHref} leads when it leads to a document of the book, else null. */
        private DocumentLinks.Target target(String docHref, String href) {
            if (href.isEmpty() || dev.sheaf.links.Hrefs.scheme(href).isPresent() || href.startsWith("//")) {
                return null;
            }
            String resolved = resolve(docHref, href);
            int hash = resolved.indexOf('#');
            String path = hash < 0 ? resolved : resolved.substring(0, hash);
            String fragment = hash < 0 ? "" : resolved.substring(hash + 1);
            Resource res = book.getResources().getByHref(path);
            if (!documents.containsKey(path) && (res == null || !isDocument(res))) {
                return null;
            }
            return new DocumentLinks.Target(address(path), fragment);
        }

        /** Copies a picture from the package; a remote one stays a link, an unknown one is left out. */
        private String image(Element img, String docHref, ImportedPiece p) {
            String src = img.attr("src");
            if (src.startsWith("http:") || src.startsWith("https:")) {
                return null;
            }
            Resource res = book.getResources().getByHref(resolve(docHref, src).replaceFirst("#.*$", ""));
            if (res == null) {
                img.attr("src", "");
                return null;
            }
            try {
                String name = Slugify.fileName(res.getHref().substring(res.getHref().lastIndexOf('/') + 1));
                for (MediaFile m : p.media) {
                    if (m.name().equals(name)) {
                        return MediaFile.reference(name);
                    }
                }
                p.media.add(new MediaFile(name, res.getData()));
                return MediaFile.reference(name);
            } catch (IOException e) {
                return null;
            }
        }

        private void collectNotes(String href, Document doc) {
            for (Element note : EpubDocuments.notes(doc)) {
                if (!note.id().isEmpty()) {
                    Element clone = note.clone();
                    EpubDocuments.removeBacklinks(clone);
                    notes.put(href + "#" + note.id(), clone);
                }
            }
        }

        private static boolean isDocument(Resource res) {
            String type = res.getMediaType() == null ? "" : res.getMediaType().getName();
            String href = res.getHref().toLowerCase(Locale.ROOT);
            return type.contains("html") || href.endsWith(".xhtml") || href.endsWith(".html") || href.endsWith(".htm");
        }

        private static java.nio.charset.Charset charset(Resource res) {
            try {
                return res.getInputEncoding() == null ? StandardCharsets.UTF_8
                        : java.nio.charset.Charset.forName(res.getInputEncoding());
            } catch (RuntimeException e) {
                return StandardCharsets.UTF_8;
            }
        }

        /** An address in a document, relative to the package: "text/a.xhtml" + "../images/x.png" → "images/x.png". */
        static String resolve(String docHref, String ref) {
            String decoded = java.net.URLDecoder.decode(ref.replace("+", "%2B"), StandardCharsets.UTF_8);
            if (decoded.startsWith("#")) {
                return docHref + decoded;
            }
            int slash = docHref.lastIndexOf('/');
            String path = (slash < 0 ? "" : docHref.substring(0, slash + 1)) + decoded;
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

        /** dc:date (the publication event when several are given) as YYYY-MM-DD, YYYY-MM or YYYY. */
        private static String publicationDate(Metadata meta) {
            String found = null;
            for (io.documentnode.epub4j.domain.Date d : meta.getDates()) {
                String v = d.getValue() == null ? "" : d.getValue().strip();
                var m = java.util.regex.Pattern.compile("^(\\d{4})(-\\d{2})?(-\\d{2})?").matcher(v);
                if (!m.find()) {
                    continue;
                }
                String date = m.group();
                if (d.getEvent() == io.documentnode.epub4j.domain.Date.Event.PUBLICATION) {
                    return date;
                }
                if (found == null && (d.getEvent() == null || d.getEvent() != io.documentnode.epub4j.domain.Date.Event.MODIFICATION)) {
                    found = date;
                }
            }
            return found;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
