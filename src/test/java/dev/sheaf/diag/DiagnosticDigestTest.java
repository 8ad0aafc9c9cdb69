package dev.sheaf.diag;

import dev.sheaf.model.SourceRef;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosticDigestTest {

    private static Diagnostic at(MessageId id, String file, int line) {
        return new Diagnostic(id, id.defaultSeverity(), SourceRef.of(Path.of(file)).at(line, 3), "text " + line, "");
    }

    @Test
    void showsTheFirstOfAKindWithTheirPlacesThenCountsTheRestWhereTheNextWouldBe() {
        List<Diagnostic> all = new ArrayList<>();
        for (int line = 1; line <= 25; line++) {
            all.add(at(MessageId.IDX_009, "index.yaml", line));
            if (line == 12) {
                all.add(at(MessageId.IDX_004, "index.yaml", 12));
            }
        }
        all.add(at(MessageId.FM_004, "chapters/a/b.md", 4)); // an error is never counted away
        List<Diagnostic> shown = DiagnosticDigest.of(all, 10);
        assertThat(shown).hasSize(13);
        assertThat(shown.subList(0, 10)).allMatch(d -> d.id() == MessageId.IDX_009 && d.where().line() > 0);
        assertThat(shown.get(10).format()).isEqualTo("index.yaml: warning: and 15 more like the ones above, 25 in all"
                + " \u2014 --verbose lists every one, as does --diagnostics json [IDX-009]");
        assertThat(shown.get(11).id()).isEqualTo(MessageId.IDX_004);
        assertThat(shown.get(12).format()).startsWith("chapters/a/b.md:4:3: error:");
        assertThat(DiagnosticDigest.of(all, Integer.MAX_VALUE)).isEqualTo(all);
    }

    @Test
    void countsWithoutAPlaceWhenTheRestAreInSeveralFiles() {
        List<Diagnostic> all = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            all.add(at(MessageId.FM_007, "chapters/a/" + i + ".md", 2));
        }
        List<Diagnostic> shown = DiagnosticDigest.of(all, 10);
        assertThat(shown).hasSize(11);
        assertThat(shown.get(10).format()).startsWith("info: and 4 more like the ones above, 14 in all");
        for (int i = 0; i < 12; i++) {
            all.add(at(MessageId.FM_004, "chapters/a/" + i + ".md", 3));
        }
        assertThat(DiagnosticDigest.of(all, 10)).filteredOn(d -> d.id() == MessageId.FM_004).hasSize(12);
    }
}
