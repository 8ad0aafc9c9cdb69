package dev.sheaf.cite;

import de.undercouch.citeproc.CSL;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.SourceRef;
import dev.sheaf.read.SourceText;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A book's own {@code .csl} file, read and looked over before citeproc-java sees it. citeproc-java parses a style
 * with the JDK's parser and its default error handler, which prints {@code [Fatal Error] :12:20: …} on standard
 * error and then throws "Could not parse style" without a place; a well-formed file that is no CSL style (no
 * {@code <citation>}, no {@code <bibliography>}) it accepts, and fails later with a NullPointerException or an
 * IllegalStateException while formatting. So the file is parsed here first (SAX, no DTD, no entities, errors
 * thrown, nothing printed), every problem reported at the file's own line and column (CIT-005), and only a style
 * that has what Sheaf formats with reaches citeproc-java.
 *
 * <p>A dependent style (Zotero's repository holds thousands: a journal's name and its parent's id) has no layout of
 * its own; citeproc-java resolves one only when given its id, never as XML, so it is replaced by its bundled parent.
 */
final class StyleFiles {

    static final String CSL_NS = "http://purl.org/net/xbiblio/csl";
    private static final Pattern DECLARATION = Pattern.compile("<!(DOCTYPE|ENTITY)");

    private StyleFiles() { }

    /**
     * What citeproc-java is to be given for the style file {@code file}: its XML, or the id of its bundled parent;
     * empty when it cannot be used (reported).
     *
     * @param shown the file as the author named it (book-relative), for messages
     */
    static Optional<CitationStyles.Style> load(Path file, Path shown, Diagnostics diags) {
        SourceRef where = SourceRef.of(shown);
        Optional<String> read = SourceText.read(file, where, diags);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        String xml = read.get();
        Matcher declared = DECLARATION.matcher(xml);
        if (declared.find()) {
            // External entities could read files outside the book: CSL styles never need a DTD.
            report(diags, at(where, xml, declared.start()), shown,
                    "it declares a " + declared.group(1) + ", which no CSL style needs",
                    "remove the <!DOCTYPE …> declaration; a style never needs entities");
            return Optional.empty();
        }
        Outline outline;
        try {
            outline = Outline.of(xml);
        } catch (SAXParseException e) {
            report(diags, where.at(Math.max(e.getLineNumber(), 0), Math.max(e.getColumnNumber(), 0)), shown,
                    "it is not well-formed XML (" + strip(e.getMessage()) + ")",
                    "correct the XML at this place (write & as &amp; and < as &lt; in text), or download the style again");
            return Optional.empty();
        } catch (SAXException | IOException | ParserConfigurationException e) {
            report(diags, where, shown, "it cannot be parsed (" + e.getMessage() + ")", null);
            return Optional.empty();
        }
        SourceRef root = outline.rootLine > 0 ? at(where, xml, offset(xml, outline.rootLine, outline.rootColumn)) : where;
        if (!"style".equals(outline.rootName) || !CSL_NS.equals(outline.rootNamespace)) {
            report(diags, root, shown, "its root element is <" + outline.rootName + ">"
                    + (CSL_NS.equals(outline.rootNamespace) ? "" : " outside the CSL namespace")
                    + ", not a CSL <style xmlns=\"" + CSL_NS + "\">", null);
            return Optional.empty();
        }
        if (outline.parent != null) {
            String parentId = outline.parent.replaceAll(".*/", "").toLowerCase(Locale.ROOT);
            if (parentId.matches("[a-z0-9-]+") && CSL.supportsStyle(parentId)
                    && !CitationStyles.UNREADABLE.contains(parentId)) {
                return Optional.of(new CitationStyles.Style(parentId, CitationStyles.isNoteStyle(xml)));
            }
            report(diags, root, shown, "it is a dependent style whose parent \"" + outline.parent
                    + "\" is not among the styles Sheaf comes with",
                    "download the parent style's .csl file into the book and name that in citation-style");
            return Optional.empty();
        }
        if (!outline.citationLayout) {
            report(diags, root, shown, "it has no <citation> with a <layout>, which every CSL style has", null);
            return Optional.empty();
        }
        if (!outline.bibliographyLayout) {
            report(diags, root, shown, "it has no <bibliography> with a <layout>, which the sources list, the"
                    + " references and the \"cite this\" lines are printed with", null);
            return Optional.empty();
        }
        return Optional.of(new CitationStyles.Style(xml, CitationStyles.isNoteStyle(xml)));
    }

    private static void report(Diagnostics diags, SourceRef where, Path shown, String why, String hint) {
        String file = shown.toString().replace('\\', '/');
        if (hint == null) {
            diags.report(MessageId.CIT_005, where, file, why);
        } else {
            diags.reportWithHint(MessageId.CIT_005, where, hint, file, why);
        }
    }

    /** The parser's message without its trailing full stop (it is put in brackets). */
    private static String strip(String message) {
        String m = String.valueOf(message).strip();
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    /** The place of character {@code offset} of {@code text} in the file. */
    private static SourceRef at(SourceRef file, String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return file.at(line, offset - lineStart + 1);
    }

    /**
     * The offset of the {@code <} that starts the tag SAX located at {@code line}:{@code column} (the parser gives the
     * place just after a start tag).
     */
    private static int offset(String text, int line, int column) {
        int start = 0;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        int end = Math.min(text.length(), start + Math.max(column - 1, 0));
        int lt = text.lastIndexOf('<', Math.max(end - 1, 0));
        return lt >= 0 ? lt : start;
    }

    /** What the style's elements say about it: its root, its parent, and whether it can format. */
    private static final class Outline extends DefaultHandler {
        private Locator locator;
        private int depth;
        private String rootName;
        private String rootNamespace;
        private int rootLine;
        private int rootColumn;
        /** The element of depth 2 the parser is in: info, citation or bibliography. */
        private String section = "";
        private String parent;
        private boolean citationLayout;
        private boolean bibliographyLayout;

        static Outline of(String xml) throws SAXException, IOException, ParserConfigurationException {
            SAXParserFactory f = SAXParserFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            var reader = f.newSAXParser().getXMLReader();
            Outline outline = new Outline();
            reader.setContentHandler(outline);
            // Thrown, never printed: the JDK's default handler writes "[Fatal Error]" lines on standard error.
            reader.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) { }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            reader.parse(new InputSource(new StringReader(xml)));
            return outline;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            depth++;
            if (depth == 1) {
                rootName = qName;
                rootNamespace = uri;
                if (locator != null) {
                    rootLine = locator.getLineNumber();
                    rootColumn = locator.getColumnNumber();
                }
            } else if (depth == 2) {
                section = CSL_NS.equals(uri) ? localName : "";
            } else if (depth == 3 && CSL_NS.equals(uri)) {
                if (section.equals("citation") && localName.equals("layout")) {
                    citationLayout = true;
                } else if (section.equals("bibliography") && localName.equals("layout")) {
                    bibliographyLayout = true;
                } else if (section.equals("info") && localName.equals("link")
                        && "independent-parent".equals(attributes.getValue("rel"))) {
                    parent = attributes.getValue("href");
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (depth == 2) {
                section = "";
            }
            depth--;
        }
    }
}
