package io.flightdeck.ingest.gclog;

import java.time.Instant;

/** The time and date stamps legacy GC logs write in front of a collection or a stopped-time line. */
final class LegacyStamps {
    private LegacyStamps() {
    }

    /** The time stamps in front of a bracket: "2014-04-09T15:27:23.456+0200: 0.304: " (either may be missing). */
    static LogTime prefixTime(String prefix) {
        if (prefix.isEmpty()) {
            return LogTime.UNKNOWN;
        }
        double uptime = Double.NaN;
        Instant wall = null;
        int n = prefix.length();
        int i = 0;
        while (i < n) {
            char c = prefix.charAt(i);
            if (c < '0' || c > '9') {
                i++;
                continue;
            }
            // a run of digits: a date stamp "yyyy-MM-ddTHH:mm:ss.SSS+zzzz: " or an uptime "123.456: "
            if (i + 28 <= n && prefix.charAt(i + 4) == '-' && prefix.charAt(i + 10) == 'T' && (i == 0
                    || !Character.isDigit(prefix.charAt(i - 1)))) {
                Instant parsed = parseDate(prefix, i);
                if (parsed != null) {
                    wall = parsed;
                    i += 28;
                    continue;
                }
            }
            int j = i;
            boolean separator = false;
            while (j < n && (Character.isDigit(prefix.charAt(j)) || !separator && (prefix.charAt(j) == '.'
                    || prefix.charAt(j) == ','))) {
                if (!Character.isDigit(prefix.charAt(j))) {
                    separator = true;
                }
                j++;
            }
            boolean precededByDigitOrSeparator = i > 0 && (Character.isDigit(prefix.charAt(i - 1))
                    || prefix.charAt(i - 1) == '.' || prefix.charAt(i - 1) == ',');
            if (separator && j + 1 < n + 1 && j < n && prefix.charAt(j) == ':' && !precededByDigitOrSeparator
                    && (j + 1 == n || prefix.charAt(j + 1) == ' ' || prefix.charAt(j + 1) == '[')) {
                uptime = LogValues.number(prefix, i, j);
            }
            i = j;
        }
        return new LogTime(uptime, wall);
    }

    /** "2014-04-09T15:27:23.456+0200" at {@code from}; null when it is not one. */
    private static Instant parseDate(String s, int from) {
        try {
            int year = digits(s, from, 4);
            int month = digits(s, from + 5, 2);
            int day = digits(s, from + 8, 2);
            int hour = digits(s, from + 11, 2);
            int minute = digits(s, from + 14, 2);
            int second = digits(s, from + 17, 2);
            int millis = digits(s, from + 20, 3);
            char sign = s.charAt(from + 23);
            int offsetHours = digits(s, from + 24, 2);
            int offsetMinutes = digits(s, from + 26, 2);
            if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || millis < 0
                    || offsetHours < 0 || offsetMinutes < 0 || sign != '+' && sign != '-') {
                return null;
            }
            int offsetSeconds = (sign == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
            return java.time.LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
                    .toInstant(java.time.ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (java.time.DateTimeException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int k = from; k < from + count; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
