package io.flightdeck.ingest.gclog;

/** Small parsers for the numbers GC logs print: sizes with units, durations with units, heap transitions. */
final class LogValues {
    private LogValues() {
    }

    /**
     * A size such as {@code 24M}, {@code 314.4K}, {@code 0.0B}, {@code 3G}, {@code 1024K}, or a plain number of
     * bytes; 1024-based as the JVM prints them. Returns -1 when the text is not a size.
     */
    static long size(CharSequence text, int from, int to) {
        if (from >= to) {
            return -1;
        }
        char unit = text.charAt(to - 1);
        long multiplier;
        int end = to - 1;
        switch (unit) {
            case 'B' -> multiplier = 1;
            case 'K', 'k' -> multiplier = 1L << 10;
            case 'M' -> multiplier = 1L << 20;
            case 'G' -> multiplier = 1L << 30;
            case 'T' -> multiplier = 1L << 40;
            default -> {
                multiplier = 1;
                end = to;
            }
        }
        if (end > from && text.charAt(end - 1) == ' ') {
            end--;
        }
        double value = number(text, from, end);
        if (Double.isNaN(value)) {
            return -1;
        }
        return Math.round(value * multiplier);
    }

    static long size(String text) {
        return size(text, 0, text.length());
    }

    /** A decimal number with '.' or ',' as separator, or NaN. */
    static double number(CharSequence text, int from, int to) {
        if (from >= to) {
            return Double.NaN;
        }
        long whole = 0;
        long fraction = 0;
        long scale = 1;
        boolean inFraction = false;
        boolean digits = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
                if (inFraction) {
                    if (scale < 1_000_000_000_000L) {
                        fraction = fraction * 10 + (c - '0');
                        scale *= 10;
                    }
                } else {
                    whole = whole * 10 + (c - '0');
                }
            } else if ((c == '.' || c == ',') && !inFraction) {
                inFraction = true;
            } else {
                return Double.NaN;
            }
        }
        return digits ? whole + (double) fraction / scale : Double.NaN;
    }

    /**
     * The duration at the end of a message ({@code 3.456ms}, {@code 0.053s}, {@code 12us}, {@code 800ns}), in
     * seconds; NaN when the message does not end with one. {@link #durationStart} tells where it begins.
     */
    static double trailingDuration(String message) {
        int start = durationStart(message);
        if (start < 0) {
            return Double.NaN;
        }
        int end = message.length();
        double scale;
        if (message.endsWith("ms")) {
            scale = 1e-3;
            end -= 2;
        } else if (message.endsWith("us")) {
            scale = 1e-6;
            end -= 2;
        } else if (message.endsWith("ns")) {
            scale = 1e-9;
            end -= 2;
        } else {
            scale = 1;
            end -= 1;
        }
        return number(message, start, end) * scale;
    }

    /** Index where a trailing duration such as {@code 3.456ms} starts (after a space), or -1. */
    static int durationStart(String message) {
        int end = message.length();
        int unitLength;
        if (end < 3) {
            return -1;
        }
        char last = message.charAt(end - 1);
        char beforeLast = message.charAt(end - 2);
        if (last == 's' && (beforeLast == 'm' || beforeLast == 'u' || beforeLast == 'n')) {
            unitLength = 2;
        } else if (last == 's') {
            unitLength = 1;
        } else {
            return -1;
        }
        int i = end - unitLength - 1;
        boolean digit = false;
        while (i >= 0) {
            char c = message.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != ',') {
                break;
            }
            i--;
        }
        if (!digit || i < 0 || message.charAt(i) != ' ') {
            return -1;
        }
        return i + 1;
    }

    /**
     * Removes a trailing heap transition ("24M->3M(256M)", "14M(1%)->10M(1%)") from the text and stores
     * before/after/committed in {@code heap}.
     */
    static String stripHeapTransition(String body, long[] heap) {
        int space = body.lastIndexOf(' ');
        String token = body.substring(space + 1);
        if (token.indexOf("->") < 0) {
            return body;
        }
        long[] v = transition(token, 0);
        if (v == null) {
            return body;
        }
        heap[0] = v[0];
        heap[1] = v[1];
        heap[2] = v[2];
        return space < 0 ? "" : body.substring(0, space).strip();
    }

    /**
     * Parses "a->b(c)", "a(c0)->b(c)", "a->b", "14M(1%)->10M(1%)"; sizes with units, or counts multiplied by
     * {@code unitBytes} when it is positive. Returns {before, after, committed or -1}, or null.
     */
    static long[] transition(String token, long unitBytes) {
        int arrow = token.indexOf("->");
        if (arrow <= 0) {
            return null;
        }
        String left = token.substring(0, arrow);
        String right = token.substring(arrow + 2);
        int lp = left.indexOf('(');
        if (lp >= 0) {
            left = left.substring(0, lp);
        }
        long committed = -1;
        int rp = right.indexOf('(');
        if (rp >= 0) {
            int close = right.indexOf(')', rp);
            String inner = right.substring(rp + 1, close < 0 ? right.length() : close);
            if (!inner.endsWith("%")) {
                committed = unitBytes > 0 ? count(inner, unitBytes) : LogValues.size(inner);
            }
            right = right.substring(0, rp);
        }
        long before = unitBytes > 0 ? count(left, unitBytes) : LogValues.size(left);
        long after = unitBytes > 0 ? count(right, unitBytes) : LogValues.size(right);
        if (before < 0 || after < 0) {
            return null;
        }
        return new long[]{before, after, committed};
    }

    private static long count(String text, long unitBytes) {
        double v = LogValues.number(text, 0, text.length());
        return Double.isNaN(v) ? -1 : Math.round(v) * unitBytes;
    }

    /** The digits from {@code from} to {@code to} as a number; -1 when one of them is not a digit. */
    static long parseLong(CharSequence s, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
