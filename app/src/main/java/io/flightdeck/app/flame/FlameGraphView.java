package io.flightdeck.app.flame;

import io.flightdeck.analysis.FrameClassifier;
import io.flightdeck.analysis.flame.FlameKind;
import io.flightdeck.analysis.format.Format;
import io.flightdeck.app.theme.Styles;
import io.flightdeck.app.workspace.RecordingViewModel;
import io.flightdeck.app.workspace.ViewContext;

import java.util.function.LongFunction;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A flame graph with its controls: breadcrumb and reset, search with the share of matching frames, flame or
 * icicle, and the inverted (bottom-up) tree. The tree is built in the background for the current selection.
 */
public final class FlameGraphView extends BorderPane {
    private final FlameGraph graph;
    private final RecordingViewModel vm;
    private final FlameKind kind;
    private final LongFunction<String> format;
    private final FlowPane breadcrumb = new FlowPane(2, 2);
    private final ToggleButton inverted = new ToggleButton("Inverted");
    private final Label matchLabel = new Label();

    /** The flame graph of {@code kind}: the same samples and totals as {@code flightdeck flame --kind}. */
    public FlameGraphView(ViewContext ctx, FlameKind kind) {
        this.vm = ctx.vm();
        this.kind = kind;
        this.graph = new FlameGraph(ctx.palette());
        this.format = switch (kind.weight()) {
            case SAMPLES -> v -> Format.count(v) + (v == 1 ? " sample" : " samples");
            case BYTES -> Format::bytes;
            case NANOS -> v -> Format.seconds(v / 1e9);
        };
        graph.setId("flame-" + kind.name().toLowerCase(java.util.Locale.ROOT));
        ctx.theme().addListener(graph::setPalette);

        TextField search = new TextField();
        search.setPromptText("Search frames (regex)");
        search.setId("flame-search");
        search.textProperty().addListener((obs, old, now) -> graph.setSearch(now));
        graph.matchPercentProperty().addListener((obs, old, now) -> matchLabel.setText(Double.isNaN(now.doubleValue())
                ? "" : "matches: " + Format.percent(now.doubleValue()) + " of all"));
        matchLabel.setTooltip(new Tooltip("Share of the whole graph in frames whose name matches the search; "
                + "a sample that passes through several matching frames counts once."));
        ToggleButton icicle = new ToggleButton("Icicle");
        icicle.setTooltip(new Tooltip("Flame: the entry points at the bottom. Icicle: at the top."));
        icicle.setOnAction(e -> graph.setIcicle(icicle.isSelected()));
        inverted.setTooltip(new Tooltip("Inverted: start from the methods that spend the time themselves, "
                + "then who called them (bottom-up)."));
        inverted.setOnAction(e -> rebuild());
        Button reset = new Button("Reset zoom");
        reset.setOnAction(e -> graph.resetZoom());
        HBox tools = new HBox(6, search, matchLabel, spacer(), icicle, inverted, reset);
        breadcrumb.getStyleClass().add(Styles.BREADCRUMB);
        graph.zoomPathProperty().addListener((obs, old, path) -> showBreadcrumb(path));
        VBox top = new VBox(4, tools, breadcrumb);
        top.setPadding(new Insets(6));
        setTop(top);
        ScrollPane scroll = new ScrollPane(graph);
        scroll.setFitToWidth(true);
        // the graph fills the visible height (a flame grows from the bottom) and scrolls when deeper
        scroll.viewportBoundsProperty().addListener((obs, old, bounds) -> graph.setMinHeight(bounds.getHeight()));
        setCenter(scroll);
        ctx.onSnapshot("flame " + kind, s -> rebuild());
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    public FlameGraph graph() {
        return graph;
    }

    private void rebuild() {
        FrameClassifier classifier = vm.classifier();
        vm.callTree(kind, inverted.isSelected(),
                tree -> graph.setTree(tree, vm::methodName, classifier::kind, format));
    }

    private void showBreadcrumb(int[] path) {
        breadcrumb.getChildren().clear();
        for (int i = 0; i < path.length; i++) {
            int node = path[i];
            String text = graph.label(node);
            int dot = text.lastIndexOf('.', text.lastIndexOf('.') - 1);
            Button b = new Button(i == 0 ? "all" : dot > 0 ? text.substring(dot + 1) : text);
            b.setTooltip(new Tooltip(graph.describe(node)));
            b.setOnAction(e -> graph.zoomTo(node));
            breadcrumb.getChildren().add(b);
            if (i < path.length - 1) {
                breadcrumb.getChildren().add(new Label("›"));
            }
        }
    }
}
