package dev.sheaf.buildcache;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MadeOnceTest {

    @Test
    void should_make_each_value_once_whether_begun_early_or_asked_for_from_several_threads() throws Exception {
        AtomicInteger made = new AtomicInteger();
        MadeOnce<String, String> values = new MadeOnce<>("sheaf-early-test", k -> {
            made.incrementAndGet();
            return k.toUpperCase();
        });
        values.begin("a");
        values.begin("a");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<String> first = pool.submit(() -> values.get("a"));
            Future<String> second = pool.submit(() -> values.get("a"));
            Future<String> other = pool.submit(() -> values.get("b"));
            assertThat(first.get()).isEqualTo("A");
            assertThat(second.get()).isEqualTo("A");
            assertThat(other.get()).isEqualTo("B");
        } finally {
            pool.shutdown();
        }
        assertThat(made).hasValue(2);
    }

    @Test
    void should_throw_what_failed_to_whoever_asks() {
        MadeOnce<String, String> values = new MadeOnce<>("sheaf-early-test", k -> {
            throw new IllegalStateException("no such language: " + k);
        });
        values.begin("xx");
        assertThatThrownBy(() -> values.get("xx")).isInstanceOf(IllegalStateException.class)
                .hasMessage("no such language: xx");
    }
}
