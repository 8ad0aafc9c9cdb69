package dev.sheaf.render.handout;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.sheaf.render.xhtml.Xml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A QR code (zxing) as XHTML for the print engine: a white square holding the dark modules as absolutely
 * placed black boxes, which Flying Saucer paints as filled rectangles, so the code stays vector and sharp at
 * any print resolution. Sizes are in CSS px, which are whole multiples of Flying Saucer's dots, so modules
 * neither overlap nor leave seams.
 */
final class QrCode {

    /** Light modules around the code, as the QR specification requires. */
    static final int QUIET_ZONE = 4;
    /** A CSS px in millimetres (1/96 in). */
    static final double PX_MM = 25.4 / 96;

    /** A run of dark modules: {@code width} modules from column {@code x}, over {@code height} rows from {@code y}. */
    record Box(int x, int y, int width, int height) { }

    private final int size;
    private final List<Box> boxes;

    private QrCode(int size, List<Box> boxes) {
        this.size = size;
        this.boxes = boxes;
    }

    /**
     * The code for {@code text}, with error correction level M (15 % of the code may be damaged or dirty).
     *
     * @throws IllegalArgumentException if the text is too long for a QR code
     */
    static QrCode of(String text) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.MARGIN, 0);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)) {
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot make a QR code of \"" + text + "\": " + e.getMessage(), e);
        }
        return new QrCode(m.getWidth(), boxes(m));
    }

    /** Modules per side, without the quiet zone. */
    int size() {
        return size;
    }

    List<Box> boxes() {
        return boxes;
    }

    /**
     * Horizontal runs of dark modules, each merged with the identical runs in the rows below it: far fewer
     * rectangles than modules, and no edge between vertically adjacent ones.
     */
    static List<Box> boxes(BitMatrix m) {
        List<Box> done = new ArrayList<>();
        Map<Long, Box> open = new LinkedHashMap<>();
        for (int y = 0; y < m.getHeight(); y++) {
            Map<Long, Box> next = new LinkedHashMap<>();
            for (int x = 0; x < m.getWidth(); ) {
                if (!m.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < m.getWidth() && m.get(x, y)) {
                    x++;
                }
                long key = (long) start << 32 | x;
                Box above = open.remove(key);
                next.put(key, above == null ? new Box(start, y, x - start, 1)
                        : new Box(above.x(), above.y(), above.width(), above.height() + 1));
            }
            done.addAll(open.values());
            open = next;
        }
        done.addAll(open.values());
        done.sort((a, b) -> a.y() != b.y() ? Integer.compare(a.y(), b.y()) : Integer.compare(a.x(), b.x()));
        return done;
    }

    /** The whole square, quiet zone included, in px, when drawn with the module size {@link #modulePx}. */
    int sidePx(double maxMm) {
        return (size + 2 * QUIET_ZONE) * modulePx(maxMm);
    }

    /** The largest whole number of px per module that keeps the square within {@code maxMm}, at least 2 px. */
    int modulePx(double maxMm) {
        return Math.max(2, (int) Math.floor(maxMm / PX_MM / (size + 2 * QUIET_ZONE)));
    }

    /** The code as a {@code div.qr}, at most {@code maxMm} wide (unless that would make modules under 2 px). */
    void write(Xml x, double maxMm) {
        int module = modulePx(maxMm);
        int side = sidePx(maxMm);
        x.open("div", "class", "qr", "style", "width: " + side + "px; height: " + side + "px;");
        for (Box b : boxes) {
            x.open("div", "style", "left: " + (b.x() + QUIET_ZONE) * module + "px; top: "
                    + (b.y() + QUIET_ZONE) * module + "px; width: " + b.width() * module + "px; height: "
                    + b.height() * module + "px;").close("div");
        }
        x.close("div");
    }
}
