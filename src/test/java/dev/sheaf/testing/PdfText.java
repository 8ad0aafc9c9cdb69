package dev.sheaf.testing;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads a PDF back with PDFBox for tests: visible text per page (with or without the margins that hold
 * running heads and folios), page labels, the outline, internal links, fonts and metadata.
 */
public final class PdfText implements AutoCloseable {

    /** An outline entry: its title, the 0-based index of the page it points at, and its children. */
    public record Bookmark(String title, int page, List<Bookmark> children) { }

    private final PDDocument doc;

    public PdfText(Path pdf) throws IOException {
        this.doc = Loader.loadPDF(pdf.toFile());
    }

    public PDDocument document() {
        return doc;
    }

    public int pages() {
        return doc.getNumberOfPages();
    }

    /** All visible text of page {@code index} (0-based). */
    public String page(int index) {
        return strip(new VisibleTextStripper(), index);
    }

    /**
     * The visible text of page {@code index} in the order it is drawn: a page set in columns (the index) column by
     * column, where {@link #page} reads across the columns line by line.
     */
    public String pageAsDrawn(int index) {
        try {
            VisibleTextStripper stripper = new VisibleTextStripper();
            stripper.setSortByPosition(false);
            stripper.setStartPage(index + 1);
            stripper.setEndPage(index + 1);
            return joined(stripper.getText(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The visible text of an imposed sheet {@code index}: its left half, then its right half. Read as one
     * page, the two booklet pages' lines would interleave, and a word hyphenated at the end of a left-hand
     * line would be joined to the first word of the right-hand line beside it.
     */
    public String halves(int index) {
        float mid = doc.getPage(index).getMediaBox().getWidth() / 2;
        return strip(new VisibleTextStripper(0, Float.MAX_VALUE, 0, mid), index) + "\n"
                + strip(new VisibleTextStripper(0, Float.MAX_VALUE, mid, Float.MAX_VALUE), index);
    }

    /** The visible text of page {@code index} between {@code top} and {@code bottom} points from the top edge. */
    public String band(int index, float top, float bottom) {
        return strip(new VisibleTextStripper(top, bottom), index);
    }

    /**
     * The text layer of page {@code index} between {@code top} and {@code bottom} points from the top edge, as
     * search, copy and screen readers get it: clipping is ignored, so text hidden by a clip counts.
     */
    public String layer(int index, float top, float bottom) {
        try {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition t) {
                    if (t.getY() > top && t.getY() < bottom) {
                        super.processTextPosition(t);
                    }
                }
            };
            stripper.setSortByPosition(true);
            stripper.setStartPage(index + 1);
            stripper.setEndPage(index + 1);
            return joined(stripper.getText(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A word hyphenated at a line end comes out with a soft hyphen (U+00AD) and a line break between its
     * parts; a reader copying it gets the word whole, and so do the tests.
     */
    public static String joined(String text) {
        return text.replaceAll("\u00AD[\\s]*", "");
    }

    private String strip(VisibleTextStripper stripper, int index) {
        try {
            stripper.setSortByPosition(true);
            stripper.setStartPage(index + 1);
            stripper.setEndPage(index + 1);
            return joined(stripper.getText(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The label of each page, as a reader shows it ("iii", "12"). */
    public List<String> labels() throws IOException {
        PDPageLabels labels = doc.getDocumentCatalog().getPageLabels();
        if (labels == null) {
            return List.of();
        }
        return List.of(labels.getLabelsByPageIndices());
    }

    public List<Bookmark> outline() throws IOException {
        return doc.getDocumentCatalog().getDocumentOutline() == null ? List.of()
                : children(doc.getDocumentCatalog().getDocumentOutline());
    }

    private List<Bookmark> children(PDOutlineNode node) throws IOException {
        List<Bookmark> out = new ArrayList<>();
        for (PDOutlineItem item : node.children()) {
            PDPage target = item.findDestinationPage(doc);
            out.add(new Bookmark(item.getTitle(), target == null ? -1 : doc.getPages().indexOf(target), children(item)));
        }
        return out;
    }

    /** The 0-based pages that the internal links on page {@code index} lead to, in annotation order. */
    public List<Integer> linkTargets(int index) throws IOException {
        List<Integer> out = new ArrayList<>();
        for (PDAnnotation a : doc.getPage(index).getAnnotations()) {
            if (a instanceof PDAnnotationLink link) {
                PDDestination dest = link.getDestination();
                if (dest == null && link.getAction() instanceof PDActionGoTo goTo) {
                    dest = goTo.getDestination();
                }
                if (dest instanceof PDNamedDestination named) {
                    dest = doc.getDocumentCatalog().findNamedDestinationPage(named);
                }
                if (dest instanceof PDPageDestination page) {
                    out.add(page.retrievePageNumber());
                }
            }
        }
        return out;
    }

    /** Every font used on any page, as "name embedded=… " lines; subset fonts carry a "ABCDEF+" prefix. */
    public List<String> fonts() throws IOException {
        TreeSet<String> out = new TreeSet<>();
        for (PDPage page : doc.getPages()) {
            PDResources res = page.getResources();
            for (COSName name : res.getFontNames()) {
                PDFont font = res.getFont(name);
                out.add(font.getName() + (font.isEmbedded() ? " embedded" : " NOT EMBEDDED"));
            }
        }
        return new ArrayList<>(out);
    }

    public PDDocumentInformation info() {
        return doc.getDocumentInformation();
    }

    public String language() {
        return doc.getDocumentCatalog().getLanguage();
    }

    @Override
    public void close() throws IOException {
        doc.close();
    }
}
