package dev.sheaf.buildcache;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The build cache on disk: kept only after a successful build, never wrong, never an error, never growing. */
class BuildCacheTest {

    @TempDir
    Path out;

    private int builds;

    private static CacheKey key(String kind, Object... inputs) {
        return CacheKey.of(kind, inputs).orElseThrow();
    }

    /** Each test makes its own items: none from another test in this JVM (made of other stand-in values). */
    @BeforeEach
    void forgetRecentItems() {
        RecentItems.clear();
    }

    private BuildCache open(String identity) throws Exception {
        return BuildCache.open(out, identity, Files.createDirectories(out.resolve(".staging-" + builds++)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void should_give_back_what_a_committed_build_kept() throws Exception {
        // setup
        BuildCache first = open("sheaf 1");
        first.put(key("epub-page", "piece one"), bytes("one"));
        first.commit();
        // when
        BuildCache second = open("sheaf 1");
        // then
        assertThat(second.get(key("epub-page", "piece one"))).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("one")));
        assertThat(second.get(key("epub-page", "piece two"))).isEmpty();
        assertThat(second.get(key("site-page", "piece one"))).isEmpty();
        assertThat(out.resolve(BuildCache.FOLDER).resolve(BuildCache.TAG)).isRegularFile();
    }

    @Test
    void should_keep_nothing_from_a_build_that_did_not_commit() throws Exception {
        // setup
        BuildCache failed = open("sheaf 1");
        // when
        failed.put(key("epub-page", "piece one"), bytes("one"));
        // then
        assertThat(open("sheaf 1").get(key("epub-page", "piece one"))).isEmpty();
        assertThat(out.resolve(BuildCache.FOLDER)).doesNotExist();
    }

    @Test
    void should_not_give_entries_to_other_code() throws Exception {
        // setup
        BuildCache first = open("sheaf 1");
        first.put(key("epub-page", "piece one"), bytes("one"));
        first.commit();
        // when
        BuildCache other = open("sheaf 2");
        // then
        assertThat(other.get(key("epub-page", "piece one"))).isEmpty();
    }

    @Test
    void should_treat_damaged_entries_as_missing() throws Exception {
        // setup
        BuildCache first = open("sheaf 1");
        for (int i = 0; i < 4; i++) {
            first.put(key("epub-page", i), bytes("entry number " + i));
        }
        first.commit();
        List<Path> files = entries("epub-page");
        assertThat(files).hasSize(4);
        // when: one flipped byte in the content, one truncated, one emptied, one swapped for another's content
        byte[] flipped = Files.readAllBytes(files.get(0));
        flipped[flipped.length - 40] ^= 1;
        Files.write(files.get(0), flipped);
        byte[] whole = Files.readAllBytes(files.get(1));
        Files.write(files.get(1), java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.write(files.get(2), new byte[0]);
        Files.copy(files.get(1), files.get(3), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        BuildCache second = open("sheaf 1");
        // then
        for (int i = 0; i < 4; i++) {
            assertThat(second.get(key("epub-page", i))).as("entry %d", i).isEmpty();
        }
    }

    @Test
    void should_leave_a_folder_it_did_not_make_alone() throws Exception {
        // setup
        Path foreign = Files.createDirectories(out.resolve(BuildCache.FOLDER).resolve("epub-page"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        // when
        BuildCache cache = open("sheaf 1");
        cache.put(key("epub-page", "piece"), bytes("one"));
        cache.commit();
        // then
        assertThat(cache.enabled()).isFalse();
        assertThat(cache.get(key("epub-page", "piece"))).isEmpty();
        try (Stream<Path> s = Files.walk(out.resolve(BuildCache.FOLDER))) {
            assertThat(s.filter(Files::isRegularFile)).containsExactly(foreign.resolve("notes.txt"));
        }
    }

    @Test
    void should_run_without_a_cache_when_its_name_is_taken_by_a_file() throws Exception {
        // setup
        Files.writeString(out.resolve(BuildCache.FOLDER), "a file");
        // when
        BuildCache cache = open("sheaf 1");
        cache.put(key("epub-page", "piece"), bytes("one"));
        cache.commit();
        // then
        assertThat(cache.enabled()).isFalse();
        assertThat(out.resolve(BuildCache.FOLDER)).hasContent("a file");
    }

    @Test
    void should_keep_only_what_the_latest_build_of_each_kind_used() throws Exception {
        // setup
        BuildCache first = open("sheaf 1");
        first.put(key("epub-page", "a"), bytes("a"));
        first.put(key("epub-page", "b"), bytes("b"));
        first.put(key("site-page", "a"), bytes("site a"));
        first.commit();
        // when: the next build uses a, replaces b by c, and makes no site
        BuildCache second = open("sheaf 1");
        assertThat(second.get(key("epub-page", "a"))).isPresent();
        second.put(key("epub-page", "c"), bytes("c"));
        second.commit();
        BuildCache third = open("sheaf 1");
        // then
        assertThat(third.get(key("epub-page", "a"))).isPresent();
        assertThat(third.get(key("epub-page", "b"))).isEmpty();
        assertThat(third.get(key("epub-page", "c"))).isPresent();
        assertThat(third.get(key("site-page", "a"))).isPresent();
        assertThat(entries("epub-page")).hasSize(2);
    }

    @Test
    void should_write_an_entry_kept_from_memory_when_the_disk_lacks_it() throws Exception {
        // setup
        BuildCache first = open("sheaf 1");
        // when
        first.keep(key("site-page", "a"), () -> bytes("from memory"));
        first.commit();
        // then
        assertThat(open("sheaf 1").get(key("site-page", "a")))
                .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("from memory")));
    }

    @Test
    void should_do_nothing_when_disabled() {
        // setup
        BuildCache cache = BuildCache.disabled();
        // when
        cache.put(key("epub-page", "a"), bytes("a"));
        cache.commit();
        cache.count(new Reuse("EPUB", "pages", "compressed", 14, 13));
        // then
        assertThat(cache.get(key("epub-page", "a"))).isEmpty();
        assertThat(cache.reuse()).extracting(Reuse::describe).containsExactly("EPUB: 1 of 14 pages compressed, 13 reused");
    }

    @Test
    void should_tell_what_was_reused_in_one_order_whichever_edition_finished_first() {
        // setup
        BuildCache cache = BuildCache.disabled();
        // when: the handouts, made beside, counted before the EPUB; an edition without a place of its own
        cache.count(new Reuse("read", "pieces", "parsed", 3, 2));
        cache.count(new Reuse("handouts", "handouts", "laid out", 2, 1));
        cache.count(new Reuse("slides", "slides", "drawn", 1, 0));
        cache.count(new Reuse("citations", "citations and lists", "formatted", 5, 5));
        cache.count(new Reuse("EPUB", "pages", "compressed", 3, 2));
        cache.count(new Reuse("site", "piece pages", "written", 3, 2));
        cache.count(new Reuse("citations", "bibliography entries", "formatted", 4, 3));
        // then
        assertThat(cache.reuse()).extracting(r -> r.edition() + " " + r.items()).containsExactly("read pieces",
                "citations citations and lists", "citations bibliography entries", "EPUB pages", "handouts handouts",
                "site piece pages", "slides slides");
    }

    @Test
    void should_make_an_item_once_for_every_edition_that_asks_and_keep_it() throws Exception {
        // setup
        BuildCache cache = open("sheaf 1");
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.Callable<byte[]> make = () -> {
            made.incrementAndGet();
            return bytes("cover");
        };
        // when: begun early, then asked for from two threads
        cache.begin(key("svg-cover", "a"), make);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> cache.once(key("svg-cover", "a"), make));
            var second = pool.submit(() -> cache.once(key("svg-cover", "a"), make));
            // then
            assertThat(first.get()).isEqualTo(bytes("cover"));
            assertThat(second.get()).isEqualTo(bytes("cover"));
        } finally {
            pool.shutdown();
        }
        assertThat(made).hasValue(1);
        cache.commit();
        BuildCache next = open("sheaf 1");
        assertThat(next.once(key("svg-cover", "a"), make)).isEqualTo(bytes("cover"));
        assertThat(made).as("taken from the earlier build").hasValue(1);
    }

    @Test
    void should_make_items_begun_together_once_each_on_their_thread_or_the_askers() throws Exception {
        // setup
        BuildCache cache = open("sheaf 1");
        java.util.List<String> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.Map<CacheKey, java.util.concurrent.Callable<byte[]>> items = new java.util.LinkedHashMap<>();
        for (String name : java.util.List.of("a", "b", "c")) {
            items.put(key("epub-font", name), () -> {
                order.add(name);
                threads.add(Thread.currentThread().getName());
                return bytes("face " + name);
            });
        }
        // when
        cache.beginAll("sheaf-early-test", items);
        // then: whoever asks gets its own item, made once
        for (String name : java.util.List.of("c", "a", "b")) {
            assertThat(cache.once(key("epub-font", name), items.get(key("epub-font", name))))
                    .isEqualTo(bytes("face " + name));
        }
        assertThat(order).hasSize(3).containsExactlyInAnyOrder("a", "b", "c");
        String asker = Thread.currentThread().getName();
        assertThat(threads).isNotEmpty().allSatisfy(t -> assertThat(t).isIn("sheaf-early-test", asker));
        cache.commit();
        assertThat(open("sheaf 1").get(key("epub-font", "b"))).contains(bytes("face b"));
    }

    @Test
    void should_write_nothing_from_an_item_begun_early_that_no_edition_asked_for() throws Exception {
        // setup
        BuildCache failed = open("sheaf 1");
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        // when: begun, made, never asked for (the build failed while reading)
        failed.begin(key("svg-cover", "a"), () -> {
            done.countDown();
            return bytes("cover");
        });
        done.await();
        // then
        try (Stream<Path> s = Files.walk(out)) {
            assertThat(s.filter(Files::isRegularFile).toList()).isEmpty();
        }
    }

    @Test
    void should_throw_the_same_failure_to_every_edition_that_asks() throws Exception {
        // setup
        BuildCache cache = open("sheaf 1");
        java.util.concurrent.atomic.AtomicInteger tried = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.Callable<byte[]> broken = () -> {
            tried.incrementAndGet();
            throw new java.io.IOException("the cover cannot be drawn");
        };
        cache.begin(key("svg-cover", "a"), broken);
        // when / then
        for (int i = 0; i < 2; i++) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache.once(key("svg-cover", "a"), broken))
                    .isInstanceOf(java.io.IOException.class).hasMessage("the cover cannot be drawn");
        }
        assertThat(tried).hasValue(1);
        cache.commit();
        assertThat(open("sheaf 1").get(key("svg-cover", "a"))).isEmpty();
    }

    @Test
    void should_take_an_item_made_for_another_folder_in_this_jvm_and_keep_it_in_this_ones_cache() throws Exception {
        // setup: a build into another folder made the item
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        Path elsewhere = out.resolve("elsewhere");
        BuildCache other = BuildCache.open(elsewhere, "sheaf 1", Files.createDirectories(elsewhere.resolve(".staging")));
        assertThat(other.once(key("svg-cover", "a"), () -> bytes("v" + made.incrementAndGet()))).isEqualTo(bytes("v1"));
        // when: a build into this folder asks for the same item
        BuildCache cache = open("sheaf 1");
        byte[] got = cache.once(key("svg-cover", "a"), () -> bytes("v" + made.incrementAndGet()));
        cache.commit();
        // then: not made again, and this folder's cache has it for a build in a new JVM
        assertThat(got).isEqualTo(bytes("v1"));
        assertThat(made).hasValue(1);
        RecentItems.clear();
        assertThat(open("sheaf 1").get(key("svg-cover", "a"))).contains(bytes("v1"));
        // an item of another key is made
        assertThat(open("sheaf 1").once(key("svg-cover", "b"), () -> bytes("v" + made.incrementAndGet())))
                .isEqualTo(bytes("v2"));
    }

    @Test
    void should_make_every_item_afresh_in_each_build_when_disabled() throws Exception {
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        assertThat(BuildCache.disabled().once(key("svg-cover", "a"), () -> bytes("v" + made.incrementAndGet())))
                .isEqualTo(bytes("v1"));
        assertThat(BuildCache.disabled().once(key("svg-cover", "a"), () -> bytes("v" + made.incrementAndGet())))
                .isEqualTo(bytes("v2"));
    }

    @Test
    void should_hold_recent_items_up_to_its_bound_forgetting_the_least_recently_used() {
        byte[] quarter = new byte[RecentItems.MAX_BYTES / 4];
        for (int i = 0; i < 6; i++) {
            RecentItems.put(key("svg-cover", "k" + i), quarter);
            if (i == 1) {
                RecentItems.get(key("svg-cover", "k0")); // used again: now the most recent
            }
        }
        assertThat(RecentItems.bytes()).isLessThanOrEqualTo(RecentItems.MAX_BYTES);
        assertThat(RecentItems.get(key("svg-cover", "k5"))).isPresent();
        assertThat(RecentItems.get(key("svg-cover", "k1"))).as("least recently used").isEmpty();
        RecentItems.put(key("svg-cover", "huge"), new byte[RecentItems.MAX_BYTES / 2]);
        assertThat(RecentItems.get(key("svg-cover", "huge"))).as("too large to hold").isEmpty();
    }

    @Test
    void should_make_an_item_once_when_disabled_and_keep_nothing() throws Exception {
        // setup
        BuildCache cache = BuildCache.disabled();
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        // when
        byte[] a = cache.once(key("svg-cover", "a"), () -> bytes("v" + made.incrementAndGet()));
        byte[] b = cache.once(key("svg-cover", "a"), () -> bytes("v" + made.incrementAndGet()));
        cache.commit();
        // then
        assertThat(a).isEqualTo(bytes("v1"));
        assertThat(b).isEqualTo(bytes("v1"));
        assertThat(cache.get(key("svg-cover", "a"))).isEmpty();
    }

    @Test
    void should_say_whether_an_earlier_build_kept_items_of_a_kind() throws Exception {
        // setup
        BuildCache first = open("sheaf 1");
        assertThat(first.holds("citations")).isFalse();
        first.put(key("citations", "a"), bytes("a"));
        assertThat(first.holds("citations")).as("not before it is committed").isFalse();
        first.commit();
        // when
        BuildCache second = open("sheaf 1");
        // then
        assertThat(second.holds("citations")).isTrue();
        assertThat(second.holds("epub-page")).isFalse();
        assertThat(BuildCache.disabled().holds("citations")).isFalse();
    }

    private List<Path> entries(String kind) throws Exception {
        try (Stream<Path> s = Files.list(out.resolve(BuildCache.FOLDER).resolve(kind))) {
            return s.sorted().toList();
        }
    }
}
