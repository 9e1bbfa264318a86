package io.flightdeck.app.widgets;

import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * A tab pane whose tabs build their content the first time they are selected: a TabPane styles and lays out every
 * tab's content, shown or not, so building them all at once would cost the FX thread a long first frame.
 */
public final class LazyTabs extends TabPane {
    public LazyTabs() {
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> fill(tab));
    }

    public LazyTabs tab(String title, Supplier<Node> content) {
        Tab tab = new Tab(title);
        tab.setUserData(content);
        getTabs().add(tab);
        if (getTabs().size() == 1) {
            fill(tab);
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    private static void fill(Tab tab) {
        if (tab != null && tab.getContent() == null && tab.getUserData() instanceof Supplier<?> s) {
            tab.setContent(((Supplier<Node>) s).get());
        }
    }
}
