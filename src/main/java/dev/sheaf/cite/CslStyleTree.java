package dev.sheaf.cite;

import de.undercouch.citeproc.CSL;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a processor's parsed style (citeproc-java's private objects, a dependent style already joined to its parent)
 * holds. Used to learn whether a style can print an item's citation number, on which its entries then depend.
 */
final class CslStyleTree {

    /** citeproc-java's parsed style is made of this package's objects (and of lists, maps and arrays of them). */
    private static final String PACKAGE = "de.undercouch.citeproc.csl.internal.";

    private CslStyleTree() { }

    /**
     * Whether any element of {@code csl}'s style names {@code value} (a variable, a macro, a term); true when the
     * style cannot be read this way, so that callers err on the side of "it may".
     */
    static boolean mentions(CSL csl, String value) {
        try {
            Field f = CSL.class.getDeclaredField("style");
            f.setAccessible(true);
            Object style = f.get(csl);
            return style == null || find(style, value, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return true;
        }
    }

    private static boolean find(Object o, String value, Set<Object> seen) throws ReflectiveOperationException {
        if (o == null || !seen.add(o)) {
            return false;
        }
        if (o instanceof String s) {
            return s.equals(value);
        }
        if (o instanceof Collection<?> c) {
            for (Object e : c.toArray()) {
                if (find(e, value, seen)) {
                    return true;
                }
            }
            return false;
        }
        if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet().toArray(new Map.Entry<?, ?>[0])) {
                if (find(e.getKey(), value, seen) || find(e.getValue(), value, seen)) {
                    return true;
                }
            }
            return false;
        }
        if (o instanceof Object[] array) {
            for (Object e : array) {
                if (find(e, value, seen)) {
                    return true;
                }
            }
            return false;
        }
        if (o instanceof Enum<?> e) {
            return e.name().equals(value);
        }
        if (!o.getClass().getName().startsWith(PACKAGE)) {
            return false;
        }
        for (Class<?> k = o.getClass(); k != null && k.getName().startsWith(PACKAGE); k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                f.setAccessible(true);
                if (find(f.get(o), value, seen)) {
                    return true;
                }
            }
        }
        return false;
    }
}
