package dev.sheaf.cli.resident;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;

/**
 * The {@code sheaf build} and {@code sheaf check} of an author at a terminal, as the launcher ({@code bin/sheaf})
 * runs them: hands the command line to the resident build process of this folder, starting one when there is none,
 * and relays what it writes and its exit code. A resident process has compiled Sheaf's code already, so a small
 * book's build takes a fraction of a cold JVM's time; this class starts in a few hundredths of a second because it
 * loads next to nothing of Sheaf (no picocli, no renderer).
 *
 * <p>One resident process serves one folder, one jar, one Java and one set of JVM options, locale and time zone:
 * all of them name its socket ({@link #key}), so a command never reaches a process that would run it differently
 * from its own JVM. When nothing can serve the command (no private folder for sockets, a process that fails to
 * start or refuses), this exits with {@link #NOT_SERVED} and the launcher runs the command in a JVM of its own.
 *
 * <p>The launcher passes what a resident process is started with as system properties:
 * {@code sheaf.resident.java} (the java command), {@code sheaf.resident.options} (the user's JVM options, separated
 * by spaces as the launcher's own are), {@code sheaf.resident.cds} (the class-data sharing options: they change how
 * fast the process starts, not what it does, so they are not part of its key), {@code sheaf.resident.jar}, and
 * {@code sheaf.resident.terminal} (whether the command runs on a terminal, for the progress line).
 */
public final class ResidentClient {

    /** The exit code that asks the launcher to run the command in a JVM of its own (EX_TEMPFAIL). */
    public static final int NOT_SERVED = 75;

    /** How long a starting process may take to listen before the command runs without it. */
    private static final long START_MILLIS = 30_000;

    private final String java;
    private final List<String> cds;
    private final List<String> options;
    private final Path jar;
    private final boolean terminal;

    ResidentClient(String java, List<String> cds, List<String> options, Path jar, boolean terminal) {
        this.java = java;
        this.cds = cds;
        this.options = options;
        this.jar = jar;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        String java = System.getProperty("sheaf.resident.java", "java");
        List<String> cds = words(System.getProperty("sheaf.resident.cds", ""));
        List<String> options = words(System.getProperty("sheaf.resident.options", ""));
        String jar = System.getProperty("sheaf.resident.jar");
        int code = NOT_SERVED;
        if (jar != null) {
            OutputStream out = new FileOutputStream(FileDescriptor.out);
            OutputStream err = new FileOutputStream(FileDescriptor.err);
            code = new ResidentClient(java, cds, options, Path.of(jar),
                    Boolean.getBoolean("sheaf.resident.terminal")).run(args, out, err);
        }
        System.exit(code);
    }

    /** Runs the command line in the resident process; returns its exit code, or {@link #NOT_SERVED}. */
    int run(String[] args, OutputStream out, OutputStream err) {
        Optional<ResidentFolder> folder = ResidentFolder.open();
        if (folder.isEmpty()) {
            return NOT_SERVED;
        }
        try {
            Path cwd = Path.of("").toAbsolutePath().toRealPath();
            String key = key(cwd);
            SocketChannel channel = connect(folder.get().socket(key));
            if (channel == null) {
                channel = start(folder.get(), key, terminal && !quiet(args) ? err : null);
            }
            if (channel == null) {
                return NOT_SERVED;
            }
            try (SocketChannel c = channel) {
                return converse(c, cwd, args, terminal, out, err, folder.get().log(key));
            }
        } catch (IOException e) {
            return NOT_SERVED;
        }
    }

