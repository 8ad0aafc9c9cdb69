package dev.sheaf.render.pdf;

import org.xhtmlrenderer.css.sheet.FontFaceRule;
import org.xhtmlrenderer.extend.UserAgentCallback;
import org.xhtmlrenderer.pdf.ITextFontResolver;

import java.util.List;

/**
 * The book's fonts for a PDF made of several documents ({@link PdfParts}): loaded from the first document's
 * {@code @font-face} rules and kept for every later one. Flying Saucer would load them again for each document,
 * and the PDF would then embed each face once per document.
 */
final class KeptFonts extends ITextFontResolver {

    private boolean loaded;

    @Override
    public void flushFontFaceFonts() {
        if (!loaded) {
            super.flushFontFaceFonts();
        }
    }

    @Override
    public void importFontFaces(List<FontFaceRule> fontFaces, UserAgentCallback userAgentCallback) {
        if (!loaded) {
            super.importFontFaces(fontFaces, userAgentCallback);
            loaded = true;
        }
    }
}
