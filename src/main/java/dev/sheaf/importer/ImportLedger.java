package dev.sheaf.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What earlier imports wrote into the book: every piece file that records an {@code import_source},
 * wherever the author has since moved it, and every file name already taken.
 */
final class ImportLedger {

    private static final Pattern SOURCE_LINE = Pattern.compile("(?m)^import_source: (.*)$");

    private final Map<String, Path> bySource = new HashMap<>();
    private final Set<Path> taken = new HashSet<>();

    static ImportLedger scan(Path bookDir) throws IOException {
        ImportLedger ledger = new ImportLedger();
        Path chapters = bookDir.resolve("chapters");
        if (!Files.isDirectory(chapters)) {
            return ledger;
        }
        try (Stream<Path> files = Files.walk(chapters)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                ledger.taken.add(f.toAbsolutePath().normalize());
                if (!f.getFileName().toString().endsWith(".md")) {
                    continue;
                }
                String text;
                try {
                    text = Files.readString(f, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    continue;   // not UTF-8: sheaf check reports it; it cannot be an imported piece
                }
                int end = text.indexOf("\n---", 3);
                if (!text.startsWith("---") || end < 0) {
                    continue;
                }
                Matcher m = SOURCE_LINE.matcher(text.substring(0, end + 1));
                if (m.find()) {
                    ledger.bySource.put(unquote(m.group(1).trim()), f);
                }
            }
        }
        return ledger;
    }

    Optional<Path> find(String sourceId) {
        return Optional.ofNullable(bySource.get(sourceId));
    }

    boolean isTaken(Path file) {
        return taken.contains(file.toAbsolutePath().normalize());
    }

    void take(Path file, String sourceId) {
        taken.add(file.toAbsolutePath().normalize());
        if (sourceId != null) {
            bySource.put(sourceId, file);
        }
    }

    /** Reverses {@link FrontMatterWriter#quote}; plain scalars are returned as they are. */
    static String unquote(String s) {
        if (s.length() < 2 || !s.startsWith("\"") || !s.endsWith("\"")) {
            return s.startsWith("'") && s.endsWith("'") && s.length() >= 2
                    ? s.substring(1, s.length() - 1).replace("''", "'") : s;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() - 1) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'x' -> {
                        b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                        i += 2;
                    }
                    default -> b.append(n);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
