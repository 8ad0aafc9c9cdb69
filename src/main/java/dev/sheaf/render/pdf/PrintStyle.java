package dev.sheaf.render.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The print stylesheet ({@code print.css} next to this class) with the trim size and fonts filled in. */
final class PrintStyle {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");
    private static final String TEMPLATE = load();

    private PrintStyle() { }

    static String css(TrimSize trim, PrintFonts fonts) {
        return css(trim.width, trim.height, trim.top, trim.bottom, trim.inner, trim.outer, trim.fontSize, fonts);
    }

    /** The stylesheet for any page: size and margins in millimetres (inner at the spine), text size in points. */
    static String css(double width, double height, double top, double bottom, double inner, double outer,
                      double fontSize, PrintFonts fonts) {
        double textHeight = height - top - bottom;
        Map<String, String> v = new TreeMap<>();
        v.put("FONT_FACES", fonts.fontFaceCss());
        v.put("BODY_FONT", fonts.body());
        v.put("HEADING_FONT", fonts.headings());
        v.put("MONO_FONT", fonts.mono());
        v.put("FONT_SIZE", mm(fontSize));
        v.put("PAGE_WIDTH", mm(width));
        v.put("PAGE_HEIGHT", mm(height));
        v.put("MARGIN_TOP", mm(top));
        v.put("MARGIN_BOTTOM", mm(bottom));
        v.put("MARGIN_INNER", mm(inner));
        v.put("MARGIN_OUTER", mm(outer));
        v.put("OPENER_TOP", mm(textHeight * 0.22));
        v.put("COPYRIGHT_TOP", mm(textHeight * 0.35));
        v.put("COLOPHON_TOP", mm(textHeight * 0.6));
        Matcher m = PLACEHOLDER.matcher(TEMPLATE);
        StringBuilder sb = new StringBuilder(TEMPLATE.length() + 4096);
        while (m.find()) {
            String value = v.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("print.css: no value for " + m.group());
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        return m.appendTail(sb).toString();
    }

    private static String mm(double value) {
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
    }

    private static String load() {
        try (InputStream in = PrintStyle.class.getResourceAsStream("print.css")) {
            if (in == null) {
                throw new IllegalStateException("print.css is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
