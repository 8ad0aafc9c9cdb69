package dev.sheaf;

import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static dev.sheaf.testing.TestBooks.piece;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The distribution archive as a user gets it: unpacked, {@code bin/sheaf} run with nothing but a Java
 * runtime on the PATH (no JAVA_HOME, no Maven, no coreutils).
 */
class DistributionIT {

    static final Path ZIP = Path.of(System.getProperty("sheaf.distribution", "target/sheaf.zip"));

    @TempDir
    static Path dir;

    static Path home;
    static Map<String, Integer> modes;

    @BeforeAll
    static void unpack() throws IOException {
        assertThat(ZIP).exists();
        modes = unixModes(ZIP);
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                Path target = dir.resolve("unpacked").resolve(e.getName()).normalize();
                assertThat(target.startsWith(dir.resolve("unpacked"))).as(e.getName()).isTrue();
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, target);
                }
                // As unzip does: the archive's Unix mode bits, so bin/sheaf is executable.
                if ((modes.getOrDefault(e.getName(), 0) & 0100) != 0) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        String top = ZIP.getFileName().toString().replaceFirst("\\.zip$", "");
        home = dir.resolve("unpacked").resolve(top);
    }

    @org.junit.jupiter.api.AfterAll
    static void removeJavaLink() throws IOException {
        Files.deleteIfExists(dir.resolve("jre-bin/java"));
    }

    @Test
    void holds_launchers_jar_completions_and_manual_pages() {
        String top = home.getFileName() + "/";
        assertThat(modes).containsKeys(top + "bin/sheaf", top + "bin/sheaf.bat", top + "lib/sheaf.jar",
                top + "completion/sheaf.bash", top + "completion/sheaf.zsh", top + "man/man1/sheaf.1",
                top + "man/man1/sheaf-build.1", top + "man/man1/sheaf-check.1", top + "README.md",
                top + "schema/book.schema.json", top + "schema/piece.schema.json", top + "schema/index.schema.json");
        assertThat(modes.get(top + "bin/sheaf") & 0777).isEqualTo(0755);
        assertThat(modes.get(top + "bin/sheaf.bat") & 0111).isZero();
    }

    @Test
    void picoclis_classes_are_compiled_for_java_17() throws IOException {
        // Java 17's class-data sharing leaves out classes older than Java 6, as Maven Central's picocli jars are;
        // the build compiles picocli from its sources jar instead (pom.xml, execution picocli-classes).
        List<String> other = new ArrayList<>();
        int picocli = 0;
        try (ZipFile jar = new ZipFile(home.resolve("lib/sheaf.jar").toFile())) {
            for (ZipEntry e : java.util.Collections.list(jar.entries())) {
                if (!e.getName().startsWith("picocli/") || !e.getName().endsWith(".class")) {
                    continue;
                }
                byte[] head = new byte[8];
                try (InputStream in = jar.getInputStream(e)) {
                    assertThat(in.readNBytes(head, 0, 8)).isEqualTo(8);
                }
                int major = ((head[6] & 0xff) << 8) | (head[7] & 0xff);
                if (major != 61) {
                    other.add(e.getName() + " (class-file version " + major + ")");
                }
                picocli++;
            }
        }
        assertThat(picocli).isGreaterThan(100);
        assertThat(other).isEmpty();
    }

    @Test
    void runs_help_version_and_a_build_with_only_java_on_the_path() throws Exception {
        Result help = sheaf(onlyJava(), "--help");
        assertThat(help.code).as(help.output).isZero();
        assertThat(help.output).contains("Usage: sheaf", "build", "check", "new", "serve");

        Result version = sheaf(onlyJava(), "--version");
        assertThat(version.output).matches("(?s)sheaf \\d+\\.\\d+\\.\\d+\\S* .*");

        Path book = dir.resolve("book");
        TestBooks.minimal(book, "chapters/one/p.md", piece("title: P\ndate: 2020-01-02", "Text."));
        Result build = sheaf(onlyJava(), "build", book.toString(), "--out", dir.resolve("out").toString(),
                "--format", "epub");
        assertThat(build.code).as(build.output).isZero();
        assertThat(build.output).contains("sheaf: built 1 file (epub)")
                .as("the launcher without find, head and wc").doesNotContain("not found", "Illegal number");
        assertThat(dir.resolve("out/test-book.epub")).isNotEmptyFile();
    }

    @Test
    void first_build_makes_the_class_data_archive_and_later_builds_use_it_with_the_same_output() throws Exception {
        Path archive = home.resolve("lib/sheaf.jsa");
        Files.deleteIfExists(archive);
        Path book = dir.resolve("cds-book");
        TestBooks.minimal(book, "chapters/one/p.md", piece("title: P\ndate: 2020-01-02", "Text with *emphasis*."));

        Result first = sheaf(onlyJava(), "build", book.toString(), "--out", dir.resolve("cds-1").toString());
        assertThat(first.code).as(first.output).isZero();
        assertThat(first.output).doesNotContain("warning][cds", "shared archive");
        assertThat(archive).isNotEmptyFile();

        // -Xshare:on makes the JVM refuse to start when it cannot map the archive, so this proves it is used.
        Map<String, String> shared = onlyJava();
        shared.put("SHEAF_OPTS", "-Xshare:on");
        Result second = sheaf(shared, "build", book.toString(), "--out", dir.resolve("cds-2").toString());
        assertThat(second.code).as(second.output).isZero();

        Map<String, String> off = onlyJava();
        off.put("SHEAF_CDS", "off");
        Result cold = sheaf(off, "build", book.toString(), "--out", dir.resolve("cds-3").toString());
        assertThat(cold.code).as(cold.output).isZero();

        for (String file : List.of("test-book.epub", "test-book.pdf", "site/index.html")) {
            byte[] made = Files.readAllBytes(dir.resolve("cds-1").resolve(file));
            assertThat(Files.readAllBytes(dir.resolve("cds-2").resolve(file))).as(file).isEqualTo(made);
            assertThat(Files.readAllBytes(dir.resolve("cds-3").resolve(file))).as(file).isEqualTo(made);
        }
    }

    @Test
    void a_resident_process_serves_builds_and_checks_with_the_same_editions_messages_and_exit_codes() throws Exception {
        Path runtime = Files.createDirectories(dir.resolve("runtime"));
        Path book = dir.resolve("resident-book");
        TestBooks.minimal(book, "chapters/one/p.md", piece("title: P\ndate: 2020-01-02", "Text with *emphasis*."),
                "chapters/two/q.md", piece("title: Q\ndate: 2021-03-04", "More [text](https://example.org/)."));
        Path bad = dir.resolve("resident-bad");
        TestBooks.minimal(bad, "chapters/one/p.md", piece("title: P\ndate: not a date", "See [x](missing.md)."));
        Map<String, String> on = onlyJava();
        on.put("SHEAF_RESIDENT", "on");
        on.put("XDG_RUNTIME_DIR", runtime.toString());
        Map<String, String> off = onlyJava();
        off.put("SHEAF_RESIDENT", "off");
        long pid = -1;
        try {
            Result first = sheaf(on, "build", book.toString(), "--out", dir.resolve("res-1").toString());
            assertThat(first.code).as(first.output).isZero();
            Result status = sheaf(on, "resident");
            assertThat(status.output).contains("folder " + dir.toRealPath(), "commands 1");
            pid = Long.parseLong(status.output.replaceFirst("(?s).*\\bpid (\\d+).*", "$1"));

            Result second = sheaf(on, "build", book.toString(), "--out", dir.resolve("res-2").toString());
            assertThat(second.code).as(second.output).isZero();
            assertThat(second.output).contains("sheaf: built");
            Result own = sheaf(off, "build", book.toString(), "--out", dir.resolve("res-3").toString());
            assertThat(own.code).as(own.output).isZero();
            for (String file : List.of("test-book.epub", "test-book.pdf", "site/index.html", "test-book.bib")) {
                byte[] made = Files.readAllBytes(dir.resolve("res-3").resolve(file));
                assertThat(Files.readAllBytes(dir.resolve("res-1").resolve(file))).as(file).isEqualTo(made);
                assertThat(Files.readAllBytes(dir.resolve("res-2").resolve(file))).as(file).isEqualTo(made);
            }
            // errors, usage errors and a check: the same words and exit codes as in a JVM of their own
            for (List<String> args : List.of(List.of("check", bad.toString()), List.of("check", book.toString()),
                    List.of("build", bad.toString(), "--out", dir.resolve("res-bad").toString()),
                    List.of("build", book.toString(), "--no-such-option"), List.of("build", "--format", "nope"))) {
                Result served = sheaf(on, args.toArray(String[]::new));
                Result alone = sheaf(off, args.toArray(String[]::new));
                assertThat(served).as(args.toString()).isEqualTo(alone);
            }
            if (Files.exists(dir.resolve("res-bad"))) {
                assertThat(dir.resolve("res-bad")).as("no edition written").isEmptyDirectory();
            }
            assertThat(sheaf(on, "resident").output).contains("pid " + pid, "commands 7");
        } finally {
            Result stop = sheaf(on, "resident", "--stop");
            assertThat(stop.code).as(stop.output).isZero();
            if (pid > 0) {
                // it may write the class-data archive on its way out: the other tests must not see that half done
                ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(60, TimeUnit.SECONDS).join());
            }
        }
        assertThat(stopSaid(on)).isEqualTo("no resident build process is running");
        try (var left = Files.list(runtime.resolve("sheaf"))) {
            assertThat(left.filter(p -> p.toString().endsWith(".sock")).toList()).isEmpty();
        }
    }

    @Test
    void a_build_stopped_by_a_signal_leaves_the_output_folder_as_it_was() throws Exception {
        Path book = dir.resolve("stopped-book");
        List<String> pieces = new ArrayList<>();
        String paragraph = "A paragraph of an op-ed about the region, long enough to be laid out over a few lines. ";
        for (int i = 0; i < 300; i++) {
            pieces.add("chapters/c" + (i % 6) + "/p" + i + ".md");
            pieces.add(piece("title: Piece " + i + "\ndate: 2020-01-" + (10 + i % 18), (paragraph.repeat(12) + "\n\n")
                    .repeat(4)));
        }
        TestBooks.minimal(book, pieces.toArray(String[]::new));
        Path out = dir.resolve("stopped-out");
        Map<String, String> env = onlyJava();
        env.put("SHEAF_RESIDENT", "off");
        List<String> cmd = List.of(home.resolve("bin/sheaf").toString(), "build", book.toString(), "--out", out.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("stopped.log").toFile())
                .directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        long deadline = System.currentTimeMillis() + 120_000;
        while (staging(out).isEmpty() && p.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(p.isAlive()).as("the build was still running when its staging folder appeared").isTrue();
        p.destroy(); // SIGTERM, as Ctrl+C's SIGINT ends the JVM: through its shutdown hooks
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("stopped.log"))).isNotZero();
        assertThat(staging(out)).as("staging folders left").isEmpty();
        assertThat(out).as("the output folder, which the build made").doesNotExist();
    }

    private static List<Path> staging(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (var s = Files.list(out)) {
            return s.filter(f -> f.getFileName().toString().startsWith(".sheaf-staging")).toList();
        }
    }

    private static String stopSaid(Map<String, String> env) throws Exception {
        return sheaf(env, "resident").output.strip();
    }

    @Test
    void says_what_to_do_when_there_is_no_java() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", dir.resolve("empty").toString());
        Result r = sheaf(env, "--help");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.output).contains("no java found");
        env.put("JAVA_HOME", dir.resolve("no-such-jdk").toString());
        r = sheaf(env, "--help");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.output).contains("JAVA_HOME is set to");
    }

    @Test
    void completion_script_loads_in_bash() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
        Process p = new ProcessBuilder("/bin/bash", "-c",
                "source '" + home.resolve("completion/sheaf.bash") + "' && complete -p sheaf")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("_complete_sheaf");
    }

    /** A PATH holding one folder with a link to this JVM's java, and nothing else. */
    private static Map<String, String> onlyJava() throws IOException {
        Path bin = dir.resolve("jre-bin");
        if (!Files.exists(bin.resolve("java"))) {
            Files.createDirectories(bin);
            Files.createSymbolicLink(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        }
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin.toString());
        return env;
    }

    record Result(int code, String output) { }

    private static Result sheaf(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/sheaf").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    /** Unix permission bits of each entry, from the zip's central directory (java.util.zip hides them). */
    static Map<String, Integer> unixModes(Path zip) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(zip)).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = b.limit() - 22;
        while (eocd >= 0 && b.getInt(eocd) != 0x06054b50) {
            eocd--;
        }
        assertThat(eocd).as("end of central directory").isNotNegative();
        int entries = Short.toUnsignedInt(b.getShort(eocd + 10));
        int at = b.getInt(eocd + 16);
        Map<String, Integer> modes = new HashMap<>();
        for (int i = 0; i < entries; i++) {
            assertThat(b.getInt(at)).isEqualTo(0x02014b50);
            int nameLength = Short.toUnsignedInt(b.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(b.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(b.getShort(at + 32));
            int external = b.getInt(at + 38);
            byte[] name = new byte[nameLength];
            b.get(at + 46, name);
            modes.put(new String(name, StandardCharsets.UTF_8), (external >>> 16) & 07777);
            at += 46 + nameLength + extraLength + commentLength;
        }
        return modes;
    }
}
