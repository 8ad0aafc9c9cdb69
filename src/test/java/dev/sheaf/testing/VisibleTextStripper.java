package dev.sheaf.testing;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A text stripper that leaves out what a reader cannot see. Flying Saucer paints every line box that
 * touches a page and hides the part that belongs to the neighbouring page with a clipping path; plain
 * {@link PDFTextStripper} ignores clipping and so finds such a line on both pages. This one tracks the
 * rectangular clips Flying Saucer writes ({@code m/l/re … W n} inside {@code q/Q}) and drops glyphs whose
 * centre lies outside. It can also keep only a horizontal band of the page, e.g. the text block without
 * running heads and folios.
 */
public class VisibleTextStripper extends PDFTextStripper {

    private final float bandTop;
    private final float bandBottom;
    private final float bandLeft;
    private final float bandRight;
    private Rectangle2D clip;
    private final Deque<Rectangle2D> saved = new ArrayDeque<>();
    private Rectangle2D path;
    private boolean clipPending;

    /** Everything visible on the page. */
    public VisibleTextStripper() {
        this(0, Float.MAX_VALUE);
    }

    /** Only glyphs whose baseline lies between {@code top} and {@code bottom}, in points from the page's top. */
    public VisibleTextStripper(float top, float bottom) {
        this(top, bottom, 0, Float.MAX_VALUE);
    }

    /**
     * Only glyphs whose baseline lies between {@code top} and {@code bottom} and whose left edge lies between
     * {@code left} and {@code right}, in points from the page's top left corner.
     */
    public VisibleTextStripper(float top, float bottom, float left, float right) {
        this.bandTop = top;
        this.bandBottom = bottom;
        this.bandLeft = left;
        this.bandRight = right;
    }

    @Override
    protected void processOperator(Operator op, List<COSBase> args) throws IOException {
        switch (op.getName()) {
            case "q" -> saved.push(clip == null ? new Rectangle2D.Double(-1e9, -1e9, 2e9, 2e9) : (Rectangle2D) clip.clone());
            case "Q" -> {
                if (!saved.isEmpty()) {
                    clip = saved.pop();
                }
            }
            case "m", "l" -> add(num(args, 0), num(args, 1));
            case "re" -> {
                add(num(args, 0), num(args, 1));
                add(num(args, 0) + num(args, 2), num(args, 1) + num(args, 3));
            }
            case "W", "W*" -> clipPending = true;
            case "n", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*" -> {
                if (clipPending && path != null) {
                    clip = clip == null ? path : clip.createIntersection(path);
                }
                clipPending = false;
                path = null;
            }
            default -> { }
        }
        super.processOperator(op, args);
    }

    private static float num(List<COSBase> args, int i) {
        return ((COSNumber) args.get(i)).floatValue();
    }

    private void add(float x, float y) {
        Point2D p = getGraphicsState().getCurrentTransformationMatrix().transformPoint(x, y);
        if (path == null) {
            path = new Rectangle2D.Double(p.getX(), p.getY(), 0, 0);
        } else {
            path.add(p);
        }
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
        clip = null;
        saved.clear();
        path = null;
        clipPending = false;
        super.startPage(page);
    }

    @Override
    protected void processTextPosition(TextPosition t) {
        if (t.getY() < bandTop || t.getY() > bandBottom || t.getX() < bandLeft || t.getX() >= bandRight) {
            return;
        }
        if (clip != null) {
            float pageHeight = getCurrentPage().getMediaBox().getHeight();
            double cx = t.getX() + t.getWidth() / 2;
            double cy = pageHeight - t.getY() + t.getHeight() / 2;
            if (!clip.contains(cx, cy)) {
                return;
            }
        }
        super.processTextPosition(t);
    }
}
