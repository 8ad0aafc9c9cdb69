package dev.sheaf.buildcache;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The digest stands for {@code equals}: equal values, equal digests; unequal values, different ones. */
class ContentDigestTest {

    record Text(String value) { }

    record Emphasis(String value) { }

    record Para(List<Object> inlines, Map<String, Object> extra, Path file, LocalDate date, Optional<String> note) { }

    private static Para para(String word, Map<String, Object> extra) {
        return new Para(List.of(new Text(word), new Emphasis("x")), extra, Path.of("a/b.md"), LocalDate.of(2020, 1, 2),
                Optional.empty());
    }

    @Test
    void should_give_equal_values_equal_digests() {
        // setup
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", List.of("x"));
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", List.of("x"));
        ba.put("a", 1);
        // when / then
        assertThat(para("w", ab)).isEqualTo(para("w", ba));
        assertThat(ContentDigest.of(para("w", ab))).isEqualTo(ContentDigest.of(para("w", ba)));
        assertThat(ContentDigest.of(Set.of("a", "b", "c"))).isEqualTo(ContentDigest.of(Set.of("c", "b", "a")));
    }

    @Test
    void should_tell_unequal_values_apart() {
        // setup
        List<Object> values = List.of(para("w", Map.of()), para("v", Map.of()), para("w", Map.of("a", 1)),
                para("w", Map.of("a", 1L)), para("w", Map.of("a", "1")), new Text("x"), new Emphasis("x"),
                List.of("ab", "c"), List.of("a", "bc"), List.of("a", "b", "c"), Optional.of("a"), Optional.empty(),
                Path.of("a"), "a", List.of(), Map.of(), Set.of());
        // when
        List<String> digests = values.stream().map(v -> java.util.HexFormat.of().formatHex(ContentDigest.of(v))).toList();
        // then
        assertThat(digests).doesNotHaveDuplicates();
        assertThat(ContentDigest.of("a", "b")).isNotEqualTo(ContentDigest.of("ab"));
        assertThat(ContentDigest.of((Object) null)).isNotEqualTo(ContentDigest.of("null"));
    }

    @Test
    void should_refuse_values_whose_equality_it_cannot_stand_for() {
        // setup
        Object mutable = new StringBuilder("x");
        // when / then
        assertThatThrownBy(() -> ContentDigest.of(List.of(mutable))).isInstanceOf(ContentDigest.Undigestible.class);
        assertThat(CacheKey.of("epub-page", mutable)).isEmpty();
        assertThat(CacheKey.of("epub-page", "x")).isPresent();
    }
}
