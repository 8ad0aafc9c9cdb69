package dev.sheaf.cli.install;

import dev.sheaf.cli.Main;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the files that make {@code sheaf} an installed command rather than a jar: the bash completion
 * script, the same script for zsh (through zsh's bashcompinit), and one manual page per command. Run
 * by the build ({@code java -cp sheaf.jar dev.sheaf.cli.install.ShellFiles OUT_DIR VERSION DATE}); the
 * files go into the distribution archive.
 */
public final class ShellFiles {

    private ShellFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ShellFiles OUT_DIR VERSION DATE");
            System.exit(2);
        }
        // The date may be Maven's whole project.build.outputTimestamp; a manual page shows the day.
        String date = args[2].length() > 10 ? args[2].substring(0, 10) : args[2];
        write(Path.of(args[0]), args[1], date);
    }

    /** Writes {@code completion/sheaf.bash}, {@code completion/sheaf.zsh} and {@code man/man1/*.1}. */
    public static List<Path> write(Path out, String version, String date) throws IOException {
        List<Path> written = new ArrayList<>();
        CommandLine cl = Main.commandLine();
        String bash = AutoComplete.bash("sheaf", cl);
        written.add(write(out.resolve("completion/sheaf.bash"), bash));
        // picocli's script carries its own zsh preamble (compinit + bashcompinit); this file says how to use it.
        written.add(write(out.resolve("completion/sheaf.zsh"),
                "# zsh completion for sheaf: add  source /path/to/sheaf.zsh  to ~/.zshrc\n" + bash));
        for (CommandSpec spec : commands(cl.getCommandSpec())) {
            written.add(write(out.resolve("man/man1/" + ManPage.pageName(spec) + ".1"),
                    new ManPage(spec, version, date).render()));
        }
        return written;
    }

    /** The root command and every subcommand except picocli's help, once each. */
    static List<CommandSpec> commands(CommandSpec root) {
        List<CommandSpec> all = new ArrayList<>();
        all.add(root);
        root.subcommands().forEach((name, sub) -> {
            CommandSpec s = sub.getCommandSpec();
            if (name.equals(s.name()) && !s.name().equals("help") && !s.usageMessage().hidden()) {
                all.addAll(commands(s));
            }
        });
        return all;
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
