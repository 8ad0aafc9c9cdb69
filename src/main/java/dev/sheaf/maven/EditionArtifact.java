package dev.sheaf.maven;

import java.nio.file.Path;

/**
 * How an edition file is attached to the project: the EPUB and PDF as types {@code epub} and
 * {@code pdf} without classifier; handouts with classifier {@code handout-<name>}; citation exports
 * with classifier {@code sources}.
 */
record EditionArtifact(String type, String classifier) {

    /** The artifact for {@code file}, or empty for files that are not published one by one (the site's). */
    static java.util.Optional<EditionArtifact> of(Path outDir, Path file) {
        String rel = outDir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize())
                .toString().replace('\\', '/');
        if (rel.startsWith("site/")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(artifact(rel, file));
    }

    private static EditionArtifact artifact(String rel, Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? "bin" : name.substring(dot + 1);
        String stem = dot < 0 ? name : name.substring(0, dot);
        if (rel.startsWith("handouts/")) {
            return new EditionArtifact(type, "handout-" + stem);
        }
        if (type.equals("epub") || type.equals("pdf")) {
            return new EditionArtifact(type, null);
        }
        return new EditionArtifact(type, "sources");
    }
}
