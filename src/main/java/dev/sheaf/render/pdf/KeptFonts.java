package dev.sheaf.render.pdf;

import org.xhtmlrenderer.css.constants.CSSName;
import org.xhtmlrenderer.css.sheet.FontFaceRule;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.css.style.FSDerivedValue;
import org.xhtmlrenderer.extend.UserAgentCallback;
import org.xhtmlrenderer.pdf.ITextFontResolver;

import java.util.ArrayList;
import java.util.List;

/**
 * The book's fonts for every document of one printed product, parsed once: give the same resolver to each
 * {@code ITextRenderer} that lays out or writes a document of the product, one after the other. Flying Saucer
 * drops a document's {@code @font-face} fonts when the next document is set and parses every face again (the
 * PDF edition of a small book with an index lays out three documents, five handouts nineteen); each new face
 * object also has its kerning measured again ({@link PairKerning} keeps it per face), and a PDF made of
 * several documents ({@link PdfParts}) would embed each face once per document.
 *
 * <p>The faces are kept while the documents declare the same faces (same sources, families, styles, weights
 * and embedding); a document that declares others gets them parsed. A face object may serve documents
 * written one after the other (OpenPDF keeps what a document uses of a face in the document's writer;
 * {@link FixedOutput} seeds the subset tag when each document opens), but not documents written at the same
 * time: a resolver belongs to one thread.
 */
final class KeptFonts extends ITextFontResolver {

    /** What the faces in use were parsed from; null before the first document. */
    private List<String> loaded;
    /** The widths of texts measured in these faces ({@link PrintText}), for every document of the product. */
    private final PrintText.Widths widths = new PrintText.Widths();

    /** A measurer of text for a renderer that uses these faces, sharing the widths the others measured. */
    PrintText measurer() {
        return new PrintText(widths);
    }

    @Override
    public void flushFontFaceFonts() {
        // decided in importFontFaces, which Flying Saucer calls right after, once the new rules are known
    }

    @Override
    public void importFontFaces(List<FontFaceRule> fontFaces, UserAgentCallback userAgentCallback) {
        List<String> key = key(fontFaces);
        if (key.equals(loaded)) {
            return;
        }
        super.flushFontFaceFonts();
        super.importFontFaces(fontFaces, userAgentCallback);
        loaded = key;
    }

    /** Everything of the rules that {@code importFontFaces} reads. */
    private static List<String> key(List<FontFaceRule> rules) {
        List<String> key = new ArrayList<>();
        for (FontFaceRule rule : rules) {
            CalculatedStyle style = rule.getCalculatedStyle();
            key.add(text(style.valueByName(CSSName.SRC)) + '\n'
                    + text(style.valueByName(CSSName.FS_FONT_METRIC_SRC)) + '\n'
                    + (rule.hasFontFamily() ? text(style.valueByName(CSSName.FONT_FAMILY)) : "") + '\n'
                    + (rule.hasFontWeight() ? text(style.valueByName(CSSName.FONT_WEIGHT)) : "") + '\n'
                    + (rule.hasFontStyle() ? text(style.valueByName(CSSName.FONT_STYLE)) : "") + '\n'
                    + text(style.valueByName(CSSName.FS_PDF_FONT_EMBED)) + '\n'
                    + style.getStringProperty(CSSName.FS_PDF_FONT_ENCODING));
        }
        return key;
    }

    private static String text(FSDerivedValue value) {
        return value == null ? "" : value.isIdent() ? value.asIdentValue().toString() : value.asString();
    }
}
