package dev.sheaf.maven;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.BuildSummary;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Severity;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

import javax.inject.Inject;
import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the book's editions and attaches them to the project, so {@code mvn install} and
 * {@code mvn deploy} publish them. Does nothing when nothing changed since the last build.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractSheafMojo {

    /** Where the editions go. */
    @Parameter(property = PREFIX + "outputDirectory", defaultValue = "${project.build.directory}/book", required = true)
    File outputDirectory;

    /** Formats to build (epub, pdf, handouts, citations…); all when empty. */
    @Parameter(property = PREFIX + "formats")
    List<String> formats;

    /** Attach the editions to the project as artifacts (type = file extension, classifier for the extras). */
    @Parameter(property = PREFIX + "attach", defaultValue = "true")
    boolean attach;

    /**
     * Keep a build cache in the output folder ({@code .sheaf-cache/}), so that the next build remakes only the
     * pages a change affects (the EPUB's and the site's); the editions are the same either way.
     */
    @Parameter(property = PREFIX + "buildCache", defaultValue = "true")
    boolean buildCache = true;

    /** Fixes the dates inside the editions, for reproducible releases. */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    String outputTimestamp;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    private final MavenProjectHelper projectHelper;

    @Inject
    public BuildMojo(MavenProjectHelper projectHelper) {
        this.projectHelper = projectHelper;
    }

    @Override
    void executeMojo() throws MojoExecutionException, MojoFailureException {
        BuildRequest request = BuildRequest.of(bookDirectory.toPath(), outputDirectory.toPath())
                .withFormats(formats == null ? List.of() : formats)
                .withFailOn(failOnWarnings ? Severity.WARNING : Severity.ERROR)
                .withCitationStyle(citationStyle)
                .withTimestamp(OutputTimestamp.parse(outputTimestamp).orElse(null))
                .withBuildCache(buildCache);
        BuildSummary summary = new BuildSummary();
        BuildResult result = new Sheaf().buildIfChanged(request.withProgress(summary));
        report(result.diagnostics(), result.success());
        if (result.upToDate()) {
            getLog().info("Sheaf: editions are up to date in " + outputDirectory + " (nothing changed)");
        } else {
            // One line at INFO; the files written with -X, so that real warnings stand out.
            if (getLog().isDebugEnabled()) {
                result.written().forEach(p -> getLog().debug("Sheaf: wrote " + p));
            }
            getLog().info("Sheaf: " + summary.describe(result, outputDirectory.toPath()));
            if (!result.reuse().isEmpty()) {
                getLog().info("Sheaf: " + result.describeReuse());
            }
        }
        if (attach && project != null) {
            for (Path p : result.written()) {
                EditionArtifact.of(outputDirectory.toPath(), p).ifPresent(
                        a -> projectHelper.attachArtifact(project, a.type(), a.classifier(), p.toFile()));
            }
        }
    }
}
