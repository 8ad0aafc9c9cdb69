package dev.sheaf.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Timeline}: the passes of a rebuild in the order they ran, each with its time, and how late the change was seen. */
class TimelineTest {

    @Test
    void names_every_pass_in_order_after_the_wait_for_the_change() {
        Timeline t = new Timeline(42);
        t.stage("index");
        t.citing();
        t.stage("links");
        t.writing("epub");
        t.writing("site");
        t.stage("commit");
        String line = t.describe(System.nanoTime());
        assertThat(line).startsWith("timeline: 42 ms from the save to the change seen; read ")
                .containsSubsequence("read ", " ms, index ", " ms, citations ", " ms, links ", " ms, epub ",
                        " ms, site ", " ms, commit ", " ms; ", " ms in all");
    }

    @Test
    void says_nothing_of_the_wait_when_it_is_not_known() {
        assertThat(new Timeline(-1).describe(System.nanoTime())).startsWith("timeline: read ");
    }

    @Test
    void the_wait_is_counted_from_the_newest_file_changed(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path older = Files.writeString(dir.resolve("a.md"), "a");
        Path newer = Files.writeString(dir.resolve("b.md"), "b");
        long now = System.currentTimeMillis();
        Files.setLastModifiedTime(older, FileTime.fromMillis(now - 60_000));
        Files.setLastModifiedTime(newer, FileTime.fromMillis(now - 30_000));
        long seen = Timeline.sinceNewest(List.of(older, newer, dir.resolve("deleted.md")));
        assertThat(seen).isBetween(30_000L, 59_000L);
        assertThat(Timeline.sinceNewest(List.of(dir.resolve("deleted.md")))).isNegative();
    }
}
