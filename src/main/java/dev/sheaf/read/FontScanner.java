package dev.sheaf.read;

import dev.sheaf.model.FontFace;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds the fonts the editions embed: every TrueType/OpenType file in {@code fonts/}. Family, weight
 * and style come from the font's own names; a font that has Chinese characters is treated as the
 * fallback for CJK runs.
 */
final class FontScanner {

    private FontScanner() { }

    static List<FontFace> scan(Path dir, Path root) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<FontFace> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                if (!(name.endsWith(".ttf") || name.endsWith(".otf"))) {
                    continue;
                }
                try {
                    Font font = Font.createFont(Font.TRUETYPE_FONT, f.toFile());
                    String full = font.getFontName(Locale.ROOT).toLowerCase(Locale.ROOT);
                    boolean italic = full.contains("italic") || full.contains("oblique");
                    int weight = full.contains("bold") ? 700 : 400;
                    boolean cjk = font.canDisplay('\u4e2d') && font.canDisplay('\u6587');
                    out.add(new FontFace(root.relativize(f.toAbsolutePath().normalize()), font.getFamily(Locale.ROOT),
                            italic ? "italic" : "normal", weight, cjk));
                } catch (FontFormatException | IOException e) {
                    // not a usable font file: skipped; `sheaf check` lists fonts it uses
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return List.copyOf(out);
    }
}
