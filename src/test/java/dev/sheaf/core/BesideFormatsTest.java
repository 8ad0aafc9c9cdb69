package dev.sheaf.core;

import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handouts are made on a thread of their own while the PDF edition is laid out: the files are those of a build of
 * the handouts alone, the site (which offers them) waits for them, and the build's summary names the editions in
 * the build's order.
 */
class BesideFormatsTest {

    @TempDir
    Path tmp;

    @Test
    void handoutsMadeBesideThePdfAreTheHandoutsMadeAlone() throws Exception {
        Path book = TestBooks.copy("handouts-event", tmp);
        BuildSummary summary = new BuildSummary();
        BuildResult together = new Sheaf().build(BuildRequest.of(book, tmp.resolve("together"))
                .withFormats(List.of("pdf", "handouts", "site")).withProgress(summary));
        assertThat(together.success()).as(together.diagnostics().toString()).isTrue();
        assertThat(summary.editions()).containsExactly("pdf", "handouts", "site");

        BuildResult alone = new Sheaf().build(BuildRequest.of(book, tmp.resolve("alone"))
                .withFormats(List.of("handouts")));
        assertThat(alone.success()).isTrue();
        List<Path> handouts = alone.written();
        assertThat(handouts).hasSize(5);
        for (Path p : handouts) {
            Path relative = tmp.resolve("alone").relativize(p);
            assertThat(Files.readAllBytes(tmp.resolve("together").resolve(relative))).as(relative.toString())
                    .isEqualTo(Files.readAllBytes(p));
            // the site was made after the handouts were written: it offers each of them
            assertThat(Files.readAllBytes(tmp.resolve("together/site/downloads").resolve(relative)))
                    .isEqualTo(Files.readAllBytes(p));
        }
    }
}
