package io.flightdeck.app.widgets;

import io.flightdeck.app.theme.Styles;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** A key number: its value with unit, what it is, a detail line, and a tooltip that says how it was computed. */
public final class Tile extends VBox {
    private final Label value = new Label("—");
    private final Label detail = new Label();

    public Tile(String label, String help) {
        Label name = new Label(label);
        name.getStyleClass().add(Styles.TILE_LABEL);
        value.getStyleClass().add(Styles.TILE_VALUE);
        detail.getStyleClass().add(Styles.TILE_DETAIL);
        getChildren().addAll(name, value, detail);
        getStyleClass().add(Styles.TILE);
        setSpacing(2);
        Tooltip tip = new Tooltip(help);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.setShowDelay(Duration.millis(300));
        Tooltip.install(this, tip);
        setId("tile-" + label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
    }

    public void set(String valueText, String detailText) {
        value.setText(valueText);
        detail.setText(detailText == null ? "" : detailText);
    }

    public String valueText() {
        return value.getText();
    }
}
