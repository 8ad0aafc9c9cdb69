package dev.sheaf.maven;

import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Severity;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Checks the book's sources and reports every problem; writes nothing. */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckMojo extends AbstractSheafMojo {

    @Override
    void executeMojo() throws MojoFailureException {
        BuildResult result = new Sheaf().check(bookDirectory.toPath(), citationStyle);
        boolean ok = result.diagnostics().stream().noneMatch(d -> d.severity() == Severity.ERROR
                || failOnWarnings && d.severity() == Severity.WARNING);
        report(result.diagnostics(), ok);
        getLog().info("Sheaf: the book has no errors");
    }
}
