package dev.sheaf.read;

import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.BookMeta;
import dev.sheaf.model.CitationSettings;
import dev.sheaf.model.PrintPageNumbers;
import dev.sheaf.model.SourceRef;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads {@code book.yaml}. */
final class ManifestReader {

    static final String FILE = "book.yaml";

    // The fields below are also the schema's (src/main/resources/dev/sheaf/schema/book.schema.json);
    // BookSchemasTest fails when the two differ.
    static final Set<String> KNOWN = Set.of("title", "subtitle", "author", "authors", "language", "identifier",
            "isbn", "publisher", "date", "rights", "description", "cover", "headnotes", "trim", "chapters",
            "citation-style", "bibliography", "references", "cite-pieces", "sources-list", "url", "handouts", "base-url",
            "index", "hyphenate", "pdf-standard", "print-page-numbers");
    static final Set<String> HANDOUT_KEYS = Set.of("name", "title", "chapter", "pieces", "tags", "from", "to",
            "event", "event-date", "place", "paper", "layout", "large-type", "index", "link");
    static final Set<String> CHAPTER_KEYS = Set.of("title", "folder", "tags", "from", "to", "pieces",
            "exclude", "sort", "intro");
    /** PDF/UA-1 with PDF/A-2u (the default), or PDF/UA-1 alone. */
    static final Set<String> PDF_STANDARDS = Set.of("a-2u", "ua-1");
    static final Set<String> TRIMS = Set.of("a5", "a4", "letter", "6x9");
    static final Set<String> SORTS = Set.of("date", "title", "file", "listed");

    private final Path root;
    private final Diagnostics diags;
    /** The check of an SVG cover, begun by {@link #read} (null for none). */
    private CoverCheck coverCheck;

    ManifestReader(Path root, Diagnostics diags) {
        this.root = root;
        this.diags = diags;
    }

    Optional<Manifest> read() {
        Path file = root.resolve(FILE);
        SourceRef src = SourceRef.of(Path.of(FILE));
        if (!Files.isRegularFile(file)) {
            diags.report(MessageId.BOOK_001, src, root);
            return Optional.empty();
        }
        Optional<String> text = SourceText.read(file, src, diags);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<YamlFields> parsed = YamlFields.parse(text.get(), src, 1, diags, MessageId.BOOK_002,
                MessageId.BOOK_004);
        return parsed.flatMap(f -> manifest(f, src));
    }

    private Optional<Manifest> manifest(YamlFields f, SourceRef src) {
        for (String name : f.names()) {
            if (!KNOWN.contains(name)) {
                FieldNames.nearest(name, KNOWN).ifPresentOrElse(
                        near -> diags.reportWithHint(MessageId.BOOK_005, f.where(name),
                                "did you mean \"" + near + "\"?", name),
                        () -> diags.report(MessageId.BOOK_005, f.where(name), name));
            }
        }
        Optional<String> title = required(f, "title");
        List<String> authors = f.has("authors") ? f.strings("authors") : f.strings("author");
        if (authors.isEmpty()) {
            diags.report(MessageId.BOOK_003, f.where("author"), "author");
        }
        Optional<String> language = required(f, "language").flatMap(l -> language(l, f));
        LocalDate date = f.string("date").flatMap(d -> date(d, f, "date")).orElse(null);
        String trim = f.string("trim").map(t -> t.toLowerCase(Locale.ROOT)).orElse("a5");
        if (!TRIMS.contains(trim)) {
            diags.report(MessageId.BOOK_004, f.whereValue("trim"), "trim", "must be one of a5, 6x9, a4, letter");
            trim = "a5";
        }
        String pdfStandard = f.string("pdf-standard").map(t -> t.strip().toLowerCase(Locale.ROOT)).orElse("a-2u");
        if (!PDF_STANDARDS.contains(pdfStandard)) {
            diags.report(MessageId.BOOK_004, f.whereValue("pdf-standard"), "pdf-standard",
                    "must be a-2u (PDF/UA-1 and PDF/A-2u, the default) or ua-1 (PDF/UA-1 alone)");
            pdfStandard = "a-2u";
        }
        PrintPageNumbers printPages = f.string("print-page-numbers").map(v -> PrintPageNumbers.of(v).orElseGet(() -> {
            diags.report(MessageId.BOOK_004, f.whereValue("print-page-numbers"), "print-page-numbers",
                    "must be auto (when the build also writes the PDF edition, the default), always or never");
            return PrintPageNumbers.AUTO;
        })).orElse(PrintPageNumbers.AUTO);
        Path cover = f.string("cover").flatMap(c -> cover(c, f)).orElse(null);
        List<ChapterSpec> chapters = chapters(f);
        if (title.isEmpty() || authors.isEmpty() || language.isEmpty()) {
            return Optional.empty();
        }
        String identifier = f.string("isbn").map(i -> "urn:isbn:" + i.replaceAll("[^0-9Xx]", ""))
                .or(() -> f.string("identifier"))
                .orElseGet(() -> "urn:uuid:" + UUID.nameUUIDFromBytes(
                        (title.get() + "\n" + String.join("\n", authors)).getBytes(StandardCharsets.UTF_8)));
        BookMeta meta = new BookMeta(title.get(), f.string("subtitle").orElse(null), List.copyOf(authors),
                language.get(), identifier, f.string("publisher").orElse(null), date,
                f.string("rights").orElse(null), f.text("description").orElse(null), cover,
                f.bool("headnotes").orElse(true), trim, citations(f), f.string("url").orElse(null), List.of(),
                f.string("base-url").flatMap(u -> baseUrl(u, f)).orElse(null), f.bool("hyphenate").orElse(true),
                "a-2u".equals(pdfStandard), printPages);
        return Optional.of(new Manifest(meta, date != null, chapters, handouts(f, f.string("url").orElse(null))));
    }

