package dev.sheaf.cli.resident;

import dev.sheaf.cli.ConsoleWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident process and the command that hands it a command line, over a real socket, with a stand-in for
 * {@code Main.execute}: what the command writes arrives where it was written, in order, with its exit code; a
 * process asked for another folder refuses (and the command then runs in its own JVM); it stops when asked, when
 * idle, and when its socket is taken away, removing its socket only while it is its own.
 */
class ResidentServerTest {

    @TempDir
    Path tmp;

    private final List<String[]> ran = new ArrayList<>();
    private final List<Boolean> terminals = new ArrayList<>();
    private CompletableFuture<Void> serving;
    private final CompletableFuture<Boolean> hungUp = new CompletableFuture<>();

    private Path socket() {
        return tmp.resolve("k.sock");
    }

    /** A process for folder "/book" whose command writes to both streams and exits with the number of arguments. */
    private ResidentServer start(long idleMillis) throws Exception {
        Path jar = Files.writeString(tmp.resolve("sheaf.jar"), "jar");
        ResidentServer server = new ResidentServer(socket(), jar, Path.of("/book"), (args, out, err) -> {
            ran.add(args);
            if (args.length > 0 && args[0].equals("wait-for-hang-up")) {
                long until = System.currentTimeMillis() + 20_000;
                while (!((ConsoleWriter) err).hungUp() && System.currentTimeMillis() < until) {
                    Thread.onSpinWait();
                }
                hungUp.complete(((ConsoleWriter) err).hungUp());
                return 0;
            }
            terminals.add(err instanceof ConsoleWriter t && t.onTerminal());
            out.println("out: " + String.join(" ", args));
            err.println("err: Ünïcode ✓");
            out.print("no newline");
            if (args.length > 0 && args[0].equals("throw")) {
                throw new IllegalStateException("boom");
            }
            return args.length;
        }, idleMillis, 500);
        serving = CompletableFuture.runAsync(() -> {
            try {
                server.serve();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        long deadline = System.currentTimeMillis() + 10_000;
        while (!listening() && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        return server;
    }

    /** Whether the process answers (a question, so that it does not wait for a command from this connection). */
    private boolean listening() throws IOException {
        SocketChannel c = ResidentClient.connect(socket());
        if (c == null) {
            return false;
        }
        c.close();
        ask(Wire.STATUS);
        return true;
    }

    @AfterEach
    void stop() throws Exception {
        if (serving != null && !serving.isDone()) {
            ask(Wire.STOP);
            serving.get(10, TimeUnit.SECONDS);
        }
    }

    private int run(String cwd, boolean terminal, ByteArrayOutputStream out, ByteArrayOutputStream err,
                    String... args) throws IOException {
        try (SocketChannel c = ResidentClient.connect(socket())) {
            assertThat(c).as("listening").isNotNull();
            return ResidentClient.converse(c, Path.of(cwd), args, terminal, out, err, tmp.resolve("k.log"));
        }
    }

    private String ask(byte kind) throws IOException {
        try (SocketChannel c = ResidentClient.connect(socket())) {
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(c));
            out.writeInt(Wire.MAGIC);
            out.writeByte(kind);
            out.flush();
            DataInputStream in = new DataInputStream(Channels.newInputStream(c));
            assertThat(in.readByte()).isEqualTo(Wire.ABOUT);
            return Wire.readString(in);
        }
    }

    @Test
    void relays_what_the_command_writes_and_its_exit_code() throws Exception {
        start(60_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run("/book", true, out, err, "build", ".", "--out", "a b")).isEqualTo(4);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("out: build . --out a b" + System.lineSeparator()
                + "no newline");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("err: Ünïcode ✓" + System.lineSeparator());
        assertThat(ran.get(0)).containsExactly("build", ".", "--out", "a b");

        // one command after another in the same process; the terminal flag is the command's own
        assertThat(run("/book", false, new ByteArrayOutputStream(), new ByteArrayOutputStream(), "check")).isEqualTo(1);
        assertThat(terminals).containsExactly(true, false);
        assertThat(ask(Wire.STATUS)).contains("folder /book", "commands 2", "pid " + ProcessHandle.current().pid());
    }

    @Test
    @Timeout(60)
    void a_command_that_goes_away_is_told_to_the_build_so_that_it_can_be_given_up() throws Exception {
        start(60_000);
        try (SocketChannel c = ResidentClient.connect(socket())) {
            new Wire.Command("/book", new String[] {"wait-for-hang-up"}, true)
                    .write(new DataOutputStream(Channels.newOutputStream(c)));
        }
        assertThat(hungUp.get(30, TimeUnit.SECONDS)).isTrue();
        // and the next command is served
        assertThat(run("/book", false, new ByteArrayOutputStream(), new ByteArrayOutputStream(), "a")).isEqualTo(1);
    }

    @Test
    void what_escapes_the_command_is_a_sentence_and_exit_code_1() throws Exception {
        start(60_000);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run("/book", false, new ByteArrayOutputStream(), err, "throw")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("sheaf: internal error: java.lang.IllegalStateException: boom");
        // and the process still serves
        assertThat(run("/book", false, new ByteArrayOutputStream(), new ByteArrayOutputStream(), "a", "b")).isEqualTo(2);
    }

    @Test
    void refuses_another_folder_so_that_the_command_runs_in_its_own_jvm() throws Exception {
        start(60_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(run("/elsewhere", false, out, new ByteArrayOutputStream(), "build")).isEqualTo(ResidentClient.NOT_SERVED);
        assertThat(out.size()).isZero();
        assertThat(ran).isEmpty();
    }

    @Test
    void stops_when_asked_and_removes_its_socket() throws Exception {
        start(60_000);
        Files.writeString(tmp.resolve("k.log"), "");
        Files.writeString(tmp.resolve("k.lock"), "");
        assertThat(ask(Wire.STOP)).contains("stopping");
        serving.get(10, TimeUnit.SECONDS);
        assertThat(socket()).doesNotExist();
        assertThat(tmp.resolve("k.log")).doesNotExist();
        assertThat(tmp.resolve("k.lock")).doesNotExist();
        assertThat(ResidentClient.connect(socket())).isNull();
    }

    @Test
    void stops_when_idle() throws Exception {
        start(300);
        serving.get(20, TimeUnit.SECONDS);
        assertThat(socket()).doesNotExist();
    }

    @Test
    void stops_when_its_socket_is_taken_and_leaves_the_new_one_alone() throws Exception {
        start(60_000);
        Files.delete(socket());
        try (ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            other.bind(UnixDomainSocketAddress.of(socket()));
            serving.get(20, TimeUnit.SECONDS);
            assertThat(socket()).as("the other process's socket").exists();
        }
    }

    @Test
    void a_process_that_dies_mid_command_is_told_and_one_that_dies_before_is_not_served() throws Exception {
        try (ServerSocketChannel fake = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            fake.bind(UnixDomainSocketAddress.of(socket()));
            CompletableFuture<Void> dying = CompletableFuture.runAsync(() -> {
                try (SocketChannel c = fake.accept()) {
                    new DataInputStream(Channels.newInputStream(c)).readInt();
                    DataOutputStream out = new DataOutputStream(Channels.newOutputStream(c));
                    out.writeByte(Wire.ERR);
                    byte[] b = "reading pieces\n".getBytes(StandardCharsets.UTF_8);
                    out.writeInt(b.length);
                    out.write(b);
                    out.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertThat(run("/book", false, new ByteArrayOutputStream(), err, "build")).isEqualTo(1);
            dying.get(10, TimeUnit.SECONDS);
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("reading pieces\n")
                    .contains("the resident build process stopped before the command ended", "k.log");

            CompletableFuture<Void> dead = CompletableFuture.runAsync(() -> {
                try (SocketChannel c = fake.accept()) {
                    c.shutdownOutput();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            ByteArrayOutputStream nothing = new ByteArrayOutputStream();
            assertThat(run("/book", false, nothing, nothing, "build")).isEqualTo(ResidentClient.NOT_SERVED);
            dead.get(10, TimeUnit.SECONDS);
            assertThat(nothing.size()).isZero();
        }
    }

    @Test
    @Timeout(60)
    void a_connection_that_says_nothing_is_closed_and_does_not_hold_up_the_next() throws Exception {
        start(60_000);
        try (SocketChannel silent = ResidentClient.connect(socket())) {
            assertThat(silent).isNotNull();
            assertThat(run("/book", false, new ByteArrayOutputStream(), new ByteArrayOutputStream(), "x")).isEqualTo(1);
        }
    }

    @Test
    void a_request_of_another_version_is_refused() throws Exception {
        start(60_000);
        try (SocketChannel c = ResidentClient.connect(socket())) {
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(c));
            out.writeInt(Wire.MAGIC + 1);
            out.flush();
            DataInputStream in = new DataInputStream(Channels.newInputStream(c));
            assertThat(in.readByte()).isEqualTo(Wire.REFUSED);
        }
        assertThat(Arrays.asList(ran.toArray())).isEmpty();
    }
}
