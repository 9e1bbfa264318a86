package io.flightdeck.app.workspace;

import javafx.scene.Node;

/** One view of a recording (Overview, CPU, ...); its nodes are built the first time it is shown. */
public interface FeatureView {
    String title();

    Node node();
}
