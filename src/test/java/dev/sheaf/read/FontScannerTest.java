package dev.sheaf.read;

import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.fonts.ShippedFonts;
import dev.sheaf.model.FontFace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FontScanner} reads a font's names and cmap itself; its answers must stay those {@code java.awt.Font}
 * gave when it read them (AWT is used here only, as the reference), for every face Sheaf and its example book
 * ship, the same faces as OpenType with CFF outlines ('OTTO') and in a collection, and files that are no font.
 * Weight and style are the font's own (OS/2, head), which AWT does not tell: for these faces, the ones their
 * names say. A file that is no usable font is left out with a warning.
 */
class FontScannerTest {

    @TempDir
    Path root;

    @Test
    void should_read_every_shipped_face_as_java_awt_font_does() throws Exception {
        Path fonts = Files.createDirectories(root.resolve("fonts"));
        List<Path> shipped = new ArrayList<>();
        try (Stream<Path> own = Files.list(Path.of("fonts")); Stream<Path> res = Files.list(
                Path.of("src/main/resources/dev/sheaf/fonts"))) {
            Stream.concat(own, res).filter(p -> p.toString().endsWith(".ttf")).forEach(shipped::add);
        }
        for (Path f : shipped) {
            Files.copy(f, fonts.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        for (ShippedFonts.Face face : ShippedFonts.text()) {
            Files.write(fonts.resolve(face.file()), ShippedFonts.bytes(face));
        }
        Diagnostics diags = new Diagnostics();
        List<FontFace> scanned = FontScanner.scan(fonts, root, diags);

        assertThat(diags.all()).isEmpty();
        for (ShippedFonts.Face face : ShippedFonts.text()) {
            assertThat(scanned).filteredOn(f -> f.file().endsWith(face.file())).singleElement()
                    .satisfies(f -> assertThat(f.weight()).isEqualTo(face.weight()))
                    .satisfies(f -> assertThat(f.style()).isEqualTo(face.style()));
        }
        assertThat(scanned).hasSize(shipped.size() - 1 + ShippedFonts.text().size()); // Droid Sans twice
        assertThat(scanned).isEqualTo(byJavaAwt(fonts));
        assertThat(scanned).filteredOn(FontFace::cjk).extracting(FontFace::family)
                .containsOnly("Droid Sans Fallback", "NanumSquare"); // NanumSquare has the hanja
        assertThat(scanned).filteredOn(f -> f.file().endsWith("NotoSerif-BoldItalic.ttf")).singleElement()
                .isEqualTo(new FontFace(Path.of("fonts/NotoSerif-BoldItalic.ttf"), "Noto Serif", "italic", 700, false));
    }

    @Test
    void should_read_cff_flavoured_fonts_and_the_first_font_of_a_collection_as_java_awt_font_does()
            throws Exception {
        Path fonts = Files.createDirectories(root.resolve("fonts"));
        byte[] bold = Files.readAllBytes(Path.of("fonts/NotoSerif-BoldItalic.ttf"));
        byte[] cjk = Files.readAllBytes(Path.of("fonts/DroidSansFallbackFull.ttf"));
        byte[] otto = bold.clone();
        System.arraycopy("OTTO".getBytes(StandardCharsets.US_ASCII), 0, otto, 0, 4);
        Files.write(fonts.resolve("a-cff.otf"), otto);
        Files.write(fonts.resolve("b-collection.ttf"), collection(cjk, bold));
        Files.write(fonts.resolve("c-collection.ttf"), collection(bold, cjk));

        List<FontFace> scanned = FontScanner.scan(fonts, root, new Diagnostics());

        assertThat(scanned).isEqualTo(byJavaAwt(fonts));
        assertThat(scanned).extracting(FontFace::family)
                .containsExactly("Noto Serif", "Droid Sans Fallback", "Noto Serif");
        assertThat(scanned.get(1).cjk()).isTrue();
    }

    @Test
    void should_leave_out_files_that_are_no_usable_font_with_a_warning_each() throws Exception {
        Path fonts = Files.createDirectories(root.resolve("fonts"));
        byte[] good = Files.readAllBytes(Path.of("fonts/NotoSerif-Regular.ttf"));
        Files.writeString(fonts.resolve("a.ttf"), "not really a font");
        Files.write(fonts.resolve("b.otf"), new byte[0]);
        Files.write(fonts.resolve("c.ttf"), Arrays.copyOf(good, 100)); // the table directory cut off
        byte[] noName = good.clone();
        renameTable(noName, "name", "nam_");
        Files.write(fonts.resolve("d.ttf"), noName);
        byte[] wrongTag = good.clone();
        System.arraycopy("wOFF".getBytes(StandardCharsets.US_ASCII), 0, wrongTag, 0, 4);
        Files.write(fonts.resolve("e.ttf"), wrongTag);
        Files.write(fonts.resolve("f.ttf"), good);
        Files.write(fonts.resolve("g.ttf"), Arrays.copyOf(good, good.length / 2)); // a download cut short
        Diagnostics diags = new Diagnostics();

        assertThat(FontScanner.scan(fonts, root, diags)).extracting(FontFace::file)
                .containsExactly(Path.of("fonts/f.ttf"));
        assertThat(diags.all()).extracting(Diagnostic::format).containsExactly(
                "fonts/a.ttf: warning: the font file fonts/a.ttf cannot be used (not a TrueType or OpenType font);"
                        + " the editions are set without it \u2014 " + HINT + " [FONT-001]",
                "fonts/b.otf: warning: the font file fonts/b.otf cannot be used (the file is empty);"
                        + " the editions are set without it \u2014 " + HINT + " [FONT-001]",
                "fonts/c.ttf: warning: the font file fonts/c.ttf cannot be used (the font file ends before its tables"
                        + " do); the editions are set without it \u2014 " + HINT + " [FONT-001]",
                "fonts/d.ttf: warning: the font file fonts/d.ttf cannot be used (the font has no name table);"
                        + " the editions are set without it \u2014 " + HINT + " [FONT-001]",
                "fonts/e.ttf: warning: the font file fonts/e.ttf cannot be used (a compressed web font (WOFF), not a"
                        + " TrueType or OpenType font); the editions are set without it \u2014 " + HINT + " [FONT-001]",
                "fonts/g.ttf: warning: the font file fonts/g.ttf cannot be used (the font file ends before its tables"
                        + " do: " + good.length / 2 + " bytes, truncated); the editions are set without it \u2014 " + HINT
                        + " [FONT-001]");
    }

    private static final String HINT = "copy the complete .ttf or .otf file into fonts/ again, or remove it";

    @Test
    void should_take_weight_and_style_from_the_fonts_tables_not_its_name() throws Exception {
        Path fonts = Files.createDirectories(root.resolve("fonts"));
        // name, OS/2 usWeightClass and fsSelection, head macStyle (-1: no such table)
        Files.write(fonts.resolve("a.ttf"), SyntheticFont.of("Sample Sans", "Sample Sans SemiBold", 600, 0, 0));
        Files.write(fonts.resolve("b.ttf"), SyntheticFont.of("Sample Sans", "Sample Sans Black", 900, 0, 0));
        Files.write(fonts.resolve("c.ttf"), SyntheticFont.of("Sample Sans", "Sample Sans Light Italic", 300, 1, 2));
        Files.write(fonts.resolve("d.ttf"), SyntheticFont.of("Sample Sans", "Sample Sans Book Slanted", 400, 1 << 9, 0));
        Files.write(fonts.resolve("e.ttf"), SyntheticFont.of("Sample Sans", "Sample Sans Fett", -1, 0, 1 | 2));
        Files.write(fonts.resolve("f.ttf"), SyntheticFont.of("Sample Sans", "Sample Sans Regular", 0, 1 << 5, 0));
        Diagnostics diags = new Diagnostics();

        assertThat(FontScanner.scan(fonts, root, diags)).extracting(f -> f.weight() + " " + f.style())
                .containsExactly("600 normal", "900 normal", "300 italic", "400 italic", "700 italic", "700 normal");
        assertThat(diags.all()).isEmpty();
    }

    /** What the scanner answered when it asked {@code java.awt.Font}. */
    private List<FontFace> byJavaAwt(Path dir) throws IOException {
        List<FontFace> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                try {
                    Font font = Font.createFont(Font.TRUETYPE_FONT, f.toFile());
                    String full = font.getFontName(Locale.ROOT).toLowerCase(Locale.ROOT);
                    boolean italic = full.contains("italic") || full.contains("oblique");
                    int weight = full.contains("bold") ? 700 : 400;
                    boolean cjk = font.canDisplay('\u4e2d') && font.canDisplay('\u6587');
                    out.add(new FontFace(root.relativize(f.toAbsolutePath().normalize()), font.getFamily(Locale.ROOT),
                            italic ? "italic" : "normal", weight, cjk));
                } catch (FontFormatException | IOException e) {
                    // skipped, as the scanner skipped it
                }
            }
        }
        return out;
    }

