package dev.sheaf.svg;

import org.apache.batik.transcoder.ErrorHandler;
import org.apache.batik.transcoder.SVGAbstractTranscoder;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SVG pictures as the print editions need them: drawn by Apache Batik into a PNG, with a size taken
 * from the file however it is written ({@code 750px}, {@code 12cm}, {@code 50%}, a viewBox only).
 *
 * <p>Batik is strict: a file a browser shows (an unclosed tag, a stray entity, a CSS property it does not
 * know) can make it throw anything from a {@code TranscoderException} to a {@code NullPointerException}.
 * So every SVG is tried once while the book is read; one Batik cannot draw is reported and replaced by its
 * description in every edition, and nothing Batik throws ever reaches the layout of a whole book.
 * Batik is never allowed to load anything: no external resources, no scripts.
 */
public final class SvgImages {

    /** Intrinsic size in CSS pixels. */
    public record Size(float width, float height) { }

    /** SVG files larger than this are not drawn (a diagram is a few hundred KB). */
    static final long MAX_BYTES = 16L << 20;
    /** The longest side of a rasterised picture, in pixels. */
    static final int MAX_PIXELS_SIDE = 4000;

    private static final Pattern LENGTH = Pattern.compile("\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([a-zA-Z%]*)\\s*");
    private static final Pattern ROOT = Pattern.compile("<svg\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^\\[>]*(\\[.*?\\])?\\s*>", Pattern.DOTALL);

    private SvgImages() { }

