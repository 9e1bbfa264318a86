package io.flightdeck.analysis;

/** Who wrote the code of a frame, for colouring flame graphs and for naming the culprit. */
public enum FrameKind {
    APPLICATION, LIBRARY, JDK
}
