package dev.sheaf.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads an EPUB back: its entries, and the text a reader sees in its XHTML documents. */
public final class EpubText {

    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    public EpubText(Path epub) throws IOException {
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
    }

    public List<String> names() {
        return new ArrayList<>(entries.keySet());
    }

    public String entry(String name) {
        byte[] b = entries.get(name);
        if (b == null) {
            throw new AssertionError("no entry " + name + " in " + names());
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    /** All visible text of all XHTML documents, tags removed, entities decoded, white space folded. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (e.getKey().endsWith(".xhtml")) {
                sb.append(visibleText(new String(e.getValue(), StandardCharsets.UTF_8))).append(' ');
            }
        }
        return fold(sb.toString());
    }

    static String visibleText(String xhtml) {
        String body = xhtml.replaceAll("(?s)<head>.*?</head>", " ");
        return body.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&amp;", "&");
    }

    public static String fold(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
