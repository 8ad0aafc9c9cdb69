package dev.sheaf.importer;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.text.DateFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the documents of an EPUB are made of, by their EPUB 3 semantics ({@code epub:type}), ARIA roles
 * and the class names pandoc and Sheaf write: notes and their containers, front matter to skip,
 * pieces inside a document, and the header Sheaf writes above each piece.
 */
final class EpubDocuments {

    private EpubDocuments() { }

    /**
     * A piece's worth of a document: its heading's text (null when it has none), subtitle and content, and
     * the heading itself (taken out of the content; null when there is none).
     */
    record Part(String title, String subtitle, Element body, Element heading) { }

    /** What Sheaf's own piece header says (all null for other books); {@code note} is the headnote element. */
    record Sheaf(String outlet, String url, String date, boolean estimated, Element note, String type, String caption,
                 String credit) { }

    private static final Pattern NOTE = Pattern.compile("\\b(footnote|endnote|rearnote|doc-footnote|doc-endnote)\\b");
    private static final Pattern NOTES = Pattern.compile("\\b(footnotes|endnotes|rearnotes|doc-endnotes|doc-footnotes)\\b");
    private static final Pattern NOTE_NUMBER = Pattern.compile("^[\\[(]?\\s*[0-9ivxlcdm*†‡§↩↑^\\uFE0E]+\\s*[\\]).]?$");
    private static final Pattern YEAR = Pattern.compile("\\b(1[5-9]\\d\\d|20\\d\\d)\\b");

    /** epub:type and role together, lower case: the semantics an element declares. */
    static String semantics(Element e) {
        return (e.attr("epub:type") + " " + e.attr("role")).toLowerCase(Locale.ROOT);
    }

    /** Why a whole document is not a piece ("tables of contents", …), or null when it is one or more. */
    static String skipReason(Document doc) {
        Element body = doc.body();
        for (Element nav : body.select("nav, ol, ul, section, div")) {
            String s = semantics(nav);
            if (s.contains("toc") && (nav.tagName().equals("nav") || s.contains("doc-toc"))) {
                return "tables of contents";
            }
        }
        StringBuilder declared = new StringBuilder(semantics(doc.selectFirst("html")) + " " + semantics(body));
        for (Element child : body.children()) {
            declared.append(' ').append(semantics(child));
        }
        String s = declared.toString();
        if (s.matches("(?s).*\\b(cover|doc-cover)\\b.*")) {
            return "covers";
        }
        if (s.matches("(?s).*\\b(titlepage|halftitlepage|copyright-page|imprint|colophon|frontispiece|dedication|epigraph)\\b.*")) {
            return "title, copyright and dedication pages";
        }
        if (s.matches("(?s).*\\b(index|doc-index)\\b.*")) {
            return "indexes";
        }
        if (s.matches("(?s).*\\b(bibliography|doc-bibliography)\\b.*")) {
            return "bibliographies";
        }
        if (s.matches("(?s).*\\b(part|doc-part)\\b.*")) {
            return "part openers";
        }
        Element rest = body.clone();
        boolean hadNotes = !notes(doc).isEmpty();
        removeNotes(rest);
        rest.select("h1, h2, h3, h4, h5, h6, nav, script, style").remove();
        if (rest.text().isBlank()) {
            if (hadNotes) {
                return "notes documents (each note went to its reference)";
            }
            return rest.selectFirst("img, svg, image") != null ? "covers" : "pages without text";
        }
        return null;
    }

