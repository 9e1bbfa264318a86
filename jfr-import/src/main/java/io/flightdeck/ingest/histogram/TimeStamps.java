package io.flightdeck.ingest.histogram;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the time stamp lines that scripts write between periodic histograms: ISO-8601
 * ("2026-11-27T10:15:30+01:00", "2026-11-27 10:15:30", "2026-11-27T09:15:30.123Z", "…+0100") and the
 * {@code date} command's output ("Fri Nov 27 10:15:30 UTC 2026", "Fri, 27 Nov 2026 10:15:30 +0100"). A stamp
 * without zone or offset is read in the given zone (the machine's, by default).
 */
final class TimeStamps {
    private static final Pattern ISO = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\d)[T ](\\d\\d:\\d\\d(?::\\d\\d(?:[.,]\\d{1,9})?)?)\\s*(Z|[+-]\\d\\d(?::?\\d\\d)?)?$");
    private static final Pattern DATE_LIKE = Pattern.compile("^[A-Z][a-z]{2},?\\s.*\\d\\d:\\d\\d:\\d\\d.*$");
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            formatter("EEE MMM d HH:mm:ss zzz yyyy"),
            formatter("EEE MMM d hh:mm:ss a zzz yyyy"),
            formatter("EEE d MMM yyyy HH:mm:ss zzz"),
            formatter("EEE d MMM yyyy hh:mm:ss a zzz"),
            formatter("EEE MMM d HH:mm:ss xx yyyy"),
            DateTimeFormatter.RFC_1123_DATE_TIME);

    private final ZoneId localZone;

    TimeStamps(ZoneId localZone) {
        this.localZone = localZone;
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
    }

    /** The instant a time stamp line names, or empty when the line is not one. */
    Optional<Instant> parse(String line) {
        String s = line.strip();
        if (s.length() < 10 || s.length() > 64) {
            return Optional.empty();
        }
        try {
            Matcher iso = ISO.matcher(s);
            if (iso.matches()) {
                String time = iso.group(2).replace(',', '.');
                LocalDateTime local = LocalDateTime.parse(iso.group(1) + "T" + (time.length() == 5 ? time + ":00" : time));
                String offset = iso.group(3);
                if (offset == null) {
                    return Optional.of(local.atZone(localZone).toInstant());
                }
                if (offset.length() == 5) {
                    offset = offset.substring(0, 3) + ":" + offset.substring(3);
                }
                return Optional.of(local.toInstant(ZoneOffset.of(offset)));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        if (!DATE_LIKE.matcher(s).matches()) {
            return Optional.empty();
        }
        String collapsed = s.replaceAll("\\s+", " ");
        for (DateTimeFormatter f : DATE_FORMATS) {
            try {
                return Optional.of(ZonedDateTime.parse(collapsed, f).toInstant());
            } catch (DateTimeException e) {
                // try the next shape
            }
        }
        return Optional.empty();
    }
}
