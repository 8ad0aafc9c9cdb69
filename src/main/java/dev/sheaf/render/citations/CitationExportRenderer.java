package dev.sheaf.render.citations;

import dev.sheaf.cite.SourceCatalog;
import dev.sheaf.model.Book;
import dev.sheaf.render.OutputSink;
import dev.sheaf.render.RenderContext;
import dev.sheaf.render.Renderer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The sources (the anthology and every piece) as BibTeX, CSL-JSON and RIS files for reference managers. */
public final class CitationExportRenderer implements Renderer {

    @Override
    public boolean inQuickStep() {
        // Nobody previews the exports, and formatting every source three ways costs a large book a second: the full
        // build after the quick step writes them.
        return false;
    }

    @Override
    public String id() {
        return "citations";
    }

    @Override
    public String description() {
        return "sources as BibTeX (.bib), CSL-JSON (.json) and RIS (.ris)";
    }

    @Override
    public void render(Book book, RenderContext ctx, OutputSink out) throws IOException {
        SourceCatalog catalog = SourceCatalog.of(book);
        write(out, ctx.baseName() + ".bib", BibTexWriter.write(catalog.all()));
        write(out, ctx.baseName() + ".json", CslJsonWriter.write(catalog.all()));
        write(out, ctx.baseName() + ".ris", RisWriter.write(catalog.all()));
    }

    private static void write(OutputSink out, String name, String content) throws IOException {
        try (OutputStream os = out.create(name)) {
            os.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }
}
