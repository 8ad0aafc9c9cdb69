package dev.sheaf.render.pdf;

import org.w3c.dom.Document;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.resource.XMLResource;
import org.xml.sax.InputSource;

import java.io.StringReader;

/**
 * Lays out a print document, hyphenated or not. Hyphenated, the document gets the hyphenator's break points
 * ({@link HyphenPoints}), is laid out, and is laid out again (at most {@link #PASSES} more times) while
 * {@link HyphenRules} finds lines that break a rule. The last layout is not checked again; the last check
 * therefore takes every break point out of the rest of a paragraph that still has a run of hyphenated lines
 * (a word hyphenated across a page, as pages move, could stay; on the companion none does). Every layout is followed by {@link TrailingSpaces}, which sets the
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
        layout(renderer, xhtml, baseUrl, hyphenate, PASSES);
    }

    /** As {@link #layout(ITextRenderer, String, String, boolean)}, with at most {@code passes} more layouts. */
    static void layout(ITextRenderer renderer, String xhtml, String baseUrl, boolean hyphenate, int passes) {
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
        for (int pass = 1; hyphenate && pass <= passes && HyphenRules.fix(renderer, pass == 1, pass == passes) > 0; pass++) {
            renderer.setDocument(doc, baseUrl);
            layout(renderer);
        }
    }

    private static void layout(ITextRenderer renderer) {
        renderer.layout();
        TrailingSpaces.trim(renderer);
    }
}
