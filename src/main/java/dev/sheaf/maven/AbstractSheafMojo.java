package dev.sheaf.maven;

import dev.sheaf.diag.Diagnostic;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;

/**
 * What every Sheaf goal shares: the book folder, {@code skip}, and printing diagnostics through
 * Maven's log as {@code /path/file.md:[line,col] message}, the compiler's form that IDEs link to the line.
 */
abstract class AbstractSheafMojo extends AbstractMojo {

    /** Prefix of every user property, so each parameter can be set as {@code -Dsheaf.<name>}. */
    static final String PREFIX = "sheaf.";

    /** The folder with book.yaml and chapters/. */
    @Parameter(property = PREFIX + "bookDirectory", defaultValue = "${project.basedir}", required = true)
    File bookDirectory;

    /** CSL style id or .csl file; overrides book.yaml's citation-style. */
    @Parameter(property = PREFIX + "citationStyle")
    String citationStyle;

    /** Treat warnings as errors. */
    @Parameter(property = PREFIX + "failOnWarnings", defaultValue = "false")
    boolean failOnWarnings;

    /** Skip this goal. */
    @Parameter(property = PREFIX + "skip", defaultValue = "false")
    boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Sheaf: skipped (sheaf.skip)");
            return;
        }
        executeMojo();
    }

    abstract void executeMojo() throws MojoExecutionException, MojoFailureException;

    /** Logs every diagnostic; fails the build with their count when any is at or above the failing level. */
    void report(List<Diagnostic> diagnostics, boolean success) throws MojoFailureException {
        for (Diagnostic d : diagnostics) {
            String line = MavenMessage.of(d, bookDirectory.toPath());
            switch (d.severity()) {
                case ERROR -> getLog().error(line);
                case WARNING -> getLog().warn(line);
                case INFO -> getLog().debug(line);
            }
        }
        if (!success) {
            long problems = diagnostics.stream().filter(d -> d.severity() == dev.sheaf.diag.Severity.ERROR
                    || failOnWarnings && d.severity() == dev.sheaf.diag.Severity.WARNING).count();
            throw new MojoFailureException("Sheaf found " + problems + " problem" + (problems == 1 ? "" : "s")
                    + " of severity " + (failOnWarnings ? "WARNING" : "ERROR") + " or higher in the book; "
                    + "no edition was written (see the messages above)");
        }
    }
}
