package io.flightdeck.ingest.histogram;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line shapes of {@code jmap -histo} / {@code jcmd GC.class_histogram} text, one rule each. Time stamp lines
 * are recognised by {@link TimeStamps}; every other line is not understood.
 */
enum LineShape {
    /** jcmd's first line: the process id, "5196:". */
    PID("^\\s*(\\d+):\\s*$"),
    /**
     * The column header: " num     #instances         #bytes  class name (module)" (JDK 9+), "... class name" (JDK 8
     * and older), "num   #instances  #bytes  Class description" (jmap -F, the serviceability agent).
     */
    HEADER("^\\s*num\\s+#instances\\s+#bytes\\s+(?:class name|Class Name|Class description)(\\s+\\(module\\))?\\s*$"),
    /** The dashes under the header. */
    RULE("^\\s*-{5,}\\s*$"),
    /**
     * A class: "   1:        200646        4815504  java.lang.Long (java.base@17.0.15)". The name is any run of
     * text ("[B", "[Ljava.lang.Object;", "Foo$$Lambda/0x…", "&lt;constMethodKlass&gt;", even with blanks); a
     * trailing parenthesised word is the module.
     */
    ROW("^\\s*(\\d+):\\s+(\\d+)\\s+(\\d+)\\s+(.*?\\S)(?:\\s+\\(([^()\\s]+)\\))?\\s*$"),
    /** The sum line: "Total        270440       10707840" ("Total : 123 456" from jmap -F). */
    TOTAL("^\\s*Total\\s*:?\\s+(\\d+)\\s+(\\d+)\\s*$");

    private final Pattern pattern;

    LineShape(String regex) {
        this.pattern = Pattern.compile(regex);
    }

    /** The matcher when the line has this shape, else null. */
    Matcher match(String line) {
        Matcher m = pattern.matcher(line);
        return m.matches() ? m : null;
    }
}
