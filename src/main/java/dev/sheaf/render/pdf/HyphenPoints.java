package dev.sheaf.render.pdf;

import dev.sheaf.hyphenate.Hyphenation;
import dev.sheaf.hyphenate.Hyphenator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Puts the hyphenator's break points ({@link SoftHyphens#AUTO}) into the words of the print document, in the
 * language of each text: the nearest {@code lang} (the book's on {@code html}, a piece's, a span's). Whether a
 * break point is used is the stylesheet's business ({@code hyphens: auto}, for justified text); here only the
 * places no publisher breaks are left alone: headings, code, the head, note numbers, addresses and numbers
 * ({@link Hyphenator}), and the last word of every paragraph.
 */
final class HyphenPoints {

    private static final Set<String> SKIPPED = Set.of("head", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre",
            "kbd", "samp", "tt", "var", "script", "style", "title", "bookmarks", "sup", "sub", "math", "svg");
    private static final Set<String> PARAGRAPHS = Set.of("p", "li", "dd", "dt", "td", "th", "figcaption",
            "caption", "blockquote", "div", "aside", "section", "article", "header", "footer", "body");

    private HyphenPoints() {
    }

    /** Adds break points to every text of {@code doc} that is in a language with patterns. */
    static void insert(Document doc) {
        Element root = doc.getDocumentElement();
        if (root != null) {
            block(root, lang(root, null));
        }
    }

    /** A paragraph-like element: its texts, then the last word of its last text is kept whole. */
    private static void block(Element block, String lang) {
        List<Text> texts = new ArrayList<>();
        List<String> langs = new ArrayList<>();
        collect(block, lang, texts, langs);
        int last = -1;
        for (int i = texts.size() - 1; i >= 0 && last < 0; i--) {
            if (hasLetter(texts.get(i).getData())) {
                last = i;
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            Optional<Hyphenator> h = Hyphenation.forLanguage(langs.get(i));
            if (h.isPresent()) {
                Text t = texts.get(i);
                String data = t.getData();
                String out = h.get().hyphenateText(data, SoftHyphens.AUTO, i == last);
                if (!out.equals(data)) {
                    t.setData(out);
                }
            }
        }
    }

    /** The texts directly in {@code e}'s paragraph; nested paragraphs are handled as blocks of their own. */
    private static void collect(Element e, String lang, List<Text> texts, List<String> langs) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Text t && n.getNodeType() == Node.TEXT_NODE) {
                texts.add(t);
                langs.add(lang);
            } else if (n instanceof Element child) {
                String name = child.getLocalName() != null ? child.getLocalName() : child.getNodeName();
                name = name.toLowerCase(Locale.ROOT);
                if (SKIPPED.contains(name)) {
                    continue;
                }
                String childLang = lang(child, lang);
                if (PARAGRAPHS.contains(name)) {
                    block(child, childLang);
                } else {
                    collect(child, childLang, texts, langs);
                }
            }
        }
    }

    private static String lang(Element e, String inherited) {
        String lang = e.getAttribute("lang");
        if (lang.isEmpty()) {
            lang = e.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
        }
        if (lang.isEmpty()) {
            lang = e.getAttribute("xml:lang");
        }
        return lang.isEmpty() ? inherited : lang;
    }

    private static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
