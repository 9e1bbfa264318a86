package io.flightdeck.analysis.format;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one place numbers become text: bytes (binary units), durations, percentages, rates and instants. Missing
 * values render as an em dash.
 */
public final class Format {
    public static final String MISSING = "—";
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Format() {
    }

    /** 1536 → "1.5 KiB". Negative means unknown. */
    public static String bytes(long bytes) {
        if (bytes < 0) {
            return MISSING;
        }
        return bytes((double) bytes);
    }

    public static String bytes(double bytes) {
        if (Double.isNaN(bytes)) {
            return MISSING;
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = Math.abs(bytes);
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        String sign = bytes < 0 ? "-" : "";
        return u == 0 ? sign + String.format(Locale.ROOT, "%.0f B", v)
                : sign + String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : v >= 10 ? "%.1f %s" : "%.2f %s", v, units[u]);
    }

    public static String bytesPerSecond(double bytesPerSecond) {
        return Double.isNaN(bytesPerSecond) ? MISSING : bytes(bytesPerSecond) + "/s";
    }

    /** A duration with a unit that fits: "850 µs", "7.11 ms", "1.25 s", "3 min 4 s". */
    public static String duration(Duration d) {
        if (d == null) {
            return MISSING;
        }
        return seconds(d.toNanos() / 1e9);
    }

    public static String seconds(double s) {
        if (Double.isNaN(s)) {
            return MISSING;
        }
        double a = Math.abs(s);
        if (a == 0) {
            return "0 s";
        }
        if (a < 1e-3) {
            return String.format(Locale.ROOT, "%.0f µs", s * 1e6);
        }
        if (a < 1) {
            return String.format(Locale.ROOT, a < 0.01 ? "%.2f ms" : a < 0.1 ? "%.1f ms" : "%.0f ms", s * 1e3);
        }
        if (a < 60) {
            return String.format(Locale.ROOT, a < 10 ? "%.2f s" : "%.1f s", s);
        }
        long total = Math.round(a);
        String sign = s < 0 ? "-" : "";
        if (total < 3600) {
            return sign + (total / 60) + " min " + (total % 60) + " s";
        }
        return sign + (total / 3600) + " h " + (total % 3600 / 60) + " min";
    }

    /** 12.345 → "12.3 %". */
    /** GC throughput; -1 means it cannot be known (the source has no time stamps). */
    public static String throughput(double percent) {
        return percent < 0 ? "unknown (no time stamps)" : percent(percent);
    }

    public static String percent(double percent) {
        if (Double.isNaN(percent)) {
            return MISSING;
        }
        return String.format(Locale.ROOT, Math.abs(percent) >= 10 || percent == 0 ? "%.1f %%" : "%.2f %%", percent);
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String rate(double perSecond, String unit) {
        return Double.isNaN(perSecond) ? MISSING : String.format(Locale.ROOT, perSecond >= 100 ? "%.0f %s/s" : "%.1f %s/s",
                perSecond, unit);
    }

    public static String instant(Instant t) {
        return t == null ? MISSING : INSTANT.format(t);
    }
}
