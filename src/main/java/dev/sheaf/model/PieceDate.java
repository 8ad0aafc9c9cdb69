package dev.sheaf.model;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A first-publication date, as precise as the author knows it (year, month or day), and whether it is
 * an estimate.
 *
 * @param month 1–12, or 0 when unknown
 * @param day   1–31, or 0 when unknown
 * @param basis why an estimated date was chosen; may be null
 */
public record PieceDate(int year, int month, int day, boolean estimated, String basis)
        implements Comparable<PieceDate> {

    /**
     * A time of day after the day, as Jekyll, Hugo and Hexo front matter write it ({@code 2021-04-17 00:17:54},
     * {@code 2021-04-17T00:17:54+08:00}, {@code 2021-04-17 00:17 -0500}): a piece's first publication is a day, so the
     * time is dropped, and the day is the one written (not moved to another time zone).
     */
    private static final Pattern TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?: ?(?:Z|[+-]\\d{2}(?::?\\d{2})?))?)");

    /**
     * Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, the last maybe followed by a time of day (dropped);
     * empty when it is not a real date.
     */
    public static Optional<PieceDate> parse(String text, boolean estimated, String basis) {
        String s = text == null ? "" : text.trim();
        Matcher timed = TIME.matcher(s);
        if (timed.matches()) {
            s = timed.group(1);
        }
        if (!s.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
            return Optional.empty();
        }
        String[] p = s.split("-");
        int y = Integer.parseInt(p[0]);
        int m = p.length > 1 ? Integer.parseInt(p[1]) : 0;
        int d = p.length > 2 ? Integer.parseInt(p[2]) : 0;
        try {
            if (d > 0) {
                LocalDate.of(y, m, d);
            } else if (m > 0) {
                Month.of(m);
            }
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        return Optional.of(new PieceDate(y, m, d, estimated, basis));
    }

    /** The earliest day the date can mean; used for sorting. */
    public LocalDate start() {
        return LocalDate.of(year, Math.max(month, 1), Math.max(day, 1));
    }

    /** ISO form at the known precision: {@code 2022}, {@code 2022-01} or {@code 2022-01-10}. */
    public String iso() {
        if (month == 0) {
            return String.format(Locale.ROOT, "%04d", year);
        }
        return day == 0 ? String.format(Locale.ROOT, "%04d-%02d", year, month)
                : String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
    }

    /** Reader-facing form, e.g. "10 January 2022" or "January 2022", with "c." when estimated. */
    public String display(Locale locale) {
        StringBuilder sb = new StringBuilder();
        if (day > 0) {
            sb.append(day).append(' ');
        }
        if (month > 0) {
            sb.append(Month.of(month).getDisplayName(TextStyle.FULL, locale)).append(' ');
        }
        sb.append(year);
        return estimated ? "c.\u00a0" + sb : sb.toString();
    }

    @Override
    public int compareTo(PieceDate o) {
        int c = start().compareTo(o.start());
        return c != 0 ? c : Integer.compare(precision(), o.precision());
    }

    private int precision() {
        return month == 0 ? 0 : day == 0 ? 1 : 2;
    }
}
