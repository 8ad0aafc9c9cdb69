package dev.sheaf.cite;

import dev.sheaf.model.Inline;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The "cite this piece" lines of a book: one bibliography entry per piece, each formatted on its own (so its
 * citation number, in the styles that print one, is always 1, whatever the other pieces). They are the most
 * expensive part of the citations (every line title-cases the anthology's title as well as the piece's), so
 * for a large book a second processor on another thread shares them with the main one, in small batches.
 */
final class CiteThisLines {

    private static final int BATCH = 32;

    private final List<String> ids;
    private final AtomicInteger next = new AtomicInteger();
    private final Set<String> tried = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Inline>> lines = new ConcurrentHashMap<>();
    private Thread helper;

    /** @param ids the in-anthology item of each piece */
    CiteThisLines(List<String> ids) {
        this.ids = List.copyOf(ids);
    }

    /** Starts formatting on another thread, with the processor {@code engine} makes there. */
    CiteThisLines startHelper(Callable<? extends CitationFormatter> engine) {
        helper = new Thread(() -> {
            try {
                work(engine.call());
            } catch (Exception | LinkageError e) {
                // The main processor formats whatever is left.
            }
        }, "sheaf-cite");
        helper.setDaemon(true);
        helper.start();
        return this;
    }

    /** Formats what is left with {@code engine}, waits for the helper, and returns every line by item id. */
    Map<String, List<Inline>> finish(CitationFormatter engine) {
        work(engine);
        if (helper != null) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while formatting citations", e);
            }
        }
        // Lines the helper took but could not finish.
        for (String id : ids) {
            if (!lines.containsKey(id) && tried.add(id + "\n")) {
                lines.putAll(engine.entries(List.of(id)));
            }
        }
        return Map.copyOf(lines);
    }

    private void work(CitationFormatter engine) {
        for (int i = next.getAndAdd(BATCH); i < ids.size(); i = next.getAndAdd(BATCH)) {
            for (String id : ids.subList(i, Math.min(i + BATCH, ids.size()))) {
                lines.putAll(engine.entries(List.of(id)));
                tried.add(id);
            }
        }
    }
}
