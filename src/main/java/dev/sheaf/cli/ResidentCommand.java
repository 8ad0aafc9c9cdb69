package dev.sheaf.cli;

import dev.sheaf.cli.resident.ResidentProcesses;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sheaf resident [--stop]}: lists this user's resident build processes (one per folder where {@code sheaf
 * build} or {@code sheaf check} ran on a terminal), or stops them all.
 */
@Command(name = "resident", mixinStandardHelpOptions = true,
        description = {"List the resident build processes (one per folder where sheaf build or sheaf check ran on a "
                + "terminal; each stops after 15 idle minutes), or stop them.",
                "SHEAF_RESIDENT=off keeps commands in a JVM of their own; SHEAF_RESIDENT=on uses a resident process "
                        + "even when not on a terminal."})
final class ResidentCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--stop", description = "Stop them all.")
    boolean stop;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            List<String> said = ResidentProcesses.ask(stop);
            if (said.isEmpty()) {
                out.println("no resident build process is running");
            }
            for (String s : said) {
                out.println((stop ? "stopped: " : "") + s.replace("\n", "\n  "));
            }
            return Main.OK;
        } catch (IOException e) {
            spec.commandLine().getErr().println("sheaf: cannot reach the resident build processes: " + e.getMessage());
            return Main.INPUT_ERRORS;
        }
    }
}
