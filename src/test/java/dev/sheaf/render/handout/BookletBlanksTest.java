package dev.sheaf.render.handout;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blank pages set between two layouts: as many as the pages laid out need, right before the sources, replacing
 * those there were; the document is left alone when it already has the right number.
 */
class BookletBlanksTest {

    private static final String BODY = "<div class=\"piece\"><p>Text</p></div>\n"
            + "<div class=\"handout-blank\">\u00a0</div>\n"
            + "<div class=\"handout-sources\" id=\"sources\"><h1>Sources</h1></div>\n";

    @Test
    void sets_the_blank_pages_the_pages_laid_out_need_before_the_sources() throws Exception {
        BookletBlanks blanks = new BookletBlanks(null);
        Document doc = parse(BODY);
        // A document rendered without blank pages (the one there is goes too): 10 pages need 2.
        assertThat(blanks.needed(10)).isEqualTo(2);
        assertThat(blanks.change(doc, 10)).isTrue();
        assertThat(blanks.blanks()).isEqualTo(2);
        assertThat(bodyClasses(doc)).containsExactly("piece", "handout-blank", "handout-blank", "handout-sources");

        // Laid out again with them: 12 pages, which is right; nothing changes.
        assertThat(blanks.change(doc, 12)).isFalse();
        assertThat(bodyClasses(doc)).containsExactly("piece", "handout-blank", "handout-blank", "handout-sources");

        // The pieces took a page more: 13 pages with 2 blank, 11 of text, which need 1.
        assertThat(blanks.change(doc, 13)).isTrue();
        assertThat(blanks.blanks()).isEqualTo(1);
        assertThat(bodyClasses(doc)).containsExactly("piece", "handout-blank", "handout-sources");
        Element blank = (Element) elements(doc).get(1);
        assertThat(blank.getNamespaceURI()).isEqualTo("http://www.w3.org/1999/xhtml");
        assertThat(blank.getTextContent()).isEqualTo("\u00a0");

        // 13 pages with 1 blank: 12 of text need none.
        assertThat(blanks.change(doc, 13)).isTrue();
        assertThat(bodyClasses(doc)).containsExactly("piece", "handout-sources");
    }

    @Test
    void leaves_a_document_without_sources_alone() throws Exception {
        Document doc = parse("<div class=\"piece\"><p>Text</p></div>\n");
        assertThat(new BookletBlanks(null).change(doc, 7)).isFalse();
        assertThat(bodyClasses(doc)).containsExactly("piece");
    }

    private static Document parse(String body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        String xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body>\n"
                + body + "</body></html>";
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
    }

    private static List<Node> elements(Document doc) {
        List<Node> out = new ArrayList<>();
        Node body = doc.getElementsByTagNameNS("*", "body").item(0);
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                out.add(n);
            }
        }
        return out;
    }

    private static List<String> bodyClasses(Document doc) {
        return elements(doc).stream().map(n -> ((Element) n).getAttribute("class")).toList();
    }
}
