package dev.sheaf.buildcache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sheaf's model values (records of {@code dev.sheaf}, with strings, numbers, enums, lists, maps, sets, optionals,
 * paths and dates inside) as bytes and back, for the build cache: what is read back is {@code equals} to what was
 * written. Only records and enums of Sheaf's own packages are made when reading, so a cache file cannot make
 * anything else; bytes that are not what {@link #encode} wrote are an {@link IOException}. A value of any other
 * type cannot be written ({@link ContentDigest.Undigestible}), and is then not kept.
 */
public final class RecordCodec {

    private static final String OWN = "dev.sheaf.";
    private static final int MAX_DEPTH = 2000;

    /** A record class's component accessors and canonical constructor, looked up once (reflection is slow). */
    private record Shape(Method[] accessors, Constructor<?> canonical) { }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> canonical = type.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                for (Method m : accessors) {
                    m.setAccessible(true);
                }
                return new Shape(accessors, canonical);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return new Shape(null, null);
            }
        }
    };

    private RecordCodec() { }

    public static byte[] encode(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, value, 0);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    /** The value {@link #encode} wrote into {@code bytes}. */
    public static Object decode(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            Object v = read(in, 0);
            if (in.read() != -1) {
                throw new IOException("trailing bytes");
            }
            return v;
        } catch (RuntimeException | StackOverflowError e) {
            throw new IOException("not a cached value: " + e, e);
        }
    }

    private static void write(DataOutputStream out, Object v, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new ContentDigest.Undigestible("nested too deeply");
        }
        if (v == null) {
            out.writeByte('0');
        } else if (v instanceof String s) {
            out.writeByte('S');
            string(out, s);
        } else if (v instanceof Integer i) {
            out.writeByte('I');
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte('J');
            out.writeLong(l);
        } else if (v instanceof Double d) {
            out.writeByte('D');
            out.writeLong(Double.doubleToRawLongBits(d));
        } else if (v instanceof Boolean b) {
            out.writeByte(b ? 'T' : 'F');
        } else if (v instanceof Record r && r.getClass().getName().startsWith(OWN)) {
            Shape shape = SHAPES.get(r.getClass());
            if (shape.canonical() == null) {
                throw new ContentDigest.Undigestible(r.getClass().getName());
            }
            out.writeByte('R');
            string(out, r.getClass().getName());
            out.writeShort(shape.accessors().length);
            for (Method accessor : shape.accessors()) {
                write(out, component(accessor, r), depth + 1);
            }
        } else if (v instanceof Enum<?> e && e.getDeclaringClass().getName().startsWith(OWN)) {
            out.writeByte('E');
            string(out, e.getDeclaringClass().getName());
            string(out, e.name());
        } else if (v instanceof List<?> list) {
            out.writeByte('L');
            out.writeInt(list.size());
            for (Object o : list) {
                write(out, o, depth + 1);
            }
        } else if (v instanceof Set<?> set) {
            out.writeByte('U');
            out.writeInt(set.size());
            for (Object o : set) {
                write(out, o, depth + 1);
            }
        } else if (v instanceof Map<?, ?> map) {
            out.writeByte('M');
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(out, e.getKey(), depth + 1);
                write(out, e.getValue(), depth + 1);
            }
        } else if (v instanceof Optional<?> o) {
            out.writeByte('O');
            write(out, o.orElse(null), depth + 1);
        } else if (v instanceof Path p) {
            out.writeByte('P');
            string(out, p.toString());
        } else if (v instanceof LocalDate d) {
            out.writeByte('d');
            string(out, d.toString());
        } else {
            throw new ContentDigest.Undigestible(v.getClass().getName());
        }
    }

    private static Object read(DataInputStream in, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("nested too deeply");
        }
        int tag = in.readUnsignedByte();
        switch (tag) {
            case '0':
                return null;
            case 'S':
                return string(in);
            case 'I':
                return in.readInt();
            case 'J':
                return in.readLong();
            case 'D':
                return Double.longBitsToDouble(in.readLong());
            case 'T':
                return Boolean.TRUE;
            case 'F':
                return Boolean.FALSE;
            case 'R':
                return record(in, depth);
            case 'E':
                return enumValue(in);
            case 'L': {
                int n = count(in);
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(read(in, depth + 1));
                }
                return Collections.unmodifiableList(list);
            }
            case 'U': {
                int n = count(in);
                Set<Object> set = new LinkedHashSet<>();
                for (int i = 0; i < n; i++) {
                    set.add(read(in, depth + 1));
                }
                return Collections.unmodifiableSet(set);
            }
            case 'M': {
                int n = count(in);
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    Object k = read(in, depth + 1);
                    map.put(k, read(in, depth + 1));
                }
                return Collections.unmodifiableMap(map);
            }
            case 'O':
                return Optional.ofNullable(read(in, depth + 1));
            case 'P':
                return Path.of(string(in));
            case 'd':
                return LocalDate.parse(string(in));
            default:
                throw new IOException("unknown tag " + tag);
        }
    }

    private static Object record(DataInputStream in, int depth) throws IOException {
        Class<?> type = ownClass(string(in));
        if (!type.isRecord()) {
            throw new IOException("not a record: " + type.getName());
        }
        Shape shape = SHAPES.get(type);
        if (shape.canonical() == null || in.readUnsignedShort() != shape.accessors().length) {
            throw new IOException("another version of " + type.getName());
        }
        Object[] values = new Object[shape.accessors().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = read(in, depth + 1);
        }
        try {
            return shape.canonical().newInstance(values);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IOException("cannot make " + type.getName(), e);
        }
    }

    private static Object enumValue(DataInputStream in) throws IOException {
        Class<?> type = ownClass(string(in));
        String name = string(in);
        for (Object c : type.getEnumConstants() == null ? new Object[0] : type.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(name)) {
                return c;
            }
        }
        throw new IOException("no " + type.getName() + "." + name);
    }

    /** A class of Sheaf's own, never initialised by this lookup. */
    private static Class<?> ownClass(String name) throws IOException {
        if (!name.startsWith(OWN)) {
            throw new IOException("not Sheaf's: " + name);
        }
        try {
            return Class.forName(name, false, RecordCodec.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IOException("unknown class " + name, e);
        }
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("bad length " + n);
        }
        return n;
    }

    private static Object component(Method accessor, Record r) {
        try {
            return accessor.invoke(r);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            throw new ContentDigest.Undigestible(r.getClass().getName() + "." + accessor.getName());
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        byte[] b = new byte[count(in)];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
