package dev.sheaf.render.pdf;

import org.w3c.dom.Element;
import org.xhtmlrenderer.extend.FSImage;
import org.xhtmlrenderer.extend.ReplacedElement;
import org.xhtmlrenderer.extend.UserAgentCallback;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextReplacedElementFactory;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;

/**
 * Scales images without a CSS width or height down to the text block, keeping their proportions. Flying
 * Saucer honours {@code max-width} on an image by narrowing it without shortening it, which distorts a wide
 * picture and can split it across two pages.
 */
final class FittingImages extends ITextReplacedElementFactory {

    private final int maxWidth;
    private final int maxHeight;

    /** Limits in Flying Saucer's dots. */
    FittingImages(ITextOutputDevice device, int maxWidth, int maxHeight) {
        super(device);
        this.maxWidth = maxWidth;
        this.maxHeight = maxHeight;
    }

    @Override
    public ReplacedElement createReplacedElement(LayoutContext c, BlockBox box, UserAgentCallback uac,
                                                 int cssWidth, int cssHeight) {
        Element e = box.getElement();
        if (cssWidth == -1 && cssHeight == -1 && e != null && "img".equals(e.getNodeName())
                && !e.getAttribute("src").isEmpty()) {
            FSImage image = uac.getImageResource(e.getAttribute("src")).getImage();
            if (image != null && image.getWidth() > 0 && image.getHeight() > 0) {
                double scale = Math.min(1, Math.min((double) width(box) / image.getWidth(),
                        (double) maxHeight / image.getHeight()));
                if (scale < 1) {
                    return super.createReplacedElement(c, box, uac, Math.max(1, (int) (image.getWidth() * scale)),
                            Math.max(1, (int) (image.getHeight() * scale)));
                }
            }
        }
        return super.createReplacedElement(c, box, uac, cssWidth, cssHeight);
    }

    /** The text block, or the narrower block the image sits in (a block quote, a list) once that is known. */
    private int width(BlockBox box) {
        Box container = box.getContainingBlock();
        int available = container == null ? 0 : container.getContentWidth();
        return available > 0 ? Math.min(available, maxWidth) : maxWidth;
    }
}
