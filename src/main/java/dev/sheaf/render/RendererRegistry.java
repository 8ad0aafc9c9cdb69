package dev.sheaf.render;

import dev.sheaf.render.citations.CitationExportRenderer;
import dev.sheaf.render.epub.EpubRenderer;
import dev.sheaf.render.handout.HandoutRenderer;
import dev.sheaf.render.pdf.PdfRenderer;
import dev.sheaf.render.site.SiteRenderer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every output format Sheaf knows, by id. A new format is one new renderer and one line here. */
public final class RendererRegistry {

    private final Map<String, Renderer> renderers = new LinkedHashMap<>();

    private RendererRegistry(List<Renderer> list) {
        list.forEach(r -> renderers.put(r.id(), r));
    }

    /**
     * The built-in formats, in the order a full build writes them: the PDF edition first, since the EPUB and the
     * site mark its page breaks and take them from its layout (otherwise they lay the book out themselves); the
     * site last, since it offers the others.
     */
    public static RendererRegistry standard() {
        return builtIn(false);
    }

    /**
     * The built-in formats for a session of builds ({@code --watch}, {@code serve}): the EPUB and the site keep
     * each piece's page for the next build. A single build does not, so that a large book's pages are not all
     * held in memory at once.
     */
    public static RendererRegistry session() {
        return builtIn(true);
    }

    private static RendererRegistry builtIn(boolean session) {
        return new RendererRegistry(List.of(new PdfRenderer(), new EpubRenderer(session), new HandoutRenderer(),
                new CitationExportRenderer(), new SiteRenderer(session)));
    }

    /** The same formats, with {@code other} in place of the renderer of the same id. */
    public RendererRegistry replacing(Renderer other) {
        return new RendererRegistry(renderers.values().stream().map(r -> r.id().equals(other.id()) ? other : r).toList());
    }

    public Optional<Renderer> find(String id) {
        return Optional.ofNullable(renderers.get(id));
    }

    public List<String> ids() {
        return List.copyOf(renderers.keySet());
    }

    public List<Renderer> all() {
        return List.copyOf(renderers.values());
    }
}
