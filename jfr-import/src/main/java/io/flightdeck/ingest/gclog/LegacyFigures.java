package io.flightdeck.ingest.gclog;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures inside a legacy GC log's collection text: the pause's name, its duration, heap transitions and the
 * generations they belong to.
 */
final class LegacyFigures {
    private LegacyFigures() {
    }

    /** The words naming a pause: everything before the first digit outside parentheses. */
    static String leadingName(String own) {
        int depthParen = 0;
        int end = own.length();
        for (int i = 0; i < own.length(); i++) {
            char c = own.charAt(i);
            if (c == '(') {
                depthParen++;
            } else if (c == ')') {
                depthParen--;
            } else if (depthParen == 0 && (Character.isDigit(c) || c == ',' || c == '[')) {
                end = i;
                break;
            }
        }
        String name = own.substring(0, end).strip();
        int invoke = name.indexOf(" invoke");
        if (invoke > 0) {
            name = name.substring(0, invoke);
        }
        while (!name.isEmpty() && ":,".indexOf(name.charAt(name.length() - 1)) >= 0) {
            name = name.substring(0, name.length() - 1).strip();
        }
        return name;
    }

    /** The last "N secs", "N sec" or "N ms" in the text, in seconds; NaN when there is none. */
    static double lastDuration(String own) {
        int best = -1;
        double scale = 1;
        String[] units = {" secs", " sec", " ms"};
        double[] scales = {1, 1, 1e-3};
        for (int k = 0; k < units.length; k++) {
            int i = own.lastIndexOf(units[k]);
            if (i > best) {
                int after = i + units[k].length();
                if (after == own.length() || !Character.isLetter(own.charAt(after))) {
                    best = i;
                    scale = scales[k];
                }
            }
        }
        if (best < 0) {
            return Double.NaN;
        }
        int start = best;
        while (start > 0 && (Character.isDigit(own.charAt(start - 1)) || own.charAt(start - 1) == '.'
                || own.charAt(start - 1) == ',' && start - 2 >= 0 && Character.isDigit(own.charAt(start - 2)))) {
            start--;
        }
        return LogValues.number(own, start, best) * scale;
    }

    static double firstNumberAfter(String s, int from) {
        int i = from;
        while (i < s.length() && !Character.isDigit(s.charAt(i))) {
            i++;
        }
        int j = i;
        while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
            j++;
        }
        return LogValues.number(s, i, j);
    }

    /**
     * The heap figures of a pause's own text: the first "before->after(committed)" (the whole heap comes before
     * per-space figures in 1.3-style lines), else the last transition, else a CMS "used(committed)" pair.
     */
    static long[] heapOf(String own) {
        long[] result = {-1, -1, -1};
        long[] last = null;
        long[] usedOnly = null;
        for (String raw : tokens(own)) {
            String token = stripTrailing(raw, ",]");
            if (token.isEmpty() || !Character.isDigit(token.charAt(0))) {
                continue;
            }
            if (token.contains("->")) {
                long[] v = LogValues.transition(token, 0);
                if (v != null) {
                    if (v[2] >= 0) {
                        return v;
                    }
                    last = v;
                }
            } else if (token.endsWith(")") && token.indexOf('(') > 0) {
                int p = token.indexOf('(');
                long used = LogValues.size(token, 0, p);
                long committed = LogValues.size(token, p + 1, token.length() - 1);
                if (used >= 0 && committed >= 0) {
                    usedOnly = new long[]{used, used, committed};
                }
            }
        }
        if (last != null) {
            return last;
        }
        return usedOnly != null ? usedOnly : result;
    }

    static long[] firstTransition(String text) {
        for (String raw : tokens(text)) {
            String token = stripTrailing(raw, ",]");
            if (!token.isEmpty() && Character.isDigit(token.charAt(0)) && token.contains("->")) {
                long[] v = LogValues.transition(token, 0);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    /** The words of a text that start with a digit and hold "->" or "(": the only ones heap figures can be. */
    private static List<String> tokens(String text) {
        List<String> result = new ArrayList<>(4);
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == ',' || text.charAt(i) == '\t')) {
                i++;
            }
            int start = i;
            boolean interesting = false;
            while (i < n && text.charAt(i) != ' ' && text.charAt(i) != ',' && text.charAt(i) != '\t') {
                char c = text.charAt(i);
                if (c == '>' || c == '(') {
                    interesting = true;
                }
                i++;
            }
            if (i > start && interesting && Character.isDigit(text.charAt(start))) {
                result.add(text.substring(start, i));
            }
        }
        return result;
    }

    static String stripTrailing(String s, String chars) {
        int end = s.length();
        while (end > 0 && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Generation names, longer ones before their prefixes ("CMS Perm" before "CMS"). */
    private static final String[] GENERATIONS = {"PSYoungGen", "PSOldGen", "ParOldGen", "PSPermGen", "ASParNew",
            "ParNew", "DefNew", "Tenured", "ASCMS", "CMS Perm", "CMS", "Perm", "Metaspace", "class space"};

    /**
     * The generation a detail group names ("DefNew", "PSYoungGen", "CMS", "Tenured", ...), or null. Other output
     * may be written right after the name, on the same line or the next: a time stamp ("[ParNew46674.749: [CMS-..."),
     * "bailing out to foreground collection", "(promotion failed)", or the colon of its figures.
     */
    static String generation(String detail) {
        for (String name : GENERATIONS) {
            if (detail.startsWith(name)) {
                int after = name.length();
                if (after == detail.length()) {
                    return name;
                }
                char c = detail.charAt(after);
                if (c == ':' || c == ' ' || c == '(' || c >= '0' && c <= '9' || detail.startsWith("bailing", after)) {
                    return detail.indexOf(':', after) >= 0 || detail.indexOf("->", after) >= 0 ? name : null;
                }
                return null;
            }
        }
        return null;
    }

    static boolean isYoung(String generation) {
        return switch (generation) {
            case "DefNew", "ParNew", "ASParNew", "PSYoungGen" -> true;
            default -> false;
        };
    }

    static boolean isOld(String generation) {
        return switch (generation) {
            case "Tenured", "CMS", "ASCMS", "PSOldGen", "ParOldGen" -> true;
            default -> false;
        };
    }
}
