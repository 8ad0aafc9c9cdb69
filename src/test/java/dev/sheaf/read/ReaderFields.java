package dev.sheaf.read;

import java.util.Map;
import java.util.Set;

/** The fields the readers accept, taken from their own constants, for the schema tests. */
public final class ReaderFields {

    private ReaderFields() {
    }

    /** Reader constant → the fields it accepts; keys name the constant, for failure messages. */
    public static Map<String, Set<String>> book() {
        return Map.of("ManifestReader.KNOWN", ManifestReader.KNOWN,
                "ManifestReader.CHAPTER_KEYS", ManifestReader.CHAPTER_KEYS,
                "ManifestReader.HANDOUT_KEYS", ManifestReader.HANDOUT_KEYS);
    }

    public static Set<String> piece() {
        return PieceReader.KNOWN;
    }

    public static Set<String> chapterIntro() {
        return PieceReader.CHAPTER_KNOWN;
    }

    public static Set<String> trims() {
        return ManifestReader.TRIMS;
    }

    public static Set<String> sorts() {
        return ManifestReader.SORTS;
    }

    /** The YAML between a Markdown file's --- lines, or null when it has none. */
    public static String frontMatter(String markdown) {
        return FrontMatter.split(markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown).yaml();
    }
}
