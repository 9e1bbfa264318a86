package io.flightdeck.app.cpu;

import io.flightdeck.analysis.flame.CallTree;
import io.flightdeck.analysis.format.Format;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.Tooltip;

/** A call tree as an expandable table; children are created when a node is first expanded. */
public final class CallTreeTable extends TreeTableView<Integer> {
    private CallTree tree;
    private java.util.function.IntFunction<String> methods;

    public CallTreeTable() {
        TreeTableColumn<Integer, String> method = new TreeTableColumn<>();
        method.setGraphic(header("Method", "The method; expand a row to see what it calls (top-down) or who "
                + "called it (bottom-up)."));
        method.setCellValueFactory(f -> new ReadOnlyStringWrapper(name(f.getValue().getValue())));
        method.setPrefWidth(520);
        TreeTableColumn<Integer, Number> total = number("Total %", "Share of all samples that passed through this "
                + "call path (the method and everything it called).", n -> percent(tree.total(n)));
        TreeTableColumn<Integer, Number> self = number("Self %", "Share of all samples that ended in this call "
                + "path's method itself.", n -> percent(tree.self(n)));
        TreeTableColumn<Integer, Number> samples = number("Samples", "Samples through this call path.",
                n -> tree.total(n));
        getColumns().addAll(method, total, self, samples);
        setShowRoot(true);
        setFixedCellSize(26);
        setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    public void setTree(CallTree newTree, java.util.function.IntFunction<String> methodNames) {
        this.tree = newTree;
        this.methods = methodNames;
        TreeItem<Integer> root = new Node(CallTree.ROOT);
        root.setExpanded(true);
        setRoot(root);
        // open the heaviest path a few levels deep, where the time goes
        TreeItem<Integer> item = root;
        for (int i = 0; i < 12 && !item.getChildren().isEmpty(); i++) {
            item = item.getChildren().getFirst();
            item.setExpanded(true);
        }
    }

    private String name(int node) {
        return tree == null ? "" : node == CallTree.ROOT ? "all samples" : methods.apply(tree.method(node));
    }

    private double percent(long v) {
        long all = tree.total(CallTree.ROOT);
        return all == 0 ? 0 : 100.0 * v / all;
    }

    private TreeTableColumn<Integer, Number> number(String title, String help,
            java.util.function.IntFunction<Number> value) {
        TreeTableColumn<Integer, Number> c = new TreeTableColumn<>();
        c.setGraphic(header(title, help));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue().getValue())));
        c.setCellFactory(col -> new TreeTableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item instanceof Long l ? Format.count(l)
                        : Format.percent(item.doubleValue()));
            }
        });
        c.setPrefWidth(100);
        c.getStyleClass().add("fd-numeric");
        return c;
    }

    private static Label header(String title, String help) {
        Label l = new Label(title);
        l.setTooltip(new Tooltip(help));
        return l;
    }

    /** A tree node whose children are made on first use. */
    private final class Node extends TreeItem<Integer> {
        private boolean loaded;

        Node(int node) {
            super(node);
        }

        @Override
        public boolean isLeaf() {
            return tree.children(getValue()).length == 0;
        }

        @Override
        public ObservableList<TreeItem<Integer>> getChildren() {
            if (!loaded) {
                loaded = true;
                for (int c : tree.children(getValue())) {
                    super.getChildren().add(new Node(c));
                }
            }
            return super.getChildren();
        }
    }
}
