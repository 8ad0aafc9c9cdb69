package dev.sheaf.read;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The smallest font file {@code FontScanner} reads: a table directory with a {@code name} table (family and full
 * name, Windows platform, US English), an {@code OS/2} table (weight class and fsSelection) and a {@code head} table
 * (macStyle). No outlines: the scanner never draws.
 */
final class SyntheticFont {

    private SyntheticFont() { }

    /** @param weightClass OS/2's usWeightClass, or -1 for a font without an OS/2 table */
    static byte[] of(String family, String fullName, int weightClass, int fsSelection, int macStyle) {
        Map<String, byte[]> tables = new LinkedHashMap<>();
        if (weightClass >= 0) {
            ByteBuffer os2 = ByteBuffer.allocate(78);
            os2.putShort(4, (short) weightClass);
            os2.putShort(62, (short) fsSelection);
            tables.put("OS/2", os2.array());
        }
        ByteBuffer head = ByteBuffer.allocate(54);
        head.putInt(0, 0x00010000);
        head.putShort(44, (short) macStyle);
        tables.put("head", head.array());
        tables.put("name", name(family, fullName));

        int count = tables.size();
        int offset = 12 + 16 * count;
        ByteBuffer dir = ByteBuffer.allocate(offset);
        dir.putInt(0x00010000).putShort((short) count).putShort((short) 0).putShort((short) 0).putShort((short) 0);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> t : tables.entrySet()) {
            dir.put(t.getKey().getBytes(StandardCharsets.US_ASCII)).putInt(0).putInt(offset + body.size())
                    .putInt(t.getValue().length);
            body.writeBytes(t.getValue());
            while (body.size() % 4 != 0) {
                body.write(0);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(dir.array());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] name(String family, String fullName) {
        byte[] f = family.getBytes(StandardCharsets.UTF_16BE);
        byte[] n = fullName.getBytes(StandardCharsets.UTF_16BE);
        int strings = 6 + 12 * 2;
        ByteBuffer b = ByteBuffer.allocate(strings + f.length + n.length);
        b.putShort((short) 0).putShort((short) 2).putShort((short) strings);
        b.putShort((short) 3).putShort((short) 1).putShort((short) 0x0409).putShort((short) 1)
                .putShort((short) f.length).putShort((short) 0);
        b.putShort((short) 3).putShort((short) 1).putShort((short) 0x0409).putShort((short) 4)
                .putShort((short) n.length).putShort((short) f.length);
        b.put(f).put(n);
        return b.array();
    }
}
