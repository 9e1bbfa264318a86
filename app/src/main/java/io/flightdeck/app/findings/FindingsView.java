package io.flightdeck.app.findings;

import io.flightdeck.analysis.format.Format;
import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.analysis.rule.RuleEngine;
import io.flightdeck.analysis.finding.RuleResult;
import io.flightdeck.app.chart.TimeChart;
import io.flightdeck.app.theme.Styles;
import io.flightdeck.app.widgets.Tables;
import io.flightdeck.app.workspace.ChartData;
import io.flightdeck.app.workspace.FeatureView;
import io.flightdeck.app.workspace.ViewContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The diagnosis of the selection: the findings by severity and score on the left, the selected one in full on the
 * right (summary, culprit, why, what to do, evidence, a chart of when, the stacks, and a way to the view that shows
 * it), and every rule's result below.
 */
public final class FindingsView implements FeatureView {
    private final ViewContext ctx;
    private final FindingsViewModel model;
    private Node node;
    private ListView<FindingsViewModel.Row> list;
    private VBox details;
    private Button showIn;
    private TableView<FindingsViewModel.RuleRow> rulesTable;
    private TitledPane rulesPane;
    private final Map<String, Node> charts = new HashMap<>();
    private boolean syncing;

    public FindingsView(ViewContext ctx) {
        this.ctx = ctx;
        this.model = new FindingsViewModel(ctx.vm(), ctx.navigator(), RuleEngine.standard().rules());
    }

    @Override
    public String title() {
        return "Findings";
    }

    @Override
    public Node node() {
        if (node == null) {
            node = build();
        }
        return node;
    }

    public FindingsViewModel model() {
        return model;
    }

    /** Selects a finding by id (now, or when the analysis that has it arrives). */
    public void select(String findingId) {
        model.select(findingId);
    }

    public ListView<FindingsViewModel.Row> list() {
        node();
        return list;
    }

    public Button showInButton() {
        node();
        return showIn;
    }

    public TableView<FindingsViewModel.RuleRow> rulesTable() {
        node();
        return rulesTable;
    }

    public TitledPane rulesPane() {
        node();
        return rulesPane;
    }

