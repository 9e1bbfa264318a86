package io.flightdeck.app.compare;

import io.flightdeck.analysis.compare.ComparisonReport;
import io.flightdeck.analysis.compare.ComparisonReport.FindingChange;
import io.flightdeck.analysis.compare.ComparisonReport.MetricChange;
import io.flightdeck.analysis.compare.Verdict;
import io.flightdeck.analysis.flame.FlameKind;
import io.flightdeck.analysis.format.Format;
import io.flightdeck.analysis.output.ComparisonDocument;
import io.flightdeck.app.flame.DiffFlameGraph;
import io.flightdeck.app.flame.TopChangesTable;
import io.flightdeck.app.theme.Styles;
import io.flightdeck.app.theme.ThemeManager;
import io.flightdeck.app.workspace.RecordingViewModel;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The before/after view: the two runs (chosen from the open recordings, or opened here), the verdict with the
 * paragraph that explains it, comparability warnings, then tabs for the metrics (sortable, "significant only"),
 * the findings that were resolved, are new or persist, the budget, and the differential flame graph (CPU,
 * allocation, lock) with the methods that changed most. All numbers come from the {@link CompareViewModel}; this
 * class only lays them out.
 */
public final class CompareView extends BorderPane {
    private final CompareViewModel vm;
    private final ObservableList<MetricChange> metricRows = FXCollections.observableArrayList();
    private final FilteredList<MetricChange> filteredMetrics = new FilteredList<>(metricRows);
    private final TableView<MetricChange> metrics = new TableView<>();
    private final CheckBox significantOnly = new CheckBox("Significant only");
    private final TableView<FindingRow> findings = new TableView<>();
    private final TableView<ComparisonReport.BudgetCheck> budgetTable = new TableView<>();
    private final Label budgetHeading = new Label();
    private final Label verdict = new Label();
    private final Label summary = new Label();
    private final VBox warnings = new VBox(4);
    private final HBox banner;
    private final DiffFlameGraph graph;
    private final TopChangesTable topChanges = new TopChangesTable();
    private final TabPane sections = new TabPane();
    private final Label metricsCount = new Label();
    private final Label findingsCount = new Label();

    /** A row of the findings table: the change and its status (resolved, new, persisting). */
    public record FindingRow(String status, FindingChange change) {
    }

