package dev.sheaf.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a synthetic anthology in Sheaf's layout, the way the benchmark's generator does but in Java so that
 * tests need nothing else: {@code book.yaml} and pieces spread over four chapter folders, each with front
 * matter (title, subtitle, outlet, date, tags, note) and a body of paragraphs of varied length with headings,
 * emphasis, lists, footnotes and names in Cyrillic. The same count and seed give the same files.
 */
final class GeneratedBook {

    private static final String[] CHAPTERS = {"afghanistan", "belarus", "central-asia", "china-russia"};
    private static final String[] SYLLABLES = {"ka", "zan", "tor", "mi", "sta", "ber", "lo", "vin", "ra", "che",
        "dum", "pol", "tes", "gra", "nor", "vel", "shi", "ark", "bu", "den", "fal", "gor", "ist", "jur"};
    private static final String[] NAMES = {"Kazakhstan (Казахстан)", "Belarus (Беларусь)", "Moscow (Москва)",
        "Tokayev (Токаев)", "Putin (Путин)"};
    private static final String[] OUTLETS = {"RUSI Commentary", "The Diplomat", "Foreign Affairs",
        "The Spectator", "Financial Times (letter)"};

    private GeneratedBook() { }

    /** Writes {@code pieces} pieces into {@code dir}; returns {@code dir}. */
    static Path write(Path dir, int pieces, long seed) {
        return write(dir, pieces, seed, false);
    }

    /**
     * @param cited whether pieces cite works from a bibliography, listed at the back of the book (so that the
     *              back matter holds two lists: the works cited and the sources)
     */
    static Path write(Path dir, int pieces, long seed, boolean cited) {
        Random rnd = new Random(seed);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("book.yaml"), "title: \"Generated: " + pieces + " pieces\"\n"
                    + "author: Test Author\nlanguage: en-GB\n"
                    + (cited ? "bibliography: refs.bib\nreferences: book\n" : ""), StandardCharsets.UTF_8);
            if (cited) {
                StringBuilder bib = new StringBuilder();
                for (int k = 1; k <= 12; k++) {
                    bib.append("@book{work").append(k).append(", author = {").append(capital(words(rnd, 1)))
                            .append(", Ann}, title = {").append(capital(words(rnd, 4))).append("}, year = {")
                            .append(1990 + k).append("}, publisher = {Test Press}}\n\n");
                }
                Files.writeString(dir.resolve("refs.bib"), bib.toString(), StandardCharsets.UTF_8);
            }
            for (int i = 1; i <= pieces; i++) {
                String chapter = CHAPTERS[(i - 1) * CHAPTERS.length / pieces];
                Path file = dir.resolve("chapters").resolve(chapter).resolve(String.format(Locale.ROOT, "%05d.md", i));
                Files.createDirectories(file.getParent());
                String text = piece(rnd, i);
                if (cited && i % 3 == 0) {
                    text += "As argued before [@work" + (1 + rnd.nextInt(12)) + ", 12].\n";
                }
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static String piece(Random rnd, int n) {
        StringBuilder sb = new StringBuilder("---\n");
        sb.append("title: \"").append(capital(words(rnd, 3 + rnd.nextInt(6)))).append(' ').append(n).append("\"\n");
        if (rnd.nextInt(4) > 0) {
            sb.append("subtitle: \"").append(capital(words(rnd, 8 + rnd.nextInt(8)))).append(".\"\n");
        }
        sb.append("author: Test Author\n");
        sb.append("outlet: \"").append(OUTLETS[rnd.nextInt(OUTLETS.length)]).append("\"\n");
        sb.append(String.format(Locale.ROOT, "date: \"%04d-%02d-%02d\"\n", 2012 + rnd.nextInt(14), 1 + rnd.nextInt(12),
                1 + rnd.nextInt(28)));
        sb.append("tags: [").append(words(rnd, 1)).append(", ").append(words(rnd, 1)).append("]\n");
        sb.append("note: |\n  ").append(sentences(rnd, 2)).append("\n---\n\n");
        int paragraphs = 2 + rnd.nextInt(22);
        List<String> notes = new ArrayList<>();
        for (int p = 0; p < paragraphs; p++) {
            int kind = rnd.nextInt(20);
            if (kind == 0 && p > 0) {
                sb.append("## ").append(capital(words(rnd, 2 + rnd.nextInt(3)))).append("\n\n");
            } else if (kind == 1) {
                for (int i = 0; i < 3; i++) {
                    sb.append("- ").append(sentences(rnd, 1)).append('\n');
                }
                sb.append('\n');
            }
            String para = sentences(rnd, 2 + rnd.nextInt(7));
            if (kind == 2) {
                para = para.replaceFirst(" ([a-z]+) ", " *$1* ");
            } else if (kind == 3) {
                para += " " + NAMES[rnd.nextInt(NAMES.length)] + ".";
            } else if (kind == 4 && notes.size() < 3) {
                String label = "n" + n + "-" + (notes.size() + 1);
                para += "[^" + label + "]";
                notes.add("[^" + label + "]: " + sentences(rnd, 1));
            }
            sb.append(para).append("\n\n");
        }
        notes.forEach(note -> sb.append(note).append("\n\n"));
        return sb.toString();
    }

    private static String sentences(Random rnd, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(i == 0 ? "" : " ").append(capital(words(rnd, 6 + rnd.nextInt(14)))).append('.');
        }
        return sb.toString();
    }

    private static String words(Random rnd, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            int syllables = 1 + rnd.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                sb.append(SYLLABLES[rnd.nextInt(SYLLABLES.length)]);
            }
        }
        return sb.toString();
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
