package dev.sheaf.buildcache;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A SHA-256 digest of a value of the book model that is equal exactly when the values are {@code equals}: the
 * in-memory caches of a watch session compare pieces, metadata and page breaks with {@code equals}, and the
 * build cache on disk must not be keyed on anything weaker. Records are taken component by component (with their
 * class, so that two kinds of inline with the same fields differ), lists in order, sets and maps in any order,
 * and a few immutable value types by their text. A value of any other type cannot be digested: the caller then
 * does without the cache rather than trust a key that could say "equal" when it is not.
 */
public final class ContentDigest {

    /** Thrown for a value whose equality the digest cannot stand for (a mutable or unknown class). */
    public static final class Undigestible extends RuntimeException {
        Undigestible(String what) {
            super(what, null, false, false);
        }
    }

    /** Immutable types whose {@code toString} is as fine as their {@code equals}. */
    private static final Set<Class<?>> BY_TEXT = Set.of(String.class, Boolean.class, Character.class, Byte.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class, java.math.BigInteger.class,
            java.math.BigDecimal.class, java.time.LocalDate.class, java.time.LocalDateTime.class,
            java.time.LocalTime.class, java.time.Instant.class, java.time.OffsetDateTime.class,
            java.time.ZonedDateTime.class, java.time.Year.class, java.time.YearMonth.class, java.util.Locale.class,
            java.net.URI.class);

    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] methods = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                methods[i] = components[i].getAccessor();
                try {
                    methods[i].setAccessible(true);
                } catch (RuntimeException e) {
                    throw new Undigestible(type.getName());
                }
            }
            return methods;
        }
    };

    private final MessageDigest md = sha256();
    private final byte[] buf = new byte[8192];
    private int len;

    private ContentDigest() { }

    /**
     * The digest of {@code parts}, in order.
     *
     * @throws Undigestible when a part holds a value the digest cannot stand for
     */
    public static byte[] of(Object... parts) {
        ContentDigest d = new ContentDigest();
        try {
            for (Object part : parts) {
                d.value(part);
            }
        } catch (StackOverflowError e) {
            throw new Undigestible("nested too deeply");
        }
        return d.finish();
    }

    private byte[] finish() {
        md.update(buf, 0, len);
        len = 0;
        return md.digest();
    }

    private void value(Object v) {
        if (v == null) {
            tag('0');
        } else if (v instanceof String s) {
            tag('S');
            text(s);
        } else if (v instanceof Record r) {
            tag('R');
            text(r.getClass().getName());
            for (Method m : ACCESSORS.get(r.getClass())) {
                value(component(m, r));
            }
        } else if (v instanceof List<?> list) {
            tag('L');
            number(list.size());
            for (Object o : list) {
                value(o);
            }
        } else if (v instanceof Set<?> set) {
            tag('T');
            unordered(set.stream().map(ContentDigest::of).toList());
        } else if (v instanceof Map<?, ?> map) {
            tag('M');
            List<byte[]> entries = new ArrayList<>(map.size());
            map.forEach((k, val) -> entries.add(of(k, val)));
            unordered(entries);
        } else if (v instanceof Optional<?> o) {
            tag('O');
            value(o.orElse(null));
        } else if (v instanceof Enum<?> e) {
            tag('E');
            text(e.getDeclaringClass().getName());
            text(e.name());
        } else if (v instanceof Path p) {
            tag('P');
            text(p.toString());
        } else if (v instanceof byte[] b) {
            tag('B');
            number(b.length);
            bytes(b, b.length);
        } else if (BY_TEXT.contains(v.getClass())) {
            tag('V');
            text(v.getClass().getName());
            text(v.toString());
        } else {
            throw new Undigestible(v.getClass().getName());
        }
    }

    private static Object component(Method m, Record r) {
        try {
            return m.invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new Undigestible(r.getClass().getName() + "." + m.getName());
        }
    }

    /** Equal collections whatever their order: the members' digests, sorted. */
    private void unordered(List<byte[]> digests) {
        byte[][] sorted = digests.toArray(new byte[0][]);
        Arrays.sort(sorted, Arrays::compare);
        number(sorted.length);
        for (byte[] d : sorted) {
            bytes(d, d.length);
        }
    }

    private void tag(char c) {
        if (len == buf.length) {
            md.update(buf, 0, len);
            len = 0;
        }
        buf[len++] = (byte) c;
    }

    private void number(long n) {
        for (int i = 0; i < 8; i++) {
            tag((char) (n >>> (i * 8) & 0xff));
        }
    }

    private void text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        number(b.length);
        bytes(b, b.length);
    }

    private void bytes(byte[] b, int n) {
        if (n > buf.length - len) {
            md.update(buf, 0, len);
            len = 0;
            md.update(b, 0, n);
        } else {
            System.arraycopy(b, 0, buf, len, n);
            len += n;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
