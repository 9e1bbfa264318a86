package io.flightdeck.app.widgets;

import io.flightdeck.app.theme.Styles;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Tables of report rows: sortable columns with units in their cells and a tooltip on every header. */
public final class Tables {
    private Tables() {
    }

    public static <T> TableColumn<T, String> text(String title, Function<T, String> value, String help) {
        TableColumn<T, String> c = new TableColumn<>();
        c.setGraphic(header(title, help));
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setComparator(Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
        c.setPrefWidth(360);
        // names end in what matters (Class.method): cut them at the front when the column is narrow
        c.setCellFactory(col -> new TableCell<>() {
            {
                setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        return c;
    }

    /** A numeric column: sorts by the number, shows it formatted with its unit, right-aligned. */
    public static <T> TableColumn<T, Number> number(String title, ToDoubleFunction<T> value, DoubleFunction<String> format,
            String help) {
        TableColumn<T, Number> c = new TableColumn<>();
        c.setGraphic(header(title, help));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(f.getValue())));
        c.setComparator(Comparator.comparingDouble(Number::doubleValue));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item.doubleValue()));
            }
        });
        c.getStyleClass().add(Styles.NUMERIC);
        c.setPrefWidth(110);
        return c;
    }

    private static Label header(String title, String help) {
        Label l = new Label(title);
        Tooltip tip = new Tooltip(help);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.setShowDelay(Duration.millis(300));
        l.setTooltip(tip);
        return l;
    }

    /** A table with a search field above it that keeps the rows whose {@code searchText} contains the query. */
    public static final class Searchable<T> extends VBox {
        private final ObservableList<T> rows = FXCollections.observableArrayList();
        private final TableView<T> table = new TableView<>();
        private final TextField search = new TextField();

        @SafeVarargs
        public Searchable(String prompt, Function<T, String> searchText, TableColumn<T, ?>... columns) {
            FilteredList<T> filtered = new FilteredList<>(rows);
            search.setPromptText(prompt);
            search.textProperty().addListener((obs, old, now) -> {
                String q = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
                filtered.setPredicate(q.isEmpty() ? null
                        : row -> searchText.apply(row).toLowerCase(Locale.ROOT).contains(q));
            });
            SortedList<T> sorted = new SortedList<>(filtered);
            sorted.comparatorProperty().bind(table.comparatorProperty());
            table.setItems(sorted);
            table.getColumns().addAll(columns);
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            table.setPlaceholder(new Label("Nothing recorded in this range"));
            // rows of one height: the virtual flow skips measuring every cell (much cheaper first layouts)
            table.setFixedCellSize(26);
            VBox.setVgrow(table, Priority.ALWAYS);
            setSpacing(4);
            getChildren().addAll(search, table);
        }

        public void setRows(List<T> newRows) {
            rows.setAll(newRows);
        }

        public TableView<T> table() {
            return table;
        }

        public TextField searchField() {
            return search;
        }
    }
}
