package dev.sheaf.importer;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One {@code sheaf import} run.
 *
 * @param only     tags or categories a piece must have one of (case-insensitive); empty for all
 * @param from     earliest date kept, or null
 * @param to       latest date kept, or null
 * @param mediaDir the WordPress uploads folder, or null
 */
public record ImportRequest(List<Path> sources, Path bookDir, ChapterBy chapterBy, Set<String> only,
                            LocalDate from, LocalDate to, Path mediaDir, boolean dryRun) {

    /** How imported pieces are put into chapter folders. */
    public enum ChapterBy { TAG, CATEGORY, YEAR, NONE }
}