    private Node build() {
        list = new ListView<>(model.rows());
        list.setId("findings-list");
        list.getStyleClass().add("fd-findings-list");
        list.setCellFactory(l -> new RowCell());
        list.setPlaceholder(empty("No findings for this selection."));
        list.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            int i = now.intValue();
            if (i < 0 || i >= list.getItems().size()) {
                return;
            }
            if (list.getItems().get(i) instanceof FindingsViewModel.Group) {
                // headings are not selectable: move on in the direction the user went
                int step = old.intValue() > i && i > 0 ? -1 : 1;
                int next = i + step < list.getItems().size() ? i + step : i - 1;
                Platform.runLater(() -> list.getSelectionModel().clearAndSelect(next));
                return;
            }
            if (!syncing && list.getItems().get(i) instanceof FindingsViewModel.Item item) {
                model.select(item.finding());
            }
        });
        Label count = new Label();
        count.getStyleClass().add(Styles.MUTED);
        count.textProperty().bind(model.findingsSummaryProperty());
        VBox left = new VBox(6, count, list);
        left.setPadding(new Insets(8, 0, 8, 8));
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setMinWidth(260);

        details = new VBox(10);
        details.setId("finding-details");
        details.setPadding(new Insets(12, 18, 18, 18));
        showIn = new Button("Show in view");
        showIn.setId("finding-show-in");
        showIn.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        showIn.setOnAction(e -> model.showInView(model.selected()));
        ScrollPane right = ViewContext.scroll(details);
        right.setId("finding-details-scroll");

        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.36);
        SplitPane.setResizableWithParent(left, false);

        rulesTable = buildRulesTable();
        Label ruleDetail = new Label("Select a rule to read its whole result.");
        ruleDetail.setId("rule-detail");
        ruleDetail.setWrapText(true);
        ruleDetail.getStyleClass().add(Styles.MUTED);
        ruleDetail.setMinHeight(Region.USE_PREF_SIZE);
        rulesTable.getSelectionModel().selectedItemProperty().addListener((obs, old, r) -> ruleDetail.setText(
                r == null ? "Select a rule to read its whole result." : r.title() + " (" + r.id() + "): "
                        + r.statusText() + (r.score() == null ? "" : ", score " + r.score())
                        + (r.reason().isEmpty() ? "" : " — " + r.reason())));
        VBox rulesBox = new VBox(6, rulesTable, ruleDetail);
        rulesBox.setPadding(new Insets(4, 0, 0, 0));
        rulesPane = new TitledPane("Rules", rulesBox);
        rulesPane.getStyleClass().add("fd-rules-pane");
        rulesPane.setId("rules-pane");
        rulesPane.setExpanded(false);
        rulesPane.setAnimated(false);
        rulesPane.textProperty().bind(model.rulesSummaryProperty().map(s -> "Rules — " + s));
        rulesTable.setPrefHeight(260);

        BorderPane root = new BorderPane(split);
        root.getStyleClass().add("fd-findings");
        root.setBottom(rulesPane);

        model.selectedProperty().addListener((obs, old, now) -> {
            showDetails(now);
            syncList(now);
        });
        ctx.vm().chartsProperty().addListener((obs, old, now) -> showDetails(model.selected()));
        ctx.onSnapshot(title(), s -> model.update(s.report()));
        showDetails(null);
        return root;
    }

    private void syncList(Finding f) {
        syncing = true;
        try {
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i) instanceof FindingsViewModel.Item item && item.finding().equals(f)) {
                    if (list.getSelectionModel().getSelectedIndex() != i) {
                        list.getSelectionModel().clearAndSelect(i);
                        list.scrollTo(Math.max(0, i - 1));
                    }
                    return;
                }
            }
            list.getSelectionModel().clearSelection();
        } finally {
            syncing = false;
        }
    }

    private void showDetails(Finding f) {
        if (f == null) {
            Label none = empty(ctx.vm().snapshot() == null ? "Analysing…"
                    : "No findings for this selection: every rule that could run found nothing to report. "
                    + "The rules below say which could not run and what to record to let them.");
            none.setWrapText(true);
            details.getChildren().setAll(none);
            return;
        }
        Label score = new Label(f.score() + " / 100");
        score.getStyleClass().add(Styles.SCORE);
        score.setTooltip(new Tooltip("Score: the share of the application's time or resources the finding explains, "
                + "weighed by how sure the rule is. 75 and above is critical, 50–74 a warning."));
        Label category = new Label(f.category() + " · " + f.id());
        category.getStyleClass().add(Styles.MUTED);
        category.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        showIn.setText(model.showLabel(f));
        showIn.setDisable(!model.canShow(f));
        showIn.setMinWidth(Region.USE_PREF_SIZE);
        showIn.setTooltip(new Tooltip(model.canShow(f)
                ? (f.window() == null ? "Opens the view that shows this finding"
                : "Selects the time range the finding is about and opens the view that shows it")
                : "This analysis has no " + f.view() + " view"));
        HBox head = new HBox(10, SeverityBadge.of(f.severity()), score, category, spacer, showIn);
        head.setAlignment(Pos.CENTER_LEFT);

        Label title = wrapped(f.title());
        title.getStyleClass().add(Styles.FINDING_TITLE);
        title.setId("finding-title");
        Label summary = wrapped(f.detail());
        summary.setId("finding-summary");
        VBox box = new VBox(10, head, title, summary);

        String culprit = FindingsViewModel.culprit(f);
        if (!culprit.isEmpty()) {
            Label where = new Label(culprit);
            where.getStyleClass().add(Styles.CODE);
            where.setId("finding-culprit");
            where.setWrapText(true);
            where.setTooltip(new Tooltip(culprit));
            Label key = new Label("Culprit");
            key.getStyleClass().add(Styles.FACT_LABEL);
            key.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(10, key, where);
            row.setAlignment(Pos.BASELINE_LEFT);
            box.getChildren().add(row);
        }
        if (!f.recommendation().isEmpty()) {
            Label what = wrapped(f.recommendation());
            what.setId("finding-recommendation");
            VBox callout = new VBox(what);
            callout.getStyleClass().add(Styles.CALLOUT);
            box.getChildren().addAll(ViewContext.title("What to do"), callout);
        }
        if (!f.explanation().isEmpty()) {
            Label why = wrapped(f.explanation());
            why.setId("finding-explanation");
            box.getChildren().addAll(ViewContext.title("Why it matters"), why);
        }
        if (!f.evidence().isEmpty()) {
            box.getChildren().addAll(ViewContext.title("Evidence"), evidenceGrid(f));
        }
        Node chart = chartFor(f);
        if (chart != null) {
            box.getChildren().addAll(ViewContext.title(chartTitle(f)), chart);
        }
        if (!f.stacks().isEmpty()) {
            box.getChildren().addAll(ViewContext.title("Stacks"), stacks(f));
        }
        details.getChildren().setAll(box);
    }

    private static GridPane evidenceGrid(Finding f) {
        GridPane grid = new GridPane();
        grid.setId("finding-evidence");
        grid.getStyleClass().add(Styles.FACTS);
        grid.setHgap(18);
        grid.setVgap(4);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(0);
        grid.getColumnConstraints().addAll(keys, values);
        List<FindingsViewModel.Evidence> rows = FindingsViewModel.evidence(f);
        for (int i = 0; i < rows.size(); i++) {
            FindingsViewModel.Evidence e = rows.get(i);
            Label k = new Label(e.label());
            k.getStyleClass().add(Styles.FACT_LABEL);
            k.setTooltip(new Tooltip(e.key() + " in the JSON report"));
            Label v = new Label(e.value());
            v.setWrapText(true);
            v.getStyleClass().add(Styles.NUMERIC);
            grid.addRow(i, k, v);
        }
        return grid;
    }

    private static VBox stacks(Finding f) {
        VBox box = new VBox(4);
        box.setId("finding-stacks");
        for (int i = 0; i < f.stacks().size(); i++) {
            Finding.StackShare s = f.stacks().get(i);
            Label frames = new Label(String.join("\n", s.frames().stream().map(fr -> "at " + fr).toList()));
            frames.getStyleClass().add(Styles.CODE);
            frames.setWrapText(true);
            frames.setPadding(new Insets(4, 4, 4, 8));
            TitledPane pane = new TitledPane(FindingsViewModel.stackTitle(s), frames);
            pane.getStyleClass().add("fd-stack");
            pane.setExpanded(i == 0);
            pane.setAnimated(false);
            pane.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
            pane.setTooltip(new Tooltip(s.frames().size() + " frames; " + Format.percent(s.percent())
                    + " of the finding's weight"));
            box.getChildren().add(pane);
        }
        return box;
    }

    /** The chart of when, for findings about a quantity the recording has over time (CPU, heap, GC pauses). */
    private static String chartKind(Finding f) {
        return switch (f.category()) {
            case "cpu-hotspot", "environment" -> "cpu";
            case "memory-leak", "allocation-pressure" -> "heap";
            case "gc-overhead" -> "gc";
            default -> switch (f.view() == null ? "" : f.view()) {
                case "cpu" -> "cpu";
                case "memory" -> "heap";
                case "gc" -> "gc";
                default -> null;
            };
        };
    }

    private static String chartTitle(Finding f) {
        return switch (chartKind(f)) {
            case "cpu" -> "CPU over time";
            case "heap" -> "Heap and allocation over time";
            default -> "GC pauses and heap over time";
        };
    }

    private Node chartFor(Finding f) {
        String kind = chartKind(f);
        ChartData.Series series = ctx.vm().chartsProperty().get();
        if (kind == null || series == null) {
            return null;
        }
        boolean hasData = switch (kind) {
            case "cpu" -> series.cpu().stream().anyMatch(s -> s.x().length > 0);
            case "heap" -> series.heap().stream().anyMatch(s -> s.x().length > 0);
            default -> series.pauses().stream().anyMatch(s -> s.x().length > 0);
        };
        if (!hasData) {
            return null;
        }
        // one chart per kind, made once: going through the findings only swaps nodes
        return charts.computeIfAbsent(kind, k -> {
            TimeChart chart = ctx.timeChart(c -> {
                switch (k) {
                    case "cpu" -> c.panel("CPU", "%", TimeChart.Style.LINE, series.cpu(), List.of(),
                            Format::percent, 1);
                    case "heap" -> c.panel("Heap", "MiB", TimeChart.Style.POINTS, series.heap(), series.maxHeap(),
                                    v -> Format.bytes(v * 1048576), 3)
                            .panel("Allocation", "MiB/s", TimeChart.Style.LINE, series.allocation(), List.of(),
                                    v -> Format.bytesPerSecond(v * 1048576), 2);
                    default -> c.panel("GC pauses", "ms", TimeChart.Style.BARS, series.pauses(), List.of(),
                                    v -> Format.seconds(v / 1000), 2)
                            .panel("Heap", "MiB", TimeChart.Style.POINTS, series.heap(), series.maxHeap(),
                                    v -> Format.bytes(v * 1048576), 2);
                }
            });
            chart.setId("finding-chart-" + k);
            StackPane host = new StackPane(chart);
            host.setMinHeight(k.equals("cpu") ? 180 : 260);
            host.setPrefHeight(k.equals("cpu") ? 200 : 280);
            return host;
        });
    }

    private TableView<FindingsViewModel.RuleRow> buildRulesTable() {
        TableView<FindingsViewModel.RuleRow> table = new TableView<>(model.rules());
        table.setId("rules-table");
        TableColumn<FindingsViewModel.RuleRow, String> rule = Tables.text("Rule", FindingsViewModel.RuleRow::title,
                "What the rule looks for; its id is in the tooltip.");
        rule.setPrefWidth(290);
        rule.setMinWidth(200);
        rule.setMaxWidth(340);
        TableColumn<FindingsViewModel.RuleRow, String> category = Tables.text("Category",
                FindingsViewModel.RuleRow::category, "The CLI contract's category of the rule's findings.");
        category.setMinWidth(175);
        category.setPrefWidth(180);
        category.setMaxWidth(200);
        TableColumn<FindingsViewModel.RuleRow, String> status = Tables.text("Result",
                FindingsViewModel.RuleRow::statusText, "finding: it found something; ok: it ran and found nothing; "
                        + "not applicable: the sources lack what it needs; failed: it broke (the reason says how).");
        status.setMinWidth(115);
        status.setPrefWidth(120);
        status.setMaxWidth(130);
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(Styles.SEVERITY_CRITICAL, Styles.SEVERITY_WARNING, Styles.SEVERITY_INFO,
                        Styles.MUTED);
                FindingsViewModel.RuleRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : item);
                if (row != null) {
                    getStyleClass().add(switch (row.status()) {
                        case FINDING -> row.score() != null && row.score() >= 75 ? Styles.SEVERITY_CRITICAL
                                : row.score() != null && row.score() >= 50 ? Styles.SEVERITY_WARNING
                                : Styles.SEVERITY_INFO;
                        case FAILED -> Styles.SEVERITY_CRITICAL;
                        case NOT_APPLICABLE -> Styles.MUTED;
                        case OK -> Styles.MUTED;
                    });
                }
            }
        });
        TableColumn<FindingsViewModel.RuleRow, Number> score = Tables.number("Score",
                r -> r.score() == null ? Double.NaN : r.score(),
                v -> Double.isNaN(v) ? "" : Integer.toString((int) v), "The finding's score, 0–100.");
        score.setMinWidth(84);
        score.setPrefWidth(84);
        score.setMaxWidth(90);
        TableColumn<FindingsViewModel.RuleRow, String> reason = Tables.text("Why not / what to record",
                FindingsViewModel.RuleRow::reason, "For rules that could not run: the events they need and how to "
                        + "record them next time (JFR settings, -Xlog options). For failures: what went wrong.");
        reason.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : wrappedTip(item));
            }
        });
        rule.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                FindingsViewModel.RuleRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(row == null ? null : new Tooltip(row.id()));
            }
        });
        table.getColumns().addAll(List.of(rule, category, status, score, reason));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(26);
        table.setPlaceholder(new Label("No rules ran"));
        return table;
    }

    private static Tooltip wrappedTip(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        return tip;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label empty(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.EMPTY);
        return l;
    }

    /** A finding (badge, title, score, category and culprit) or a severity heading. */
    private static final class RowCell extends ListCell<FindingsViewModel.Row> {
        RowCell() {
            setPrefWidth(0); // the list's width decides; long titles are cut, not scrolled
        }

        @Override
        protected void updateItem(FindingsViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            setMouseTransparent(false);
            setFocusTraversable(true);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            switch (row) {
                case FindingsViewModel.Group g -> {
                    Label heading = new Label(g.severity().label().toUpperCase(java.util.Locale.ROOT) + " · "
                            + g.count());
                    heading.getStyleClass().add(Styles.GROUP_HEADING);
                    setGraphic(heading);
                    setMouseTransparent(true);
                }
                case FindingsViewModel.Item item -> {
                    Finding f = item.finding();
                    Label title = new Label(f.title());
                    title.setStyle("-fx-font-weight: bold;");
                    title.setMinWidth(0);
                    Label sub = new Label(FindingsViewModel.culprit(f).isEmpty() ? f.category()
                            : f.category() + " · " + FindingsViewModel.culprit(f));
                    sub.getStyleClass().add(Styles.MUTED);
                    sub.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
                    sub.setMinWidth(0);
                    VBox text = new VBox(2, title, sub);
                    text.setMinWidth(0);
                    HBox.setHgrow(text, Priority.ALWAYS);
                    Label score = new Label(Integer.toString(f.score()));
                    score.getStyleClass().add(Styles.SCORE);
                    score.setMinWidth(Region.USE_PREF_SIZE);
                    Label badge = SeverityBadge.of(f.severity());
                    HBox box = new HBox(8, badge, text, score);
                    box.setAlignment(Pos.CENTER_LEFT);
                    box.setMinWidth(0);
                    setGraphic(box);
                    setTooltip(wrappedTip(f.title() + "\n" + f.summary()));
                }
            }
        }
    }
}
