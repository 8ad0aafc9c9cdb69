package dev.sheaf.read;

import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.Book;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

import static dev.sheaf.testing.TestBooks.piece;
import static org.assertj.core.api.Assertions.assertThat;

/** Inputs that try to hurt: huge or broken images, links out of the book, oversized and odd text. */
class HostileInputTest {

    @TempDir
    Path dir;

    private final Diagnostics diags = new Diagnostics();

    private void bookWithImage(String name, byte[] image) {
        TestBooks.minimal(dir, "chapters/a/p.md", piece("title: P\ndate: 2020", "![alt](" + name + ")"));
        TestBooks.write(dir, "chapters/a/" + name, image);
        new BookReader(dir, diags).read();
    }

    @Test
    void should_refuse_an_image_whose_header_claims_a_gigantic_size() {
        bookWithImage("huge.png", pngHeader(100_000, 100_000));
        assertThat(diags.all()).extracting(Diagnostic::format).singleElement().asString()
                .contains("warning: image \"huge.png\" cannot be used (it claims 100000 \u00d7 100000 pixels");
    }

    @Test
    void should_refuse_a_truncated_jpeg() throws Exception {
        BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        byte[] jpeg = out.toByteArray();
        bookWithImage("cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 2));
        assertThat(diags.all()).extracting(Diagnostic::id).containsExactly(MessageId.IMG_006);
        assertThat(diags.all().get(0).message()).contains("truncated");
    }

    @Test
    void should_accept_a_sound_image() throws Exception {
        BufferedImage img = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        bookWithImage("fine.png", out.toByteArray());
        assertThat(diags.all()).isEmpty();
    }

    @Test
    void should_refuse_pieces_and_chapters_linked_from_outside_the_book(@TempDir Path outside) throws Exception {
        TestBooks.minimal(dir, "chapters/a/p.md", piece("title: P\ndate: 2020", "Inside."));
        Path secret = TestBooks.write(outside, "secret.md", piece("title: Secret\ndate: 2020", "Outside."));
        Files.createSymbolicLink(dir.resolve("chapters/a/linked.md"), secret);
        Files.createSymbolicLink(dir.resolve("chapters/b"), outside);
        Book book = new BookReader(dir, diags).read().orElseThrow();
        assertThat(book.pieces()).extracting(p -> p.title()).containsExactly("P");
        assertThat(diags.all()).extracting(Diagnostic::id).containsExactly(MessageId.IO_003, MessageId.IO_003);
    }

    @Test
    void should_read_control_characters_right_to_left_text_and_emoji() {
        TestBooks.minimal(dir, "chapters/a/p.md", piece("title: \"P \u05e9\u05dc\u05d5\u05dd\"\ndate: 2020",
                "NUL\u0000 and BEL\u0007 vanish; \u0627\u0644\u0639\u0631\u0628\u064a\u0629 and e\u0301 and \ud83d\udcda stay."));
        Book book = new BookReader(dir, diags).read().orElseThrow();
        assertThat(diags.all()).isEmpty();
        assertThat(book.pieces().get(0).title()).isEqualTo("P \u05e9\u05dc\u05d5\u05dd");
    }

    @Test
    void should_report_tabs_used_as_yaml_indentation_at_their_line() {
        TestBooks.minimal(dir, "chapters/a/p.md", "---\ntitle: P\ndate: 2020\ntags:\n\t- a\n---\nText");
        new BookReader(dir, diags).read();
        assertThat(diags.all()).filteredOn(d -> d.id() == MessageId.FM_002)
                .extracting(d -> d.where().toString()).singleElement().asString().startsWith("chapters/a/p.md:5:");
    }

    /** A PNG signature and IHDR chunk claiming the given size, with no image data. */
    private static byte[] pngHeader(int w, int h) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes()).putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        png.putInt(0).put("IEND".getBytes()).putInt(0xAE426082);
        return png.array();
    }
}
