package dev.sheaf.importer;

import dev.sheaf.diag.MessageId;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An RSS 2.0 or Atom feed saved to a file: one piece per item or entry. Read with StAX; Atom's XHTML
 * content is taken as markup, its text content escaped.
 */
final class FeedImporter implements SourceImporter {

    /** An item or entry, or the channel/feed itself: field → text, plus categories and links. */
    private static final class Node {
        final Map<String, String> fields = new HashMap<>();
        final List<String> categories = new ArrayList<>();
        final List<String> authors = new ArrayList<>();
        String link;
    }

    @Override
    public String format() {
        return "feed";
    }

    @Override
    public SourceBatch read(Path file, ImportContext context) throws ImportFailure, IOException {
        Node channel = new Node();
        List<Node> items = new ArrayList<>();
        boolean atom;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = WxrImporter.factory().createXMLStreamReader(in);
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                // skip the prolog
            }
            if (!r.isStartElement()) {
                throw new ImportFailure("the file is empty");
            }
            String root = r.getLocalName();
            atom = root.equals("feed");
            if (!atom && !root.equals("rss") && !root.equals("RDF")) {
                throw new ImportFailure("<" + root + "> is neither an RSS <rss> nor an Atom <feed>", r.getLocation().getLineNumber(),
                        r.getLocation().getColumnNumber());
            }
            parse(r, channel, items, atom);
        } catch (XMLStreamException e) {
            var loc = e.getLocation();
            String msg = e.getMessage() == null ? "not well-formed XML"
                    : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
            throw new ImportFailure("the XML is broken or cut short (" + msg.strip() + ")",
                    loc == null ? 0 : loc.getLineNumber(), loc == null ? 0 : loc.getColumnNumber());
        }
        SourceBatch batch = new SourceBatch();
        String title = TextOnly.of(channel.fields.get("title"));
        String author = channel.authors.isEmpty() ? blank(channel.fields.get("managingEditor")) : channel.authors.get(0);
        batch.book = new BookInfo(title.isEmpty() ? null : title, author, blank(channel.fields.get("language")),
                blank(TextOnly.of(channel.fields.getOrDefault("description", channel.fields.get("subtitle")))), channel.link);
        HtmlToMarkdown converter = new HtmlToMarkdown();
        List<String> linked = new ArrayList<>();
        for (Node item : items) {
            ImportedPiece p = new ImportedPiece();
            p.title = TextOnly.of(item.fields.get("title"));
            p.url = item.link;
            String id = first(item.fields.get("guid"), item.fields.get("id"), item.link, p.title);
            p.sourceId = "feed:" + id;
            p.authors.addAll(item.authors.isEmpty() && author != null ? List.of(author) : item.authors);
            p.tags.addAll(item.categories);
            p.date = date(first(item.fields.get("pubDate"), item.fields.get("published"), item.fields.get("date"),
                    item.fields.get("updated")));
            String content = first(item.fields.get("encoded"), item.fields.get("content"));
            String summary = first(item.fields.get("description"), item.fields.get("summary"));
            if (content == null) {
                content = summary;
            } else if (summary != null) {
                String s = TextOnly.of(summary);
                if (!s.isEmpty() && s.length() < 300 && !TextOnly.of(content).startsWith(s.replace("…", "").replace("[…]", "").strip())) {
                    p.subtitle = s;
                }
            }
            String md = converter.convert(content == null ? "" : content, img -> null, linked);
            if (p.title.isEmpty()) {
                p.title = TextOnly.firstWords(md, 8);
            }
            Headnotes.split(p, md);
            batch.pieces.add(p);
        }
        if (!linked.isEmpty()) {
            context.warn(MessageId.IMP_003, linked.size() == 1 ? "1 image (" + linked.get(0) + ")"
                    : linked.size() + " images (the first " + linked.get(0) + ")");
        }
        return batch;
    }

    private static void parse(XMLStreamReader r, Node channel, List<Node> items, boolean atom) throws XMLStreamException {
        int depth = 1;
        Node item = null;
        int itemDepth = -1;
        StringBuilder text = new StringBuilder();
        boolean inAuthor = false;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = r.getLocalName();
                Node target = item != null ? item : channel;
                if ((name.equals("item") || name.equals("entry")) && item == null) {
                    item = new Node();
                    itemDepth = depth;
                } else if (name.equals("author") || name.equals("contributor")) {
                    inAuthor = true;
                } else if (atom && name.equals("link")) {
                    String rel = r.getAttributeValue(null, "rel");
                    if ((rel == null || rel.equals("alternate")) && target.link == null) {
                        target.link = r.getAttributeValue(null, "href");
                    }
                } else if (atom && name.equals("category")) {
                    String term = r.getAttributeValue(null, "label");
                    term = term == null ? r.getAttributeValue(null, "term") : term;
                    if (term != null && !term.isBlank()) {
                        target.categories.add(term.trim());
                    }
                } else if (atom && (name.equals("content") || name.equals("summary") || name.equals("title"))) {
                    String type = r.getAttributeValue(null, "type");
                    String value = type != null && type.contains("xhtml") ? xhtml(r) : null;
                    if (value != null) {
                        depth--;
                        target.fields.putIfAbsent(name, value);
                        continue;
                    }
                    if (type == null || type.equals("text")) {
                        String t = r.getElementText();
                        depth--;
                        target.fields.putIfAbsent(name, t.replace("&", "&amp;").replace("<", "&lt;").replace("\n\n", "<br><br>"));
                        continue;
                    }
                }
                text.setLength(0);
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(r.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = r.getLocalName();
                Node target = item != null ? item : channel;
                String value = text.toString().trim();
                if (item != null && depth == itemDepth) {
                    items.add(item);
                    item = null;
                } else if (name.equals("author") || name.equals("contributor")) {
                    inAuthor = false;
                    if (!atom && !value.isEmpty()) {
                        target.authors.add(value.replaceFirst("^\\S+@\\S+\\s*\\((.*)\\)$", "$1"));
                    }
                } else if (inAuthor && name.equals("name") && !value.isEmpty()) {
                    target.authors.add(value);
                } else if (name.equals("creator") && !value.isEmpty()) {
                    target.authors.add(value);
                } else if (!atom && name.equals("category") && !value.isEmpty()) {
                    target.categories.add(value);
                } else if (!atom && name.equals("link") && target.link == null && !value.isEmpty()) {
                    target.link = value;
                } else if (!inAuthor && !value.isEmpty()) {
                    target.fields.putIfAbsent(name, value);
                }
                text.setLength(0);
                depth--;
            }
        }
    }

    /** Atom's type="xhtml": the markup inside the wrapping div, as a string. */
    private static String xhtml(XMLStreamReader r) throws XMLStreamException {
        StringBuilder b = new StringBuilder();
        int level = 1;
        while (r.hasNext() && level > 0) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                level++;
                b.append('<').append(r.getLocalName());
                for (int i = 0; i < r.getAttributeCount(); i++) {
                    b.append(' ').append(r.getAttributeLocalName(i)).append("=\"")
                            .append(r.getAttributeValue(i).replace("&", "&amp;").replace("\"", "&quot;")).append('"');
                }
                b.append('>');
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                level--;
                if (level > 0) {
                    b.append("</").append(r.getLocalName()).append('>');
                }
            } else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA || e == XMLStreamConstants.SPACE) {
                b.append(r.getText().replace("&", "&amp;").replace("<", "&lt;"));
            }
        }
        return b.toString();
    }

    /** RFC 822 (RSS) or RFC 3339 (Atom) → the date in the writer's own offset. */
    static String date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return OffsetDateTime.parse(v).toLocalDate().toString();
        } catch (DateTimeParseException e) {
            // not RFC 3339
        }
        try {
            return ZonedDateTime.parse(v.replaceAll("\\s+", " "), DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate().toString();
        } catch (DateTimeParseException e) {
            // not strict RFC 822 either
        }
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm[:ss] zzz", Locale.ENGLISH))
                    .toLocalDate().toString();
        } catch (DateTimeParseException e) {
            return v.matches("\\d{4}-\\d{2}-\\d{2}.*") ? v.substring(0, 10) : null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
