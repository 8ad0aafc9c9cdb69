package dev.sheaf.read;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds Sheaf's reading of Markdown to the CommonMark spec's own examples (655 of them, in the corpus book made of
 * the spec). Each example goes through the parser Sheaf reads pieces with ({@link MarkdownParser}, extensions and
 * all), is rendered to HTML by flexmark's renderer (which shows the parse and nothing of Sheaf's editions) and
 * compared with the spec's HTML after the spec's own normalisation ({@link SpecHtml}).
 *
 * <p>Code spans are rendered from {@link MarkdownParser#codeText}, the text Sheaf's model holds (flexmark's renderer
 * would trim every space). {@link #KNOWN} lists the examples Sheaf reads differently, each with the reason: the
 * deliberate smart typography, and flexmark's own deviations judged too rare in real documents to correct. An
 * example that newly deviates fails the test, and so does a known deviation that no longer deviates (take it off
 * the list). The figures per section go to target/commonmark-spec.md (the table in docs/RELIABILITY.md).
 */
class CommonMarkSpecTest {

    private static final String TYPOGRAPHY = "smart typography (deliberate, as Pandoc's smart extension): straight "
            + "quotes become curly, -- and --- en and em dashes";

    /** Example number → why Sheaf reads it differently from the spec. */
    static final Map<Integer, String> KNOWN = known();

    private static Map<Integer, String> known() {
        Map<Integer, String> known = new TreeMap<>();
        for (int example : new int[] {14, 46, 55, 87, 106, 199, 211, 212, 354, 361, 365, 382, 387, 397, 510, 592,
                621, 622, 624, 626, 628, 634, 653}) {
            known.put(example, TYPOGRAPHY);
        }
        known.put(28, "flexmark: a numeric reference of more than 7 digits becomes U+FFFD instead of staying text");
        known.put(146, "flexmark: a ~~~ fence's info string may not hold backticks");
        known.put(173, "flexmark: <textarea> does not start a raw-text HTML block (spec 0.30)");
        known.put(197, "flexmark: a reference definition's <destination> may not hold spaces (SPACE_IN_LINK_URLS "
                + "would make four other examples links, [a](url (title)) among them)");
        known.put(203, "flexmark: a title directly after a <destination>, without a space, is taken");
        known.put(217, "flexmark: a reference definition is not taken out before a setext underline");
        known.put(218, "flexmark: a reference definition is not taken out before a setext underline");
        known.put(314, "flexmark: a list marker indented 4 spaces under a 3-space item starts an item, not a "
                + "continuation line");
        known.put(315, "flexmark: an item indented 4 spaces after a blank line is an item, not indented code");
        known.put(356, "flexmark: currency and other symbols are not punctuation for emphasis flanking (spec 0.31)");
        known.put(418, "flexmark: the rule of 3 refuses ***…*** inside a word even when both runs are "
                + "multiples of 3");
        known.put(419, "flexmark: the rule of 3 refuses ***…*** inside a word even when both runs are "
                + "multiples of 3");
        known.put(491, "flexmark: a link's <destination> may not hold spaces (see 197)");
        known.put(495, "flexmark: a backslash before > does not escape it in a <destination>");
        known.put(496, "flexmark: an unclosed <destination> is read as a plain destination");
        known.put(542, "flexmark: reference labels are not Unicode case-folded (ẞ does not match SS)");
        return known;
    }

    private static final List<SpecExamples.Example> EXAMPLES = SpecExamples.all();

    private static final HtmlRenderer RENDERER = HtmlRenderer.builder(new MutableDataSet(MarkdownParser.OPTIONS)
            // Sheaf's editions write every address percent-encoded; the spec's HTML does so too.
            .set(HtmlRenderer.PERCENT_ENCODE_URLS, true))
            // A code span as Sheaf's model holds it (flexmark's renderer would trim every space).
            .nodeRendererFactory(options -> () -> Set.of(new NodeRenderingHandler<>(Code.class,
                    (node, context, html) -> html.withAttr().tag("code").text(MarkdownParser.codeText(node))
                            .tag("/code"))))
            .build();

    static String sheaf(String markdown) {
        return RENDERER.render(MarkdownParser.parse(markdown));
    }

    @Test
    void sheaf_reads_every_example_as_the_spec_says_but_the_known_deviations() throws IOException {
        Map<Integer, String> failed = failures(CommonMarkSpecTest::sheaf);
        Map<Integer, String> unexpected = new TreeMap<>(failed);
        unexpected.keySet().removeAll(KNOWN.keySet());
        List<Integer> fixed = new ArrayList<>(KNOWN.keySet());
        fixed.removeAll(failed.keySet());
        writeReport(failed);
        assertThat(unexpected).as("examples that newly deviate from the spec").isEmpty();
        assertThat(fixed).as("known deviations that read as the spec says now: take them off KNOWN").isEmpty();
    }

    /** The comparison itself is sound: the CommonMark reference parser passes every example through it. */
    @Test
    void the_reference_parser_passes_every_example() {
        org.commonmark.parser.Parser parser = org.commonmark.parser.Parser.builder().build();
        org.commonmark.renderer.html.HtmlRenderer renderer =
                org.commonmark.renderer.html.HtmlRenderer.builder().percentEncodeUrls(true).build();
        assertThat(failures(md -> renderer.render(parser.parse(md)))).isEmpty();
    }

    @Test
    void the_examples_are_the_whole_spec() {
        assertThat(EXAMPLES).hasSize(655);
        assertThat(EXAMPLES.get(0).section()).isEqualTo("Tabs");
        assertThat(EXAMPLES.get(654).section()).isEqualTo("Textual content");
        assertThat(EXAMPLES).filteredOn(e -> e.section().equals("Emphasis and strong emphasis")).hasSize(132);
        assertThat(KNOWN.keySet()).allMatch(n -> n >= 1 && n <= EXAMPLES.size());
    }

    @Test
    void the_normalisation_is_the_specs() {
        assertThat(SpecHtml.normalise("<p>a  \t\nb</p>")).isEqualTo("<p>a b</p>");
        assertThat(SpecHtml.normalise("\n\t<p>\n\t\ta  b\t\t</p>\n\t")).isEqualTo("<p>a b</p>");
        assertThat(SpecHtml.normalise("<i>a  b</i> ")).isEqualTo("<i>a b</i> ");
        assertThat(SpecHtml.normalise("<br />")).isEqualTo("<br>");
        assertThat(SpecHtml.normalise("<a title=\"bar\" HREF=\"foo\">x</a>"))
                .isEqualTo("<a href=\"foo\" title=\"bar\">x</a>");
        assertThat(SpecHtml.normalise("&forall;&amp;&gt;&lt;&quot;")).isEqualTo("\u2200&amp;&gt;&lt;&quot;");
        assertThat(SpecHtml.normalise("<pre><code>a  b\n</code></pre>")).isEqualTo("<pre><code>a  b\n</code></pre>");
        assertThat(SpecHtml.normalise("<p>“a”</p>")).isNotEqualTo(SpecHtml.normalise("<p>&quot;a&quot;</p>"));
    }

    /** Example number → expected and actual HTML, for every example {@code render} gets wrong. */
    private static Map<Integer, String> failures(Function<String, String> render) {
        Map<Integer, String> failed = new TreeMap<>();
        for (SpecExamples.Example e : EXAMPLES) {
            String expected = SpecHtml.normalise(e.html());
            String actual = SpecHtml.normalise(render.apply(e.markdown()));
            if (!actual.equals(expected)) {
                failed.put(e.number(), e.section() + "\n" + e.markdown() + "expected: " + expected
                        + "\nactual:   " + actual);
            }
        }
        return failed;
    }

    /** Passes per section, and the deviations: target/commonmark-spec.md. */
    private static void writeReport(Map<Integer, String> failed) throws IOException {
        Map<String, int[]> sections = new LinkedHashMap<>();
        for (SpecExamples.Example e : EXAMPLES) {
            int[] c = sections.computeIfAbsent(e.section(), k -> new int[3]);
            c[0]++;
            if (!failed.containsKey(e.number())) {
                c[1]++;
            } else if (KNOWN.getOrDefault(e.number(), "").equals(TYPOGRAPHY)) {
                c[2]++;
            }
        }
        StringBuilder sb = new StringBuilder("| section | examples | as the spec | typography | other |\n"
                + "|---|---:|---:|---:|---:|\n");
        int[] total = new int[3];
        sections.forEach((s, c) -> {
            sb.append(String.format("| %s | %d | %d | %d | %d |%n", s, c[0], c[1], c[2], c[0] - c[1] - c[2]));
            for (int i = 0; i < 3; i++) {
                total[i] += c[i];
            }
        });
        sb.append(String.format("| **all** | %d | %d | %d | %d |%n%n", total[0], total[1], total[2],
                total[0] - total[1] - total[2]));
        failed.forEach((n, diff) -> sb.append("### Example ").append(n).append(" (")
                .append(KNOWN.getOrDefault(n, "NEW")).append(")\n\n```\n").append(diff).append("\n```\n\n"));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/commonmark-spec.md"), sb);
    }
}
