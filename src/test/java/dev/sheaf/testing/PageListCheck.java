package dev.sheaf.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an EPUB's page list against the PDF edition it names: for every entry, the words after its marker in
 * the EPUB must be the words at the top of the PDF page with that label (after the running head, if any).
 */
public final class PageListCheck {

    /** One page of the page list: its label, the marker's document and id, and the words compared. */
    public record Entry(String label, String file, String id, List<String> epubWords, List<String> pdfTop) { }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern LINK = Pattern.compile("<a href=\"([^\"#]+)#([^\"]+)\">([^<]+)</a>");
    /** Words compared after each marker. */
    private static final int WORDS = 6;

    private PageListCheck() { }

    /** The entries of the navigation document's page list, in order. */
    public static List<Entry> entries(EpubText epub, PdfText pdf) throws IOException {
        String nav = epub.entry("EPUB/text/nav.xhtml");
        int start = nav.indexOf("epub:type=\"page-list\"");
        if (start < 0) {
            return List.of();
        }
        String list = nav.substring(start, nav.indexOf("</nav>", start));
        List<String> labels = pdf.labels();
        List<Entry> out = new ArrayList<>();
        Matcher m = LINK.matcher(list);
        while (m.find()) {
            String file = m.group(1);
            String id = m.group(2);
            String label = m.group(3);
            String xhtml = epub.entry("EPUB/text/" + file);
            int at = xhtml.indexOf("id=\"" + id + "\"");
            List<String> after = at < 0 ? List.of()
                    : words(EpubText.visibleText(xhtml.substring(xhtml.indexOf('>', at) + 1)));
            int page = labels.indexOf(label);
            List<String> top = page < 0 ? List.of() : words(pdf.page(page));
            out.add(new Entry(label, file, id, after.subList(0, Math.min(WORDS, after.size())), top));
        }
        return out;
    }

    /**
     * The entries whose words do not begin the PDF page: the EPUB's words must occur in the page's words,
     * starting within its first line (the running head, when the page has one, comes first). A page set in two
     * columns (the index) is read across both columns line by line, so it is also read as drawn, column by column,
     * where the running head and the folio may come first.
     */
    public static List<Entry> mismatches(EpubText epub, PdfText pdf) throws IOException {
        List<String> labels = pdf.labels();
        List<Entry> bad = new ArrayList<>();
        for (Entry e : entries(epub, pdf)) {
            int page = labels.indexOf(e.label());
            String text = page < 0 ? "" : pdf.page(page);
            String firstLine = text.strip().split("\n", 2)[0];
            int headWords = words(firstLine).size();
            if (!begins(e.pdfTop(), e.epubWords(), headWords) && !beginsAsDrawn(pdf, page, e.epubWords())) {
                bad.add(e);
            }
        }
        return bad;
    }

    /** Whether {@code words} begin the page as drawn, after none, one or two of its first lines. */
    private static boolean beginsAsDrawn(PdfText pdf, int page, List<String> words) {
        if (page < 0 || words.isEmpty()) {
            return false;
        }
        String[] lines = pdf.pageAsDrawn(page).strip().split("\n");
        List<String> all = words(String.join("\n", lines));
        int skip = 0;
        for (int i = 0; i <= 2 && i <= lines.length; i++) {
            int n = Math.min(words.size(), all.size() - skip);
            if (n > 0 && all.subList(skip, skip + n).equals(words.subList(0, n)) && n >= Math.min(words.size(), 3)) {
                return true;
            }
            if (i < lines.length) {
                skip += words(lines[i]).size();
            }
        }
        return false;
    }

    /**
     * Whether {@code words} begin at one of the first {@code head} + 1 words of {@code page}; when the page ends
     * first (a chapter opener, whose EPUB page goes on with a list of its pieces), as far as the page goes.
     */
    private static boolean begins(List<String> page, List<String> words, int head) {
        if (words.isEmpty()) {
            return false;
        }
        for (int i = 0; i <= head && i < page.size(); i++) {
            int n = Math.min(words.size(), page.size() - i);
            if (page.subList(i, i + n).equals(words.subList(0, n))) {
                return true;
            }
        }
        return false;
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(PdfText.joined(text).toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
