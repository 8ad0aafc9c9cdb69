package dev.sheaf.cite;

import com.vladsch.flexmark.util.sequence.Escaping;
import dev.sheaf.model.Inline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the small HTML that citeproc-java produces ({@code <i>}, {@code <b>}, styled {@code <span>}s,
 * {@code <a>}, named entities) into Sheaf's inline model, so every edition prints citations with its
 * own markup.
 */
final class CslHtml {

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z]+)([^>]*)>");
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    private CslHtml() { }

    static List<Inline> toInlines(String html) {
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame("root", null, new ArrayList<>()));
        Matcher m = TAG.matcher(html);
        int last = 0;
        while (m.find()) {
            text(stack.peek(), html.substring(last, m.start()));
            last = m.end();
            String name = m.group(2).toLowerCase(java.util.Locale.ROOT);
            if (name.equals("div") || name.equals("br")) {
                continue;
            }
            if (m.group(1).isEmpty()) {
                String kind = kind(name, m.group(3));
                Matcher href = HREF.matcher(m.group(3));
                stack.push(new Frame(kind, href.find() ? Escaping.unescapeString(href.group(1)) : null, new ArrayList<>()));
            } else if (stack.size() > 1) {
                Frame f = stack.pop();
                stack.peek().children().addAll(wrap(f));
            }
        }
        text(stack.peek(), html.substring(last));
        while (stack.size() > 1) {
            Frame f = stack.pop();
            stack.peek().children().addAll(wrap(f));
        }
        return strip(merge(stack.pop().children()));
    }

    /** Drops the white space citeproc leaves around an entry. */
    private static List<Inline> strip(List<Inline> in) {
        List<Inline> out = new ArrayList<>(in);
        if (!out.isEmpty() && out.get(0) instanceof Inline.Text t) {
            out.set(0, new Inline.Text(t.text().stripLeading()));
        }
        if (!out.isEmpty() && out.get(out.size() - 1) instanceof Inline.Text t) {
            out.set(out.size() - 1, new Inline.Text(t.text().stripTrailing()));
        }
        return List.copyOf(out);
    }

    private record Frame(String kind, String href, List<Inline> children) { }

    private static String kind(String name, String attrs) {
        String a = attrs.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        if (name.equals("i") || name.equals("em") || a.contains("font-style:italic")) {
            return "em";
        }
        if (name.equals("b") || name.equals("strong") || a.contains("font-weight:bold")) {
            return "strong";
        }
        return name.equals("a") ? "a" : "span";
    }

    private static List<Inline> wrap(Frame f) {
        List<Inline> c = merge(f.children());
        return switch (f.kind()) {
            case "em" -> List.of(new Inline.Emphasis(c));
            case "strong" -> List.of(new Inline.Strong(c));
            case "a" -> f.href() == null ? c : List.of(new Inline.Link(f.href(), "", c));
            default -> c;
        };
    }

    private static void text(Frame f, String raw) {
        if (!raw.isEmpty()) {
            f.children().add(new Inline.Text(Escaping.unescapeString(raw).replaceAll("\\s+", " ")));
        }
    }

    private static List<Inline> merge(List<Inline> in) {
        List<Inline> out = new ArrayList<>();
        for (Inline i : in) {
            if (i instanceof Inline.Text t && !out.isEmpty() && out.get(out.size() - 1) instanceof Inline.Text p) {
                out.set(out.size() - 1, new Inline.Text(p.text() + t.text()));
            } else {
                out.add(i);
            }
        }
        return List.copyOf(out);
    }
}
