package dev.sheaf.cli.resident;

import dev.sheaf.cli.Main;
import dev.sheaf.cli.ConsoleWriter;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A resident build process: listens on a socket in the {@link ResidentFolder} and runs the command lines it is
 * handed, one at a time, as {@code sheaf} would in a JVM of its own ({@link Main#execute}), sending back what they
 * write and their exit codes. It keeps nothing of a book between commands but what the JVM keeps anyway (compiled
 * code, loaded classes, and what Sheaf makes once per JVM, such as fonts' metrics); each build reads its sources
 * and its build cache afresh, so its editions are byte for byte those of a cold build.
 *
 * <p>It stops after {@value #IDLE_MINUTES} minutes without a command, when asked to ({@code sheaf resident --stop}),
 * when its jar changes (a new version is installed: commands then start a new process) and when its socket is
 * removed or taken over.
 */
public final class ResidentServer {

    /** Idle minutes before the process stops. */
    public static final int IDLE_MINUTES = 15;

    /** How long a connection has to send its request. */
    static final long REQUEST_MILLIS = 10_000;

    /** Idle time after a command before memory is given back ({@link IdleMemory}). */
    private static final long COLLECT_AFTER_MILLIS = 10_000;

    /** Runs one command line: {@link Main#execute} here, a stand-in in tests. */
    interface Runner {
        int run(String[] args, PrintWriter out, PrintWriter err);
    }

    private final Path socket;
    private final Path jar;
    private final Path cwd;
    private final Runner runner;
    private final long idleMillis;
    private final long requestMillis;
    private final Instant started = Instant.now();
    private final JarStamp stamp;
    private long lastUsed = System.currentTimeMillis();
    private boolean collected = true;
    private int commands;
    private boolean stopping;

    ResidentServer(Path socket, Path jar, Path cwd, Runner runner, long idleMillis, long requestMillis)
            throws IOException {
        this.socket = socket;
        this.jar = jar;
        this.cwd = cwd;
        this.runner = runner;
        this.idleMillis = idleMillis;
        this.requestMillis = requestMillis;
        this.stamp = JarStamp.of(jar);
    }

    /** {@code ResidentServer SOCKET JAR}: started by {@link ResidentClient} in the folder it serves. */
    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        ResidentServer server = new ResidentServer(Path.of(args[0]), Path.of(args[1]),
                Path.of("").toAbsolutePath().toRealPath(), Main::execute, IDLE_MINUTES * 60_000L, REQUEST_MILLIS);
        server.serve();
        System.exit(0);
    }

    /** Listens until it is time to stop; then removes its socket, if it is still its own. */
    void serve() throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            Files.deleteIfExists(socket);
            server.bind(UnixDomainSocketAddress.of(socket));
            Object mine = fileKey(socket);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            while (!stopping) {
                long now = System.currentTimeMillis();
                long wait = collected ? lastUsed + idleMillis - now : lastUsed + COLLECT_AFTER_MILLIS - now;
                if (selector.select(Math.max(1, Math.min(wait, 2_000))) > 0) {
                    selector.selectedKeys().clear();
                    SocketChannel c = server.accept();
                    if (c != null) {
                        try (c) {
                            c.configureBlocking(true);
                            // a connection that says nothing (a probe, a stuck command) must not hold up the next
                            CompletableFuture<Void> heard = new CompletableFuture<>();
                            CompletableFuture.delayedExecutor(requestMillis, TimeUnit.MILLISECONDS).execute(() -> {
                                if (!heard.isDone()) {
                                    ResidentClient.closeQuietly(c);
                                }
                            });
                            answer(c, heard);
                        } catch (IOException e) {
                            // the command went away (Ctrl+C): its build has ended; nothing to tell anyone
                        }
                        lastUsed = System.currentTimeMillis();
                    }
                    continue;
                }
                now = System.currentTimeMillis();
                if (!collected && now - lastUsed >= COLLECT_AFTER_MILLIS) {
                    IdleMemory.release();
                    collected = true;
                }
                stopping |= now - lastUsed >= idleMillis || !Objects.equals(fileKey(socket), mine)
                        || !stamp.equals(JarStamp.of(jar));
            }
            if (Objects.equals(fileKey(socket), mine)) {
                // its log and lock too: a process for the same key that starts later makes them again
                String key = ResidentFolder.keyOf(socket);
                Files.deleteIfExists(socket);
                Files.deleteIfExists(socket.resolveSibling(key + ResidentFolder.LOG));
                Files.deleteIfExists(socket.resolveSibling(key + ResidentFolder.LOCK));
            }
        }
    }

    /** Reads one request and answers it. */
    private void answer(SocketChannel c, CompletableFuture<Void> heard) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(c)));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(c)));
        if (in.readInt() != Wire.MAGIC) {
            refuse(out, "another version of Sheaf");
            return;
        }
        byte kind = in.readByte();
        Wire.Command command = kind == Wire.RUN ? Wire.Command.read(in) : null;
        heard.complete(null);
        switch (kind) {
            case Wire.RUN -> run(c, command, out);
            case Wire.STATUS -> about(out);
            case Wire.STOP -> {
                stopping = true;
                about(out);
            }
            default -> refuse(out, "unknown request");
        }
    }

    private void run(SocketChannel c, Wire.Command command, DataOutputStream out) throws IOException {
        if (!command.cwd().equals(cwd.toString())) {
            refuse(out, "serves " + cwd);
            return;
        }
        if (!stamp.equals(JarStamp.of(jar))) {
            stopping = true;
            refuse(out, "its jar has changed");
            return;
        }
        AtomicBoolean hungUp = new AtomicBoolean();
        Thread listening = new Thread(() -> {
            // The command sends nothing after its request: the end of its stream means it has gone (Ctrl+C). Read
            // from the channel itself: its streams take one lock for both directions, and this read blocks.
            ByteBuffer any = ByteBuffer.allocate(16);
            try {
                while (c.read(any.clear()) >= 0) {
                    // nothing is expected; whatever comes is ignored
                }
            } catch (IOException gone) {
                // closed: the command has gone, or it has ended and this connection is being closed
            }
            hungUp.set(true);
        }, "sheaf-resident-hang-up");
        listening.setDaemon(true);
        listening.start();
        PrintWriter o = new PrintWriter(new OutputStreamWriter(new Wire.FrameStream(out, Wire.OUT),
                StandardCharsets.UTF_8), true);
        ConsoleWriter e = new ConsoleWriter(new Wire.FrameStream(out, Wire.ERR), command.terminal(), hungUp::get);
        int code;
        try {
            code = runner.run(command.args(), o, e);
        } catch (RuntimeException | Error t) {
            // Main.execute turns what a command throws into a sentence; this is for what escapes even that
            e.println("sheaf: internal error: " + t + " \u2014 please report this with the book that caused it");
            code = Main.INPUT_ERRORS;
        }
        o.flush();
        e.flush();
        commands++;
        collected = false;
        synchronized (out) {
            out.writeByte(Wire.EXIT);
            out.writeInt(code);
            out.flush();
        }
    }

    private void about(DataOutputStream out) throws IOException {
        Runtime rt = Runtime.getRuntime();
        String text = "folder " + cwd + "\npid " + ProcessHandle.current().pid() + "\nstarted " + started
                + "\ncommands " + commands + "\nidle seconds " + (System.currentTimeMillis() - lastUsed) / 1000
                + "\nheap MB " + (rt.totalMemory() - rt.freeMemory()) / (1 << 20) + "\njar " + jar
                + (stopping ? "\nstopping" : "");
        out.writeByte(Wire.ABOUT);
        Wire.writeString(out, text);
        out.flush();
    }

    private static void refuse(DataOutputStream out, String why) throws IOException {
        out.writeByte(Wire.REFUSED);
        Wire.writeString(out, why);
        out.flush();
    }

    private static Object fileKey(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.fileKey() != null ? a.fileKey() : a.creationTime();
        } catch (IOException e) {
            return null;
        }
    }

    /** A jar as the process started with it: a new install or a rebuilt jar changes its size or time. */
    private record JarStamp(long size, long modified) {
        static JarStamp of(Path jar) {
            try {
                return new JarStamp(Files.size(jar), Files.getLastModifiedTime(jar).toMillis());
            } catch (IOException e) {
                return new JarStamp(-1, -1);
            }
        }
    }
}
