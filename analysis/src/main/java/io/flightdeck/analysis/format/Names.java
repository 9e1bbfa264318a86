package io.flightdeck.analysis.format;

/** Display forms of JVM names. */
public final class Names {
    private Names() {
    }

    /** JVM descriptors of array classes to source form: "[I" → "int[]", "[Ljava.lang.String;" → "java.lang.String[]". */
    public static String className(String name) {
        if (name == null) {
            return null;
        }
        if (!name.startsWith("[")) {
            return name.replace('/', '.');
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
                    ? element.substring(1, element.length() - 1).replace('/', '.') : element;
        };
        return base + "[]".repeat(dims);
    }
}
