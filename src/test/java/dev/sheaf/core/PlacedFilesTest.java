package dev.sheaf.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PlacedFiles}: a session's build that writes the very bytes an earlier build left in place leaves the file
 * as it is; a file changed or replaced since is compared and written again, whatever array is written.
 */
class PlacedFilesTest {

    @TempDir
    Path out;

    @Test
    void a_file_left_in_place_stays_and_one_changed_since_is_written_again() throws Exception {
        // setup: a page put in place by a session's build
        PlacedFiles placed = PlacedFiles.create();
        byte[] page = "<p>kept page</p>".getBytes(StandardCharsets.UTF_8);
        build(placed, page);
        Path file = out.resolve("site/page.html");
        Object inode = key(file);
        // when: the same array written again
        build(placed, page);
        // then: the file left as it is (not renamed into place again)
        assertThat(key(file)).isEqualTo(inode);
        assertThat(Files.readAllBytes(file)).isEqualTo(page);
        // when: the file changed in place since (same size, a later time), then the same array written
        Files.write(file, "<p>edited page</p>".substring(0, page.length).getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        build(placed, page);
        // then: compared, found different, written again
        assertThat(Files.readAllBytes(file)).isEqualTo(page);
        // when: the file replaced by another one of the same size, then the same array written
        Path other = out.resolve("other.html");
        Files.write(other, "<p>other pag</p>".getBytes(StandardCharsets.UTF_8));
        Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        build(placed, page);
        // then: written again
        assertThat(Files.readAllBytes(file)).isEqualTo(page);
        // and an equal array that is not the one written last is compared, and left in place
        Object now = key(file);
        build(placed, page.clone());
        assertThat(key(file)).isEqualTo(now);
    }

    private void build(PlacedFiles placed, byte[] page) throws Exception {
        try (StagedOutput staged = new StagedOutput(out, placed)) {
            staged.forFormat("site").write("site/page.html", page);
            staged.commit();
        }
    }

    private static Object key(Path file) throws Exception {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }
}
