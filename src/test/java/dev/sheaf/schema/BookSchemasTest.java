package dev.sheaf.schema;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import dev.sheaf.cli.Main;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.MessageId;
import dev.sheaf.diag.Severity;
import dev.sheaf.index.IndexFields;
import dev.sheaf.read.ReaderFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schemas for book.yaml, front matter and index.yaml against the readers: the same fields, every
 * book in the repository valid, a misspelt field rejected, and the README's tables generated from them.
 */
class BookSchemasTest {

    static final List<String> NAMES = List.of("book", "piece", "chapter", "index");
    static final String REGENERATE = "mvn -q test -Dtest=BookSchemasTest -Dsheaf.updateReadme=true";

    /** Field ids that say "this field is not one the reader knows". */
    static final Set<MessageId> FIELD_PROBLEMS = Set.of(MessageId.BOOK_005, MessageId.FM_006, MessageId.FM_007,
            MessageId.IDX_003);

    @TempDir
    Path dir;

    @Test
    void every_schema_is_valid_draft_2020_12() {
        Schema meta = BookSchemas.REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        for (String name : NAMES) {
            assertThat(meta.validate(BookSchemas.json(name))).as(BookSchemas.DIR + name + ".schema.json").isEmpty();
        }
    }

    @Test
    void the_schemas_list_exactly_the_fields_the_readers_accept() {
        JsonNode book = BookSchemas.json("book");
        Map<String, Set<String>> reader = ReaderFields.book();
        sameFields("book.yaml", "book", "properties", fields(book.get("properties")),
                "ManifestReader.KNOWN", reader.get("ManifestReader.KNOWN"));
        sameFields("book.yaml chapters: entries", "book", "$defs/chapter/properties",
                fields(book.at("/$defs/chapter/properties")), "ManifestReader.CHAPTER_KEYS",
                reader.get("ManifestReader.CHAPTER_KEYS"));
        sameFields("book.yaml handouts: entries", "book", "$defs/handout/properties",
                fields(book.at("/$defs/handout/properties")), "ManifestReader.HANDOUT_KEYS",
                reader.get("ManifestReader.HANDOUT_KEYS"));
        sameFields("piece front matter", "piece", "properties", fields(BookSchemas.json("piece").get("properties")),
                "PieceReader.KNOWN", ReaderFields.piece());
        sameFields("_chapter.md front matter", "chapter", "properties",
                fields(BookSchemas.json("chapter").get("properties")), "PieceReader.CHAPTER_KNOWN",
                ReaderFields.chapterIntro());
        JsonNode index = BookSchemas.json("index");
        sameFields("index.yaml", "index", "anyOf/0/properties", fields(index.at("/anyOf/0/properties")),
                "IndexReader.TOP", IndexFields.top());
        sameFields("index.yaml entries", "index", "$defs/entry/anyOf/3/properties",
                fields(index.at("/$defs/entry/anyOf/3/properties")), "IndexReader.ENTRY_FIELDS", IndexFields.entry());

        Set<String> trims = new TreeSet<>();
        book.at("/properties/trim/enum").forEach(v -> trims.add(v.asString().toLowerCase(Locale.ROOT)));
        assertThat(trims).as("trim values in " + BookSchemas.DIR + "book.schema.json").isEqualTo(new TreeSet<>(ReaderFields.trims()));
        Set<String> sorts = new TreeSet<>();
        book.at("/$defs/chapter/properties/sort/enum").forEach(v -> sorts.add(v.asString()));
        assertThat(sorts).as("chapter sort values in " + BookSchemas.DIR + "book.schema.json").isEqualTo(new TreeSet<>(ReaderFields.sorts()));
    }

    /** Fields a schema documents as current (deprecated spellings are accepted, not listed by the reader). */
    private static Set<String> fields(JsonNode properties) {
        Set<String> out = new TreeSet<>();
        properties.properties().forEach(e -> {
            if (!e.getValue().path("deprecated").asBoolean(false)) {
                out.add(e.getKey());
            }
        });
        return out;
    }

