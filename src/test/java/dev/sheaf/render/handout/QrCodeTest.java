package dev.sheaf.render.handout;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.sheaf.render.xhtml.Xml;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QrCodeTest {

    @Test
    void should_cover_every_dark_module_exactly_once() throws Exception {
        String link = "https://example.org/field-notes";
        BitMatrix m = new QRCodeWriter().encode(link, BarcodeFormat.QR_CODE, 0, 0,
                Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        int[][] covered = new int[m.getHeight()][m.getWidth()];
        var boxes = QrCode.boxes(m);
        for (QrCode.Box b : boxes) {
            for (int y = b.y(); y < b.y() + b.height(); y++) {
                for (int x = b.x(); x < b.x() + b.width(); x++) {
                    covered[y][x]++;
                }
            }
        }
        int dark = 0;
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                assertThat(covered[y][x]).as("module %d,%d", x, y).isEqualTo(m.get(x, y) ? 1 : 0);
                dark += m.get(x, y) ? 1 : 0;
            }
        }
        assertThat(boxes.size()).as("runs merged").isLessThan(dark / 2);
    }

    @Test
    void should_size_modules_in_whole_pixels_within_the_limit() {
        QrCode qr = QrCode.of("https://example.org/field-notes");
        assertThat(qr.size()).isEqualTo(29);
        assertThat(qr.modulePx(40)).isEqualTo(4);
        assertThat(qr.sidePx(40) * QrCode.PX_MM).isLessThanOrEqualTo(40);
        assertThat(qr.modulePx(5)).as("never below 2 px").isEqualTo(2);
        Xml x = new Xml();
        qr.write(x, 40);
        assertThat(x.toString()).startsWith("<div class=\"qr\" style=\"width: 148px; height: 148px;\">")
                .contains("<div style=\"left: 16px; top: 16px; width: 28px; height: 4px;\"></div>");
    }

    @Test
    void should_take_non_latin_addresses_and_refuse_what_does_not_fit() {
        assertThat(QrCode.of("https://example.org/книга").size()).isGreaterThanOrEqualTo(21);
        assertThatThrownBy(() -> QrCode.of("https://example.org/" + "x".repeat(5000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot make a QR code");
    }
}
