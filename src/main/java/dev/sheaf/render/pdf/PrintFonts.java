package dev.sheaf.render.pdf;

import dev.sheaf.fonts.Coverage;
import dev.sheaf.fonts.FontChain;
import dev.sheaf.fonts.FontRuns;
import dev.sheaf.fonts.ShippedFonts;
import dev.sheaf.model.Book;
import dev.sheaf.model.FontFace;
import dev.sheaf.render.FontRoles;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The faces the PDF embeds and the family that sets each part of the page. A book's own {@code fonts/}
 * always win. A book that brings no text fonts is set in Liberation Serif, Sans and Mono. Every character
 * those families lack is set, run by run, in the first face of the {@link FontChain} that has it: the book's
 * other fonts (such as a CJK face), then Sheaf's shipped fallbacks. Only the faces the book's text needs are
 * declared, so a Latin book does not load the CJK face. Characters no face has are found by
 * {@link #unprintable} and reported.
 *
 * @param faces    the faces to declare, each with the URL the print document loads it from
 * @param body     family of the running text
 * @param headings family of titles and headings
 * @param mono     family of code
 * @param chain    the faces tried per character, limited to those declared
 */
record PrintFonts(List<Face> faces, String body, String headings, String mono, FontChain chain) {

    /**
     * One {@code @font-face}: where its bytes come from and how CSS selects it.
     *
     * @param file the book-relative font file, or null for a shipped face
     */
    record Face(String url, java.nio.file.Path file, String family, String style, int weight) { }

    static final String BUNDLED_PREFIX = "sheaf-font:";

    /**
     * @param text every text the document prints (the book's text and the labels around it), to choose
     *             which fallback faces to declare
     */
    static PrintFonts of(Book book, Iterable<? extends CharSequence> text) throws IOException {
        List<FontFace> own = book.fonts();
        List<FontFace> ownText = own.stream().filter(f -> !f.cjk()).toList();
        List<Face> faces = new ArrayList<>();
        String body;
        String headings;
        String mono;
        if (ownText.isEmpty()) {
            for (ShippedFonts.Face f : ShippedFonts.text()) {
                faces.add(shipped(f));
            }
            body = "Liberation Serif";
            headings = "Liberation Sans";
            mono = "Liberation Mono";
        } else {
            FontRoles roles = FontRoles.of(ownText);
            body = roles.body().orElseThrow();
            headings = roles.headings().orElse(body);
            mono = body;
            for (FontFace f : ownText) {
                faces.add(new Face(BookPaths.href(f.file()), f.file(), f.family(), f.style(), f.weight()));
            }
        }
        // Each family's characters are those of its regular face (or its first face when it has none).
        Map<String, Coverage> coverage = new LinkedHashMap<>();
        Map<String, FontFace> ownByFamily = new LinkedHashMap<>();
        for (FontFace f : own) {
            ownByFamily.merge(f.family(), f, (a, b) -> isRegular(b) && !isRegular(a) ? b : a);
        }
        if (ownText.isEmpty()) {
            for (ShippedFonts.Face f : ShippedFonts.text()) {
                if (f.style().equals("normal") && f.weight() == 400) {
                    coverage.put(f.family(), ShippedFonts.coverage(f));
                }
            }
        }
        for (FontFace f : ownByFamily.values()) {
            coverage.put(f.family(), Coverage.of(Files.readAllBytes(book.root().resolve(f.file()))));
        }
        List<FontChain.Link> primaries = new ArrayList<>();
        for (String family : new LinkedHashSet<>(List.of(body, headings, mono))) {
            primaries.add(new FontChain.Link(family, coverage.get(family)));
        }
        List<FontChain.Link> links = new ArrayList<>(primaries);
        coverage.forEach((family, c) -> {
            if (links.stream().noneMatch(l -> l.family().equals(family))) {
                links.add(new FontChain.Link(family, c));
            }
        });
        Map<String, ShippedFonts.Face> fallbacks = new LinkedHashMap<>();
        for (ShippedFonts.Face f : ShippedFonts.fallbacks()) {
            if (links.stream().noneMatch(l -> l.family().equals(f.family()))) {
                links.add(new FontChain.Link(f.family(), ShippedFonts.coverage(f)));
                fallbacks.put(f.family(), f);
            }
        }
        FontChain full = new FontChain(primaries, links);
        BitSet needed = full.needed(text);
        Set<String> used = new LinkedHashSet<>();
        needed.stream().forEach(i -> used.add(links.get(i).family()));
        for (String family : used) {
            if (fallbacks.containsKey(family)) {
                faces.add(shipped(fallbacks.get(family)));
            } else {
                own.stream().filter(f -> f.family().equals(family) && f.cjk())
                        .forEach(f -> faces.add(new Face(BookPaths.href(f.file()), f.file(), f.family(), f.style(),
                                f.weight())));
            }
        }
        return new PrintFonts(List.copyOf(faces), body, headings, mono, full.only(used));
    }

    private static boolean isRegular(FontFace f) {
        return f.style().equals("normal") && f.weight() < 600;
    }

    private static Face shipped(ShippedFonts.Face f) {
        return new Face(BUNDLED_PREFIX + f.file(), null, f.family(), f.style(), f.weight());
    }

    /** The bytes of a shipped face, for a URL that starts with {@link #BUNDLED_PREFIX}. */
    static byte[] bundledBytes(String url) throws IOException {
        String name = url.substring(BUNDLED_PREFIX.length());
        return ShippedFonts.bytes(ShippedFonts.byFile(name).orElseThrow(() -> new IOException("no shipped font " + name)));
    }

    /** The families the book is set in, for the colophon: body, headings, then every other face a run uses. */
    List<String> textFamilies() {
        Set<String> out = new LinkedHashSet<>(List.of(body, headings));
        chain.links().forEach(l -> {
            if (!l.family().equals(mono)) {
                out.add(l.family());
            }
        });
        return List.copyOf(out);
    }

    /** {@code @font-face} rules that embed every face as a subset with Unicode (Identity-H) encoding. */
    String fontFaceCss() {
        StringBuilder sb = new StringBuilder();
        for (Face f : faces) {
            sb.append("@font-face { font-family: ").append(quote(f.family())).append("; src: url(")
                    .append(quote(f.url())).append("); font-style: ").append(f.style())
                    .append("; font-weight: ").append(f.weight() >= 600 ? "bold" : "normal")
                    .append("; -fs-pdf-font-embed: embed; -fs-pdf-font-encoding: Identity-H; }\n");
        }
        for (FontChain.Link l : chain.links()) {
            sb.append('.').append(l.cssClass()).append(" { font-family: ").append(quote(l.family())).append("; }\n");
        }
        return sb.toString();
    }

    /** The document with every run of characters the primary families lack set in a face that has them. */
    String runs(String xhtml) {
        return FontRuns.wrap(xhtml, chain);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * Characters of {@code text} that no face of the PDF can print: Flying Saucer would drop them without
     * a trace, so the renderer reports them.
     */
    String unprintable(String text) {
        return chain.missing(text);
    }
}
