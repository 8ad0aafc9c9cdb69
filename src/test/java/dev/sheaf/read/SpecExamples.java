package dev.sheaf.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The CommonMark spec's examples, read from the corpus book made of the spec (its pieces are spec.txt split at
 * its first- and second-level headings, in order; see its SOURCE.md). Read as commonmark-spec's
 * {@code test/spec_tests.py} reads spec.txt: numbered from 1 in order, each in the section of the last heading
 * before it (here the piece's title, or a deeper heading inside the piece), {@code →} standing for a tab.
 */
final class SpecExamples {

    private SpecExamples() { }

    static final Path BOOK = Path.of("src/test/corpora/commonmark-spec");

    record Example(int number, String section, String markdown, String html) { }

    private static final String FENCE = "`".repeat(32);
    private static final Pattern TITLE = Pattern.compile("(?m)^title: \"?(.*?)\"?$");
    private static final Pattern HEADING = Pattern.compile("^#+ ");

    static List<Example> all() {
        List<Example> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(BOOK.resolve("chapters"))) {
            for (Path piece : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                read(Files.readString(piece, StandardCharsets.UTF_8), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void read(String text, List<Example> out) {
        int bodyStart = text.indexOf("\n---\n", 4) + 5;
        Matcher title = TITLE.matcher(text.substring(0, bodyStart));
        String section = title.find() ? title.group(1).replace("\\\"", "\"") : "";
        StringBuilder markdown = new StringBuilder();
        StringBuilder html = new StringBuilder();
        int state = 0; // 0 text, 1 an example's Markdown, 2 its HTML
        for (String line : text.substring(bodyStart).split("(?<=\n)")) {
            String l = line.strip();
            if (l.equals(FENCE + " example")) {
                state = 1;
            } else if (state == 2 && l.equals(FENCE)) {
                out.add(new Example(out.size() + 1, section, markdown.toString().replace('→', '\t'),
                        html.toString().replace('→', '\t')));
                markdown.setLength(0);
                html.setLength(0);
                state = 0;
            } else if (l.equals(".")) {
                state = 2;
            } else if (state == 1) {
                markdown.append(line);
            } else if (state == 2) {
                html.append(line);
            } else if (HEADING.matcher(line).lookingAt()) {
                section = line.replaceAll("#+ ", "").strip();
            }
        }
    }
}
