package dev.sheaf.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher's choice of JVM options ({@code src/main/dist/bin/sheaf}): the JIT's first tier only for a check or
 * a single build of a small book, or on a machine of at most two processors a check or a build without print
 * editions of any book, the default for anything else. A stand-in {@code java} prints its arguments; a stand-in {@code getconf} tells the launcher how many
 * processors there are (eight unless a test says otherwise).
 * The Windows launcher ({@code sheaf.bat}) cannot run here: its options and the command line it reads are compared
 * with this one's and with the commands' own model instead.
 */
class LauncherTest {

    private static final String C1 = "-XX:TieredStopAtLevel=1";

    @TempDir
    Path tmp;

    private Path home;
    private Path small;
    private Path large;

    @BeforeEach
    void install() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")));
        home = tmp.resolve("home");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        Files.copy(Path.of("src/main/dist/bin/sheaf"), home.resolve("bin/sheaf"));
        Files.writeString(home.resolve("lib/sheaf.jar"), "");
        Path java = tmp.resolve("jdk/bin/java");
        Files.createDirectories(java.getParent());
        // prints its arguments; as the resident client, says "not served" when the test asks it to
        Files.writeString(java, "#!/bin/sh\necho \"$@\"\ncase \"$*\" in\n  *ResidentClient*) [ -n \"$TEST_NOT_SERVED\" ] && exit 75 ;;\n"
                + "esac\nexit 0\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path getconf = tmp.resolve("tools/getconf");
        Files.createDirectories(getconf.getParent());
        Files.writeString(getconf, "#!/bin/sh\necho \"${TEST_PROCESSORS:-8}\"\n");
        Files.setPosixFilePermissions(getconf, PosixFilePermissions.fromString("rwxr-xr-x"));
        small = book("small", 12);
        large = book("large", 301);
    }

    private Path book(String name, int pieces) throws IOException {
        Path b = tmp.resolve(name);
        Files.createDirectories(b.resolve("chapters/one"));
        Files.writeString(b.resolve("book.yaml"), "title: T\nauthor: A\nlanguage: en\n");
        for (int i = 0; i < pieces; i++) {
            Files.writeString(b.resolve("chapters/one/p" + i + ".md"), "---\ntitle: P\ndate: \"2020\"\n---\nText.\n");
        }
        return b;
    }

