package dev.sheaf.read;

import dev.sheaf.fonts.Coverage;
import dev.sheaf.fonts.FontNames;
import dev.sheaf.fonts.FontTables;
import dev.sheaf.model.FontFace;

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
 * fallback for CJK runs. The names and the cmap are read from the file's tables ({@code dev.sheaf.fonts})
 * rather than through {@code java.awt.Font}, whose start (AWT, fontconfig) cost a {@code sheaf check}
 * more than reading the book; {@code FontScannerTest} holds the answers to {@code java.awt.Font}'s.
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
                    out.add(FontTables.read(f, font -> face(font, root.relativize(f.toAbsolutePath().normalize()))));
                } catch (IOException e) {
                    // not a usable font file: skipped; `sheaf check` lists fonts it uses
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return List.copyOf(out);
    }

    /** The face of one font file; {@code file} is relative to the book's folder. */
    static FontFace face(FontTables font, Path file) throws IOException {
        FontNames names = FontNames.of(font);
        String full = names.fullName().toLowerCase(Locale.ROOT);
        boolean italic = full.contains("italic") || full.contains("oblique");
        int weight = full.contains("bold") ? 700 : 400;
        boolean cjk;
        try {
            cjk = Coverage.coversAll(font, '\u4e2d', '\u6587');
        } catch (IOException e) {
            cjk = false; // no usable cmap: java.awt.Font takes the font and displays nothing with it
        }
        return new FontFace(file, names.family(), italic ? "italic" : "normal", weight, cjk);
    }
}
