package dev.sheaf.render.pdf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xhtmlrenderer.pdf.ITextFSImage;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.resource.ImageResource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The layouts of one kit decode a data URL's picture once and each get a copy of their own to scale. */
class SharedPicturesTest {

    @TempDir
    Path book;

    private PrintUserAgent agent(Map<String, ImageResource> shared) {
        PrintOutputDevice device = new PrintOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT);
        return new PrintUserAgent(device, ITextRenderer.DEFAULT_DOTS_PER_PIXEL, book.toUri().toString()).sharing(shared);
    }

    private static String dataUrl(int width, int height) throws Exception {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }

    @Test
    void should_decode_a_data_url_once_for_every_layout_and_give_each_its_own_copy() throws Exception {
        // setup
        Map<String, ImageResource> shared = new ConcurrentHashMap<>();
        String thumbnail = dataUrl(30, 40);
        // when: two layouts of the kit ask for the same picture, one of them twice
        ImageResource first = agent(shared).getImageResource(thumbnail);
        PrintUserAgent second = agent(shared);
        ImageResource again = second.getImageResource(thumbnail);
        ImageResource third = second.getImageResource(thumbnail);
        // then
        assertThat(shared).containsOnlyKeys(thumbnail);
        assertThat(first.getImage()).isNotSameAs(again.getImage()).isNotSameAs(third.getImage());
        assertThat(again.getImage()).isNotSameAs(third.getImage());
        assertThat(((ITextFSImage) first.getImage()).getImage())
                .isNotSameAs(((ITextFSImage) again.getImage()).getImage());
        for (ImageResource r : new ImageResource[] {first, again, third}) {
            assertThat(r.getImage().getWidth()).isEqualTo(first.getImage().getWidth()).isPositive();
            assertThat(r.getImage().getHeight() * 30).isEqualTo(r.getImage().getWidth() * 40);
        }
        // a layout that scales its copy leaves the others' as they were
        first.getImage().scale(first.getImage().getWidth() / 2, -1);
        assertThat(agent(shared).getImageResource(thumbnail).getImage().getWidth()).isEqualTo(again.getImage().getWidth());
    }

    @Test
    void should_keep_every_data_url_apart() throws Exception {
        Map<String, ImageResource> shared = new ConcurrentHashMap<>();
        String small = dataUrl(10, 10);
        String wide = dataUrl(40, 10);
        PrintUserAgent agent = agent(shared);
        assertThat(agent.getImageResource(small).getImage().getWidth())
                .isLessThan(agent.getImageResource(wide).getImage().getWidth());
        assertThat(shared).containsOnlyKeys(small, wide);
    }
}
