package io.flightdeck.analysis.format;

import java.util.regex.Pattern;

/** Display forms of JVM names. */
public final class Names {
    /** The suffix of a hidden or VM-anonymous class: "Foo$$Lambda/0x000001f0010a3c00", JDK 8's "Foo$$Lambda$1/1234". */
    private static final Pattern HIDDEN_SUFFIX = Pattern.compile("/(0x[0-9a-fA-F]+|\\d+)$");

    private Names() {
    }

    /** JVM descriptors of array classes to source form: "[I" → "int[]", "[Ljava.lang.String;" → "java.lang.String[]". */
    public static String className(String name) {
        if (name == null) {
            return null;
        }
        if (!name.startsWith("[")) {
            return dotted(name);
        }
        int dims = 0;
        while (dims < name.length() && name.charAt(dims) == '[') {
            dims++;
        }
        String element = name.substring(dims);
        String base = switch (element) {
            case "Z" -> "boolean";
            case "B" -> "byte";
            case "C" -> "char";
            case "S" -> "short";
            case "I" -> "int";
            case "J" -> "long";
            case "F" -> "float";
            case "D" -> "double";
            default -> element.startsWith("L") && element.endsWith(";")
                    ? dotted(element.substring(1, element.length() - 1)) : element;
        };
        return base + "[]".repeat(dims);
    }

    /** Internal form "java/lang/String" to "java.lang.String", keeping a hidden class's "/0x…" suffix. */
    private static String dotted(String name) {
        var m = HIDDEN_SUFFIX.matcher(name);
        if (m.find()) {
            return name.substring(0, m.start()).replace('/', '.') + name.substring(m.start());
        }
        return name.replace('/', '.');
    }
}
