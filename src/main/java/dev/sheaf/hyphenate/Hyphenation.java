package dev.sheaf.hyphenate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hyphenators Sheaf ships, by language tag. Patterns and rules are bundled resources next to this class
 * ({@code languages.properties}, pattern files named by language tag, their licences in
 * {@code LICENSES.md}); each file is read once, on first use, and shared.
 */
public final class Hyphenation {

    private static final String BASE = "/dev/sheaf/hyphenate/";
    private static final int DEFAULT_SHORTEST_WORD = 6;
    private static final Properties RULES = rules();
    private static final Map<String, Optional<Hyphenator>> LOADED = new ConcurrentHashMap<>();

    private Hyphenation() {
    }

    /**
     * The hyphenator for a language tag such as {@code en-GB}, {@code ru} or {@code de-AT}: the tag's own
     * rules if there are any, else its language's. Empty when no patterns are bundled for it.
     */
    public static Optional<Hyphenator> forLanguage(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        Locale locale = Locale.forLanguageTag(tag.strip().replace('_', '-'));
        String full = locale.toLanguageTag();
        String language = locale.getLanguage();
        for (String key : new String[] {full, language}) {
            if (key.isEmpty() || key.equals("und")) {
                continue;
            }
            Optional<Hyphenator> h = LOADED.computeIfAbsent(key, Hyphenation::load);
            if (h.isPresent()) {
                return h;
            }
        }
        return Optional.empty();
    }

    private static Optional<Hyphenator> load(String key) {
        String rule = RULES.getProperty(key);
        if (rule != null) {
            String[] f = rule.trim().split("\\s+");
            Patterns p = patterns(f[0]).orElseThrow(() -> new IllegalStateException("missing " + f[0]));
            return Optional.of(new Hyphenator(key, p, Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                    Integer.parseInt(f[3])));
        }
        for (String file : new String[] {key + ".dic", key + ".pat.txt"}) {
            Optional<Patterns> p = patterns(file);
            if (p.isPresent()) {
                return Optional.of(new Hyphenator(key, p.get(), DEFAULT_SHORTEST_WORD, p.get().leftMin(),
                        p.get().rightMin()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Patterns> patterns(String file) {
        try (InputStream in = Hyphenation.class.getResourceAsStream(BASE + file)) {
            return in == null ? Optional.empty() : Optional.of(Patterns.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties rules() {
        Properties p = new Properties();
        try (InputStream in = Hyphenation.class.getResourceAsStream(BASE + "languages.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
