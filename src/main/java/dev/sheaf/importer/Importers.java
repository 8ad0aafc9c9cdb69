package dev.sheaf.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Picks the importer for a file by its name and, for XML, by what its first kilobytes say it is. */
final class Importers {

    private Importers() { }

    /** True for names worth looking at when a folder is given (images and the like are passed over). */
    static boolean looksImportable(Path file) {
        String n = name(file);
        return n.endsWith(".xml") || n.endsWith(".rss") || n.endsWith(".atom") || n.endsWith(".docx")
                || n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml") || n.endsWith(".epub");
    }

    static Optional<SourceImporter> forFile(Path file) throws IOException {
        String n = name(file);
        if (n.endsWith(".xml") || n.endsWith(".rss") || n.endsWith(".atom")) {
            String head = head(file);
            if (head.contains("wordpress.org/export/")) {
                return Optional.of(new WxrImporter());
            }
            if (head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:RDF") || !n.endsWith(".xml")) {
                return Optional.of(new FeedImporter());
            }
            return Optional.empty();
        }
        if (n.endsWith(".docx")) {
            return Optional.of(new DocxImporter());
        }
        if (n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml")) {
            return Optional.of(new HtmlPageImporter());
        }
        if (n.endsWith(".epub")) {
            return Optional.of(new EpubImporter());
        }
        return Optional.empty();
    }

    static String head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(8192), StandardCharsets.UTF_8);
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT);
    }
}
