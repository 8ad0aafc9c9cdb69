package dev.sheaf.cli.resident;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a command and a resident process say to each other over the socket. The command sends one request (a
 * command line to run, or a question about the process, or an order to stop); the process answers with frames:
 * bytes for standard output or standard error as the command writes them, then the exit code. A process that
 * cannot run the command (another folder, a replaced jar) refuses it, and the command runs in its own JVM instead.
 */
final class Wire {

    /** "SHR" and the protocol's version: a process of another version refuses, as it cannot read the request. */
    static final int MAGIC = 0x53485201;

    static final byte RUN = 1;
    static final byte STATUS = 2;
    static final byte STOP = 3;

    static final byte OUT = 1;
    static final byte ERR = 2;
    static final byte EXIT = 3;
    static final byte REFUSED = 4;
    static final byte ABOUT = 5;

    private Wire() {
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 24) {
            throw new IOException("not a Sheaf request");
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    /** A command line to run, in the folder it was typed in, and whether it runs on a terminal. */
    record Command(String cwd, String[] args, boolean terminal) {

        /** Sends it as a {@link #RUN} request. */
        void write(DataOutputStream out) throws IOException {
            out.writeInt(MAGIC);
            out.writeByte(RUN);
            writeString(out, cwd);
            out.writeInt(args.length);
            for (String a : args) {
                writeString(out, a);
            }
            out.writeBoolean(terminal);
            out.flush();
        }

        /** Reads what follows the {@link #RUN} of a request. */
        static Command read(DataInputStream in) throws IOException {
            String cwd = readString(in);
            String[] args = new String[in.readInt()];
            for (int i = 0; i < args.length; i++) {
                args[i] = readString(in);
            }
            return new Command(cwd, args, in.readBoolean());
        }
    }

    /** A command's standard output or error, sent as frames of one kind as it flushes. */
    static final class FrameStream extends OutputStream {
        private final DataOutputStream wire;
        private final byte kind;

        FrameStream(DataOutputStream wire, byte kind) {
            this.wire = wire;
            this.kind = kind;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            // Output and error come from different threads (a progress line beside a report): one frame at a time.
            synchronized (wire) {
                wire.writeByte(kind);
                wire.writeInt(len);
                wire.write(b, off, len);
                wire.flush();
            }
        }
    }
}
