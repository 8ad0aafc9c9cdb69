package dev.sheaf.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user reads from the command line itself: every command's help, the help command, and the usage errors
 * (a missing command, a misspelt one with its suggestions, an unknown option, a missing value), with their exit
 * codes, and the manual pages and completion scripts made from the same model, compared with the texts kept in
 * {@code src/test/resources/dev/sheaf/cli/usage/}. Some commands' models
 * are built in code and the others from annotations; this is what keeps them saying exactly what they said.
 * After a deliberate change of a text, regenerate with {@value #REGENERATE}.
 */
class UsageTextTest {

    static final String REGENERATE = "mvn -q test -Dtest=UsageTextTest -Dsheaf.updateUsage=true";
    private static final Path KEPT = Path.of("src/test/resources/dev/sheaf/cli/usage");

    /** Each case: its file name, then the arguments. */
    private static List<String[]> cases() {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"sheaf-help", "--help"});
        cases.add(new String[] {"sheaf-h", "-h"});
        cases.add(new String[] {"sheaf-no-command"});
        cases.add(new String[] {"help", "help"});
        cases.add(new String[] {"sheaf-misspelt", "biuld", "."});
        cases.add(new String[] {"sheaf-unknown-option", "--nope"});
        for (String c : List.of("build", "check", "new", "serve", "import", "index")) {
            cases.add(new String[] {c + "-help", c, "--help"});
            cases.add(new String[] {"help-" + c, "help", c});
            cases.add(new String[] {c + "-unknown-option", c, "--no-such-option"});
        }
        cases.add(new String[] {"index-suggest-help", "index", "suggest", "--help"});
        cases.add(new String[] {"check-two-folders", "check", "one", "two"});
        cases.add(new String[] {"check-style-missing", "check", "--citation-style"});
        cases.add(new String[] {"check-diagnostics-unknown", "check", "--diagnostics", "xml"});
        cases.add(new String[] {"check-misspelt-option", "check", "--fail-on-warning"});
        cases.add(new String[] {"build-out-missing", "build", ".", "--out"});
        cases.add(new String[] {"build-two-folders", "build", "one", "two"});
        cases.add(new String[] {"build-misspelt-option", "build", "--formats", "epub"});
        cases.add(new String[] {"build-diagnostics-unknown", "build", "--diagnostics=xml"});
        return cases;
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return "$ sheaf " + String.join(" ", args) + "\nexit " + code + "\n--- standard output\n" + out
                + "--- standard error\n" + err;
    }

    @Test
    void the_manual_pages_and_completion_scripts_are_what_they_were(@TempDir Path dir) throws IOException {
        boolean update = Boolean.getBoolean("sheaf.updateUsage");
        List<String> differ = new ArrayList<>();
        for (Path made : dev.sheaf.cli.install.ShellFiles.write(dir, "0.1.0-SNAPSHOT", "2026-01-01")) {
            String name = dir.relativize(made).toString().replace('\\', '/');
            Path kept = KEPT.resolve("shell").resolve(name);
            String text = Files.readString(made, StandardCharsets.UTF_8);
            if (update) {
                Files.createDirectories(kept.getParent());
                Files.writeString(kept, text, StandardCharsets.UTF_8);
            } else if (!Files.exists(kept) || !Files.readString(kept, StandardCharsets.UTF_8).equals(text)) {
                differ.add(name);
                assertThat(text).as("%s (after a deliberate change: %s)", kept, REGENERATE)
                        .isEqualTo(Files.exists(kept) ? Files.readString(kept, StandardCharsets.UTF_8) : "");
            }
        }
        assertThat(differ).isEmpty();
    }

    @Test
    void every_command_says_what_it_said() throws IOException {
        boolean update = Boolean.getBoolean("sheaf.updateUsage");
        List<String> differ = new ArrayList<>();
        for (String[] c : cases()) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            String text = run(args).replace("\r\n", "\n");
            Path kept = KEPT.resolve(c[0] + ".txt");
            if (update) {
                Files.createDirectories(KEPT);
                Files.writeString(kept, text, StandardCharsets.UTF_8);
            } else if (!Files.exists(kept) || !Files.readString(kept, StandardCharsets.UTF_8).equals(text)) {
                differ.add(c[0]);
                assertThat(text).as("%s (after a deliberate change: %s)", kept, REGENERATE)
                        .isEqualTo(Files.exists(kept) ? Files.readString(kept, StandardCharsets.UTF_8) : "");
            }
        }
        assertThat(differ).isEmpty();
    }
}
