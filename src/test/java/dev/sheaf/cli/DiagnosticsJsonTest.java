package dev.sheaf.cli;

import dev.sheaf.diag.Diagnostic;
import dev.sheaf.diag.DiagnosticJson;
import dev.sheaf.diag.MessageId;
import dev.sheaf.diag.Severity;
import dev.sheaf.model.SourceRef;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.sheaf.testing.TestBooks.piece;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --diagnostics json}: every line on standard output is one JSON object, read by a real parser. */
class DiagnosticsJsonTest {

    static final List<String> KEYS = List.of("file", "line", "column", "severity", "id", "message", "hint");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final JsonMapper json = JsonMapper.builder().build();

    private int run(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private List<JsonNode> lines() {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isEmpty()) {
                JsonNode node = json.readTree(line);
                assertThat(node.isObject()).as(line).isTrue();
                assertThat(node.propertyNames()).as(line).containsExactlyElementsOf(KEYS);
                nodes.add(node);
            }
        }
        return nodes;
    }

    @Test
    void check_prints_one_json_object_per_problem_on_a_broken_book() {
        TestBooks.minimal(dir,
                "chapters/one/p.md", piece("title: \"P \\\"quoted\\\" \\\\ back\\tslash\"\ndate: someday\nmood: calm\ntitel: x", "Text."),
                "chapters/one/q.md", "---\ntitle: Q\n");
        assertThat(run("check", dir.toString(), "--diagnostics", "json")).isEqualTo(1);
        List<JsonNode> problems = lines();
        assertThat(problems).extracting(n -> n.get("id").asString())
                .contains("FM-004", "FM-006", "FM-007", "FM-001");
        JsonNode date = problems.stream().filter(n -> n.get("id").asString().equals("FM-004")).findFirst().orElseThrow();
        assertThat(date.get("file").asString()).isEqualTo("chapters/one/p.md");
        assertThat(date.get("line").asInt()).isEqualTo(3);
        assertThat(date.get("column").asInt()).isEqualTo(7);
        assertThat(date.get("severity").asString()).isEqualTo("error");
        assertThat(date.get("message").asString()).isEqualTo("date \"someday\" is not a date");
        assertThat(date.get("hint").asString()).startsWith("write YYYY-MM-DD");
        // Info lines too, whatever the verbosity: machines filter by severity.
        assertThat(problems).anyMatch(n -> n.get("severity").asString().equals("info"));
        // People still get the count, on standard error.
        assertThat(err.toString()).contains("error").doesNotContain("{\"file\"");
    }

    @Test
    void build_prints_json_on_stdout_and_its_summary_on_stderr() {
        TestBooks.minimal(dir, "chapters/one/p.md", piece("title: P\ndate: 2020-01-02\ntitel: x", "Text."));
        assertThat(run("build", dir.toString(), "--out", dir.resolve("out").toString(), "--format", "epub",
                "--diagnostics", "json")).isZero();
        assertThat(lines()).singleElement().satisfies(n -> {
            assertThat(n.get("id").asString()).isEqualTo("FM-006");
            assertThat(n.get("severity").asString()).isEqualTo("warning");
        });
        assertThat(err.toString()).contains("sheaf: built 1 file (epub)");
    }

    @Test
    void a_clean_book_prints_no_json_at_all() {
        TestBooks.minimal(dir, "chapters/one/p.md", piece("title: P\ndate: 2020-01-02", "Text."));
        assertThat(run("check", dir.toString(), "--diagnostics", "json")).isZero();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void unknown_positions_and_hints_are_null_and_every_string_survives_a_parser() {
        String nasty = "tab\t nl\n cr\r quote\" back\\ bell\u0007 sep\u2028 lone\uD800 pair\uD83D\uDE00 ü";
        Diagnostic d = new Diagnostic(MessageId.OUT_004, Severity.WARNING, SourceRef.of(Path.of("a", "b.md")), nasty, "");
        JsonNode n = json.readTree(DiagnosticJson.line(d));
        assertThat(n.get("file").asString()).isEqualTo("a/b.md");
        assertThat(n.get("line").isNull()).isTrue();
        assertThat(n.get("column").isNull()).isTrue();
        assertThat(n.get("hint").isNull()).isTrue();
        assertThat(n.get("message").asString()).isEqualTo(nasty.replace("\uD800", "\uD800"));
        assertThat(DiagnosticJson.line(d)).doesNotContain("\n", "\u2028");

        JsonNode nowhere = json.readTree(DiagnosticJson.line(
                new Diagnostic(MessageId.OUT_004, Severity.ERROR, null, "m", "h")));
        assertThat(nowhere.get("file").isNull()).isTrue();
        assertThat(nowhere.get("hint").asString()).isEqualTo("h");
    }

    @Test
    void rejects_an_unknown_format() {
        assertThat(run("check", dir.toString(), "--diagnostics", "xml")).isEqualTo(Main.USAGE);
    }
}
