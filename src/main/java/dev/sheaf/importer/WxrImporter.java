package dev.sheaf.importer;

import dev.sheaf.diag.MessageId;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WordPress's export (WXR: RSS 2.0 with {@code wp:} elements), read with StAX so a large archive never
 * sits in memory as a DOM. Published posts become pieces; everything else is counted as skipped.
 */
final class WxrImporter implements SourceImporter {

    /** One {@code <item>}: its direct children by prefixed name, its categories and tags. */
    static final class Item {
        final Map<String, String> fields = new HashMap<>();
        final List<String> tags = new ArrayList<>();
        final List<String> categories = new ArrayList<>();

        String get(String name) {
            String v = fields.get(name);
            return v == null ? "" : v.trim();
        }
    }

    @Override
    public String format() {
        return "WordPress export";
    }

    @Override
    public SourceBatch read(Path file, ImportContext context) throws ImportFailure, IOException {
        Map<String, String> channel = new HashMap<>();
        Map<String, String> authors = new LinkedHashMap<>();
        List<Item> items = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = factory().createXMLStreamReader(in);
            parse(r, channel, authors, items);
        } catch (XMLStreamException e) {
            var loc = e.getLocation();
            String msg = e.getMessage() == null ? "not well-formed XML" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
            throw new ImportFailure("the XML is broken or cut short (" + msg.strip() + ")",
                    loc == null ? 0 : loc.getLineNumber(), loc == null ? 0 : loc.getColumnNumber());
        }
        if (!channel.containsKey("title") && items.isEmpty()) {
            throw new ImportFailure("no <channel> with posts; is this a WordPress export?");
        }
        SourceBatch batch = new SourceBatch();
        String site = channel.getOrDefault("title", "").trim();
        String siteAuthor = authors.size() == 1 ? authors.values().iterator().next() : null;
        batch.book = new BookInfo(site.isEmpty() ? null : site, siteAuthor, language(channel.get("language")),
                blankToNull(channel.get("description")), blankToNull(channel.get("link")));
        Map<String, String> attachments = new HashMap<>();
        Map<String, List<String>> attachedTo = new HashMap<>();
        for (Item item : items) {
            if (item.get("wp:post_type").equals("attachment")) {
                String url = item.get("wp:attachment_url");
                attachments.put(item.get("wp:post_id"), url);
                attachedTo.computeIfAbsent(item.get("wp:post_parent"), k -> new ArrayList<>()).add(url);
            }
        }
        WordPressContent content = new WordPressContent(context, attachments, attachedTo);
        String siteUrl = channel.getOrDefault("wp:base_blog_url", channel.getOrDefault("link", "")).trim();
        for (Item item : items) {
            String type = item.get("wp:post_type");
            String status = item.get("wp:status");
            if (!type.equals("post")) {
                batch.skip(switch (type) {
                    case "page" -> "pages";
                    case "attachment" -> "attachments";
                    case "revision" -> "revisions";
                    case "nav_menu_item" -> "menu items";
                    default -> "other items (" + (type.isEmpty() ? "no type" : type) + ")";
                });
            } else if (!status.equals("publish")) {
                batch.skip(switch (status) {
                    case "draft", "auto-draft", "pending", "future" -> "drafts";
                    case "private" -> "private posts";
                    case "trash" -> "posts in the bin";
                    default -> "unpublished posts (" + status + ")";
                });
            } else if (!item.get("wp:post_password").isEmpty()) {
                batch.skip("password-protected posts");
            } else {
                batch.pieces.add(piece(item, authors, siteUrl, content));
            }
        }
        content.reportLinkedImages();
        return batch;
    }

    private ImportedPiece piece(Item item, Map<String, String> authors, String site, WordPressContent content) {
        ImportedPiece p = new ImportedPiece();
        // The post id, not the guid: exports repeat guids (menu items, imported posts); ids are unique per site.
        p.sourceId = "wordpress:" + site + "?p=" + item.get("wp:post_id");
        p.title = TextOnly.of(item.get("title"));
        p.date = date(item);
        String login = item.get("dc:creator");
        if (!login.isEmpty()) {
            p.authors.add(authors.getOrDefault(login, login));
        }
        p.url = blankToNull(item.get("link"));
        p.tags.addAll(item.tags);
        p.categories.addAll(item.categories);
        String excerpt = TextOnly.of(item.get("excerpt:encoded"));
        if (!excerpt.isEmpty()) {
            p.subtitle = excerpt;
        }
        // The addresses other posts link to it by: its permalink, its guid, and the short link ?p=ID.
        String base = site.isBlank() ? null : site.endsWith("/") ? site : site + "/";
        for (String a : new String[] {item.get("link"), item.get("guid"), base == null ? null : base + "?p=" + item.get("wp:post_id")}) {
            String address = a == null || a.isBlank() ? null : DocumentLinks.webAddress(DocumentLinks.absolute(base, a));
            if (address != null) {
                p.addresses.add(address);
            }
        }
        String markdown = content.toMarkdown(item.get("content:encoded"), p, item.get("wp:post_id"), site);
        if (p.title.isEmpty()) {
            p.title = TextOnly.firstWords(markdown, 8);
            if (p.title.isEmpty()) {
                p.title = "Untitled post " + item.get("wp:post_id");
            }
        }
        Headnotes.split(p, markdown);
        return p;
    }

    /** The post's date as the site showed it: {@code wp:post_date} is already in the site's time zone. */
    private static String date(Item item) {
        String local = item.get("wp:post_date");
        if (local.length() >= 10 && !local.startsWith("0000")) {
            return local.substring(0, 10);
        }
        try {
            return ZonedDateTime.parse(item.get("pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate().toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void parse(XMLStreamReader r, Map<String, String> channel, Map<String, String> authors,
                              List<Item> items) throws XMLStreamException {
        List<String> path = new ArrayList<>();
        Item item = null;
        Map<String, String> author = null;
        StringBuilder text = new StringBuilder();
        String categoryDomain = null;
        boolean sawRoot = false;
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    sawRoot = true;
                    String name = qname(r);
                    path.add(name);
                    text.setLength(0);
                    if (name.equals("item") && path.size() == 3) {
                        item = new Item();
                    } else if (name.equals("wp:author") && path.size() == 3) {
                        author = new HashMap<>();
                    } else if (name.equals("category") && item != null && path.size() == 4) {
                        categoryDomain = r.getAttributeValue(null, "domain");
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                     XMLStreamConstants.ENTITY_REFERENCE -> text.append(r.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    String name = path.remove(path.size() - 1);
                    int depth = path.size();
                    if (item != null && depth == 3) {
                        if (name.equals("category")) {
                            String value = text.toString().trim();
                            if ("post_tag".equals(categoryDomain)) {
                                item.tags.add(value);
                            } else if ("category".equals(categoryDomain)) {
                                item.categories.add(value);
                            }
                        } else {
                            item.fields.put(name, text.toString());
                        }
                    } else if (item != null && depth == 2 && name.equals("item")) {
                        items.add(item);
                        item = null;
                    } else if (author != null && depth == 3) {
                        author.put(name, text.toString().trim());
                    } else if (author != null && depth == 2) {
                        String login = author.getOrDefault("wp:author_login", "");
                        String display = author.getOrDefault("wp:author_display_name", "");
                        authors.put(login, display.isEmpty() ? login : display);
                        author = null;
                    } else if (depth == 2 && item == null) {
                        channel.putIfAbsent(name, text.toString());
                    }
                    text.setLength(0);
                }
                default -> { }
            }
        }
        if (!sawRoot) {
            throw new XMLStreamException("the file is empty");
        }
    }

    private static String qname(XMLStreamReader r) {
        String prefix = r.getPrefix();
        return prefix == null || prefix.isEmpty() ? r.getLocalName() : prefix + ":" + r.getLocalName();
    }

    static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** "en-US" → "en-US"; WordPress sometimes writes "en_US". */
    private static String language(String lang) {
        return lang == null || lang.isBlank() ? null : lang.trim().replace('_', '-');
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
