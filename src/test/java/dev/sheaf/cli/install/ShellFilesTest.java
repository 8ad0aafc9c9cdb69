package dev.sheaf.cli.install;

import dev.sheaf.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ShellFilesTest {

    @TempDir
    Path dir;

    @Test
    void should_write_a_manual_page_for_every_command_with_every_visible_option() throws Exception {
        ShellFiles.write(dir, "1.2.3", "2026-01-01");
        List<CommandSpec> commands = ShellFiles.commands(Main.commandLine().getCommandSpec());
        assertThat(commands).extracting(ManPage::pageName)
                .contains("sheaf", "sheaf-build", "sheaf-check", "sheaf-new", "sheaf-serve");
        for (CommandSpec spec : commands) {
            String page = Files.readString(dir.resolve("man/man1/" + ManPage.pageName(spec) + ".1"));
            assertThat(page).startsWith(".\\\" Generated")
                    .contains(".TH \"" + ManPage.pageName(spec).toUpperCase() + "\" \"1\" \"2026-01-01\" \"Sheaf 1.2.3\"")
                    .contains(".SH NAME\n", ".SH SYNOPSIS\n", ".SH DESCRIPTION\n", ".SH EXIT STATUS\n")
                    .doesNotContain("${");
            for (OptionSpec o : spec.options()) {
                if (!o.hidden()) {
                    assertThat(page).as("%s documents %s", ManPage.pageName(spec), o.longestName())
                            .contains("\\fB" + ManPage.escape(o.longestName()) + "\\fR");
                }
            }
            // Every line that is not a request must not start with a roff control character.
            assertThat(page.lines().filter(l -> !l.startsWith(".") && l.startsWith("'"))).isEmpty();
        }
        assertThat(Files.readString(dir.resolve("man/man1/sheaf.1"))).contains(".SH COMMANDS", "sheaf\\-build\\fR(1)");
        assertThat(Files.readString(dir.resolve("man/man1/sheaf-serve.1"))).contains("default: 8000");
    }

    @Test
    void should_write_completion_scripts_that_complete_commands_and_options_in_bash() throws Exception {
        ShellFiles.write(dir, "1.2.3", "2026-01-01");
        Path bash = dir.resolve("completion/sheaf.bash");
        assertThat(Files.readString(bash)).contains("complete -F _complete_sheaf");
        assertThat(Files.readString(dir.resolve("completion/sheaf.zsh"))).contains("bashcompinit");
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
        assertThat(complete(bash, "sheaf", "")).contains("build", "check", "new", "serve");
        assertThat(complete(bash, "sheaf build", "--f")).contains("--format", "--fail-on-warnings");
    }

    /** What bash offers after {@code line} and the word being typed, using the script's own function. */
    private static String complete(Path script, String line, String word) throws Exception {
        String words = line + " " + (word.isEmpty() ? "''" : word);
        int cword = line.split(" ").length;
        String cmd = "source '" + script + "'; COMP_WORDS=(" + words + "); COMP_CWORD=" + cword
                + "; COMP_LINE='" + line + " " + word + "'; COMP_POINT=${#COMP_LINE}; _complete_sheaf;"
                + " printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process p = new ProcessBuilder("/bin/bash", "-c", cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
