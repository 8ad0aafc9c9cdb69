package dev.sheaf.read;

import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.fonts.Coverage;
import dev.sheaf.fonts.FontNames;
import dev.sheaf.fonts.FontStyle;
import dev.sheaf.fonts.FontTables;
import dev.sheaf.model.FontFace;
import dev.sheaf.model.SourceRef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds the fonts the editions embed: every TrueType/OpenType file in {@code fonts/}. The family comes from the
 * font's names, weight and style from its OS/2 and head tables ({@link FontStyle}); a font that has Chinese characters is treated as the
 * fallback for CJK runs. The names and the cmap are read from the file's tables ({@code dev.sheaf.fonts})
 * rather than through {@code java.awt.Font}, whose start (AWT, fontconfig) cost a {@code sheaf check}
 * more than reading the book; {@code FontScannerTest} holds the answers to {@code java.awt.Font}'s.
 */
final class FontScanner {

    private FontScanner() { }

    /**
     * Every usable face in {@code dir}; a file that is no usable font (empty, truncated, a text or web font file named
     * .ttf) is left out with a warning (FONT-001): the editions are set in the other faces, or the shipped ones.
     */
    static List<FontFace> scan(Path dir, Path root, Diagnostics diags) {
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
                Path shown = root.relativize(f.toAbsolutePath().normalize());
                try {
                    if (Files.size(f) == 0) {
                        throw new IOException("the file is empty");
                    }
                    out.add(FontTables.read(f, font -> {
                        font.requireWhole();
                        return face(font, shown);
                    }));
                } catch (IOException | RuntimeException e) {
                    diags.report(MessageId.FONT_001, SourceRef.of(shown), shown.toString().replace('\\', '/'),
                            String.valueOf(e.getMessage()));
                }
            }
        } catch (IOException e) {
            diags.report(MessageId.IO_001, SourceRef.of(root.relativize(dir.toAbsolutePath().normalize())),
                    e.getMessage());
            return List.of();
        }
        return List.copyOf(out);
    }

    /** The face of one font file; {@code file} is relative to the book's folder. */
    static FontFace face(FontTables font, Path file) throws IOException {
        FontNames names = FontNames.of(font);
        FontStyle style = FontStyle.of(font);
        boolean cjk;
        try {
            cjk = Coverage.coversAll(font, '\u4e2d', '\u6587');
        } catch (IOException e) {
            cjk = false; // no usable cmap: java.awt.Font takes the font and displays nothing with it
        }
        return new FontFace(file, names.family(), style.italic() ? "italic" : "normal", style.weight(), cjk);
    }
}