    /** An http(s) address, ending in "/" so that site paths resolve below it. */
    private Optional<String> baseUrl(String value, YamlFields f) {
        String u = value.strip();
        try {
            java.net.URI uri = new java.net.URI(u);
            if (uri.getScheme() != null && uri.getScheme().matches("(?i)https?") && uri.getHost() != null) {
                return Optional.of(u.endsWith("/") ? u : u + "/");
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        diags.report(MessageId.BOOK_004, f.whereValue("base-url"), "base-url", "must be an http or https address such as https://example.org/blog/");
        return Optional.empty();
    }

    private Optional<String> required(YamlFields f, String name) {
        Optional<String> v = f.string(name);
        if (v.isEmpty()) {
            diags.report(MessageId.BOOK_003, f.where(name), name);
        }
        return v;
    }

    private Optional<String> language(String tag, YamlFields f) {
        try {
            return Optional.of(new Locale.Builder().setLanguageTag(tag).build().toLanguageTag());
        } catch (IllformedLocaleException e) {
            diags.report(MessageId.BOOK_004, f.whereValue("language"), "language",
                    "is not a language tag such as en, en-GB or ru");
            return Optional.empty();
        }
    }

    private Optional<LocalDate> date(String text, YamlFields f, String name) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            diags.report(MessageId.BOOK_004, f.whereValue(name), name, "must be a date written YYYY-MM-DD");
            return Optional.empty();
        }
    }

    private Optional<Path> cover(String path, YamlFields f) {
        Path p = root.resolve(path).normalize();
        if (Path.of(path).isAbsolute() || !p.startsWith(root)) {
            diags.report(MessageId.BOOK_006, f.whereValue("cover"), path, "leaves the book folder");
            return Optional.empty();
        }
        if (!Files.isRegularFile(p)) {
            diags.report(MessageId.BOOK_006, f.whereValue("cover"), path, "does not exist");
            return Optional.empty();
        }
        Optional<String> type = ImageResolver.mediaType(p);
        if (type.isEmpty() || type.get().equals("image/gif")) {
            diags.report(MessageId.BOOK_006, f.whereValue("cover"), path, "is not a JPEG, PNG or SVG image");
            return Optional.empty();
        }
        if (type.get().equals("image/svg+xml")) {
            // Parsed on a thread of its own; the book learns of the cover once it passed (see coverCheck()).
            coverCheck = CoverCheck.begin(p, path, f.whereValue("cover"));
            return Optional.of(root.relativize(p));
        }
        Optional<String> problem = ImageTypes.problem(p, type.get());
        if (problem.isPresent()) {
            diags.report(MessageId.BOOK_006, f.whereValue("cover"), path, "cannot be used: " + problem.get());
            return Optional.empty();
        }
        return Optional.of(root.relativize(p));
    }

    /**
     * The check of the SVG cover that {@link #read} named in the metadata, still under way (null when the cover is
     * no SVG, or none): the cover may be used only once it passed, and its problem is reported when it is asked for,
     * whether or not book.yaml could be read as a whole.
     */
    CoverCheck coverCheck() {
        return coverCheck;
    }

