package dev.sheaf.docs;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.sheaf.testing.TestBooks.piece;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/examples/sheaf-book.yml, the CI recipe of docs/PUBLISHING.md, read by a YAML parser: it builds on
 * every push, keeps the editions and publishes the web edition, and the paths it names are the ones a
 * build really writes.
 */
class PublishingWorkflowTest {

    static final Path WORKFLOW = Path.of("docs/examples/sheaf-book.yml");

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> workflow() throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(WORKFLOW));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> wf, String job) {
        Map<String, Object> jobs = (Map<String, Object>) wf.get("jobs");
        return (List<Map<String, Object>>) ((Map<String, Object>) jobs.get(job)).get("steps");
    }

    private static Map<String, Object> step(List<Map<String, Object>> steps, String action) {
        return steps.stream().filter(s -> String.valueOf(s.get("uses")).startsWith(action + "@")).findFirst()
                .orElseThrow(() -> new AssertionError("no step uses " + action));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> with(Map<String, Object> step) {
        return (Map<String, Object>) step.get("with");
    }

    @Test
    @SuppressWarnings("unchecked")
    void builds_on_every_push_with_java_17_and_maven() throws IOException {
        Map<String, Object> wf = workflow();
        Map<String, Object> on = (Map<String, Object>) wf.get("on");
        assertThat(on).containsKey("push");
        assertThat(on.get("push")).as("every branch, no filter").isNull();
        List<Map<String, Object>> build = steps(wf, "build");
        assertThat(build.get(0).get("uses")).asString().startsWith("actions/checkout@");
        assertThat(with(step(build, "actions/setup-java"))).containsEntry("java-version", "17");
        assertThat(build).anySatisfy(s -> assertThat(String.valueOf(s.get("run"))).matches("mvn -B -ntp (verify|package)"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void publishes_the_site_from_the_default_branch_only() throws IOException {
        Map<String, Object> wf = workflow();
        Map<String, Object> pages = step(steps(wf, "build"), "actions/upload-pages-artifact");
        assertThat(with(pages)).containsEntry("path", "target/book/site");
        assertThat(String.valueOf(pages.get("if"))).contains("github.event_name == 'push'", "default_branch");
        Map<String, Object> deploy = (Map<String, Object>) ((Map<String, Object>) wf.get("jobs")).get("deploy");
        assertThat(deploy).containsEntry("needs", "build").containsEntry("if", pages.get("if"));
        assertThat((Map<String, Object>) deploy.get("permissions")).containsEntry("pages", "write")
                .containsEntry("id-token", "write");
        assertThat(step(steps(wf, "deploy"), "actions/deploy-pages")).containsEntry("id", "deployment");
        assertThat((Map<String, Object>) wf.get("permissions")).containsEntry("contents", "read");
    }

    @Test
    void the_paths_it_uploads_are_the_files_a_build_writes() throws IOException {
        TestBooks.minimal(dir.resolve("book"), "chapters/one/p.md", piece("title: P\ndate: 2020-01-02", "Text."));
        Path out = dir.resolve("book/target/book");
        BuildResult result = new Sheaf().build(BuildRequest.of(dir.resolve("book"), out));
        assertThat(result.success()).as(result.diagnostics().toString()).isTrue();

        String paths = String.valueOf(with(step(steps(workflow(), "build"), "actions/upload-artifact")).get("path"));
        List<String> patterns = paths.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertThat(patterns).contains("target/book/*.epub", "target/book/*.pdf");
        for (String pattern : patterns) {
            if (pattern.endsWith("/")) {
                continue; // handouts/: only books with handouts have it
            }
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            try (Stream<Path> files = Files.walk(dir.resolve("book"))) {
                assertThat(files.map(f -> dir.resolve("book").relativize(f)).filter(m::matches))
                        .as("files matching %s", pattern).isNotEmpty();
            }
        }
        assertThat(out.resolve("site/index.html")).isRegularFile();
        assertThat(Files.readString(Path.of("docs/PUBLISHING.md"))).contains("docs/examples/sheaf-book.yml",
                ".github/workflows/");
    }
}
