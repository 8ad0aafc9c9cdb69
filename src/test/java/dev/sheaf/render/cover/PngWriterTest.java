package dev.sheaf.render.cover;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

class PngWriterTest {

    @Test
    void theJdksReaderGetsEveryPixelBack() throws Exception {
        for (BufferedImage img : List.of(drawn(1600, 2270, BufferedImage.TYPE_INT_RGB), noise(1, 1),
                noise(37, 5), noise(30_000, 3), drawn(301, 199, BufferedImage.TYPE_3BYTE_BGR),
                drawn(400, 300, BufferedImage.TYPE_INT_RGB).getSubimage(13, 17, 200, 100))) {
            byte[] png = PngWriter.png(img);
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(back).isNotNull();
            assertThat(back.getWidth()).isEqualTo(img.getWidth());
            assertThat(back.getHeight()).isEqualTo(img.getHeight());
            for (int y = 0; y < img.getHeight(); y++) {
                int[] want = img.getRGB(0, y, img.getWidth(), 1, null, 0, img.getWidth());
                int[] got = back.getRGB(0, y, img.getWidth(), 1, null, 0, img.getWidth());
                assertThat(got).as("row %d of a %d × %d picture", y, img.getWidth(), img.getHeight()).isEqualTo(want);
            }
        }
    }

    @Test
    void chunksAreWellFormedWithTheirChecksums() {
        // noise does not deflate: several IDAT chunks
        byte[] png = PngWriter.png(noise(600, 200));
        ByteBuffer b = ByteBuffer.wrap(png);
        byte[] signature = new byte[8];
        b.get(signature);
        assertThat(signature).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
        List<String> types = new ArrayList<>();
        while (b.hasRemaining()) {
            int length = b.getInt();
            byte[] typeAndData = new byte[4 + length];
            b.get(typeAndData);
            CRC32 crc = new CRC32();
            crc.update(typeAndData);
            assertThat(b.getInt()).isEqualTo((int) crc.getValue());
            types.add(new String(typeAndData, 0, 4, StandardCharsets.US_ASCII));
        }
        assertThat(types.get(0)).isEqualTo("IHDR");
        assertThat(types.get(types.size() - 1)).isEqualTo("IEND");
        assertThat(types.subList(1, types.size() - 1)).hasSizeGreaterThan(1).containsOnly("IDAT");
    }

    @Test
    void theSameImageGivesTheSameBytes() {
        assertThat(PngWriter.png(drawn(500, 700, BufferedImage.TYPE_INT_RGB)))
                .isEqualTo(PngWriter.png(drawn(500, 700, BufferedImage.TYPE_INT_RGB)));
    }

    /** Flat colour, anti-aliased shapes and text: what a cover is. */
    private static BufferedImage drawn(int w, int h, int type) {
        BufferedImage img = new BufferedImage(w, h, type);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0x1c2a36));
            g.fillRect(0, 0, w, h);
            g.setColor(new Color(0xe8c07a));
            g.fillOval(w / 5, h / 7, w / 2, h / 3);
            g.setColor(Color.WHITE);
            g.drawString("Between Empires", w / 10, h / 2);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static BufferedImage noise(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(w * 31L + h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.nextInt() & 0xFFFFFF);
            }
        }
        return img;
    }
}
