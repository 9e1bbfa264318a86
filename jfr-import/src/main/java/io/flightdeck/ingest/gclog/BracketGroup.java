package io.flightdeck.ingest.gclog;

import java.util.ArrayList;
import java.util.List;

/**
 * A bracketed group of a legacy GC log ("[GC 1.2: [ParNew: ...] ...]"): its own text (children removed) and its
 * children, each with the time stamped before it.
 */
final class BracketGroup {
    final StringBuilder own = new StringBuilder();
    final List<BracketGroup> children = new ArrayList<>();
    LogTime time = LogTime.UNKNOWN;

    /** Parses text that starts with '[' and whose brackets balance; null when it does not start with '['. */
    static BracketGroup parse(String text) {
        if (text.isEmpty() || text.charAt(0) != '[') {
            return null;
        }
        List<BracketGroup> stack = new ArrayList<>();
        BracketGroup root = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c != '[' && c != ']') {
                // the run of plain text up to the next bracket, in one append
                int j = i + 1;
                while (j < n && text.charAt(j) != '[' && text.charAt(j) != ']') {
                    j++;
                }
                if (!stack.isEmpty()) {
                    stack.getLast().own.append(text, i, j);
                }
                i = j - 1;
                continue;
            }
            if (c == '[') {
                BracketGroup g = new BracketGroup();
                if (!stack.isEmpty()) {
                    BracketGroup parent = stack.getLast();
                    g.time = LegacyStamps.prefixTime(tail(parent.own));
                    parent.children.add(g);
                } else {
                    root = g;
                }
                stack.add(g);
            } else if (c == ']') {
                stack.removeLast();
                if (stack.isEmpty()) {
                    break;
                }
            }
        }
        return root;
    }

    private static String tail(StringBuilder own) {
        int from = Math.max(0, own.length() - 48);
        return own.substring(from);
    }
}
