package dev.sheaf.cli.resident;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * This user's resident build processes, for {@code sheaf resident}: what each says about itself, and an order to
 * stop. A socket that nobody listens on any more (its process was killed) is removed on the way, with its lock and
 * log.
 */
public final class ResidentProcesses {

    private ResidentProcesses() {
    }

    /** What each process says about itself (folder, pid, commands run…), asking each to stop when {@code stop}. */
    public static List<String> ask(boolean stop) throws IOException {
        Optional<ResidentFolder> folder = ResidentFolder.open();
        List<String> said = new ArrayList<>();
        if (folder.isEmpty()) {
            return said;
        }
        for (Path socket : folder.get().sockets()) {
            SocketChannel c = ResidentClient.connect(socket);
            if (c == null) {
                String key = ResidentFolder.keyOf(socket);
                Files.deleteIfExists(socket);
                Files.deleteIfExists(folder.get().lock(key));
                Files.deleteIfExists(folder.get().log(key));
                continue;
            }
            try (c) {
                DataOutputStream out = new DataOutputStream(Channels.newOutputStream(c));
                out.writeInt(Wire.MAGIC);
                out.writeByte(stop ? Wire.STOP : Wire.STATUS);
                out.flush();
                DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(c)));
                byte kind = in.readByte();
                String text = Wire.readString(in);
                said.add(kind == Wire.ABOUT ? text : "socket " + socket + "\nrefused: " + text);
            } catch (IOException e) {
                said.add("socket " + socket + "\nno answer: " + e.getMessage());
            }
        }
        return said;
    }
}