    private CitationSettings citations(YamlFields f) {
        String style = f.string("citation-style").orElse(CitationSettings.DEFAULT_STYLE);
        List<Path> bibliography = new ArrayList<>();
        for (String b : f.strings("bibliography")) {
            Path p = root.resolve(b).normalize();
            if (Path.of(b).isAbsolute() || !p.startsWith(root)) {
                diags.report(MessageId.BOOK_006, f.whereValue("bibliography"), b, "leaves the book folder");
            } else if (!Files.isRegularFile(p)) {
                diags.report(MessageId.BOOK_006, f.whereValue("bibliography"), b, "does not exist");
            } else {
                bibliography.add(root.relativize(p));
            }
        }
        String where = f.string("references").orElse("piece");
        if (!where.equals("piece") && !where.equals("book")) {
            diags.report(MessageId.BOOK_004, f.whereValue("references"), "references", "must be piece or book");
        }
        return new CitationSettings(style, List.copyOf(bibliography), !where.equals("book"),
                f.bool("cite-pieces").orElse(true), f.bool("sources-list").orElse(true));
    }

    private List<HandoutSpec> handouts(YamlFields f, String bookUrl) {
        List<HandoutSpec> out = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (YamlFields h : f.mappings("handouts")) {
            unknownKeys(h, HANDOUT_KEYS);
            SourceRef where = h.where(h.names().isEmpty() ? "name" : h.names().get(0));
            Optional<String> name = h.string("name");
            if (name.isEmpty() || !name.get().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                diags.report(MessageId.BOOK_004, name.isEmpty() ? where : h.whereValue("name"), "name",
                        "of a handout must be given, as a file name (letters, digits, '-', '_', '.')");
                continue;
            }
            if (!names.add(name.get())) {
                diags.report(MessageId.BOOK_004, h.whereValue("name"), "name", "\"" + name.get() + "\" is used by two handouts");
                continue;
            }
            String paper = h.string("paper").map(p -> p.toLowerCase(Locale.ROOT)).orElse("a4");
            if (!paper.equals("a4") && !paper.equals("letter")) {
                diags.report(MessageId.BOOK_004, h.whereValue("paper"), "paper", "must be a4 or letter");
                paper = "a4";
            }
            String layout = h.string("layout").map(p -> p.toLowerCase(Locale.ROOT)).orElse("sheets");
            if (!layout.equals("sheets") && !layout.equals("booklet")) {
                diags.report(MessageId.BOOK_004, h.whereValue("layout"), "layout", "must be sheets or booklet");
                layout = "sheets";
            }
            out.add(new HandoutSpec(name.get(), h.string("title").orElse(null), h.string("chapter").orElse(null),
                    h.strings("pieces"), h.strings("tags"), h.string("from").flatMap(d -> date(d, h, "from")).orElse(null),
                    h.string("to").flatMap(d -> date(d, h, "to")).orElse(null), h.string("event").orElse(null),
                    h.string("event-date").orElse(null), h.string("place").orElse(null), paper,
                    layout.equals("booklet"), h.bool("large-type").orElse(false), h.bool("index").orElse(false),
                    h.string("link").orElse(bookUrl), where));
        }
        return out;
    }

    private void unknownKeys(YamlFields f, Set<String> known) {
        for (String name : f.names()) {
            if (!known.contains(name)) {
                FieldNames.nearest(name, known).ifPresentOrElse(
                        near -> diags.reportWithHint(MessageId.BOOK_005, f.where(name),
                                "did you mean \"" + near + "\"?", name),
                        () -> diags.report(MessageId.BOOK_005, f.where(name), name));
            }
        }
    }

    private List<ChapterSpec> chapters(YamlFields f) {
        List<ChapterSpec> out = new ArrayList<>();
        for (YamlFields c : f.mappings("chapters")) {
            for (String name : c.names()) {
                if (!CHAPTER_KEYS.contains(name)) {
                    FieldNames.nearest(name, CHAPTER_KEYS).ifPresentOrElse(
                            near -> diags.reportWithHint(MessageId.BOOK_005, c.where(name),
                                    "did you mean \"" + near + "\"?", name),
                            () -> diags.report(MessageId.BOOK_005, c.where(name), name));
                }
            }
            String sort = c.string("sort").orElse("date");
            if (!SORTS.contains(sort)) {
                diags.report(MessageId.BOOK_004, c.whereValue("sort"), "sort", "must be date, title, file or listed");
                sort = "date";
            }
            out.add(new ChapterSpec(c.string("title").orElse(null), c.string("folder").orElse(null),
                    c.strings("tags"), c.string("from").flatMap(d -> date(d, c, "from")).orElse(null),
                    c.string("to").flatMap(d -> date(d, c, "to")).orElse(null), c.strings("pieces"),
                    c.strings("exclude"), sort, c.text("intro").orElse(null), c.where(c.names().isEmpty()
                    ? "title" : c.names().get(0))));
        }
        return out;
    }
}
