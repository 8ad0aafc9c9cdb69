package dev.sheaf.render.cover;

import dev.sheaf.model.Book;
import dev.sheaf.model.FontFace;
import org.apache.batik.anim.dom.SAXSVGDocumentFactory;
import org.apache.batik.bridge.BridgeContext;
import org.apache.batik.bridge.DocumentLoader;
import org.apache.batik.bridge.GVTBuilder;
import org.apache.batik.bridge.UserAgent;
import org.apache.batik.bridge.UserAgentAdapter;
import org.apache.batik.gvt.GraphicsNode;
import org.apache.batik.bridge.DefaultFontFamilyResolver;
import org.apache.batik.bridge.FontFamilyResolver;
import org.apache.batik.gvt.font.AWTFontFamily;
import org.apache.batik.gvt.font.AWTGVTFont;
import org.apache.batik.gvt.font.GVTFont;
import org.apache.batik.gvt.font.GVTFontFamily;
import org.apache.batik.util.XMLResourceDescriptor;
import org.w3c.dom.svg.SVGDocument;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextAttribute;
import java.awt.geom.Dimension2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.AttributedCharacterIterator;
import java.text.AttributedCharacterIterator.Attribute;
import java.util.Locale;
import java.util.Optional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cover drawn as SVG (a {@code cover:} ending in {@code .svg}), rendered with Apache Batik: as a PNG for the
 * EPUB, the web edition and handouts, and as vector shapes onto the PDF's cover page. Text in the SVG is set in
 * the book's own fonts ({@code fonts/}), which are made known to Java by family name for that; on the PDF it
 * is drawn as outlines, so no font needs embedding for the cover (the title page carries the text).
 */
public final class SvgCover {

    private SvgCover() {
    }

    public static boolean isSvg(Path cover) {
        return cover != null && cover.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg");
    }

    /** Why the SVG cannot be drawn, or empty when it can. */
    public static Optional<String> problem(Path svg) {
        try {
            Rectangle2D bounds = size(load(svg));
            return bounds.getWidth() > 0 && bounds.getHeight() > 0 ? Optional.empty()
                    : Optional.of("the SVG has no width and height (give it a viewBox)");
        } catch (IOException | RuntimeException e) {
            return Optional.of("the SVG cannot be read: " + message(e));
        }
    }

