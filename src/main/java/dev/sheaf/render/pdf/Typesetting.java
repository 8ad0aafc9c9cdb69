package dev.sheaf.render.pdf;

import org.w3c.dom.Document;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.resource.XMLResource;
import org.xml.sax.InputSource;

import java.io.StringReader;

/**
 * Lays out a print document, hyphenated or not. Hyphenated, the document gets the hyphenator's break points
 * ({@link HyphenPoints}), is laid out, and is laid out again (at most {@link #PASSES} more times) while
 * {@link HyphenRules} finds lines that break a rule. The last layout is not checked again: a rule broken there
 * stays broken (on the companion, none is). Every layout is followed by {@link TrailingSpaces}, which sets the
 * lines Flying Saucer leaves short before inline elements.
 */
final class Typesetting {

    static final int PASSES = 3;

    private Typesetting() {
    }

    /** Sets up a renderer for soft hyphens and hyphenation; the renderer must use a {@link PrintText}. */
    static ITextRenderer prepare(ITextRenderer renderer) {
        renderer.getSharedContext().setLineBreakingStrategy(new HyphenBreaks());
        return renderer;
    }

    static void layout(ITextRenderer renderer, String xhtml, String baseUrl, boolean hyphenate) {
        Document doc;
        try (StringReader in = new StringReader(xhtml)) {
            doc = XMLResource.load(new InputSource(in)).getDocument();
        }
        RightToLeft.shape(doc);
        if (hyphenate) {
            HyphenPoints.insert(doc);
        }
        renderer.setDocument(doc, baseUrl);
        layout(renderer);
        for (int pass = 1; hyphenate && pass <= PASSES && HyphenRules.fix(renderer, pass == 1) > 0; pass++) {
            renderer.setDocument(doc, baseUrl);
            layout(renderer);
        }
    }

    private static void layout(ITextRenderer renderer) {
        renderer.layout();
        TrailingSpaces.trim(renderer);
    }
}
