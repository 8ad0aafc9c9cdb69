package dev.sheaf.render;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Dates written in full as the book's language writes them ("1 December 2026"), as the editions' colophons give the
 * edition's date. The JDK reads a language's CLDR data the first time it formats such a date, 50 to 60 ms in a
 * fresh JVM with the first JIT tier, at the end of a small book's EPUB; a build begins that while the pieces are
 * read ({@link #begin}), and the editions take the formatter made then.
 */
public final class LongDates {

    private static final Map<Locale, FutureTask<DateTimeFormatter>> FORMATTERS = new ConcurrentHashMap<>();

    private LongDates() { }

    /** Begins making the formatter of {@code locale} on a thread of its own, unless it is made or being made. */
    public static void begin(Locale locale) {
        if (FORMATTERS.containsKey(locale)) {
            return;
        }
        Thread t = new Thread(task(locale), "sheaf-early-dates");
        t.setDaemon(true);
        t.start();
    }

    /** {@code date} in full, in {@code locale}'s words. */
    public static String format(LocalDate date, Locale locale) {
        FutureTask<DateTimeFormatter> task = task(locale);
        task.run(); // nothing when it has run or is running: then it is waited for
        try {
            return task.get().format(date);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return formatter(locale).format(date);
        } catch (ExecutionException e) {
            return formatter(locale).format(date);
        }
    }

    private static FutureTask<DateTimeFormatter> task(Locale locale) {
        return FORMATTERS.computeIfAbsent(locale, l -> new FutureTask<>(() -> {
            DateTimeFormatter f = formatter(l);
            f.format(LocalDate.EPOCH); // the language's CLDR data is read at the first date formatted
            return f;
        }));
    }

    private static DateTimeFormatter formatter(Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    }
}