    /**
     * The name of the resident process that runs commands as this JVM would: everything that could make its
     * editions or its messages differ. The jar is known by path, size and time, so a rebuilt jar gets a new process
     * (the old one notices and stops).
     */
    String key(Path cwd) throws IOException {
        List<String> parts = new ArrayList<>(List.of(Integer.toHexString(Wire.MAGIC), jar.toRealPath().toString(),
                Long.toString(Files.size(jar)), Long.toString(Files.getLastModifiedTime(jar).toMillis()), java,
                String.join(" ", options), cwd.toString(), Locale.getDefault().toLanguageTag(),
                Locale.getDefault(Locale.Category.FORMAT).toLanguageTag(), TimeZone.getDefault().getID(),
                String.valueOf(System.getProperty("file.encoding")), String.valueOf(System.getProperty("sun.jnu.encoding"))));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A connection to the process listening on the socket, or null when none listens. */
    static SocketChannel connect(Path socket) {
        if (!Files.exists(socket)) {
            return null;
        }
        SocketChannel c = null;
        try {
            c = SocketChannel.open(StandardProtocolFamily.UNIX);
            c.connect(UnixDomainSocketAddress.of(socket));
            return c;
        } catch (IOException e) {
            closeQuietly(c);
            return null;
        }
    }

    /**
     * Starts the resident process for the key and waits until it listens; null when it does not. One command at a
     * time starts it (a lock beside the socket): a second command started meanwhile finds it listening.
     */
    private SocketChannel start(ResidentFolder folder, String key, OutputStream told) throws IOException {
        Path socket = folder.socket(key);
        try (FileChannel lockFile = FileChannel.open(folder.lock(key), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.lock()) {
            SocketChannel c = connect(socket);
            if (c != null) {
                return c;
            }
            // a socket left by a process that ended without removing it (killed, say)
            Files.deleteIfExists(socket);
            List<String> command = new ArrayList<>();
            // setsid: the process leaves this terminal's session, so a Ctrl+C or a closed terminal later does not
            // reach it, and it holds no terminal open
            for (String dir : List.of("/usr/bin", "/bin")) {
                if (Files.isExecutable(Path.of(dir, "setsid"))) {
                    command.add(dir + "/setsid");
                    break;
                }
            }
            command.add(java);
            command.addAll(cds);
            command.addAll(options);
            command.addAll(List.of("-cp", jar.toString(), ResidentServer.class.getName(), socket.toString(),
                    jar.toString()));
            Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(folder.log(key).toFile()).redirectErrorStream(true).start();
            if (told != null) {
                told.write(("sheaf: started a resident build process for this folder, so that the next commands "
                        + "start faster (it stops after " + ResidentServer.IDLE_MINUTES + " idle minutes; "
                        + "`sheaf resident --stop` stops it now, SHEAF_RESIDENT=off keeps commands in their own JVM)\n")
                        .getBytes(StandardCharsets.UTF_8));
                told.flush();
            }
            long deadline = System.currentTimeMillis() + START_MILLIS;
            while (System.currentTimeMillis() < deadline && p.isAlive()) {
                c = connect(socket);
                if (c != null) {
                    return c;
                }
                sleep(10);
            }
            p.destroy();
            return null;
        }
    }

    /** Sends the command line and relays the answer until the exit code. */
    static int converse(SocketChannel channel, Path cwd, String[] args, boolean terminal, OutputStream out,
                        OutputStream err, Path log) throws IOException {
        DataOutputStream request = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
        try {
            new Wire.Command(cwd.toString(), args, terminal).write(request);
        } catch (IOException e) {
            // the process went away before it heard the command: nothing ran
            return NOT_SERVED;
        }
        DataInputStream answer = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
        boolean wrote = false;
        try {
            while (true) {
                byte kind = answer.readByte();
                switch (kind) {
                    case Wire.OUT, Wire.ERR -> {
                        byte[] b = answer.readNBytes(answer.readInt());
                        OutputStream to = kind == Wire.OUT ? out : err;
                        to.write(b);
                        to.flush();
                        wrote = true;
                    }
                    case Wire.EXIT -> {
                        return answer.readInt();
                    }
                    case Wire.REFUSED -> {
                        return NOT_SERVED;
                    }
                    default -> throw new IOException("unexpected frame " + kind);
                }
            }
        } catch (EOFException | java.nio.channels.ClosedChannelException | java.net.SocketException e) {
            if (!wrote) {
                return NOT_SERVED;
            }
            // Builds are staged: a build cut short wrote no edition, so running the command again is safe.
            err.write(("sheaf: the resident build process stopped before the command ended (its log: " + log
                    + "); run the command again\n").getBytes(StandardCharsets.UTF_8));
            err.flush();
            return 1;
        }
    }

    /** Options as the launcher's shell splits them: at spaces. */
    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
    }

    /** Whether the command line asks for silence: then starting a process is not announced either. */
    private static boolean quiet(String[] args) {
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            if (a.equals("--quiet") || a.matches("-[a-zA-Z]*q[a-zA-Z]*")) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing to do: it was being given up
            }
        }
    }
}
