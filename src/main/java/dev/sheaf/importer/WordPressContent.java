package dev.sheaf.importer;

import dev.sheaf.diag.MessageId;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post's {@code content:encoded} as WordPress would have shown it, then as Markdown: block-editor
 * comments removed, shortcodes expanded, paragraphs made the way wpautop makes them, images copied
 * from the uploads folder when one is given.
 */
final class WordPressContent {

    private static final Pattern COMMENTS = Pattern.compile("<!--\\s*/?wp:.*?-->|<!--\\s*(more|nextpage|noteaser)\\b.*?-->",
            Pattern.DOTALL);
    private static final Pattern SHORTCODE = Pattern.compile(
            "\\[(caption|wp_caption|embed|video|audio|gallery|playlist|code|sourcecode|youtube|vimeo|tweet)\\b([^\\]]*)\\]"
                    + "(?:(.*?)\\[/\\1\\])?", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHER_PAIRED = Pattern.compile("\\[([a-z][\\w-]*)\\b[^\\]]*\\](.*?)\\[/\\1\\]", Pattern.DOTALL);
    private static final Pattern ATTR = Pattern.compile("([\\w-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");
    private static final Pattern BARE_URL_LINE = Pattern.compile("(?m)^\\s*(https?://[^\\s<>\"]+)\\s*$");
    private static final String BLOCK = "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|"
            + "form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|"
            + "header|footer|nav|figure|figcaption|details|menu|summary|iframe|video|audio)";
    private static final Pattern BLOCK_OPEN = Pattern.compile("(<" + BLOCK + "[\\s/>])", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_CLOSE = Pattern.compile("(</" + BLOCK + ">)", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTE_OPEN = Pattern.compile("(<blockquote[^>]*>)", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTE_CLOSE = Pattern.compile("(</blockquote>)", Pattern.CASE_INSENSITIVE);
    private static final Pattern STARTS_BLOCK = Pattern.compile("^</?" + BLOCK + "[\\s/>]", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRE = Pattern.compile("<pre[\\s>].*?</pre>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern UPLOADS = Pattern.compile("/wp-content/uploads/(.+)$");
    private static final Pattern SIZE_SUFFIX = Pattern.compile("-\\d+x\\d+(\\.\\w+)$");

    private final ImportContext context;
    private final Map<String, String> attachments;
    private final Map<String, List<String>> attachedTo;
    private final HtmlToMarkdown converter = new HtmlToMarkdown();
    private final Set<String> linkedImages = new java.util.LinkedHashSet<>();

    WordPressContent(ImportContext context, Map<String, String> attachments, Map<String, List<String>> attachedTo) {
        this.context = context;
        this.attachments = attachments;
        this.attachedTo = attachedTo;
    }

    /**
     * The post's content as Markdown. Links to the blog's own posts ({@code site} resolves relative ones)
     * wait to be resolved to the pieces they became; the post's headings keep the ids they are linked by.
     */
    String toMarkdown(String content, ImportedPiece piece, String postId, String site) {
        String html = COMMENTS.matcher(content.replace("\r\n", "\n")).replaceAll("");
        html = shortcodes(html, postId);
        html = autop(html);
        List<String> linked = new ArrayList<>();
        Set<String> names = new HashSet<>();
        org.jsoup.nodes.Element root = org.jsoup.Jsoup.parseBodyFragment(html).body();
        String self = piece.addresses.isEmpty() ? null : piece.addresses.iterator().next();
        if (self != null) {
            DocumentLinks.register(root, self, false, DocumentLinks.markHeadings(root), piece);
        }
        String base = site == null || site.isBlank() ? piece.url : site.endsWith("/") ? site : site + "/";
        DocumentLinks.pending(root, h -> DocumentLinks.webTarget(base, self, h),
                h -> h.startsWith("#") ? null : DocumentLinks.absolute(base, h), piece);
        String md = DocumentLinks.restore(converter.convert(root, img -> copy(img, piece, names), linked));
        if (context.mediaDir() == null) {
            linkedImages.addAll(linked);
        }
        return md;
    }

    /** One warning for the whole export: a blog's hundreds of images would drown everything else. */
    void reportLinkedImages() {
        if (!linkedImages.isEmpty()) {
            String first = linkedImages.iterator().next();
            context.warn(MessageId.IMP_003, linkedImages.size() == 1 ? "1 image (" + first + ")"
                    : linkedImages.size() + " images (the first " + first + ")");
        }
    }

    /** The shortcodes WordPress itself registers; other paired shortcodes keep their content. */
    private String shortcodes(String html, String postId) {
        Matcher m = SHORTCODE.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).toLowerCase(java.util.Locale.ROOT);
            Map<String, String> attrs = attributes(m.group(2));
            String inner = m.group(3) == null ? "" : m.group(3).trim();
            String replacement = switch (name) {
                case "caption", "wp_caption" -> caption(inner, attrs);
                case "embed", "youtube", "vimeo", "tweet" -> linkParagraph(inner.isEmpty() ? attrs.getOrDefault("url",
                        attrs.getOrDefault("0", "")) : inner);
                case "video", "audio" -> linkParagraph(mediaSource(attrs));
                case "gallery" -> gallery(attrs, postId);
                case "code", "sourcecode" -> "<pre><code>" + inner.replace("&", "&amp;").replace("<", "&lt;") + "</code></pre>";
                default -> {
                    context.warn(MessageId.IMP_006, "the [" + name + "] shortcode has no Markdown form and was left out");
                    yield "";
                }
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        String result = out.toString();
        Matcher other = OTHER_PAIRED.matcher(result);
        StringBuilder kept = new StringBuilder();
        while (other.find()) {
            context.warn(MessageId.IMP_006, "the [" + other.group(1) + "] shortcode (from a plugin) was removed; its text is kept");
            other.appendReplacement(kept, Matcher.quoteReplacement(other.group(2)));
        }
        other.appendTail(kept);
        // A URL alone on its line is an embed (oEmbed) in WordPress: a link here.
        return BARE_URL_LINE.matcher(kept.toString()).replaceAll("\n<p><a href=\"$1\">$1</a></p>\n");
    }

    private static String caption(String inner, Map<String, String> attrs) {
        int end = inner.lastIndexOf('>');
        String image = end < 0 ? "" : inner.substring(0, end + 1);
        String text = end < 0 ? inner : inner.substring(end + 1).trim();
        if (text.isEmpty()) {
            text = attrs.getOrDefault("caption", "");
        }
        return "<figure>" + image + (text.isEmpty() ? "" : "<figcaption>" + text + "</figcaption>") + "</figure>";
    }

    private static String linkParagraph(String url) {
        String u = url.trim();
        return u.isEmpty() ? "" : "\n<p><a href=\"" + u.replace("\"", "&quot;") + "\">" + u + "</a></p>\n";
    }

    private static String mediaSource(Map<String, String> attrs) {
        for (String key : List.of("src", "mp4", "m4v", "webm", "ogv", "mp3", "ogg", "wav", "m4a", "flv", "wmv")) {
            if (attrs.containsKey(key)) {
                return attrs.get(key);
            }
        }
        return "";
    }

    private String gallery(Map<String, String> attrs, String postId) {
        List<String> urls = new ArrayList<>();
        if (attrs.containsKey("ids")) {
            for (String id : attrs.get("ids").split("\\s*,\\s*")) {
                if (attachments.containsKey(id)) {
                    urls.add(attachments.get(id));
                }
            }
        } else {
            urls.addAll(attachedTo.getOrDefault(postId, List.of()));
        }
        StringBuilder b = new StringBuilder("\n");
        for (String u : urls) {
            b.append("<p><img src=\"").append(u.replace("\"", "&quot;")).append("\" alt=\"\"></p>\n");
        }
        return b.toString();
    }

    static Map<String, String> attributes(String text) {
        Map<String, String> attrs = new java.util.LinkedHashMap<>();
        Matcher m = ATTR.matcher(text == null ? "" : text);
        int bare = 0;
        String rest = text == null ? "" : text;
        while (m.find()) {
            String v = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            attrs.put(m.group(1).toLowerCase(java.util.Locale.ROOT), v);
        }
        String positional = ATTR.matcher(rest).replaceAll("").trim();
        if (!positional.isEmpty()) {
            attrs.put(String.valueOf(bare), positional.replaceFirst("^=", "").trim());
        }
        return attrs;
    }

    /**
     * wpautop: WordPress stores paragraphs as blank-line-separated text and single newlines as line
     * breaks, adding {@code <p>} and {@code <br>} only when it shows the post.
     */
    static String autop(String html) {
        List<String> pres = new ArrayList<>();
        Matcher pm = PRE.matcher(html);
        StringBuilder protectedHtml = new StringBuilder();
        while (pm.find()) {
            pres.add(pm.group());
            pm.appendReplacement(protectedHtml, Matcher.quoteReplacement("\n\n<pre>\u0000" + (pres.size() - 1) + "\u0000</pre>\n\n"));
        }
        pm.appendTail(protectedHtml);
        String s = BLOCK_OPEN.matcher(protectedHtml).replaceAll("\n\n$1");
        // Text directly inside a quotation is paragraphs too, as WordPress shows it.
        s = QUOTE_OPEN.matcher(s).replaceAll("$1\n\n");
        s = QUOTE_CLOSE.matcher(s).replaceAll("\n\n$1");
        s = BLOCK_CLOSE.matcher(s).replaceAll("$1\n\n");
        StringBuilder out = new StringBuilder();
        for (String chunk : s.split("\\n\\s*\\n")) {
            String c = chunk.trim();
            if (c.isEmpty()) {
                continue;
            }
            if (STARTS_BLOCK.matcher(c).find() || c.startsWith("<!--")) {
                out.append(c).append('\n');
            } else {
                out.append("<p>").append(c.replaceAll("\\s*\\n\\s*", "<br />\n")).append("</p>\n");
            }
        }
        String result = out.toString();
        for (int i = 0; i < pres.size(); i++) {
            result = result.replace("<pre>\u0000" + i + "\u0000</pre>", pres.get(i));
        }
        return result;
    }

    /** With --media, an uploaded image is copied (the full size when WordPress linked a resized copy). */
    private String copy(Element img, ImportedPiece piece, Set<String> names) {
        Path media = context.mediaDir();
        if (media == null) {
            return null;
        }
        String src = img.attr("src");
        String path;
        try {
            path = URI.create(src.replace(" ", "%20")).getPath();
        } catch (IllegalArgumentException e) {
            path = src;
        }
        Matcher m = path == null ? null : UPLOADS.matcher(path);
        String relative = m != null && m.find() ? m.group(1) : path == null ? src : path.replaceFirst("^/+", "");
        Path file = media.resolve(relative).normalize();
        if (!Files.isRegularFile(file)) {
            Path full = media.resolve(SIZE_SUFFIX.matcher(relative).replaceFirst("$1")).normalize();
            file = Files.isRegularFile(full) ? full : null;
        }
        if (file == null || !file.startsWith(media.normalize())) {
            context.warn(MessageId.IMP_005, src, media);
            return null;
        }
        try {
            String name = Slugify.fileName(file.getFileName().toString());
            String unique = name;
            for (int i = 2; !names.add(unique); i++) {
                unique = name.replaceFirst("(\\.\\w+)?$", "-" + i + "$1");
            }
            piece.media.add(new MediaFile(unique, Files.readAllBytes(file)));
            return MediaFile.reference(unique);
        } catch (IOException e) {
            context.warn(MessageId.IMP_005, src, media);
            return null;
        }
    }
}
