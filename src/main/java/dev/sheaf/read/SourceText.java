package dev.sheaf.read;

import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.SourceRef;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a source file as text the way every reader wants it: strict UTF-8 (an error with the byte
 * offset otherwise), without a byte-order mark, with {@code \n} line ends.
 */
public final class SourceText {

    private SourceText() { }

    /** Sources larger than this are refused; the longest real piece is a few hundred kilobytes. */
    static final long MAX_BYTES = 64L << 20;

    /** The file's text, or empty with the problem reported at {@code where} (IO-001, IO-002 with the place). */
    public static Optional<String> read(Path file, SourceRef where, Diagnostics diags) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                diags.report(MessageId.IO_001, where, "it is larger than " + (MAX_BYTES >> 20) + " MB");
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            diags.report(MessageId.IO_001, where, e.getClass().getSimpleName() + ": " + e.getMessage());
            return Optional.empty();
        }
        return decode(bytes, where, diags);
    }

    static Optional<String> decode(byte[] bytes, SourceRef where, Diagnostics diags) {
        // The JDK's own decoding is several times faster than a CharsetDecoder, but replaces malformed input
        // with U+FFFD: only text that then holds U+FFFD (malformed, or a real U+FFFD) is decoded strictly.
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return Optional.of(normalise(fast));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            diags.report(MessageId.IO_002, where.at(line, offset - lineStart + 1), offset);
            return Optional.empty();
        }
        out.flip();
        return Optional.of(normalise(out.toString()));
    }

    /** Drops a byte-order mark and turns CRLF and CR line ends into LF. */
    static String normalise(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (s.indexOf('\r') >= 0) {
            s = s.replace("\r\n", "\n").replace('\r', '\n');
        }
        return s;
    }
}
