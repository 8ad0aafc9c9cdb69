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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher's choice of JVM options ({@code src/main/dist/bin/sheaf}): the JIT's first tier only for a check or
 * a single build of a small book, the default for anything else. A stand-in {@code java} prints its arguments.
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
        Files.writeString(java, "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
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
    void the_limit_can_be_moved_or_turned_off_and_the_users_options_come_last() throws Exception {
        assertThat(run(tmp, Map.of("SHEAF_SMALL_BOOK", "0"), "check", small.toString())).doesNotContain(C1);
        assertThat(run(tmp, Map.of("SHEAF_SMALL_BOOK", "400"), "check", large.toString())).startsWith(C1);
        assertThat(run(tmp, Map.of("SHEAF_SMALL_BOOK", "10"), "check", small.toString())).doesNotContain(C1);
        assertThat(run(tmp, Map.of("SHEAF_OPTS", "-XX:TieredStopAtLevel=4"), "check", small.toString()))
                .startsWith(C1 + " -XX:TieredStopAtLevel=4 -jar");
    }
}
