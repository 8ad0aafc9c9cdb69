package dev.sheaf.importer;

import java.io.IOException;
import java.nio.file.Path;

/** A reader of one foreign format that yields pieces as Markdown. Importers never see the renderers. */
public interface SourceImporter {

    /** What the format is called in messages ("WordPress export", "Word document"…). */
    String format();

    /** Reads the whole source into memory; nothing is written until it has been read completely. */
    SourceBatch read(Path file, ImportContext context) throws ImportFailure, IOException;
}