    /** The cover as a PNG {@code width} pixels wide, its height in the SVG's proportions. */
    public static byte[] png(Book book, Path svg, int width) throws IOException {
        // Parsed once: its size, then its drawing (the companion's cover is 50 KB of contour lines).
        SVGDocument doc = load(svg);
        Rectangle2D box = size(doc);
        int height = (int) Math.round(width * box.getHeight() / box.getWidth());
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            paint(book, doc, g, width, height);
        } finally {
            g.dispose();
        }
        return PngWriter.png(img);
    }

    /** Width and height of the SVG in its own units. */
    public static Rectangle2D size(Path svg) throws IOException {
        return size(load(svg));
    }

    /**
     * Draws the cover onto {@code g}, a canvas {@code width} × {@code height} with its origin at the top left,
     * filling it and cropped to it, as a bleed would be.
     */
    public static void paint(Book book, Path svg, Graphics2D g, float width, float height) throws IOException {
        paint(book, load(svg), g, width, height);
    }

    private static void paint(Book book, SVGDocument doc, Graphics2D g, float width, float height) throws IOException {
        Map<String, BookFamily> families = fonts(book);
        UserAgent agent = new UserAgentAdapter() {
            @Override
            public FontFamilyResolver getFontFamilyResolver() {
                return new BookFonts(families);
            }
        };
        BridgeContext ctx = new BridgeContext(agent, new DocumentLoader(agent));
        ctx.setDynamicState(BridgeContext.STATIC);
        try {
            GraphicsNode node = new GVTBuilder().build(ctx, doc);
            // the size Batik gives the document (its width and height, in CSS pixels), which the node fills
            Dimension2D size = ctx.getDocumentSize();
            double scale = Math.max(width / size.getWidth(), height / size.getHeight());
            Graphics2D c = (Graphics2D) g.create();
            try {
                c.clipRect(0, 0, (int) Math.ceil(width), (int) Math.ceil(height));
                c.translate((width - size.getWidth() * scale) / 2, (height - size.getHeight() * scale) / 2);
                c.scale(scale, scale);
                node.paint(c);
            } finally {
                c.dispose();
            }
        } finally {
            ctx.dispose();
        }
    }

    /**
     * The book's font families first (by the names Java knows them by), then Batik's own resolution. Batik's
     * {@code DefaultFontFamilyResolver} lists every font installed on the machine when it is first used (parsing
     * each file's names), so it is asked only for a family the book does not have.
     */
    private record BookFonts(Map<String, BookFamily> families) implements FontFamilyResolver {
        @Override
        public GVTFontFamily resolve(String name) {
            String key = name.strip().replaceAll("^['\"]|['\"]$", "").toLowerCase(Locale.ROOT);
            BookFamily family = families.get(key);
            return family != null ? family : DefaultFontFamilyResolver.SINGLETON.resolve(name);
        }

        @Override
        public GVTFontFamily resolve(String name, org.apache.batik.bridge.FontFace face) {
            return resolve(name);
        }

        @Override
        public GVTFontFamily loadFont(java.io.InputStream in, org.apache.batik.bridge.FontFace face)
                throws Exception {
            return DefaultFontFamilyResolver.SINGLETON.loadFont(in, face);
        }

        @Override
        public GVTFontFamily getDefault() {
            return DefaultFontFamilyResolver.SINGLETON.getDefault();
        }

        @Override
        public GVTFontFamily getFamilyThatCanDisplay(char c) {
            return DefaultFontFamilyResolver.SINGLETON.getFamilyThatCanDisplay(c);
        }
    }

    private static SVGDocument load(Path svg) throws IOException {
        SAXSVGDocumentFactory f = new SAXSVGDocumentFactory(XMLResourceDescriptor.getXMLParserClassName());
        try (InputStream in = Files.newInputStream(svg)) {
            return (SVGDocument) f.createDocument(svg.toUri().toString(), in);
        }
    }

    /** The viewBox, else width and height (user units); empty when neither is given. */
    private static Rectangle2D size(SVGDocument doc) {
        var root = doc.getRootElement();
        String viewBox = root.getAttribute("viewBox").trim();
        if (!viewBox.isEmpty()) {
            String[] v = viewBox.split("[\\s,]+");
            if (v.length == 4) {
                return new Rectangle2D.Double(Double.parseDouble(v[0]), Double.parseDouble(v[1]),
                        Double.parseDouble(v[2]), Double.parseDouble(v[3]));
            }
        }
        return new Rectangle2D.Double(0, 0, number(root.getAttribute("width")), number(root.getAttribute("height")));
    }

    private static double number(String length) {
        String n = length.replaceAll("[^0-9.]", "");
        return n.isEmpty() ? 0 : Double.parseDouble(n);
    }

    /**
     * The book's fonts by family (lower case), read by Java. They are handed to Batik as font objects rather than
     * registered with Java's font system by name: registering one makes Java list and parse every font installed
     * on the machine first (a tenth of a small book's EPUB build here, more on a desktop with many fonts), and a
     * family installed on the machine under the same name would be drawn instead of the book's.
     */
    private static Map<String, BookFamily> fonts(Book book) {
        Map<String, List<Face>> faces = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (FontFace face : book.fonts()) {
            Path file = book.root().resolve(face.file());
            try {
                Font font = Font.createFont(Font.TRUETYPE_FONT, file.toFile());
                String family = font.getFamily(Locale.ROOT);
                String key = family.toLowerCase(Locale.ROOT);
                names.putIfAbsent(key, family);
                faces.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new Face(font, face.weight() >= 700, "italic".equals(face.style())));
            } catch (FontFormatException | IOException e) {
                // a font Java cannot read: the SVG's text falls back to Java's default face
            }
        }
        Map<String, BookFamily> families = new HashMap<>();
        faces.forEach((key, list) -> families.put(key, new BookFamily(names.get(key), list)));
        return families;
    }

    /** One of the book's font files, with the style the book gives it. */
    private record Face(Font font, boolean bold, boolean italic) { }

    /**
     * A family of the book's faces. For the text's weight and posture it takes the face Java would have chosen
     * among the same faces registered under the family's name (bold from a weight of 2, that is 700, italic from
     * a posture of 0.2), else the nearest; the attributes stay on the font, so Java makes up a missing bold or
     * italic as it would have.
     */
    private static final class BookFamily extends AWTFontFamily {
        private final List<Face> faces;

        BookFamily(String name, List<Face> faces) {
            super(name);
            this.faces = List.copyOf(faces);
        }

        @Override
        public GVTFont deriveFont(float size, AttributedCharacterIterator aci) {
            return deriveFont(size, aci.getAttributes());
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public GVTFont deriveFont(float size, Map attrs) {
            Map<Attribute, Object> a = new HashMap<>(attrs);
            a.remove(TEXT_COMPOUND_DELIMITER);
            a.remove(TextAttribute.FAMILY);
            a.remove(TextAttribute.FONT);
            a.put(TextAttribute.SIZE, size);
            boolean bold = a.get(TextAttribute.WEIGHT) instanceof Number w && w.floatValue() >= 2f;
            boolean italic = a.get(TextAttribute.POSTURE) instanceof Number p && p.floatValue() >= 0.2f;
            return new AWTGVTFont(face(bold, italic).font().deriveFont(a));
        }

        private Face face(boolean bold, boolean italic) {
            Face best = faces.get(0);
            int bestScore = -1;
            for (Face f : faces) {
                // the posture matters more than the weight, as in CSS's font matching
                int score = (f.italic() == italic ? 2 : 0) + (f.bold() == bold ? 1 : 0);
                if (score > bestScore) {
                    best = f;
                    bestScore = score;
                }
            }
            return best;
        }
    }

    private static String message(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