    /**
     * Why {@code file} cannot be an SVG picture in any edition (too large, not well-formed XML, external
     * entities), or empty when it can. Readers show what browsers show, so this is not Batik's verdict.
     */
    public static Optional<String> problem(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                return Optional.of("the SVG file is larger than " + (MAX_BYTES >> 20) + " MB");
            }
            byte[] svg = Files.readAllBytes(file);
            Optional<String> unsafe = unsafe(svg);
            if (unsafe.isPresent()) {
                return unsafe;
            }
            return wellFormed(svg);
        } catch (IOException e) {
            return Optional.of("it cannot be read");
        }
    }

    /** Batik's verdicts by file, size and time, so a build asks once for the reader and once per print edition. */
    private static final java.util.Map<String, Optional<String>> VERDICTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Why Batik cannot draw {@code file} for the print editions, or empty when it can. */
    public static Optional<String> drawProblem(Path file) {
        String key;
        try {
            key = file.toAbsolutePath() + "\u0000" + Files.size(file) + "\u0000" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Optional.of("it cannot be read");
        }
        Optional<String> known = VERDICTS.get(key);
        if (known != null) {
            return known;
        }
        if (VERDICTS.size() > 10_000) {
            VERDICTS.clear();
        }
        Optional<String> verdict = tryDrawing(file);
        VERDICTS.put(key, verdict);
        return verdict;
    }

    private static Optional<String> tryDrawing(Path file) {
        try {
            byte[] svg = Files.readAllBytes(file);
            png(svg, 64f / Math.max(size(svg).width(), size(svg).height()));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("it cannot be read");
        } catch (TranscoderException e) {
            return Optional.of(reason(e));
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return Optional.of(reason(e));
        }
    }

    /** Parsed without loading any DTD or entity: what every reading system needs of an SVG file. */
    private static Optional<String> wellFormed(byte[] svg) {
        try {
            // The JDK's own parser, asked for directly: newInstance() first searches the class path for another
            // (a service lookup through a jar of 20,000 entries), half the time of this check on a small book.
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setExpandEntityReferences(false);
            javax.xml.parsers.DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            org.w3c.dom.Element root = b.parse(new ByteArrayInputStream(svg)).getDocumentElement();
            if (!"svg".equals(root.getLocalName())) {
                return Optional.of("the file is XML but not SVG");
            }
            return external(root).map(ref -> "the SVG loads \"" + shorten(ref) + "\"; editions hold no outside files");
        } catch (org.xml.sax.SAXException e) {
            return Optional.of("the SVG is not well-formed XML: " + shorten(e.getMessage()));
        } catch (javax.xml.parsers.ParserConfigurationException | IOException e) {
            return Optional.of("the SVG cannot be read");
        }
    }

    /**
     * The first reference to another file or address (an {@code href} that is no {@code #fragment} or data URL,
     * a CSS {@code url(…)} or {@code @import} pointing outside): EPUB forbids them undeclared, and editions
     * must work offline.
     */
    private static Optional<String> external(org.w3c.dom.Element root) {
        java.util.ArrayDeque<org.w3c.dom.Node> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            org.w3c.dom.Node n = stack.pop();
            if (n instanceof org.w3c.dom.Element e) {
                org.w3c.dom.NamedNodeMap attrs = e.getAttributes();
                for (int i = 0; i < attrs.getLength(); i++) {
                    org.w3c.dom.Node a = attrs.item(i);
                    String name = a.getLocalName() != null ? a.getLocalName() : a.getNodeName();
                    String v = a.getNodeValue().strip();
                    if (name.equals("href") && !v.isEmpty() && !v.startsWith("#") && !v.startsWith("data:")) {
                        return Optional.of(v);
                    }
                    Optional<String> css = externalInCss(v);
                    if (css.isPresent()) {
                        return css;
                    }
                }
            } else if (n.getNodeType() == org.w3c.dom.Node.TEXT_NODE || n.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
                Optional<String> css = externalInCss(n.getNodeValue());
                if (css.isPresent()) {
                    return css;
                }
            }
            for (org.w3c.dom.Node c = n.getLastChild(); c != null; c = c.getPreviousSibling()) {
                stack.push(c);
            }
        }
        return Optional.empty();
    }

    private static final Pattern CSS_URL = Pattern.compile("(?i)(?:url\\(\\s*['\"]?|@import\\s+['\"])\\s*([^'\")\\s]+)");

    private static Optional<String> externalInCss(String text) {
        if (text == null || text.indexOf('(') < 0 && !text.contains("@import")) {
            return Optional.empty();
        }
        Matcher m = CSS_URL.matcher(text);
        while (m.find()) {
            String ref = m.group(1);
            if (!ref.startsWith("#") && !ref.startsWith("data:")) {
                return Optional.of(ref);
            }
        }
        return Optional.empty();
    }

    /**
     * SVG 2 and CSS 3 spellings that SVG 1.1 (Batik) refuses but every browser draws, rewritten for Batik:
     * {@code transparent} is {@code none} for fill and stroke. Graphviz writes it in every diagram.
     */
    static byte[] forBatik(byte[] svg) {
        String s = new String(svg, StandardCharsets.UTF_8);
        String t = TRANSPARENT_ATTRIBUTE.matcher(s).replaceAll("$1=$2none$2");
        t = TRANSPARENT_PROPERTY.matcher(t).replaceAll("$1:none");
        return t.equals(s) ? svg : t.getBytes(StandardCharsets.UTF_8);
    }

    private static final Pattern TRANSPARENT_ATTRIBUTE = Pattern.compile("\\b(fill|stroke)=([\"'])\\s*transparent\\s*\\2");
    private static final Pattern TRANSPARENT_PROPERTY = Pattern.compile("\\b(fill|stroke)\\s*:\\s*transparent\\b");

    /**
     * Entities declared in a DOCTYPE can name files on this machine or on the network; only the
     * standard SVG DTD without an internal subset is accepted.
     */
    static Optional<String> unsafe(byte[] svg) {
        String head = new String(svg, 0, Math.min(svg.length, 64 * 1024), StandardCharsets.UTF_8);
        Matcher m = DOCTYPE.matcher(head);
        if (m.find() && m.group(1) != null && m.group(1).contains("<!ENTITY")
                && m.group(1).matches("(?s).*<!ENTITY[^>]*\\b(SYSTEM|PUBLIC)\\b.*")) {
            return Optional.of("the SVG declares external entities");
        }
        return Optional.empty();
    }

    /**
     * The size the picture asks for: width and height in any CSS unit; a percentage or a missing value
     * takes the viewBox (scaled to the other side when only one is given); else 300 × 150 like a browser.
     */
    public static Size size(byte[] svg) {
        String head = new String(svg, 0, Math.min(svg.length, 64 * 1024), StandardCharsets.UTF_8);
        Matcher root = ROOT.matcher(head);
        String tag = root.find() ? root.group() : "";
        float w = length(attribute(tag, "width"));
        float h = length(attribute(tag, "height"));
        float[] box = viewBox(attribute(tag, "viewBox"));
        if (w <= 0 && h <= 0 && box != null) {
            w = box[0];
            h = box[1];
        } else if (w <= 0 && box != null && h > 0) {
            w = h * box[0] / box[1];
        } else if (h <= 0 && box != null && w > 0) {
            h = w * box[1] / box[0];
        }
        if (w <= 0 || h <= 0) {
            w = w > 0 ? w : 300;
            h = h > 0 ? h : 150;
        }
        float longest = Math.max(w, h);
        if (longest > MAX_PIXELS_SIDE) {
            w = w * MAX_PIXELS_SIDE / longest;
            h = h * MAX_PIXELS_SIDE / longest;
        }
        return new Size(Math.max(1, w), Math.max(1, h));
    }

    /**
     * Draws {@code svg} at {@code scale} times its {@link #size}, at most {@link #MAX_PIXELS_SIDE} pixels a side.
     *
     * @throws TranscoderException or any runtime exception when Batik cannot draw it
     */
    public static byte[] png(byte[] svg, float scale) throws TranscoderException {
        Size size = size(svg);
        float s = Math.min(scale, MAX_PIXELS_SIDE / Math.max(size.width(), size.height()));
        PNGTranscoder t = new PNGTranscoder();
        t.setErrorHandler(QUIET);
        t.addTranscodingHint(SVGAbstractTranscoder.KEY_ALLOW_EXTERNAL_RESOURCES, Boolean.FALSE);
        t.addTranscodingHint(SVGAbstractTranscoder.KEY_EXECUTE_ONLOAD, Boolean.FALSE);
        t.addTranscodingHint(SVGAbstractTranscoder.KEY_CONSTRAIN_SCRIPT_ORIGIN, Boolean.TRUE);
        t.addTranscodingHint(SVGAbstractTranscoder.KEY_ALLOWED_SCRIPT_TYPES, "");
        t.addTranscodingHint(SVGAbstractTranscoder.KEY_WIDTH, Math.max(1f, size.width() * s));
        t.addTranscodingHint(SVGAbstractTranscoder.KEY_HEIGHT, Math.max(1f, size.height() * s));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TranscoderInput in = new TranscoderInput(new ByteArrayInputStream(forBatik(svg)));
        // Batik needs a document URI to resolve relative references (which it is then refused to load).
        in.setURI("file:/image.svg");
        t.transcode(in, new TranscoderOutput(out));
        return out.toByteArray();
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "\\s*=\\s*(\"([^\"]*)\"|'([^']*)')").matcher(tag);
        return m.find() ? (m.group(2) != null ? m.group(2) : m.group(3)) : "";
    }

    /** A length in CSS pixels; 0 for a percentage, an unknown unit or nothing. */
    static float length(String value) {
        Matcher m = LENGTH.matcher(value);
        if (!m.matches()) {
            return 0;
        }
        float v = Float.parseFloat(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "px" -> v;
            case "pt" -> v * 4 / 3;
            case "pc" -> v * 16;
            case "in" -> v * 96;
            case "cm" -> v * 96 / 2.54f;
            case "mm" -> v * 96 / 25.4f;
            case "em", "rem" -> v * 16;
            case "ex" -> v * 8;
            default -> 0;
        };
    }

    private static float[] viewBox(String value) {
        String[] parts = value.trim().split("[\\s,]+");
        if (parts.length != 4) {
            return null;
        }
        try {
            float w = Float.parseFloat(parts[2]);
            float h = Float.parseFloat(parts[3]);
            return w > 0 && h > 0 && Float.isFinite(w) && Float.isFinite(h) ? new float[] {w, h} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The most telling message in the chain of causes, without Batik's "file:/image.svg:" preamble. */
    private static String reason(Throwable e) {
        String m = null;
        for (Throwable t = e; t != null && m == null; t = t.getCause() == t ? null : t.getCause()) {
            m = t.getMessage();
        }
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        m = m.replace("file:/image.svg:", "").replaceFirst("(?s)Original message:.*", "");
        return shorten(m);
    }

    private static String shorten(String message) {
        String m = message == null ? "" : message.replaceAll("\\s+", " ").strip();
        return m.length() > 160 ? m.substring(0, 157) + "…" : m;
    }

    /** Warnings are ignored; errors stop the drawing and are reported once, by the caller. */
    private static final ErrorHandler QUIET = new ErrorHandler() {
        @Override
        public void error(TranscoderException e) throws TranscoderException {
            throw e;
        }

        @Override
        public void fatalError(TranscoderException e) throws TranscoderException {
            throw e;
        }

        @Override
        public void warning(TranscoderException e) {
            // not worth a message: the picture is drawn
        }
    };
}
