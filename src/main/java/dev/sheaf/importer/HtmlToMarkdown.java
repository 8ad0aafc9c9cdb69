package dev.sheaf.importer;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * HTML fragments to the CommonMark Sheaf reads, by flexmark's HTML-to-Markdown converter after a jsoup
 * pass that removes what a book cannot hold (scripts, forms, share buttons' markup) and turns figures
 * into an image plus an italic caption line, the way the book's own pieces write them.
 */
public final class HtmlToMarkdown {

    /** Decides what becomes of an image: a new {@code src} (e.g. {@code media:x.jpg}) or null to keep it as a link. */
    public interface Images extends Function<Element, String> { }

    private static final String DROP = "script, style, noscript, template, form, input, button, select, textarea, "
            + "nav, svg, canvas, object, embed, link, meta, head, title";
    private static final Pattern BLANK_RUNS = Pattern.compile("\n{3,}");
    private static final Pattern TRAILING_SPACES = Pattern.compile("[ \t]+\n");
    /** A quotation straight after a paragraph line reads as part of it to people; a blank line separates them. */
    private static final Pattern QUOTE_AFTER_TEXT = Pattern.compile("(?m)^([^>\\s][^\n]*)\n>");
    private static final Pattern BR_MARK = Pattern.compile("\u2063BR\u2063\\s*");

    private final FlexmarkHtmlConverter converter;

    public HtmlToMarkdown() {
        MutableDataSet options = new MutableDataSet();
        options.set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false);
        options.set(FlexmarkHtmlConverter.OUTPUT_UNKNOWN_TAGS, false);
        options.set(FlexmarkHtmlConverter.TYPOGRAPHIC_QUOTES, false);
        options.set(FlexmarkHtmlConverter.TYPOGRAPHIC_SMARTS, false);
        options.set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false);
        options.set(FlexmarkHtmlConverter.RENDER_COMMENTS, false);
        options.set(FlexmarkHtmlConverter.WRAP_AUTO_LINKS, true);
        options.set(FlexmarkHtmlConverter.BR_AS_PARA_BREAKS, false);
        options.set(FlexmarkHtmlConverter.BR_AS_EXTRA_BLANK_LINES, false);
        options.set(FlexmarkHtmlConverter.SKIP_ATTRIBUTES, true);
        options.set(FlexmarkHtmlConverter.LISTS_END_ON_DOUBLE_BLANK, false);
        options.set(FlexmarkHtmlConverter.ADD_TRAILING_EOL, true);
        options.set(FlexmarkHtmlConverter.UNORDERED_LIST_DELIMITER, '-');
        options.set(FlexmarkHtmlConverter.THEMATIC_BREAK, "---");
        this.converter = FlexmarkHtmlConverter.builder(options).build();
    }

    /** Converts a fragment (or a whole page's chosen element) to Markdown. */
    public String convert(String html, Images images, List<String> linkedImages) {
        Document doc = Jsoup.parseBodyFragment(html);
        return convert(doc.body(), images, linkedImages);
    }

    /**
     * Converts the children of {@code root}. Images the callback does not keep become links to the
     * original (their addresses are added to {@code linkedImages} for a warning).
     */
    public String convert(Element root, Images images, List<String> linkedImages) {
        // A fresh wrapper, so that unwrapping <article>, <main>… below can never unwrap the root itself.
        Element body = new Element("div");
        body.appendChildren(root.clone().childNodes());
        Document holder = Document.createShell("");
        holder.outputSettings().prettyPrint(false);
        holder.body().replaceWith(body);
        body.select(DROP).remove();
        body.select("[aria-hidden=true], [hidden], .screen-reader-text, .sharedaddy, .share, .social, .comments, "
                + ".wp-block-buttons").remove();
        for (Element iframe : body.select("iframe, video, audio")) {
            String src = iframe.hasAttr("src") ? iframe.absUrl("src").isEmpty() ? iframe.attr("src") : iframe.absUrl("src")
                    : iframe.select("source[src]").attr("src");
            if (src.isBlank()) {
                iframe.remove();
            } else {
                Element p = new Element("p");
                p.appendElement("a").attr("href", src).text(src);
                iframe.replaceWith(p);
            }
        }
        for (Element figure : body.select("figure")) {
            flattenFigure(figure);
        }
        for (Element img : body.select("img")) {
            String src = img.attr("src");
            String kept = src.isBlank() ? null : images.apply(img);
            if (kept != null) {
                img.attr("src", kept);
                img.attributes().asList().stream().map(a -> a.getKey())
                        .filter(k -> !k.equals("src") && !k.equals("alt")).toList().forEach(img::removeAttr);
                if (img.parent() != null && img.parent().tagName().equals("a")) {
                    img.parent().unwrap();   // a linked image: the link led to the same picture or an attachment page
                }
            } else if (!src.startsWith("http:") && !src.startsWith("https:") && !src.startsWith("//")) {
                img.remove();   // a relative address that leads nowhere once the page is gone, or inline data
            } else {
                src = src.startsWith("//") ? "https:" + src : src;
                linkedImages.add(src);
                String alt = img.attr("alt").isBlank() ? "Image" : "Image: " + img.attr("alt").trim();
                Element link = new Element("a").attr("href", src).text(alt);
                if (img.parent() != null && img.parent().tagName().equals("a")) {
                    img.parent().replaceWith(link);
                } else {
                    img.replaceWith(link);
                }
            }
        }
        // Sheaf's Markdown has no superscript, underline or spans: keep their text.
        body.select("span, font, u, ins, abbr, acronym, cite, small, big, mark, time, sup, sub, label, section, "
                + "article, header, footer, main, aside, center").unwrap();
        for (Element br : body.select("br")) {
            br.replaceWith(new TextNode("\u2063BR\u2063"));
        }
        String md = converter.convert(body.html());
        md = BR_MARK.matcher(md).replaceAll("\\\\\n");
        md = md.replace("\\\\\n\n", "\n\n");
        md = TRAILING_SPACES.matcher(md).replaceAll("\n");
        md = QUOTE_AFTER_TEXT.matcher(md).replaceAll("$1\n\n>");
        md = BLANK_RUNS.matcher(md).replaceAll("\n\n");
        return md.strip() + "\n";
    }

    /** A figure becomes its image(s) in one paragraph and the caption as an italic paragraph below. */
    private static void flattenFigure(Element figure) {
        Element caption = figure.selectFirst("figcaption");
        String captionHtml = caption == null ? "" : caption.html().trim();
        if (caption != null) {
            caption.remove();
        }
        Element wrapper = new Element("div");
        List<Element> images = figure.select("img");
        if (images.isEmpty()) {
            for (Node child : List.copyOf(figure.childNodes())) {
                wrapper.appendChild(child);
            }
        } else {
            Element p = wrapper.appendElement("p");
            for (Element img : images) {
                Element holder = img.parent() != null && img.parent().tagName().equals("a") ? img.parent() : img;
                p.appendChild(holder.clone());
            }
        }
        if (!captionHtml.isEmpty()) {
            wrapper.appendElement("p").appendElement("em").html(captionHtml);
        }
        figure.replaceWith(wrapper);
        wrapper.unwrap();
    }
}
