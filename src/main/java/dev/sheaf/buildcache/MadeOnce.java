package dev.sheaf.buildcache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * Values made once per JVM by key, which a build may begin on a thread of its own while it reads the pieces
 * ({@link #begin}) and take when it needs them ({@link #get}): whoever asks first makes the value, the others wait for
 * it. For what the JDK is slow to make the first time and is the same for every build, such as a language's collator
 * or its date formats; what depends on the book goes through {@link BuildCache#once} instead.
 */
public final class MadeOnce<K, V> {

    private final String thread;
    private final Function<K, V> make;
    private final Map<K, FutureTask<V>> made = new ConcurrentHashMap<>();

    /** Values made by {@code make}, begun on daemon threads named {@code thread}. */
    public MadeOnce(String thread, Function<K, V> make) {
        this.thread = thread;
        this.make = make;
    }

    /** Begins making the value of {@code key} on a thread of its own, unless it is made or being made. */
    public void begin(K key) {
        if (made.containsKey(key)) {
            return;
        }
        Thread t = new Thread(task(key), thread);
        t.setDaemon(true);
        t.start();
    }

    /** The value of {@code key}: made now, or taken (perhaps waited for) from whoever made it. */
    public V get(K key) {
        FutureTask<V> task = task(key);
        task.run(); // nothing when it has run or is running: then it is waited for
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return make.apply(key);
        } catch (ExecutionException e) {
            return make.apply(key); // throws here, on the asking thread, what failed there
        }
    }

    private FutureTask<V> task(K key) {
        return made.computeIfAbsent(key, k -> new FutureTask<>(() -> make.apply(k)));
    }
}
