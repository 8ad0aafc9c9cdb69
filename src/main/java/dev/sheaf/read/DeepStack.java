package dev.sheaf.read;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a parse, and if it overflows the stack (flexmark's table and emphasis regexes recurse per
 * character on pathological input), runs it once more on a thread with a large stack. Empty when
 * even that is not enough, so the caller can report the piece instead of crashing.
 */
final class DeepStack {

    /** Stack for the retry; only pathological pieces ever need it. */
    private static final long RETRY_STACK_BYTES = 512L << 20;

    private DeepStack() { }

    static <T> Optional<T> call(Supplier<T> work) {
        try {
            return Optional.of(work.get());
        } catch (StackOverflowError first) {
            AtomicReference<T> result = new AtomicReference<>();
            Thread t = new Thread(null, () -> {
                try {
                    result.set(work.get());
                } catch (StackOverflowError again) {
                    // reported by the caller as an empty result
                }
            }, "sheaf-deep-parse", RETRY_STACK_BYTES);
            t.start();
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.ofNullable(result.get());
        }
    }
}
