package io.flightdeck.app.cpu;

import io.flightdeck.analysis.flame.FlameKind;
import io.flightdeck.analysis.format.Format;
import io.flightdeck.analysis.hotspot.HotMethod;
import io.flightdeck.app.flame.FlameGraphView;
import io.flightdeck.app.widgets.LazyTabs;
import io.flightdeck.app.widgets.Tables;
import io.flightdeck.app.workspace.FeatureView;
import io.flightdeck.app.workspace.ViewContext;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** Where the CPU time went: hot methods, the call tree (top-down or bottom-up) and the flame graph. */
public final class CpuView implements FeatureView {
    private final ViewContext ctx;
    private Node node;
    private Tables.Searchable<HotMethod> hotMethods;

    public CpuView(ViewContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String title() {
        return "CPU";
    }

    @Override
    public Node node() {
        if (node == null) {
            node = build();
        }
        return node;
    }

    /** The hot-methods table (for tests). */
    public Tables.Searchable<HotMethod> hotMethods() {
        node();
        return hotMethods;
    }

    private Node build() {
        hotMethods = new Tables.Searchable<>("Search methods", HotMethod::name,
                Tables.text("Method", HotMethod::name, "The method (declaring class and name)."),
                Tables.number("Self %", HotMethod::selfPercent, Format::percent, "Share of execution samples with "
                        + "the method on top of the stack: time in its own code."),
                Tables.number("Total %", HotMethod::totalPercent, Format::percent, "Share of execution samples "
                        + "with the method anywhere on the stack: its own code and everything it called (a "
                        + "sample counts once even when the method recurses)."),
                Tables.number("Self samples", m -> m.selfSamples(), v -> Format.count((long) v),
                        "jdk.ExecutionSample events with the method on top."),
                Tables.number("Total samples", m -> m.totalSamples(), v -> Format.count((long) v),
                        "jdk.ExecutionSample events with the method on the stack."));
        hotMethods.setId("hot-methods");
        hotMethods.setPadding(new Insets(6));
        Label summary = new Label();
        ctx.onSnapshot(title(), s -> {
            hotMethods.setRows(s.hotMethods());
            summary.setText(Format.count(s.report().cpu().samples()) + " execution samples in the selection");
        });

        BorderPane hotPane = new BorderPane(hotMethods);
        hotPane.setTop(summary);
        BorderPane.setMargin(summary, new Insets(6, 6, 0, 6));
        LazyTabs tabs = new LazyTabs().tab("Hot methods", () -> hotPane).tab("Call tree", this::callTree)
                .tab("Flame graph", () -> new FlameGraphView(ctx, FlameKind.CPU));
        tabs.setId("cpu-tabs");
        return tabs;
    }

    private Node callTree() {
        CallTreeTable callTree = new CallTreeTable();
        callTree.setId("call-tree");
        ToggleButton bottomUp = new ToggleButton("Bottom-up");
        Runnable loadTree = () -> ctx.vm().callTree(FlameKind.CPU, bottomUp.isSelected(),
                tree -> callTree.setTree(tree, ctx.vm()::methodName));
        bottomUp.setOnAction(e -> loadTree.run());
        ctx.onSnapshot("call tree", s -> loadTree.run());
        BorderPane treePane = new BorderPane(callTree);
        HBox treeTools = new HBox(8, bottomUp, new Label("Top-down: from the entry points to the work. "
                + "Bottom-up: from the methods that do the work to their callers."));
        treeTools.setPadding(new Insets(6));
        treePane.setTop(treeTools);
        return treePane;
    }
}
