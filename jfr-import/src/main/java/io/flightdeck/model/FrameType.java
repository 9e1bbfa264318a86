package io.flightdeck.model;

/** How a frame was executing when it was sampled, as JFR reports it. */
public enum FrameType {
    INTERPRETED, JIT_COMPILED, INLINED, NATIVE, C1_COMPILED, UNKNOWN;

    private static final FrameType[] VALUES = values();

    public static FrameType of(int ordinal) {
        return VALUES[ordinal];
    }

    /** Maps JFR's {@code jdk.types.FrameType} descriptions ("Interpreted", "JIT compiled", ...). */
    public static FrameType fromJfr(String description) {
        if (description == null) {
            return UNKNOWN;
        }
        return switch (description) {
            case "Interpreted" -> INTERPRETED;
            case "JIT compiled" -> JIT_COMPILED;
            case "Inlined" -> INLINED;
            case "Native" -> NATIVE;
            case "C1 compiled" -> C1_COMPILED;
            default -> UNKNOWN;
        };
    }
}
