package dev.sheaf.read;

import dev.sheaf.model.Inline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline raw HTML ({@code Text <b>bold</b>}) arrives from the Markdown parser as separate tag tokens
 * between ordinary inlines. This folds them into Sheaf's inlines: formatting tags become emphasis,
 * strong, code or links; unclosed tags are closed at the end of their paragraph, stray closing tags
 * dropped; dangerous elements are removed with their content; nothing else of the HTML survives.
 */
final class InlineHtml {

    private static final Pattern TAG = Pattern.compile("^<(/?)([A-Za-z][A-Za-z0-9-]*)([^>]*?)(/?)>$", Pattern.DOTALL);
    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> VOID = Set.of("br", "img", "hr", "wbr", "input", "meta", "link", "area", "source");

    private InlineHtml() { }

    private record Frame(String tag, String href, List<Inline> children) { }

    static boolean hasRawTags(List<Inline> inlines) {
        return inlines.stream().anyMatch(i -> i instanceof Inline.RawText);
    }

    static List<Inline> fold(List<Inline> in, Set<String> removed) {
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame("", null, new ArrayList<>()));
        String skipping = null;
        for (Inline i : in) {
            Matcher m = i instanceof Inline.RawText r ? TAG.matcher(r.text().strip()) : null;
            if (m == null || !m.matches()) {
                if (skipping == null && !(i instanceof Inline.RawText)) {
                    stack.peek().children().add(i);
                }
                continue;
            }
            boolean closing = !m.group(1).isEmpty();
            String name = m.group(2).toLowerCase(Locale.ROOT);
            String attrs = m.group(3);
            if (skipping != null) {
                if (closing && name.equals(skipping)) {
                    skipping = null;
                }
                continue;
            }
            noteAttributes(attrs, removed);
            if (HtmlBlocks.DANGEROUS.contains(name)) {
                removed.add(name);
                if (!closing && m.group(4).isEmpty() && !VOID.contains(name)) {
                    skipping = name;
                }
            } else if (name.equals("br")) {
                stack.peek().children().add(new Inline.LineBreak());
            } else if (name.equals("img")) {
                image(((Inline.RawText) i).text()).ifPresent(stack.peek().children()::add);
            } else if (!closing && !VOID.contains(name) && m.group(4).isEmpty()) {
                stack.push(new Frame(name, href(attrs, removed), new ArrayList<>()));
            } else if (closing && stack.stream().anyMatch(f -> f.tag().equals(name))) {
                while (!stack.peek().tag().equals(name)) {
                    closeTop(stack);
                }
                closeTop(stack);
            }
        }
        while (stack.size() > 1) {
            closeTop(stack);
        }
        return List.copyOf(stack.pop().children());
    }

    /**
     * An {@code <img>} tag as an image still to be resolved (its {@code resolved} is null) like a Markdown
     * image; width, height and every other attribute are left to the edition.
     */
    static java.util.Optional<Inline> image(String tag) {
        org.jsoup.nodes.Element img = org.jsoup.Jsoup.parseBodyFragment(tag).selectFirst("img");
        if (img == null || img.attr("src").isBlank()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Inline.Image(img.attr("src").strip(), null, img.attr("alt"), img.attr("title")));
    }

    private static void closeTop(Deque<Frame> stack) {
        Frame f = stack.pop();
        List<Inline> c = List.copyOf(f.children());
        List<Inline> target = stack.peek().children();
        switch (f.tag()) {
            case "em", "i", "cite", "var", "dfn" -> target.add(new Inline.Emphasis(c));
            case "strong", "b" -> target.add(new Inline.Strong(c));
            case "del", "s", "strike" -> target.add(new Inline.Strikethrough(c));
            case "code", "kbd", "samp", "tt" -> target.add(new Inline.Code(dev.sheaf.model.Walk.text(c)));
            case "a" -> {
                if (f.href() != null) {
                    target.add(new Inline.Link(f.href(), "", c));
                } else {
                    target.addAll(c);
                }
            }
            case "q" -> {
                target.add(new Inline.Text("\u201c"));
                target.addAll(c);
                target.add(new Inline.Text("\u201d"));
            }
            default -> target.addAll(c);
        }
    }

    private static String href(String attrs, Set<String> removed) {
        Matcher m = HREF.matcher(attrs);
        if (!m.find()) {
            return null;
        }
        String url = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
        if (MarkdownConverter.isSafeUrl(url)) {
            return url;
        }
        removed.add("unsafe link");
        return null;
    }

    private static void noteAttributes(String attrs, Set<String> removed) {
        String a = attrs.toLowerCase(Locale.ROOT);
        if (a.matches("(?s).*\\bon[a-z]+\\s*=.*")) {
            removed.add("event handlers");
        }
        if (a.matches("(?s).*\\bstyle\\s*=.*")) {
            removed.add("style attributes");
        }
    }
}
