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

    /**
     * The range {@code --from}/{@code --to} select on a recording that covers {@code start}–{@code end}: a range
     * that ends before it starts, or that misses the recording entirely, is a usage error that says what the
     * recording covers; a range that sticks out on one side is clamped to the recording with a warning on
     * {@code err}.
     */
    public static io.flightdeck.analysis.TimeRange range(String from, String to, Instant start, Instant end,
            java.io.PrintStream err) {
        Instant f = from == null ? null : parse("--from", from, start);
        Instant t = to == null ? null : parse("--to", to, start);
        if (f != null && t != null && t.isBefore(f)) {
            throw new UsageException("--to " + to + " is before --from " + from);
        }
        String covers = "the inputs cover " + seconds(Duration.ZERO) + " to " + seconds(Duration.between(start, end))
                + " (" + start + " to " + end + ")";
        if (f != null && !f.isBefore(end) && end.isAfter(start)) {
            throw new UsageException("--from " + from + " is at or after the end of the inputs: " + covers);
        }
        if (t != null && !t.isAfter(start)) {
            throw new UsageException("--to " + to + " is at or before the start of the inputs: " + covers);
        }
        if (f != null && f.isBefore(start)) {
            err.println("flightdeck: warning: --from " + from + " is before the start of the inputs; the range "
                    + "starts at " + seconds(Duration.ZERO));
            f = null;
        }
        if (t != null && t.isAfter(end)) {
            err.println("flightdeck: warning: --to " + to + " is after the end of the inputs; the range ends at "
                    + seconds(Duration.between(start, end)));
            t = null;
        }
        return new io.flightdeck.analysis.TimeRange(f, t);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "+%.2fs", d.toNanos() / 1e9);
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