    /** Every note in a document: asides and list items marked as foot-, end- or rear-notes. */
    static List<Element> notes(Element root) {
        List<Element> found = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (NOTE.matcher(semantics(e)).find()) {
                found.add(e);
            } else if (e.tagName().equals("li") && e.hasAttr("id") && e.parent() != null) {
                Element list = e.parent();
                Element holder = list.parent();
                if (isNotesContainer(list) || holder != null && isNotesContainer(holder)) {
                    found.add(e);
                }
            }
        }
        return found;
    }

    private static boolean isNotesContainer(Element e) {
        return NOTES.matcher(semantics(e)).find() || e.hasClass("footnotes") || e.hasClass("endnotes");
    }

    /** Removes the notes, and the sections that hold them, from the text (they become Markdown footnotes). */
    static void removeNotes(Element root) {
        for (Element e : root.getAllElements()) {
            if (e != root && e.parent() != null && isNotesContainer(e)) {
                e.remove();
            }
        }
        for (Element e : notes(root)) {
            if (e.parent() != null) {
                e.remove();
            }
        }
    }

    /** The way back from a note to its reference ("↩", "1.", Sheaf's note number) is not part of the note. */
    static void removeBacklinks(Element note) {
        note.select("[role=doc-backlink], a.footnote-back, .note-number").remove();
        for (Element a : note.select("a[href]")) {
            if (a.attr("href").contains("#") && NOTE_NUMBER.matcher(a.text().strip()).matches()) {
                a.remove();
            }
        }
    }

    /**
     * The pieces of one document: one per heading of the highest level present when that level occurs
     * more than once (several chapters in one file), otherwise the whole document under its heading.
     */
    static List<Part> split(Document doc, String bookTitle) {
        Element body = doc.body();
        body.select("nav, script, style").remove();
        List<Element> headings = new ArrayList<>(body.select("h1, h2, h3, h4, h5, h6"));
        if (headings.isEmpty()) {
            return List.of(new Part(null, null, body, null));
        }
        final int first = headings.stream().mapToInt(EpubDocuments::level).min().orElse(1);
        int top = first;
        // The book's title over the whole text (pandoc writes one when the pieces are second-level headings).
        List<Element> firstLevel = headings.stream().filter(h -> level(h) == first).toList();
        if (firstLevel.size() == 1 && bookTitle != null && comparable(text(firstLevel.get(0))).equals(comparable(bookTitle))
                && headings.size() > 2) {
            Element bookHeading = firstLevel.get(0);
            takeSubtitle(bookHeading);
            bookHeading.remove();
            headings.remove(bookHeading);
            top = headings.stream().mapToInt(EpubDocuments::level).min().orElse(1);
        }
        final int topLevel = top;
        List<Element> tops = headings.stream().filter(h -> level(h) == topLevel).toList();
        List<String> subtitles = new ArrayList<>();
        for (Element h : tops) {
            subtitles.add(takeSubtitle(h));
        }
        if (tops.size() == 1) {
            Element h = tops.get(0);
            String title = text(h);
            h.remove();
            return List.of(new Part(title.isEmpty() ? null : title, subtitles.get(0), body, h));
        }
        for (Element h : tops) {
            for (Element parent = h.parent(); parent != null && parent != body; parent = h.parent()) {
                parent.unwrap();
            }
        }
        List<Part> parts = new ArrayList<>();
        Element current = new Element("div");
        String title = null;
        String subtitle = null;
        Element heading = null;
        for (Node n : List.copyOf(body.childNodes())) {
            int at = n instanceof Element e ? tops.indexOf(e) : -1;
            if (at >= 0) {
                if (title != null || !current.text().isBlank()) {
                    parts.add(new Part(title, subtitle, current, heading));
                }
                current = new Element("div");
                heading = (Element) n;
                title = text(heading);
                subtitle = subtitles.get(at);
                continue;
            }
            current.appendChild(n);
        }
        parts.add(new Part(title, subtitle, current, heading));
        return parts;
    }

    /** A subtitle marked as such next to a heading (hgroup, class or role), removed from the text. */
    private static String takeSubtitle(Element heading) {
        Element parent = heading.parent();
        List<Element> candidates = new ArrayList<>();
        if (parent != null && parent.tagName().equals("hgroup")) {
            candidates.addAll(parent.children());
        }
        Element next = heading.nextElementSibling();
        if (next != null) {
            candidates.add(next);
        }
        for (Element c : candidates) {
            if (c != heading && (c.hasClass("subtitle") || semantics(c).contains("subtitle")
                    || parent != null && parent.tagName().equals("hgroup") && c.tagName().matches("h[1-6]|p"))) {
                String s = text(c);
                c.remove();
                return s.isEmpty() ? null : s;
            }
        }
        return null;
    }

    /** Sub-headings move up so the highest becomes level 2 (the piece's title is level 1). */
    static void shiftHeadings(Element body) {
        List<Element> headings = body.select("h1, h2, h3, h4, h5, h6");
        int min = headings.stream().mapToInt(EpubDocuments::level).min().orElse(2);
        int shift = min - 2;
        if (shift == 0) {
            return;
        }
        for (Element h : headings) {
            h.tagName("h" + Math.max(2, Math.min(6, level(h) - shift)));
        }
    }

    /**
     * Sheaf's own piece header, read back: the "first published" line gives {@code outlet:}, the
     * address and the date; the headnote becomes {@code note:}; the kicker and the suggested citation,
     * which the build writes from other fields, are dropped.
     */
    static Sheaf sheafHeader(Element body, Document doc) {
        String outlet = null;
        String url = null;
        String date = null;
        boolean estimated = false;
        Element first = body.selectFirst("p.first-published");
        if (first != null) {
            Element cite = first.selectFirst("cite");
            outlet = cite == null ? null : text(cite);
            Element a = first.selectFirst("a[href]");
            url = a == null || !a.attr("href").startsWith("http") ? null : a.attr("href");
            String line = text(first);
            Element html = doc.selectFirst("html");
            Locale locale = html == null || html.attr("lang").isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(html.attr("lang"));
            date = displayedDate(line, locale);
            estimated = date != null && line.matches("(?s).*\\b(c\\.|ca\\.|circa)\\s.*");
            first.remove();
        }
        Element note = body.selectFirst("div.headnote");
        if (note != null) {
            note.remove();
        }
        Element kicker = body.selectFirst("p.kicker");
        String type = kicker == null || text(kicker).isEmpty() ? null : text(kicker).toLowerCase(Locale.ROOT);
        String caption = null;
        String credit = null;
        Element illustration = body.selectFirst("p.caption:has(span.caption-label)");
        if (illustration != null) {
            Element c = illustration.selectFirst("span.credit");
            credit = c == null || text(c).isEmpty() ? null : text(c);
            illustration.select("span.caption-label, span.credit").remove();
            caption = text(illustration).isEmpty() ? null : text(illustration);
            illustration.remove();
        }
        body.select("p.kicker, p.cite-as").remove();
        return new Sheaf(outlet, url, date, estimated, note, type, caption, credit);
    }

    /** A date written out ("7 January 2022", "January 7, 2022", "March 2021", "2019") as ISO, or null. */
    static String displayedDate(String text, Locale locale) {
        List<String[]> monthNames = new ArrayList<>();
        monthNames.add(new DateFormatSymbols(Locale.ENGLISH).getMonths());
        if (!locale.getLanguage().equals("en")) {
            monthNames.add(new DateFormatSymbols(locale).getMonths());
        }
        for (String[] months : monthNames) {
            for (int m = 0; m < 12; m++) {
                if (months[m].isEmpty()) {
                    continue;
                }
                String name = Pattern.quote(months[m]);
                Matcher dm = Pattern.compile("(?iu)\\b(\\d{1,2})\\.?\\s+(?:de\\s+)?" + name + "\\s+(?:de\\s+)?(\\d{4})").matcher(text);
                if (dm.find()) {
                    return String.format("%s-%02d-%02d", dm.group(2), m + 1, Integer.parseInt(dm.group(1)));
                }
                Matcher md = Pattern.compile("(?iu)\\b" + name + "\\s+(\\d{1,2}),?\\s+(\\d{4})").matcher(text);
                if (md.find()) {
                    return String.format("%s-%02d-%02d", md.group(2), m + 1, Integer.parseInt(md.group(1)));
                }
                Matcher my = Pattern.compile("(?iu)\\b" + name + "\\s+(\\d{4})").matcher(text);
                if (my.find()) {
                    return String.format("%s-%02d", my.group(1), m + 1);
                }
            }
        }
        Matcher y = YEAR.matcher(text);
        return y.find() ? y.group(1) : null;
    }

    private static String comparable(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static int level(Element h) {
        return h.tagName().charAt(1) - '0';
    }

    private static String text(Element e) {
        return e.text().replaceAll("\\s+", " ").strip();
    }
}