    private static void sameFields(String what, String schema, String pointer, Set<String> inSchema, String constant,
                                   Set<String> inReader) {
        Set<String> missing = new TreeSet<>(inReader);
        missing.removeAll(inSchema);
        Set<String> extra = new TreeSet<>(inSchema);
        extra.removeAll(inReader);
        String file = BookSchemas.DIR + schema + ".schema.json";
        assertThat(missing).as("%s: the reader (%s) accepts %s, but %s does not list it. Add each field under "
                + "\"%s\" in %s, with a \"description\" and its type, then regenerate the README's tables: %s",
                what, constant, missing, file, pointer, file, REGENERATE).isEmpty();
        assertThat(extra).as("%s: %s lists %s under \"%s\", but the reader (%s) does not accept it. Remove it "
                + "from %s, or add it to %s, then regenerate the README's tables: %s",
                what, file, extra, pointer, constant, file, constant, REGENERATE).isEmpty();
    }

    @Test
    void every_book_in_the_repository_is_valid_where_sheaf_finds_its_fields_right() throws IOException {
        List<Path> books = new ArrayList<>(List.of(Path.of(".")));
        for (String parent : List.of("src/test/resources/books", "src/it")) {
            try (Stream<Path> s = Files.list(Path.of(parent))) {
                s.filter(d -> Files.isRegularFile(d.resolve("book.yaml"))).sorted().forEach(books::add);
            }
        }
        Main.execute(new String[] {"new", dir.resolve("new").toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        books.add(dir.resolve("new"));
        int files = 0;
        List<String> failures = new ArrayList<>();
        for (Path book : books) {
            files += checkBook(book, failures);
        }
        assertThat(failures).as("schema validation of the repository's books").isEmpty();
        assertThat(books).hasSizeGreaterThan(5);
        assertThat(files).isGreaterThan(40);
    }

    /** Validates each file of one book; a file the reader flags for a field must be rejected too. */
    private int checkBook(Path book, List<String> failures) throws IOException {
        BuildResult check = new Sheaf().check(book, null);
        Set<String> fieldFlagged = new HashSet<>();
        Set<String> broken = new HashSet<>();
        for (Diagnostic d : check.diagnostics()) {
            String file = d.where() == null || d.where().file() == null ? "" : d.where().file().toString();
            if (FIELD_PROBLEMS.contains(d.id()) && !(d.id() == MessageId.FM_007 && d.message().contains("\"x-"))) {
                fieldFlagged.add(file);
            } else if (d.severity() == Severity.ERROR) {
                broken.add(file);
            }
        }
        int n = 0;
        List<Path> sources = new ArrayList<>();
        sources.add(book.resolve("book.yaml"));
        if (Files.isRegularFile(book.resolve("index.yaml"))) {
            sources.add(book.resolve("index.yaml"));
        }
        if (Files.isDirectory(book.resolve("chapters"))) {
            try (Stream<Path> s = Files.walk(book.resolve("chapters"))) {
                s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(sources::add);
            }
        }
        for (Path f : sources) {
            String rel = book.relativize(f).toString();
            if (broken.contains(rel)) {
                continue; // the reader rejects this file for other reasons: nothing to compare
            }
            String text = Files.readString(f, StandardCharsets.UTF_8);
            String schema = f.getFileName().toString().equals("book.yaml") ? "book"
                    : f.getFileName().toString().equals("index.yaml") ? "index"
                    : f.getFileName().toString().equals("_chapter.md") ? "chapter" : "piece";
            String yaml = schema.equals("book") || schema.equals("index") ? text : ReaderFields.frontMatter(text);
            if (yaml == null) {
                continue;
            }
            List<String> problems = BookSchemas.problems(schema, yaml);
            n++;
            if (fieldFlagged.contains(rel) && problems.isEmpty()) {
                failures.add(book.resolve(rel) + ": sheaf check flags a field, but " + schema + ".schema.json accepts it");
            } else if (!fieldFlagged.contains(rel) && !problems.isEmpty()) {
                failures.add(book.resolve(rel) + " is rejected by " + schema + ".schema.json: " + problems);
            }
        }
        return n;
    }

    @Test
    void a_misspelt_field_is_rejected_and_a_custom_one_allowed_where_the_reader_keeps_it() {
        assertThat(BookSchemas.problems("book", "title: T\nauthor: A\nlanguage: en\n")).isEmpty();
        assertThat(BookSchemas.problems("book", "title: T\nauthor: A\nlanguage: en\ncitation_style: apa\n"))
                .singleElement().asString().contains("citation_style");
        assertThat(BookSchemas.problems("book", "title: T\nauthor: A\nlanguage: en\ntrim: b5\n")).isNotEmpty();
        assertThat(BookSchemas.problems("book", "title: T\nlanguage: en\n")).as("author is required").isNotEmpty();
        assertThat(BookSchemas.problems("book", "title: T\nauthor: A\nlanguage: en\nchapters:\n  - folder: a\n    sort: listed\n"))
                .isEmpty();
        assertThat(BookSchemas.problems("book", "title: T\nauthor: A\nlanguage: en\nchapters:\n  - foldr: a\n"))
                .isNotEmpty();
        assertThat(BookSchemas.problems("book", "title: T\nauthor: A\nlanguage: en\nindex:\n  Tokayev: {knd: person}\n"))
                .as("the index inside book.yaml").isNotEmpty();

        assertThat(BookSchemas.problems("piece", "title: P\ndate: 2020-01-02\ntags: [a, b]\n")).isEmpty();
        assertThat(BookSchemas.problems("piece", "title: P\ndate: 2020\n")).isEmpty();
        assertThat(BookSchemas.problems("piece", "title: P\ndate: 2020-01-02\noutlett: RUSI\n")).isNotEmpty();
        assertThat(BookSchemas.problems("piece", "title: P\ndate: someday\n")).isNotEmpty();
        assertThat(BookSchemas.problems("piece", "title: P\ndate: 2020-01-02\nx-mood: calm\n")).isEmpty();

        assertThat(BookSchemas.problems("chapter", "title: C\norder: 2\n")).isEmpty();
        assertThat(BookSchemas.problems("chapter", "title: C\nordr: 2\n")).isNotEmpty();

        assertThat(BookSchemas.problems("index", "entries:\n  Tokayev: {kind: person}\n  Xi Jinping: [Xi]\n"
                + "  \"Russia › oil\": [Russian oil]\n  Russia:\n    sub:\n      and China: [Sino-Russian]\n"))
                .isEmpty();
        assertThat(BookSchemas.problems("index", "- Tokayev\n- {term: CSTO, kind: organisation}\n")).isEmpty();
        assertThat(BookSchemas.problems("index", "Tokayev:\nMuscovy: {see: Russia}\n")).isEmpty();
        assertThat(BookSchemas.problems("index", "entries:\n  Tokayev: {kind: persn}\n")).isNotEmpty();
        assertThat(BookSchemas.problems("index", "titel: Index\nentries:\n  Tokayev:\n")).isNotEmpty();
        assertThat(BookSchemas.problems("index", "entries:\n  Muscovy: {se: Russia}\n")).isNotEmpty();
    }

    @Test
    void sheaf_new_points_editors_at_the_schemas_it_writes() throws IOException {
        Path book = dir.resolve("b");
        assertThat(Main.execute(new String[] {"new", book.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()))).isZero();
        for (String name : NAMES) {
            assertThat(book.resolve(".sheaf/schema/" + name + ".schema.json"))
                    .hasSameTextualContentAs(Path.of(BookSchemas.DIR + name + ".schema.json"));
        }
        assertThat(Files.readString(book.resolve("book.yaml")))
                .startsWith("# yaml-language-server: $schema=.sheaf/schema/book.schema.json\n");
        assertThat(Files.readString(book.resolve("chapters/first-chapter/first-piece.md")))
                .startsWith("---\n# yaml-language-server: $schema=../../.sheaf/schema/piece.schema.json\n");
        assertThat(Files.readString(book.resolve("chapters/first-chapter/_chapter.md")))
                .startsWith("---\n# yaml-language-server: $schema=../../.sheaf/schema/chapter.schema.json\n");
    }

    @Test
    void the_readme_tables_are_generated_from_the_schemas() throws IOException {
        Path readme = Path.of("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        String generated = FieldTables.update(text);
        if (Boolean.getBoolean("sheaf.updateReadme")) {
            Files.writeString(readme, generated, StandardCharsets.UTF_8);
            return;
        }
        assertThat(text).as("README.md's field tables differ from the schemas in %s. Edit the schema (not the "
                + "README), then run: %s", BookSchemas.DIR, REGENERATE).isEqualTo(generated);
        assertThat(FieldTables.markers(text)).containsExactlyInAnyOrderElementsOf(FieldTables.TABLES.keySet());
    }
}
