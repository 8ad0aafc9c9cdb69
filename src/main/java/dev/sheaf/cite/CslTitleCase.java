package dev.sheaf.cite;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.csl.internal.RenderContext;
import de.undercouch.citeproc.csl.internal.behavior.TextCase;
import de.undercouch.citeproc.helper.StringHelper;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Title casing that remembers its answers. citeproc-java 3.4 title-cases a string ({@code text-case="title"}, English
 * items only) with {@link StringHelper#toTitleCase}, which tries each of some 110 stop-word patterns at every word
 * and scans the rest of the string for each: the largest single cost of formatting a large book's citations. The
 * same strings come back again and again (the anthology's title in every "cite this piece" line, a piece's title in
 * its sort key and then in its entry), and the method is a pure function of its argument, so each string is
 * title-cased once and the answer reused: the output is the same by construction.
 *
 * <p>The style's {@code TextCase} behaviours for title case are replaced, in the processor's parsed style (private
 * fields of citeproc-java, as {@link CslSort} reads them), by {@link Remembering}, which does what {@code
 * TextCase.applyTo} does for title case. When the fields cannot be reached (another citeproc-java version) nothing
 * is replaced and citeproc-java title-cases as before.
 */
final class CslTitleCase {

    /** Past this many remembered strings the memory starts afresh (a long session editing many titles). */
    static final int LIMIT = 200_000;

    private final Map<String, String> answers = new ConcurrentHashMap<>();

    /** Title case of {@code s} exactly as citeproc-java makes it. */
    String of(String s) {
        String t = answers.get(s);
        if (t == null) {
            t = StringHelper.toTitleCase(s);
            if (answers.size() >= LIMIT) {
                answers.clear();
            }
            answers.put(s, t);
        }
        return t;
    }

    int remembered() {
        return answers.size();
    }

    /**
     * Makes {@code csl}'s title casing remember its answers in this memory.
     *
     * @return how many title-casing behaviours of the style were replaced (0 when none or when the style's
     *         fields could not be reached)
     */
    int install(CSL csl) {
        try {
            Walk walk = new Walk();
            walk.visit(field(CSL.class, "style").get(csl));
            walk.visit(field(CSL.class, "locale").get(csl));
            return walk.replaced;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return 0;
        }
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /**
     * Goes through citeproc-java's parsed style (its own objects, and the lists, maps and arrays that hold them),
     * replacing every title-case {@code TextCase} field by one that remembers.
     */
    private final class Walk {
        private final Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        int replaced;

        void visit(Object o) throws ReflectiveOperationException {
            if (o == null || !seen.add(o)) {
                return;
            }
            if (o instanceof Collection<?> c) {
                for (Object e : c.toArray()) {
                    visit(e);
                }
                return;
            }
            if (o instanceof Map<?, ?> m) {
                for (Object e : m.values().toArray()) {
                    visit(e);
                }
                return;
            }
            if (o instanceof Object[] array) {
                for (Object e : array) {
                    visit(e);
                }
                return;
            }
            if (!o.getClass().getName().startsWith("de.undercouch.citeproc.csl.internal.")) {
                return;
            }
            for (Class<?> k = o.getClass(); k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive() || f.getType() == String.class) {
                        continue;
                    }
                    f.setAccessible(true);
                    Object v = f.get(o);
                    if (v instanceof TextCase tc) {
                        if (!(v instanceof Remembering) && "title".equals(Remembering.TEXT_CASE.get(tc))) {
                            f.set(o, new Remembering(CslTitleCase.this));
                            replaced++;
                        }
                    } else {
                        visit(v);
                    }
                }
            }
        }
    }

    /** {@code text-case="title"}: what {@code TextCase.applyTo} does for it, with the answers remembered. */
    static final class Remembering extends TextCase {
        static final Field TEXT_CASE;
        private static final Node TITLE;

        static {
            try {
                TEXT_CASE = field(TextCase.class, "textCase");
                Element e = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument().createElement("text");
                e.setAttribute("text-case", "title");
                TITLE = e;
            } catch (ReflectiveOperationException | javax.xml.parsers.ParserConfigurationException e) {
                throw new IllegalStateException(e);
            }
        }

        private final CslTitleCase memory;

        Remembering(CslTitleCase memory) {
            super(TITLE);
            this.memory = memory;
        }

        @Override
        public String applyTo(String s, RenderContext ctx) {
            if (ctx.getItemLocale().getLanguage().equals("en")) {
                return s == null ? null : memory.of(s);
            }
            return s;
        }
    }
}
