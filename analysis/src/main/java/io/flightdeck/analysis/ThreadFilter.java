package io.flightdeck.analysis;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Keeps the threads whose name contains a match of a regular expression; {@link #ALL} keeps every thread. */
public record ThreadFilter(Pattern pattern) {
    public static final ThreadFilter ALL = new ThreadFilter(null);

    /**
     * @throws IllegalArgumentException with a message for the user when the expression is not valid
     */
    public static ThreadFilter of(String regex) {
        if (regex == null || regex.isEmpty()) {
            return ALL;
        }
        try {
            return new ThreadFilter(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a valid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex() + " of \"" + regex + "\"");
        }
    }

    public boolean isAll() {
        return pattern == null;
    }

    public boolean accepts(String threadName) {
        return pattern == null || threadName != null && pattern.matcher(threadName).find();
    }

    @Override
    public String toString() {
        return pattern == null ? "all threads" : "threads matching /" + pattern.pattern() + "/";
    }
}