    private String run(Path cwd, Map<String, String> extraEnv, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", home.resolve("bin/sheaf").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(cwd.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("SHEAF") || k.equals("JAVA_OPTS"));
        env.put("JAVA_HOME", tmp.resolve("jdk").toString());
        env.put("SHEAF_CDS", "off");
        env.put("PATH", tmp.resolve("tools") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.putAll(extraEnv);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private String run(String... args) throws Exception {
        return run(tmp, Map.of(), args);
    }

    @Test
    void checks_and_single_builds_of_a_small_book_use_the_first_tier_only() throws Exception {
        assertThat(run("check", small.toString())).startsWith(C1 + " -jar ").endsWith("check " + small);
        assertThat(run("build", small.toString(), "--out", "o", "--format", "epub")).startsWith(C1);
        assertThat(run("build", "-o", "o", "-f", "epub", "--citation-style", "apa", small.toString())).startsWith(C1);
        assertThat(run("build", "--out=o", "-q", small.toString())).startsWith(C1);
        assertThat(run(small, Map.of(), "check")).startsWith(C1);
        assertThat(run(small, Map.of(), "build", "--out", "o")).startsWith(C1);
    }

    @Test
    void everything_else_keeps_the_default() throws Exception {
        assertThat(run("build", small.toString(), "--watch")).doesNotContain(C1);
        assertThat(run("build", "-w", small.toString())).doesNotContain(C1);
        assertThat(run("build", "-qw", small.toString())).doesNotContain(C1);
        assertThat(run("serve", small.toString())).doesNotContain(C1);
        assertThat(run("new", "x")).doesNotContain(C1);
        assertThat(run("build", large.toString(), "--out", "o")).doesNotContain(C1);
        assertThat(run("check", tmp.resolve("not-a-book").toString())).doesNotContain(C1);
        assertThat(run("check")).as("the current folder is not a book").doesNotContain(C1);
    }

    @Test
    void on_two_processors_checks_and_builds_without_print_editions_use_the_first_tier_only() throws Exception {
        Map<String, String> two = Map.of("TEST_PROCESSORS", "2");
        assertThat(run(tmp, two, "check", large.toString())).startsWith(C1);
        assertThat(run(tmp, two, "build", large.toString(), "--out", "o", "--format", "epub")).startsWith(C1);
        assertThat(run(tmp, two, "build", large.toString(), "-f", "epub,site,citations")).startsWith(C1);
        assertThat(run(tmp, two, "build", large.toString(), "--format=EPUB")).startsWith(C1);
        assertThat(run(tmp, Map.of("TEST_PROCESSORS", "1"), "build", "-f", "site", large.toString())).startsWith(C1);
        // a large book's PDF lays out long enough on one thread for the optimising compiler to win
        assertThat(run(tmp, two, "build", large.toString(), "--out", "o")).doesNotContain(C1);
        assertThat(run(tmp, two, "build", large.toString(), "-f", "pdf")).doesNotContain(C1);
        assertThat(run(tmp, two, "build", large.toString(), "-f", "epub,handouts")).doesNotContain(C1);
        assertThat(run(tmp, Map.of("TEST_PROCESSORS", "4"), "build", large.toString(), "-f", "epub")).doesNotContain(C1);
        assertThat(run(tmp, two, "build", large.toString(), "-f", "epub", "--watch")).doesNotContain(C1);
        assertThat(run(tmp, two, "serve", large.toString())).doesNotContain(C1);
        assertThat(run(tmp, two, "check", tmp.resolve("not-a-book").toString())).doesNotContain(C1);
        Map<String, String> off = Map.of("TEST_PROCESSORS", "2", "SHEAF_SMALL_BOOK", "0");
        assertThat(run(tmp, off, "build", large.toString(), "-f", "epub")).doesNotContain(C1);
    }

    @Test
    void the_limit_can_be_moved_or_turned_off_and_the_users_options_come_last() throws Exception {
        assertThat(run(tmp, Map.of("SHEAF_SMALL_BOOK", "0"), "check", small.toString())).doesNotContain(C1);
        assertThat(run(tmp, Map.of("SHEAF_SMALL_BOOK", "400"), "check", large.toString())).startsWith(C1);
        assertThat(run(tmp, Map.of("SHEAF_SMALL_BOOK", "10"), "check", small.toString())).doesNotContain(C1);
        assertThat(run(tmp, Map.of("SHEAF_OPTS", "-XX:TieredStopAtLevel=4"), "check", small.toString()))
                .startsWith(C1 + " -XX:TieredStopAtLevel=4 -jar");
    }

    private static final String CLIENT = "dev.sheaf.cli.resident.ResidentClient";

    @Test
    void with_a_resident_process_builds_and_checks_go_through_the_client_with_the_users_options_for_the_process()
            throws Exception {
        Map<String, String> on = Map.of("SHEAF_RESIDENT", "on", "SHEAF_OPTS", "-Xmx3g -Dx=y");
        String build = run(small, on, "build", "--out", "o", "-f", "epub");
        assertThat(build.lines()).hasSize(1);
        assertThat(build).startsWith(C1 + " -XX:+UseSerialGC -Dsheaf.resident.java=" + tmp.resolve("jdk/bin/java"))
                .contains(" -Dsheaf.resident.options=")
                .contains(" -Dsheaf.resident.jar=" + home.resolve("lib/sheaf.jar") + " -Dsheaf.resident.terminal=false ")
                .endsWith(" -cp " + home.resolve("lib/sheaf.jar") + " " + CLIENT + " build --out o -f epub");
        assertThat(build.substring(0, build.indexOf("-Dsheaf.resident.options="))).as("the client's own options")
                .doesNotContain("-Xmx3g");
        assertThat(residentOptions(build)).as("a small book's process: the first tier only")
                .containsExactly(C1, "-Xmx3g", "-Dx=y");
        String largeCheck = run(tmp, on, "check", large.toString());
        assertThat(largeCheck).contains(CLIENT + " check " + large).doesNotContain("-jar");
        assertThat(residentOptions(largeCheck)).as("a large book's process keeps the default JIT")
                .containsExactly("-Xmx3g", "-Dx=y");
        assertThat(residentOptions(run(small, Map.of("SHEAF_RESIDENT", "on", "SHEAF_SMALL_BOOK", "0"), "check")))
                .isEmpty();
        // On two processors a check runs on the first tier in its own JVM whatever the book's size, a build of every
        // edition only for a small book; the process is the folder's, one for both.
        Map<String, String> two = Map.of("SHEAF_RESIDENT", "on", "TEST_PROCESSORS", "2");
        assertThat(residentOptions(run(small, two, "check"))).containsExactly(C1);
        assertThat(residentOptions(run(small, two, "build"))).containsExactly(C1);
        assertThat(residentOptions(run(tmp, two, "check", large.toString()))).isEmpty();
        // Few pieces but much text (over 100 KB of Markdown): the process keeps the default JIT, its own JVM does not.
        Files.writeString(small.resolve("chapters/one/long.md"), "---\ntitle: L\ndate: \"2020\"\n---\n"
                + "A long paragraph of text. ".repeat(4000) + "\n");
        assertThat(residentOptions(run(small, on, "build"))).containsExactly("-Xmx3g", "-Dx=y");
        assertThat(run(small, Map.of("SHEAF_RESIDENT", "off"), "build")).startsWith(C1);
        assertThat(run(tmp, on, "build", "-q", large.toString(), "--", "-w")).contains(CLIENT);
    }

    /** The options the launcher hands to the resident process, as the client reads them (words). */
    private static List<String> residentOptions(String line) {
        int from = line.indexOf("-Dsheaf.resident.options=") + "-Dsheaf.resident.options=".length();
        String value = line.substring(from, line.indexOf(" -Dsheaf.resident.jar=", from));
        return value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    @Test
    void without_a_resident_process_or_when_it_cannot_serve_the_command_runs_in_its_own_jvm() throws Exception {
        Map<String, String> on = Map.of("SHEAF_RESIDENT", "on");
        for (List<String> args : List.of(List.of("build", "--watch"), List.of("build", "-qw"), List.of("serve"),
                List.of("new", "x"), List.of("resident", "--stop"), List.of("--version"), List.of("import", "a.docx"))) {
            assertThat(run(small, on, args.toArray(String[]::new))).as(args.toString()).doesNotContain(CLIENT);
        }
        assertThat(run(small, Map.of("SHEAF_RESIDENT", "off"), "build")).doesNotContain(CLIENT);
        assertThat(run(small, Map.of(), "build")).as("not on a terminal").doesNotContain(CLIENT);
        List<String> twice = run(small, Map.of("SHEAF_RESIDENT", "on", "TEST_NOT_SERVED", "1"), "check").lines().toList();
        assertThat(twice).hasSize(2);
        assertThat(twice.get(0)).endsWith(CLIENT + " check");
        assertThat(twice.get(1)).isEqualTo(C1 + " -jar " + home.resolve("lib/sheaf.jar") + " check");
    }

    @Test
    void the_resident_process_gets_the_class_data_options_apart_and_the_client_only_reads_the_archive()
            throws Exception {
        Map<String, String> cds = new HashMap<>(Map.of("SHEAF_RESIDENT", "on", "SHEAF_CDS", "on"));
        Path jsa = home.resolve("lib/sheaf.jsa");
        String first = run(small, cds, "build");
        assertThat(first).contains("-Dsheaf.resident.cds=-XX:ArchiveClassesAtExit=" + jsa + " ")
                .startsWith(C1 + " -XX:+UseSerialGC");
        Files.writeString(jsa, "");
        String later = run(small, cds, "build");
        assertThat(later).startsWith("-XX:SharedArchiveFile=" + jsa + " -Xshare:auto")
                .contains("-Dsheaf.resident.cds=-XX:SharedArchiveFile=" + jsa + " -Xshare:auto")
                .doesNotContain("ArchiveClassesAtExit");
    }

    @Test
    void both_launchers_know_the_options_that_take_a_value_and_choose_the_same_jvm_options() throws Exception {
        String sh = Files.readString(Path.of("src/main/dist/bin/sheaf"));
        String bat = Files.readString(Path.of("src/main/dist/bin/sheaf.bat"));
        // what build and check take a value for, from the commands themselves: a launcher that missed one would
        // take the value (an output folder, a style) for the book's folder
        Set<String> takingValue = new TreeSet<>();
        for (String command : List.of("build", "check")) {
            Main.commandLine(command).getSubcommands().get(command).getCommandSpec().options().stream()
                    .filter(o -> o.arity().max() > 0)
                    .forEach(o -> takingValue.addAll(List.of(o.names())));
        }
        assertThat(takingValue).contains("--out", "--format", "--citation-style", "--diagnostics");
        assertThat(names(sh, "\\n\\s*(-o\\|[^)\\n]*)\\)", "\\|")).isEqualTo(takingValue);
        assertThat(names(bat, "for %%o in \\(([^)]*)\\)", " ")).isEqualTo(takingValue);
        // --watch and -w, also among other short options, on both
        assertThat(sh).contains("-w|--watch|-[!-]*w*) return 1");
        assertThat(bat).contains("if \"%ARG%\"==\"--watch\" exit /b 1").contains("if not \"%ARG:w=%\"==\"%ARG%\" exit /b 1");
        for (String launcher : List.of(sh, bat)) {
            assertThat(launcher).contains("SHEAF_SMALL_BOOK", C1, "300", "SHEAF_CDS", "-XX:ArchiveClassesAtExit=",
                    "-Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off", "chapters", ".md");
        }
        // two processors: the same formats count as without print editions in both
        assertThat(sh).contains("getconf _NPROCESSORS_ONLN").contains("[12]) without_print && return 0")
                .contains("grep -qvxE 'epub|site|citations'");
        assertThat(bat).contains("if %NUMBER_OF_PROCESSORS% leq 2 call :withoutPrint && exit /b 0")
                .contains("%REST:,epub,=,%", "%REST:,site,=,%", "%REST:,citations,=,%");
        assertThat(sh).contains("$CDS_OPTS $JIT_OPTS $JAVA_OPTS $SHEAF_OPTS -jar");
        assertThat(bat).contains("%CDS_OPTS% %JIT_OPTS% %JAVA_OPTS% %SHEAF_OPTS% -jar");
        assertThat(bat).as("CRLF throughout").doesNotContainPattern("[^\\r]\\n");
    }

    private static Set<String> names(String launcher, String pattern, String separator) {
        Matcher m = Pattern.compile(pattern).matcher(launcher);
        assertThat(m.find()).as(pattern).isTrue();
        return new TreeSet<>(List.of(m.group(1).trim().split(separator)));
    }
}
