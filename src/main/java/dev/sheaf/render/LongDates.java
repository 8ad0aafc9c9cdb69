package dev.sheaf.render;

import dev.sheaf.buildcache.MadeOnce;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates written in full as the book's language writes them ("1 December 2026"), as the editions' colophons give the
 * edition's date. The JDK reads a language's CLDR data the first time it formats such a date, 50 to 60 ms in a
 * fresh JVM with the first JIT tier, at the end of a small book's EPUB; a build begins that while the pieces are
 * read ({@link #begin}), and the editions take the formatter made then.
 */
public final class LongDates {

    private static final MadeOnce<Locale, DateTimeFormatter> FORMATTERS = new MadeOnce<>("sheaf-early-dates", l -> {
        DateTimeFormatter f = formatter(l);
        f.format(LocalDate.EPOCH); // the language's CLDR data is read at the first date formatted
        return f;
    });

    private LongDates() { }

    /** Begins making the formatter of {@code locale} on a thread of its own, unless it is made or being made. */
    public static void begin(Locale locale) {
        FORMATTERS.begin(locale);
    }

    /** {@code date} in full, in {@code locale}'s words. */
    public static String format(LocalDate date, Locale locale) {
        return FORMATTERS.get(locale).format(date);
    }

    private static DateTimeFormatter formatter(Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    }
}
