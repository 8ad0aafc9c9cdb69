package dev.sheaf.fonts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts that come with Sheaf, so that a book prints every character even when its own {@code fonts/}
 * folder lacks them or is missing. Two groups:
 * <ul>
 *   <li>{@link #text()}: Liberation Serif, Sans and Mono (SIL OFL, from openpdf-fonts-extra), which set a
 *       book that brings no text fonts of its own;</li>
 *   <li>{@link #fallbacks()}: one regular face per script group, in the order they are tried for a character
 *       the book's fonts lack (see {@code README.md} next to the font files for sources and licences).</li>
 * </ul>
 */
public final class ShippedFonts {

    /**
     * One shipped face.
     *
     * @param family the CSS family name
     * @param file   the file name, unique among shipped fonts
     * @param style  "normal" or "italic"
     * @param weight 400 or 700
     */
    public record Face(String family, String file, String style, int weight) { }

    private static final String OWN_DIR = "/dev/sheaf/fonts/";
    private static final String LIBERATION_DIR = "/liberation/";

    private static final List<Face> TEXT = liberation();

    /*
     * Scripts with a face of their own come before DejaVu Sans, which has a little of everything (basic Arabic
     * and Hebrew among it); emoji and symbols last, since DejaVu Sans already has the common ones. Emoji come
     * before the symbol faces, which draw many emoji too, so that all emoji look alike.
     */
    private static final List<Face> FALLBACKS = List.of(
            new Face("Liberation Serif", "LiberationSerif-Regular.ttf", "normal", 400),
            new Face("Noto Naskh Arabic", "NotoNaskhArabic-Regular.ttf", "normal", 400),
            new Face("Noto Sans Hebrew", "NotoSansHebrew-Regular.ttf", "normal", 400),
            new Face("DejaVu Sans", "DejaVuSans.ttf", "normal", 400),
            new Face("Droid Sans Fallback", "DroidSansFallbackFull.ttf", "normal", 400),
            new Face("NanumSquare", "NanumSquareR.ttf", "normal", 400),
            new Face("Noto Emoji", "NotoEmoji-Regular.ttf", "normal", 400),
            new Face("Noto Sans Symbols", "NotoSansSymbols-Regular.ttf", "normal", 400),
            new Face("Noto Sans Symbols2", "NotoSansSymbols2-Regular.ttf", "normal", 400));

    private static final Map<String, Coverage> COVERAGE = new ConcurrentHashMap<>();

    private ShippedFonts() { }

    /** Liberation Serif, Sans and Mono in regular, italic, bold and bold italic. */
    public static List<Face> text() {
        return TEXT;
    }

    /** The fallback faces, in the order they are tried. */
    public static List<Face> fallbacks() {
        return FALLBACKS;
    }

    /** The shipped face with this file name. */
    public static Optional<Face> byFile(String file) {
        return java.util.stream.Stream.concat(TEXT.stream(), FALLBACKS.stream())
                .filter(f -> f.file().equals(file)).findFirst();
    }

    /** The bytes of a shipped face. */
    public static byte[] bytes(Face face) throws IOException {
        String dir = face.file().startsWith("Liberation") ? LIBERATION_DIR : OWN_DIR;
        try (InputStream in = ShippedFonts.class.getResourceAsStream(dir + face.file())) {
            if (in == null) {
                throw new IOException("the font " + face.file() + " is missing from the class path");
            }
            return in.readAllBytes();
        }
    }

    /** The characters a shipped face has, read once per run of the program. */
    public static Coverage coverage(Face face) {
        return COVERAGE.computeIfAbsent(face.file(), f -> {
            try {
                return Coverage.of(bytes(face));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static List<Face> liberation() {
        List<Face> out = new java.util.ArrayList<>();
        for (String family : List.of("Serif", "Sans", "Mono")) {
            out.add(new Face("Liberation " + family, "Liberation" + family + "-Regular.ttf", "normal", 400));
            out.add(new Face("Liberation " + family, "Liberation" + family + "-Italic.ttf", "italic", 400));
            out.add(new Face("Liberation " + family, "Liberation" + family + "-Bold.ttf", "normal", 700));
            out.add(new Face("Liberation " + family, "Liberation" + family + "-BoldItalic.ttf", "italic", 700));
        }
        return List.copyOf(out);
    }
}
