package dev.sheaf.bench;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How even the word spacing of a PDF's justified text is, from the positions of its words (read with PDFBox):
 * <ul>
 *   <li>Lines: text lines in the body size (the most common glyph size of the document) with at least four
 *       words. A line is <em>full</em> when it ends no more than 1 pt short of the page's right text edge (where
 *       most body lines of that page end): the justified lines, not a paragraph's last line.</li>
 *   <li>A line's gap is the mean distance between its words (end of one word's last glyph to the start of
 *       the next word's first glyph). The median of the full lines' gaps is the reference.</li>
 *   <li>Loose: share of full lines whose gap exceeds 1.6 times the median. p95: the 95th percentile gap, as a
 *       multiple of the median (the median itself is given in ems of the body size). Hyphenated: share of full lines ending in a hyphen. Runs: sequences of three
 *       or more consecutive body lines of one page ending in a hyphen.</li>
 *   <li>Short: lines inside a justified paragraph that stop short of the right edge (see
 *       {@link #shortLines}).</li>
 * </ul>
 * Usage: {@code LineMeasure file.pdf [more.pdf…]}; prints one line of figures per file.
 */
public final class LineMeasure {

    /** The figures for one PDF. */
    public record Result(int fullLines, double loose, double p95, double hyphenated, int runs, double medianEm,
                         int shortLines) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "full lines %d, loose %.1f %%, p95 gap %.2f× median, "
                    + "hyphenated %.1f %%, runs of 3+ %d, median gap %.3f em, short lines %d", fullLines, loose * 100,
                    p95, hyphenated * 100, runs, medianEm, shortLines);
        }
    }

    private record Line(int page, float size, float left, float right, float y, double gap, int words,
                        boolean hyphen, String text) { }

    private static boolean verbose;

    public static void main(String[] args) throws IOException {
        for (String a : args) {
            if (a.equals("-v")) {
                verbose = true;
                continue;
            }
            System.out.println(a + ": " + measure(new File(a)));
        }
    }

    public static Result measure(File pdf) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                Collector c = new Collector(p);
                c.setStartPage(p);
                c.setEndPage(p);
                c.setSortByPosition(true);
                c.writeText(doc, new StringWriter());
                lines.addAll(c.lines);
            }
        }
        Map<Float, Integer> sizes = new HashMap<>();
        lines.forEach(l -> sizes.merge(l.size(), l.words(), Integer::sum));
        float body = sizes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
        List<Line> bodyLines = lines.stream().filter(l -> l.size() == body && l.words() >= 4).toList();
        // the right text edge of a page: where most of its body lines end (a hyphen may hang beyond it)
        Map<Integer, Map<Integer, Integer>> ends = new HashMap<>();
        bodyLines.forEach(l -> ends.computeIfAbsent(l.page(), k -> new HashMap<>())
                .merge(Math.round(l.right() * 2), 1, Integer::sum));
        Map<Integer, Float> edge = new HashMap<>();
        ends.forEach((page, counts) -> edge.put(page, counts.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey() / 2f));
        List<Line> full = bodyLines.stream().filter(l -> l.right() >= edge.get(l.page()) - 1f).toList();
        if (full.isEmpty()) {
            return new Result(0, 0, 0, 0, 0, 0, 0);
        }
        double[] gaps = full.stream().mapToDouble(Line::gap).sorted().toArray();
        double median = gaps[gaps.length / 2];
        if (verbose) {
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                if (full.contains(l) && l.gap() > 1.6 * median) {
                    System.out.printf(Locale.ROOT, "loose p%d %.2f× %s | %s%n", l.page(), l.gap() / median, l.text(),
                            i + 1 < lines.size() ? lines.get(i + 1).text() : "");
                }
            }
        }
        double loose = full.stream().filter(l -> l.gap() > 1.6 * median).count() / (double) full.size();
        double p95 = gaps[(int) Math.min(gaps.length - 1, Math.ceil(0.95 * gaps.length) - 1)] / median;
        double hyphenated = full.stream().filter(Line::hyphen).count() / (double) full.size();
        // runs: consecutive lines of a page, a paragraph's last line (never hyphenated) ending a run
        int runs = 0;
        int run = 0;
        int page = -1;
        for (Line l : lines.stream().filter(l -> l.size() == body).toList()) {
            if (l.page() != page) {
                run = 0;
                page = l.page();
            }
            run = l.hyphen() ? run + 1 : 0;
            if (run == 3) {
                runs++;
                if (verbose) {
                    System.out.println("run p" + l.page() + ": " + l.text());
                }
            }
        }
        int shortLines = shortLines(lines, body, edge);
        return new Result(full.size(), loose, p95, hyphenated, runs, body > 0 ? median / body : 0, shortLines);
    }

    /**
     * Lines that stop short of the right edge inside a paragraph: a body line of four words or more ending more
     * than 1 pt and less than an em short of the page's right edge, followed on the same page, one line space
     * lower, by a body line that starts at the page's left edge, without the indent of a new paragraph. (A page's
     * last line, a line before a heading or an indented paragraph or quotation, and ragged text, which stops
     * further in, are not counted: a justified line left short misses about one stretched word space.)
     */
    private static int shortLines(List<Line> lines, float body, Map<Integer, Float> edge) {
        Map<Integer, Map<Integer, Integer>> starts = new HashMap<>();
        Map<Integer, Integer> leads = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l.size() == body && l.words() >= 4) {
                starts.computeIfAbsent(l.page(), k -> new HashMap<>()).merge(Math.round(l.left() * 2), 1, Integer::sum);
            }
            Line next = i + 1 < lines.size() ? lines.get(i + 1) : null;
            if (next != null && next.page() == l.page() && l.size() == body && next.size() == body) {
                leads.merge(Math.round((next.y() - l.y()) * 2), 1, Integer::sum);
            }
        }
        Map<Integer, Float> left = new HashMap<>();
        starts.forEach((page, counts) -> left.put(page, mostCommon(counts) / 2f));
        float lead = leads.isEmpty() ? 0 : mostCommon(leads) / 2f;
        int count = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            Line l = lines.get(i);
            Line next = lines.get(i + 1);
            boolean shortLine = l.size() == body && l.words() >= 4 && edge.containsKey(l.page())
                    && l.right() < edge.get(l.page()) - 1f && l.right() > edge.get(l.page()) - body;
            boolean continued = next.page() == l.page() && next.size() == body && left.containsKey(l.page())
                    && Math.abs(next.y() - l.y() - lead) <= 0.5f
                    && Math.abs(next.left() - left.get(l.page())) <= 1f;
            if (shortLine && continued) {
                count++;
                if (verbose) {
                    System.out.printf(Locale.ROOT, "short p%d %.1f pt %s | %s%n", l.page(),
                            edge.get(l.page()) - l.right(), l.text(), next.text());
                }
            }
        }
        return count;
    }

    private static int mostCommon(Map<Integer, Integer> counts) {
        return counts.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey();
    }

    /** Collects the lines of one page with their words' positions. */
    private static final class Collector extends PDFTextStripper {
        final int page;
        final List<Line> lines = new ArrayList<>();

        Collector(int page) throws IOException {
            this.page = page;
        }

        /** The words PDFBox has given for the line being written (one piece of text when the PDF draws its spaces). */
        private final List<TextPosition> pending = new ArrayList<>();
        private final StringBuilder pendingText = new StringBuilder();

        // PDFBox writes a line as one string when the PDF draws its spaces (Sheaf, WeasyPrint) but word by word
        // when it does not (TeX moves to the next word instead): a line is what comes before the line's end.
        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            pending.addAll(positions);
            pendingText.append(pendingText.isEmpty() ? "" : " ").append(text);
        }

        @Override
        protected void writeLineSeparator() throws IOException {
            flush();
            super.writeLineSeparator();
        }

        @Override
        protected void writeParagraphEnd() throws IOException {
            flush();
            super.writeParagraphEnd();
        }

        @Override
        protected void writePageEnd() throws IOException {
            flush();
            super.writePageEnd();
        }

        @Override
        protected void endPage(org.apache.pdfbox.pdmodel.PDPage page) throws IOException {
            flush();
            super.endPage(page);
        }

        private void flush() {
            if (!pending.isEmpty()) {
                line(pendingText.toString(), List.copyOf(pending));
            }
            pending.clear();
            pendingText.setLength(0);
        }

        private void line(String text, List<TextPosition> positions) {
            List<TextPosition> glyphs = positions.stream().filter(t -> !t.getUnicode().isBlank())
                    .sorted(Comparator.comparingDouble(TextPosition::getXDirAdj)).toList();
            if (glyphs.isEmpty()) {
                return;
            }
            float size = Math.round(glyphs.get(0).getYScale() * 10) / 10f;
            // words: a new word where the distance to the previous glyph exceeds a sixth of the size
            List<float[]> words = new ArrayList<>();
            float start = glyphs.get(0).getXDirAdj();
            float end = start + glyphs.get(0).getWidthDirAdj();
            for (int i = 1; i < glyphs.size(); i++) {
                TextPosition g = glyphs.get(i);
                if (g.getXDirAdj() - end > size / 6) {
                    words.add(new float[] {start, end});
                    start = g.getXDirAdj();
                }
                end = Math.max(end, g.getXDirAdj() + g.getWidthDirAdj());
            }
            words.add(new float[] {start, end});
            double gapSum = 0;
            for (int i = 1; i < words.size(); i++) {
                gapSum += words.get(i)[0] - words.get(i - 1)[1];
            }
            String last = glyphs.get(glyphs.size() - 1).getUnicode();
            boolean hyphen = last.equals("-") || last.equals("\u2010") || last.equals("\u00AD");
            lines.add(new Line(page, size, words.get(0)[0], end, glyphs.get(0).getYDirAdj(), gapSum / Math.max(1, words.size() - 1), words.size(), hyphen,
                    text));
        }
    }
}
