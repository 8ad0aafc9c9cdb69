package dev.sheaf.maven;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Maven's {@code project.build.outputTimestamp}: ISO-8601 or seconds since the epoch. */
final class OutputTimestamp {

    private OutputTimestamp() { }

    static Optional<Instant> parse(String value) {
        if (value == null || value.isBlank() || value.length() < 2) {
            return Optional.empty();
        }
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(value)));
            }
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