    /**
     * @param open      the open recordings to choose from
     * @param openFiles opens files as a recording (a tab of its own) and hands it over once analysed
     */
    public CompareView(CompareViewModel vm, ObservableList<RecordingViewModel> open, ThemeManager theme,
            BiConsumer<List<Path>, Consumer<RecordingViewModel>> openFiles) {
        this.vm = vm;
        getStyleClass().add("fd-compare");
        graph = new DiffFlameGraph(theme.palette());
        graph.setId("compare-diff-flame");
        theme.addListener(graph::setPalette);

        banner = new HBox(14, verdict, summary);
        banner.setId("compare-banner");
        banner.getStyleClass().add("fd-verdict-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        verdict.setId("compare-verdict");
        verdict.getStyleClass().add("fd-verdict");
        verdict.setMinWidth(Region.USE_PREF_SIZE);
        summary.setId("compare-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(summary, Priority.ALWAYS);
        warnings.setId("compare-warnings");

        sections.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        sections.setId("compare-sections");
        sections.getTabs().addAll(tab("Metrics", metricsPane()), tab("Findings", findingsPane()),
                tab("Budget", budgetPane()), tab("Differential flame graph", flamePane()));

        VBox top = new VBox(8, sidesBar(open, openFiles), banner, warnings);
        top.setPadding(new Insets(8, 10, 4, 10));
        setTop(top);
        setCenter(sections);

        vm.reportProperty().addListener((obs, old, r) -> show(r));
        vm.diffProperty().addListener((obs, old, d) -> showDiff(d));
        show(vm.report());
        showDiff(vm.diff());
    }

    public CompareViewModel viewModel() {
        return vm;
    }

    public TableView<MetricChange> metricsTable() {
        return metrics;
    }

    public CheckBox significantOnlyBox() {
        return significantOnly;
    }

    public TableView<FindingRow> findingsTable() {
        return findings;
    }

    public TableView<ComparisonReport.BudgetCheck> budgetTable() {
        return budgetTable;
    }

    public DiffFlameGraph diffFlameGraph() {
        return graph;
    }

    public TopChangesTable topChangesTable() {
        return topChanges;
    }

    public Label verdictLabel() {
        return verdict;
    }

    /** Shows one of the section tabs: 0 metrics, 1 findings, 2 budget, 3 differential flame graph. */
    public void selectSection(int index) {
        sections.getSelectionModel().select(index);
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId("compare-tab-" + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-"));
        return t;
    }

    // ---- the two runs ----

    private HBox sidesBar(ObservableList<RecordingViewModel> open,
            BiConsumer<List<Path>, Consumer<RecordingViewModel>> openFiles) {
        ComboBox<RecordingViewModel> base = side("compare-baseline", open, vm.baselineProperty().get());
        ComboBox<RecordingViewModel> cand = side("compare-candidate", open, vm.candidateProperty().get());
        base.valueProperty().bindBidirectional(vm.baselineProperty());
        cand.valueProperty().bindBidirectional(vm.candidateProperty());
        Button openBase = openButton("the baseline", openFiles, vm::baselineProperty);
        Button openCand = openButton("the candidate", openFiles, vm::candidateProperty);
        Button swap = new Button("⇄ Swap");
        swap.setId("compare-swap");
        swap.setTooltip(new Tooltip("Baseline ↔ candidate"));
        swap.setOnAction(e -> vm.swap());
        Label arrow = new Label("→");
        arrow.getStyleClass().add("fd-compare-arrow");

        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(120);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        progress.managedProperty().bind(vm.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("compare-cancel");
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(vm.runningProperty());
        cancel.setOnAction(e -> vm.cancel());
        Button rerun = new Button("Compare");
        rerun.setId("compare-run");
        rerun.setTooltip(new Tooltip("Compare again (the comparison also follows each tab's time range and "
                + "thread filter)"));
        rerun.disableProperty().bind(vm.runningProperty());
        rerun.setOnAction(e -> vm.run());
        Label status = new Label();
        status.setId("compare-status");
        status.getStyleClass().add(Styles.MUTED);
        status.textProperty().bind(vm.statusProperty());
        status.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, new Label("Baseline"), base, openBase, arrow, new Label("Candidate"), cand, openCand,
                swap, spacer, status, progress, cancel, rerun);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static ComboBox<RecordingViewModel> side(String id, ObservableList<RecordingViewModel> open,
            RecordingViewModel initial) {
        ComboBox<RecordingViewModel> box = new ComboBox<>(open);
        box.setId(id);
        box.setPromptText("choose a recording");
        box.setPrefWidth(230);
        Function<RecordingViewModel, String> name = r -> r == null ? null : r.label();
        box.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(RecordingViewModel item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : name.apply(item));
                setTooltip(empty || item == null ? null : new Tooltip(String.join("\n",
                        item.files().stream().map(Path::toString).toList())));
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
        box.setValue(initial);
        return box;
    }

    private Button openButton(String what, BiConsumer<List<Path>, Consumer<RecordingViewModel>> openFiles,
            java.util.function.Supplier<javafx.beans.property.ObjectProperty<RecordingViewModel>> side) {
        Button b = new Button("Open…");
        b.setTooltip(new Tooltip("Open a recording (with its GC log, histograms) as " + what));
        b.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open " + what + ": a recording, with its GC log and histograms");
            List<File> files = chooser.showOpenMultipleDialog(getScene().getWindow());
            if (files != null && !files.isEmpty()) {
                openFiles.accept(files.stream().map(File::toPath).toList(), r -> side.get().set(r));
            }
        });
        return b;
    }

    // ---- verdict ----

    private void show(ComparisonReport r) {
        banner.getStyleClass().removeIf(c -> c.startsWith("fd-verdict-") && !c.equals("fd-verdict-banner"));
        warnings.getChildren().clear();
        if (r == null) {
            verdict.setText("No comparison yet");
            summary.setText("Choose a baseline (the run before) and a candidate (the run after); the comparison "
                    + "runs as soon as both are analysed.");
            banner.getStyleClass().add("fd-verdict-none");
            metricRows.clear();
            findings.getItems().clear();
            showBudget(null);
            return;
        }
        verdict.setText(title(r.verdict()));
        summary.setText(r.summary());
        banner.getStyleClass().add("fd-verdict-" + r.verdict().label());
        if (!r.comparability().comparable()) {
            Label l = new Label("These runs are not comparable: the numbers below describe two different setups.");
            l.getStyleClass().add(Styles.SEVERITY_CRITICAL);
            warnings.getChildren().add(l);
        }
        for (String w : r.comparability().warnings()) {
            Label l = new Label("⚠ " + w);
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            l.getStyleClass().add(Styles.WARNING_BANNER);
            warnings.getChildren().add(l);
        }
        List<MetricChange> sorted = new ArrayList<>(r.metrics());
        sorted.sort(Comparator.comparing((MetricChange m) -> !(m.decisive() && m.significant()))
                .thenComparing(m -> !m.significant()));
        metricRows.setAll(sorted);
        List<FindingRow> rows = new ArrayList<>();
        r.findings().resolved().forEach(f -> rows.add(new FindingRow("resolved", f)));
        r.findings().added().forEach(f -> rows.add(new FindingRow("new", f)));
        r.findings().persisting().forEach(f -> rows.add(new FindingRow("persisting", f)));
        findings.getItems().setAll(rows);
        findingsCount.setText(r.findings().resolved().size() + " resolved, " + r.findings().added().size() + " new, "
                + r.findings().persisting().size() + " persisting");
        showBudget(r.budget());
    }

    /** "Improved", "No significant change", … */
    static String title(Verdict v) {
        String s = v.label().replace('-', ' ');
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    // ---- metrics ----

    private Node metricsPane() {
        metrics.setId("compare-metrics");
        TableColumn<MetricChange, String> label = textColumn("Metric", MetricChange::label, 440);
        label.setCellFactory(c -> new TableCell<>() {
            {
                // "CPU share of io.fl…AuditTrail.append": the start says what, the end which method
                setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                MetricChange m = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(m == null ? null : new Tooltip(m.name() + (m.test() == null ? "" : "\n" + m.test())
                        + (m.ciLowPercent() == null ? "" : String.format(Locale.ROOT,
                        "\n99 %% interval of the change: %+.1f %% to %+.1f %%", m.ciLowPercent(), m.ciHighPercent()))));
            }
        });
        TableColumn<MetricChange, Number> baseline = numberColumn("Baseline", MetricChange::baseline,
                m -> ComparisonDocument.value(m.baseline(), m.unit()));
        TableColumn<MetricChange, Number> candidate = numberColumn("Candidate", MetricChange::candidate,
                m -> ComparisonDocument.value(m.candidate(), m.unit()));
        TableColumn<MetricChange, Number> change = numberColumn("Change",
                m -> m.changePercent() == null ? Double.POSITIVE_INFINITY : m.changePercent(),
                m -> m.changePercent() == null ? "new" : String.format(Locale.ROOT, "%+.1f %%", m.changePercent()));
        change.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                MetricChange m = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(m == null ? null : m.changePercent() == null ? "new"
                        : String.format(Locale.ROOT, "%+.1f %%", m.changePercent()));
                getStyleClass().removeAll("fd-better", "fd-worse");
                if (m != null && m.significant()) {
                    getStyleClass().add(m.better() ? "fd-better" : "fd-worse");
                }
            }
        });
        TableColumn<MetricChange, Number> p = numberColumn("p", m -> m.pValue() == null ? 2 : m.pValue(),
                m -> m.pValue() == null ? Format.MISSING : m.pValue() < 0.001 ? "< 0.001"
                        : String.format(Locale.ROOT, "%.3f", m.pValue()));
        p.setPrefWidth(80);
        baseline.setPrefWidth(105);
        candidate.setPrefWidth(105);
        change.setPrefWidth(95);
        TableColumn<MetricChange, String> significant = textColumn("Significant",
                m -> m.significant() ? "yes" : "no", 95);
        TableColumn<MetricChange, String> better = textColumn("Better / worse",
                m -> m.significant() ? (m.better() ? "better" : "worse") : "—", 110);
        better.setId("compare-better-column");
        better.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("fd-better", "fd-worse");
                if (!empty && "better".equals(item)) {
                    getStyleClass().add("fd-better");
                } else if (!empty && "worse".equals(item)) {
                    getStyleClass().add("fd-worse");
                }
            }
        });
        TableColumn<MetricChange, String> decisive = textColumn("Decisive", m -> m.decisive() ? "✓ decisive" : "", 95);
        decisive.setGraphic(help("Decisive", "The metric measures a problem the diagnosis found on either side; "
                + "decisive metrics make the verdict."));
        decisive.setText(null);
        metrics.getColumns().addAll(List.of(label, baseline, candidate, change, p, significant, better, decisive));
        SortedList<MetricChange> sorted = new SortedList<>(filteredMetrics);
        sorted.comparatorProperty().bind(metrics.comparatorProperty());
        metrics.setItems(sorted);
        metrics.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        metrics.setPlaceholder(new Label("No metric is available on both sides."));
        metrics.setFixedCellSize(26);
        significantOnly.setId("compare-significant-only");
        significantOnly.setOnAction(e -> filteredMetrics.setPredicate(significantOnly.isSelected()
                ? MetricChange::significant : null));
        Runnable count = () -> metricsCount.setText(metricRows.stream().filter(MetricChange::significant).count()
                + " of " + metricRows.size() + " metrics changed significantly (p < 0.01 and at least the metric's "
                + "smallest practical change)");
        metricRows.addListener((javafx.collections.ListChangeListener<MetricChange>) c -> count.run());
        metricsCount.getStyleClass().add(Styles.MUTED);
        HBox tools = new HBox(12, significantOnly, metricsCount);
        tools.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, tools, metrics);
        VBox.setVgrow(metrics, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    private static <T> TableColumn<T, String> textColumn(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setComparator(Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
        c.setPrefWidth(width);
        return c;
    }

    private static <T> TableColumn<T, Number> numberColumn(String title, java.util.function.ToDoubleFunction<T> value,
            Function<T, String> text) {
        TableColumn<T, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(f.getValue())));
        c.setComparator(Comparator.comparingDouble(Number::doubleValue));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                T row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(row == null ? null : text.apply(row));
            }
        });
        c.getStyleClass().add(Styles.NUMERIC);
        c.setPrefWidth(110);
        return c;
    }

    private static Label help(String title, String text) {
        Label l = new Label(title);
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(420);
        l.setTooltip(t);
        return l;
    }

    // ---- findings ----

    private Node findingsPane() {
        findings.setId("compare-findings");
        TableColumn<FindingRow, String> status = textColumn("Status", FindingRow::status, 100);
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("fd-better", "fd-worse", "fd-persisting");
                if (!empty && item != null) {
                    getStyleClass().add(switch (item) {
                        case "resolved" -> "fd-better";
                        case "new" -> "fd-worse";
                        default -> "fd-persisting";
                    });
                }
            }
        });
        TableColumn<FindingRow, String> title = textColumn("Finding", r -> r.change().finding().title(), 380);
        TableColumn<FindingRow, String> category = textColumn("Category", r -> r.change().finding().category(), 130);
        TableColumn<FindingRow, Number> baseScore = numberColumn("Baseline score",
                r -> r.change().baselineScore() == null ? -1 : r.change().baselineScore(),
                r -> r.change().baselineScore() == null ? "—" : r.change().baselineScore().toString());
        TableColumn<FindingRow, Number> candScore = numberColumn("Candidate score",
                r -> r.change().candidateScore() == null ? -1 : r.change().candidateScore(),
                r -> r.change().candidateScore() == null ? "—" : r.change().candidateScore().toString());
        TableColumn<FindingRow, String> culprit = textColumn("Culprit", r -> r.change().finding().culprit() == null
                ? "—" : r.change().finding().culprit().qualified(), 320);
        culprit.setCellFactory(c -> new TableCell<>() {
            {
                setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS); // Class.method matters most
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        baseScore.setPrefWidth(125);
        candScore.setPrefWidth(135);
        findings.getColumns().addAll(List.of(status, title, category, baseScore, candScore, culprit));
        findings.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        findings.setPlaceholder(new Label("Neither run has a warning or critical finding."));
        findings.setFixedCellSize(26);
        findingsCount.setId("compare-findings-count");
        findingsCount.getStyleClass().add(Styles.MUTED);
        Label hint = new Label("Warning and critical findings of either run: resolved (only in the baseline), new "
                + "(only in the candidate), persisting (in both, with both scores).");
        hint.setWrapText(true);
        VBox box = new VBox(6, findingsCount, findings, hint);
        VBox.setVgrow(findings, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    // ---- budget ----

    private Node budgetPane() {
        budgetTable.setId("compare-budget");
        budgetHeading.setId("compare-budget-result");
        budgetHeading.setWrapText(true);
        TableColumn<ComparisonReport.BudgetCheck, String> metric = textColumn("Metric",
                ComparisonReport.BudgetCheck::metric, 320);
        TableColumn<ComparisonReport.BudgetCheck, Number> limit = numberColumn("Limit",
                ComparisonReport.BudgetCheck::limit,
                c -> (c.kind().equals("max") ? "≤ " : "≥ ") + ComparisonDocument.value(c.limit(), c.unit()));
        TableColumn<ComparisonReport.BudgetCheck, Number> actual = numberColumn("Candidate",
                c -> c.actual() == null ? Double.NaN : c.actual(),
                c -> c.actual() == null ? "no data" : ComparisonDocument.value(c.actual(), c.unit()));
        TableColumn<ComparisonReport.BudgetCheck, String> result = textColumn("Result",
                c -> c.actual() == null ? "not checked" : c.passed() ? "ok" : "VIOLATED", 120);
        result.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("fd-better", "fd-worse");
                if (!empty && item != null) {
                    getStyleClass().add(item.equals("VIOLATED") ? "fd-worse" : item.equals("ok") ? "fd-better" : "");
                    getStyleClass().remove("");
                }
            }
        });
        budgetTable.getColumns().addAll(List.of(metric, limit, actual, result));
        budgetTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        budgetTable.setPlaceholder(new Label("No budget: load a JSON or YAML budget file to check the candidate "
                + "against limits."));
        budgetTable.setFixedCellSize(26);
        Button load = new Button("Load Budget…");
        load.setId("compare-load-budget");
        load.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("A budget (JSON or YAML) the candidate must meet");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Budgets", "*.json", "*.yaml",
                    "*.yml"), new FileChooser.ExtensionFilter("All files", "*"));
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) {
                vm.loadBudget(f.toPath());
            }
        });
        Button clear = new Button("Remove Budget");
        clear.disableProperty().bind(vm.budgetProperty().isNull());
        clear.setOnAction(e -> vm.clearBudget());
        HBox tools = new HBox(8, budgetHeading, spacer(), load, clear);
        tools.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(budgetHeading, Priority.SOMETIMES);
        VBox box = new VBox(6, tools, budgetTable);
        VBox.setVgrow(budgetTable, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    private void showBudget(ComparisonReport.BudgetResult b) {
        budgetHeading.getStyleClass().removeAll("fd-better", "fd-worse");
        if (b == null) {
            budgetHeading.setText(vm.budgetProperty().get() == null ? "No budget." : "");
            budgetTable.getItems().clear();
            return;
        }
        budgetHeading.setText((b.passed() ? "Budget passed" : "Budget violated") + " — " + b.checked().size()
                + " limits, " + b.violations().size() + " violated" + (b.source() == null ? "" : " (" + b.source() + ")"));
        budgetHeading.getStyleClass().add(b.passed() ? "fd-better" : "fd-worse");
        budgetTable.getItems().setAll(b.checked());
    }

    // ---- differential flame graph ----

    private Node flamePane() {
        ToggleGroup kinds = new ToggleGroup();
        HBox switcher = new HBox();
        switcher.getStyleClass().add("fd-segmented");
        for (FlameKind k : FlameKind.values()) {
            ToggleButton b = new ToggleButton(switch (k) {
                case CPU -> "CPU";
                case ALLOC -> "Allocation";
                case LOCK -> "Lock";
            });
            b.setId("compare-flame-" + k.name().toLowerCase(Locale.ROOT));
            b.setUserData(k);
            b.setToggleGroup(kinds);
            b.setSelected(k == vm.flameKindProperty().get());
            b.setMinWidth(Region.USE_PREF_SIZE);
            switcher.getChildren().add(b);
        }
        kinds.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one kind is always chosen
            } else {
                vm.flameKindProperty().set((FlameKind) now.getUserData());
            }
        });
        TextField search = new TextField();
        search.setPromptText("Search frames (regex)");
        search.setPrefColumnCount(18);
        search.textProperty().addListener((obs, old, now) -> graph.setSearch(now));
        search.setMinWidth(Region.USE_PREF_SIZE);
        Button reset = new Button("Reset zoom");
        reset.setOnAction(e -> graph.resetZoom());
        reset.setMinWidth(Region.USE_PREF_SIZE);
        switcher.setMinWidth(Region.USE_PREF_SIZE);
        Label legend = new Label("Red: a larger share in the candidate · blue: smaller · grey: unchanged");
        legend.setTooltip(new Tooltip("Each frame is as wide as the larger of its two shares, so what the candidate "
                + "no longer runs stays visible. The strongest change in the graph gets the full colour. Click a "
                + "frame to zoom, hover for both values and the change."));
        legend.getStyleClass().add(Styles.MUTED);
        legend.setMinWidth(0);
        HBox.setHgrow(legend, Priority.ALWAYS);
        HBox tools = new HBox(8, switcher, search, reset, legend);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.setPadding(new Insets(6));
        ScrollPane scroll = new ScrollPane(graph);
        scroll.setFitToWidth(true);
        scroll.viewportBoundsProperty().addListener((obs, old, bounds) -> graph.setMinHeight(bounds.getHeight()));
        Label topTitle = new Label("Methods whose share changed most (self time)");
        topTitle.getStyleClass().add(Styles.SECTION_TITLE);
        VBox bottom = new VBox(4, topTitle, topChanges);
        VBox.setVgrow(topChanges, Priority.ALWAYS);
        bottom.setPadding(new Insets(4, 6, 6, 6));
        SplitPane split = new SplitPane(scroll, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        BorderPane pane = new BorderPane(split);
        pane.setTop(tools);
        return pane;
    }

    private void showDiff(CompareViewModel.Diff d) {
        graph.setTree(d == null ? null : d.tree());
        topChanges.setChanges(d == null ? List.of() : d.topChanges());
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
