package dev.sheaf.importer;

import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.SourceRef;

import java.nio.file.Path;

/**
 * What an importer may use while reading one source: the warnings it reports (against that source's
 * path) and the uploads folder given with {@code --media}.
 *
 * @param mediaDir the WordPress uploads folder, or null
 */
public record ImportContext(Path source, Diagnostics diagnostics, Path mediaDir) {

    public void warn(MessageId id, Object... args) {
        diagnostics.report(id, SourceRef.of(source), args);
    }
}