    /** A TrueType collection of {@code fonts}, each table directory's offsets moved to the font's place. */
    private static byte[] collection(byte[]... fonts) {
        int header = 12 + 4 * fonts.length;
        ByteBuffer out = ByteBuffer.allocate(header + Arrays.stream(fonts).mapToInt(f -> f.length + 3).sum());
        out.putInt(0x74746366).putInt(0x00010000).putInt(fonts.length);
        int at = header;
        for (byte[] f : fonts) {
            out.putInt(at);
            at += (f.length + 3) & ~3;
        }
        at = header;
        for (byte[] f : fonts) {
            ByteBuffer font = ByteBuffer.wrap(f.clone());
            int tables = font.getShort(4) & 0xFFFF;
            for (int i = 0; i < tables; i++) {
                int rec = 12 + 16 * i;
                font.putInt(rec + 8, font.getInt(rec + 8) + at);
            }
            out.put(at, font.array());
            at += (f.length + 3) & ~3;
        }
        return Arrays.copyOf(out.array(), at);
    }

    private static void renameTable(byte[] font, String from, String to) {
        ByteBuffer b = ByteBuffer.wrap(font);
        int tables = b.getShort(4) & 0xFFFF;
        int tag = ByteBuffer.wrap(from.getBytes(StandardCharsets.US_ASCII)).getInt();
        for (int i = 0; i < tables; i++) {
            if (b.getInt(12 + 16 * i) == tag) {
                b.put(12 + 16 * i, to.getBytes(StandardCharsets.US_ASCII));
            }
        }
    }
}
