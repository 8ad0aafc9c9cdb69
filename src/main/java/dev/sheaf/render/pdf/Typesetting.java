package dev.sheaf.render.pdf;

import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.Text;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.resource.XMLResource;
import org.xml.sax.InputSource;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    static Corrections layout(ITextRenderer renderer, String xhtml, String baseUrl, boolean hyphenate) {
        return layout(renderer, xhtml, baseUrl, hyphenate, PASSES, null);
    }

    /**
     * As {@link #layout(ITextRenderer, String, String, boolean)}, for a document that begins as the one laid out
     * with {@code earlier} (or null): its texts get the corrections found there before the first layout.
     */
    static Corrections layout(ITextRenderer renderer, String xhtml, String baseUrl, boolean hyphenate,
                              Corrections earlier) {
        return layout(renderer, xhtml, baseUrl, hyphenate, PASSES, earlier);
    }

    /** As {@link #layout(ITextRenderer, String, String, boolean)}, with at most {@code passes} more layouts. */
    static Corrections layout(ITextRenderer renderer, String xhtml, String baseUrl, boolean hyphenate, int passes) {
        return layout(renderer, xhtml, baseUrl, hyphenate, passes, null);
    }

    /**
     * As {@link #layout(ITextRenderer, String, String, boolean)}, with at most {@code passes} more layouts, and the
     * corrections of {@code earlier} (or null).
     */
    static Corrections layout(ITextRenderer renderer, String xhtml, String baseUrl, boolean hyphenate, int passes,
                              Corrections earlier) {
        return layout(renderer, xhtml, baseUrl, hyphenate, passes, earlier, null, null);
    }

    /**
     * As {@link #layout(ITextRenderer, String, String, boolean, int, Corrections)}, letting {@code adjust} (or null)
     * change the document before each layout that a check made necessary, knowing the pages just laid out. A
     * document so changed returns no corrections.
     */
    static Corrections layout(ITextRenderer renderer, String xhtml, String baseUrl, boolean hyphenate,
                              Corrections earlier, PrintKit.Adjustment adjust) {
        return layout(renderer, xhtml, baseUrl, hyphenate, PASSES, earlier, null, adjust);
    }

    /**
     * What a caller may do between a check that took break points out and the layout that follows it: a document
     * made of blocks that each start a page can give up the blocks before the first text the check changed (their
     * pages are final: they are laid out the same again, and no later check finds anything in them), once it has
     * used their pages, so that the layouts still to come lay out less (see {@link PdfParts}).
     */
    interface Cut {
        /**
         * Called with the document and the first of its texts the check changed, while the renderer still holds
         * the layout the check read. Returns true when it took elements out of {@code doc}, which is then set
         * again before it is laid out.
         */
        boolean after(Document doc, Text firstChanged);
    }

    /**
     * As {@link #layout(ITextRenderer, String, String, boolean, int, Corrections)}, letting {@code cut} (or null) take
     * the part of the document that is final out of the layouts still to come, and {@code adjust} (or null) change
     * it. A document cut or changed so returns no corrections (its texts are no longer those it began with).
     */
    static Corrections layout(ITextRenderer renderer, String xhtml, String baseUrl, boolean hyphenate, int passes,
                              Corrections earlier, Cut cut, PrintKit.Adjustment adjust) {
        Document doc;
        try (StringReader in = new StringReader(xhtml)) {
            doc = XMLResource.load(new InputSource(in)).getDocument();
        }
        RightToLeft.shape(doc);
        List<Text> texts = List.of();
        List<String> points = List.of();
        int pass = 1;
        if (hyphenate) {
            HyphenPoints.insert(doc);
            texts = texts(doc);
            points = texts.stream().map(Text::getData).toList();
            if (earlier != null && earlier.passes == passes && earlier.fits(points)) {
                earlier.applyTo(texts);
                pass = earlier.nextPass;
            }
        }
        renderer.setDocument(doc, baseUrl);
        layout(renderer);
        int layouts = 1;
        boolean wasCut = false; // or changed
        while (hyphenate && pass <= passes) {
            String[] before = cut == null ? null : data(texts);
            if (HyphenRules.fix(renderer, pass == 1, pass == passes) == 0) {
                break;
            }
            pass++;
            // Read before a cut gives pages up: the pages of the layout the check read.
            boolean adjusted = adjust != null && adjust.change(doc, renderer.getRootBox().getLayer().getPages().size());
            Text first = cut == null ? null : firstChanged(texts, before);
            boolean cutNow = first != null && cut.after(doc, first);
            if (cutNow || adjusted) {
                wasCut = true;
                texts = texts(doc);
                renderer.setDocument(doc, baseUrl);
            } else {
                // Only texts changed (break points taken out): the document is not set again, so the stylesheet is
                // not parsed again nor matched against every element again (Flying Saucer's Matcher keeps each
                // element's match); reset() forgets the computed styles, ids and replaced elements, as setDocument
                // does.
                renderer.getSharedContext().reset();
            }
            layout(renderer);
            layouts++;
        }
        return hyphenate && !wasCut ? new Corrections(points, texts, passes, pass, layouts) : null;
    }

    private static String[] data(List<Text> texts) {
        String[] out = new String[texts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = texts.get(i).getData();
        }
        return out;
    }

    /** The first of {@code texts} whose data is no longer {@code before}'s (the check only takes characters out). */
    private static Text firstChanged(List<Text> texts, String[] before) {
        for (int i = 0; i < before.length; i++) {
            if (!texts.get(i).getData().equals(before[i])) {
                return texts.get(i);
            }
        }
        return null;
    }

    /**
     * What {@link HyphenRules} took out of a document's texts, to be taken out of a document laid out later that
     * begins the same way (the PDF edition with its index filled in after a layout with the index's heading alone;
     * a handout with its index, or with blank pages before its sources), which then needs none of the layouts that
     * found them: each text, in document order, as the hyphenator left it and as the rules left it. They are made
     * only when the later document begins with the same texts up to the last one corrected.
     *
     * <p>The later document is laid out exactly as it would have been without them when the texts it adds come
     * after the others and no rule takes anything out of them (the index and the sources are not hyphenated): its
     * own checks would have taken out the same break points, layout by layout, and stopped at the same pass. The
     * checks go on from there ({@link #nextPass}), so texts of its own are still checked while passes are left.
     */
    static final class Corrections {

        private final List<String> points;
        private final Map<Integer, String> corrected = new HashMap<>();
        private final int passes;
        /** The check the layouts stopped before: the one that found nothing, or {@code passes + 1}. */
        private final int nextPass;
        private final int layouts;

        private Corrections(List<String> points, List<Text> texts, int passes, int nextPass, int layouts) {
            this.points = points;
            this.passes = passes;
            this.nextPass = nextPass;
            this.layouts = layouts;
            for (int i = 0; i < texts.size(); i++) {
                String now = texts.get(i).getData();
                if (!now.equals(points.get(i))) {
                    corrected.put(i, now);
                }
            }
        }

        /** How many texts were corrected. */
        int size() {
            return corrected.size();
        }

        /** How many times the document was laid out. */
        int layouts() {
            return layouts;
        }

        /**
         * Whether a document whose texts (with break points) are {@code theirs} begins as this one did, up to and
         * including every text corrected here; otherwise none of the corrections is made (some alone would leave a
         * document laid out as no sequence of checks would have).
         */
        private boolean fits(List<String> theirs) {
            int same = 0;
            while (same < theirs.size() && same < points.size() && theirs.get(same).equals(points.get(same))) {
                same++;
            }
            int common = same;
            return corrected.keySet().stream().allMatch(i -> i < common);
        }

        private void applyTo(List<Text> texts) {
            corrected.forEach((i, data) -> texts.get(i).setData(data));
        }
    }

    /** The texts of {@code doc} in document order. */
    private static List<Text> texts(Document doc) {
        List<Text> out = new ArrayList<>();
        Node n = doc.getDocumentElement();
        while (n != null) {
            if (n.getNodeType() == Node.TEXT_NODE) {
                out.add((Text) n);
            }
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                continue;
            }
            while (n != null && n.getNextSibling() == null) {
                n = n.getParentNode();
            }
            if (n != null) {
                n = n.getNextSibling();
            }
        }
        return out;
    }

    private static void layout(ITextRenderer renderer) {
        renderer.layout();
        TrailingSpaces.trim(renderer);
    }
}
