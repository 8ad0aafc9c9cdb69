package dev.sheaf.buildcache;

import dev.sheaf.core.Sheaf;
import dev.sheaf.diag.Diagnostics;
import dev.sheaf.model.Book;
import dev.sheaf.model.Piece;
import dev.sheaf.testing.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the codec reads back is {@code equals} to what it wrote; anything else it reads is an IOException. */
class RecordCodecTest {

    @TempDir
    Path tmp;

    @Test
    void should_read_back_every_piece_of_real_books_as_it_was() throws Exception {
        // setup: the books that exercise the most of the model (notes, images, citations, tables, links, index)
        List<Piece> pieces = new ArrayList<>();
        for (String name : List.of("kitchen-sink", "cited", "handouts-event")) {
            Book book = new Sheaf().book(TestBooks.copy(name, tmp.resolve(name)), new Diagnostics()).orElseThrow();
            pieces.addAll(book.pieces());
        }
        Book companion = new Sheaf().book(Path.of("."), new Diagnostics()).orElseThrow();
        pieces.addAll(companion.pieces());
        // when / then
        assertThat(pieces).hasSizeGreaterThan(10);
        for (Piece p : pieces) {
            assertThat(RecordCodec.decode(RecordCodec.encode(p))).as(p.id()).isEqualTo(p);
        }
    }

    @Test
    void should_keep_null_components_empty_optionals_and_map_order() throws Exception {
        // setup
        record Holder(String a, java.util.Optional<String> b, Map<String, Object> c, List<Object> d, long e, double f) { }
        Map<String, Object> ordered = new java.util.LinkedHashMap<>();
        ordered.put("z", 1);
        ordered.put("a", List.of(true, 2L, "x"));
        Holder h = new Holder(null, java.util.Optional.empty(), ordered, Arrays.asList("x", null), 7L, 0.5);
        // when
        Object back = RecordCodec.decode(RecordCodec.encode(h));
        // then
        assertThat(back).isEqualTo(h);
        assertThat(((Holder) back).c().keySet()).containsExactly("z", "a");
    }

    @Test
    void should_refuse_bytes_it_did_not_write_and_classes_not_its_own() {
        // setup
        byte[] good = RecordCodec.encode(List.of("a", 1));
        byte[] truncated = Arrays.copyOf(good, good.length - 1);
        byte[] foreign = RecordCodec.encode(List.of("java.lang.ProcessBuilder"));
        foreign[0] = 'R';
        // when / then
        assertThatThrownBy(() -> RecordCodec.decode(truncated)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> RecordCodec.decode("garbage".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> RecordCodec.decode(new byte[] {'R', 0, 0, 0, 16, 'j', 'a', 'v', 'a', '.', 'l', 'a', 'n',
                'g', '.', 'T', 'h', 'r', 'e', 'a', 'd', 0, 0})).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> RecordCodec.encode(new StringBuilder())).isInstanceOf(ContentDigest.Undigestible.class);
    }
}
