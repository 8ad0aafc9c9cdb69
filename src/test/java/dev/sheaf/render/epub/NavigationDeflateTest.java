package dev.sheaf.render.epub;

import dev.sheaf.core.BuildRequest;
import dev.sheaf.core.BuildResult;
import dev.sheaf.core.Sheaf;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EpubRenderer#level}: the navigation documents, rewritten with every edit of a session, are deflated at zlib's
 * default level (as the fonts are); every other entry at the best.
 */
class NavigationDeflateTest {

    @TempDir
    Path tmp;

    @Test
    void the_navigation_documents_are_deflated_at_the_default_level_and_the_rest_at_the_best() throws Exception {
        // setup
        Path book = TestBooks.copy("kitchen-sink", tmp.resolve("book"));
        BuildResult r = new Sheaf().build(BuildRequest.of(book, tmp.resolve("out")).withFormats(List.of("epub")));
        assertThat(r.success()).as(r.diagnostics().toString()).isTrue();
        // when
        try (ZipFile zip = new ZipFile(r.written().get(0).toFile())) {
            // then
            int checked = 0;
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (e.getMethod() != ZipEntry.DEFLATED) {
                    continue;
                }
                boolean navigation = e.getName().equals("EPUB/toc.ncx") || e.getName().equals("EPUB/text/nav.xhtml");
                boolean font = e.getName().startsWith("EPUB/fonts/"); // see FontEntries
                byte[] plain = zip.getInputStream(e).readAllBytes();
                assertThat(e.getCompressedSize()).as(e.getName()).isEqualTo(deflated(plain,
                        navigation || font ? Deflater.DEFAULT_COMPRESSION : Deflater.BEST_COMPRESSION));
                checked += navigation ? 1 : 0;
            }
            assertThat(checked).isEqualTo(2);
        }
    }

    private static long deflated(byte[] plain, int level) {
        Deflater d = new Deflater(level, true);
        d.setInput(plain);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        while (!d.finished()) {
            out.write(chunk, 0, d.deflate(chunk));
        }
        d.end();
        return out.size();
    }
}
