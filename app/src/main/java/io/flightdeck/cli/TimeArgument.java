package io.flightdeck.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the {@code --from}/{@code --to} values: seconds from the start of the recording ({@code +12.5},
 * {@code 12.5}, {@code 12.5s}, {@code 1500ms}, {@code 2m}) or a point in time (ISO-8601 with or without offset;
 * without one it is UTC, the zone reports are in; a bare time of day is taken on the recording's start date).
 */
public final class TimeArgument {
    private static final Pattern OFFSET = Pattern.compile("\\+?(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");

    private TimeArgument() {
    }

    public static Instant parse(String option, String text, Instant recordingStart) {
        String t = text.strip();
        Matcher m = OFFSET.matcher(t.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            double value = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double seconds = switch (unit) {
                case "ms" -> value / 1000;
                case "m", "min" -> value * 60;
                case "h" -> value * 3600;
                default -> value;
            };
            return recordingStart.plus(Duration.ofNanos(Math.round(seconds * 1e9)));
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException ignored) {
            // try the other forms
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the other forms
        }
        try {
            return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the other forms
        }
        try {
            LocalDate day = LocalDate.ofInstant(recordingStart, ZoneOffset.UTC);
            return LocalTime.parse(t).atDate(day).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // fall through to the usage error
        }
        throw new UsageException(option + " " + text + ": not a time; give seconds from the start (+12.5) or an "
                + "ISO-8601 time (2026-11-27T08:15:40Z)");
    }
}
