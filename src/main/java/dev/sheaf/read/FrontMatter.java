package dev.sheaf.read;

import java.util.Optional;

/**
 * Splits a Markdown file into its YAML front matter and its body. The front matter is the block
 * between a first line {@code ---} and the next line that is {@code ---} or {@code ...}.
 *
 * @param yaml          the YAML text, or null when the file has no front matter
 * @param yamlFirstLine 1-based file line of the YAML's first line
 * @param body          the Markdown after the front matter
 * @param bodyFirstLine 1-based file line of the body's first line
 * @param unclosed      true when a front matter was opened and never closed
 */
record FrontMatter(String yaml, int yamlFirstLine, String body, int bodyFirstLine, boolean unclosed) {

    static FrontMatter split(String text) {
        if (!(text.startsWith("---\n") || text.equals("---") || text.startsWith("--- \n"))) {
            return new FrontMatter(null, 0, text, 1, false);
        }
        int start = text.indexOf('\n') + 1;
        int line = 2;
        int pos = start;
        while (pos > 0 && pos <= text.length()) {
            int end = text.indexOf('\n', pos);
            String l = (end < 0 ? text.substring(pos) : text.substring(pos, end)).stripTrailing();
            if (l.equals("---") || l.equals("...")) {
                String body = end < 0 ? "" : text.substring(end + 1);
                return new FrontMatter(text.substring(start, pos), 2, body, line + 1, false);
            }
            if (end < 0) {
                break;
            }
            pos = end + 1;
            line++;
        }
        return new FrontMatter(null, 2, "", 1, true);
    }

    Optional<String> yamlText() {
        return Optional.ofNullable(yaml);
    }
}
