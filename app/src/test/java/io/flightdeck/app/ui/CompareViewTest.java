package io.flightdeck.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.analysis.compare.ComparisonReport.MetricChange;
import io.flightdeck.analysis.compare.Verdict;
import io.flightdeck.analysis.flame.FlameKind;
import io.flightdeck.app.compare.CompareView;
import io.flightdeck.app.compare.CompareViewModel;
import io.flightdeck.app.workspace.RecordingView;
import io.flightdeck.cli.Cli;
import io.flightdeck.testing.TestFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The compare view on the lock-contention fix: the CLI's verdict, the decisive metric marked better, the
 * "significant only" filter, a budget file, the differential flame graph of each kind, and swapping the sides.
 */
@ExtendWith(ApplicationExtension.class)
class CompareViewTest {
    private static final Path BEFORE = TestFiles.sample("lock-contention.jfr");
    private static final Path AFTER = TestFiles.sample("lock-contention-fixed.jfr");

    private Workbench app;

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) {
        app = new Workbench();
        app.show(stage);
    }

    /** What {@code flightdeck compare BEFORE AFTER --format json} prints. */
    private static JsonNode cli(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), args);
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    private static MetricChange metric(CompareView view, String name) {
        return view.metricsTable().getItems().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private static JsonNode cliMetric(JsonNode cli, String name) {
        for (JsonNode m : cli.get("metrics")) {
            if (m.get("name").asText().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("the CLI has no metric " + name);
    }

    /** The text and style of a metric's cell in a column, as drawn. */
    private static TableCell<?, ?> cell(FxRobot robot, String metric, String column) throws Exception {
        java.util.function.Supplier<java.util.Optional<TableCell>> find = () -> robot
                .lookup("#compare-metrics .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableRow() != null && c.getTableRow().getItem() instanceof MetricChange m
                        && m.name().equals(metric) && c.getTableColumn() != null
                        && column.equals(c.getTableColumn().getText()) && c.getText() != null)
                .findFirst();
        Workbench.until(() -> find.get().isPresent()); // the rows are drawn a pulse after they arrive
        return find.get().orElseThrow();
    }

    @Test
    void showsTheCliVerdictTheMetricsTheFlameGraphAndSwaps(FxRobot robot) throws Exception {
        JsonNode cli = cli("compare", BEFORE.toString(), AFTER.toString(), "--format", "json");
        assertThat(cli.get("verdict").asText()).isEqualTo("improved");
        RecordingView before = app.open(robot, BEFORE);
        app.open(robot, AFTER);
        robot.interact(() -> app.window.recordingTabs().getSelectionModel().select(0));

        // Analysis ▸ Compare…: the recording in front is the baseline, the other one the candidate
        robot.interact(() -> app.window.compareCurrent());
        Workbench.until(() -> app.window.currentCompareView() != null
                && app.window.currentCompareView().viewModel().diff() != null);
        CompareView view = app.window.currentCompareView();
        CompareViewModel vm = view.viewModel();
        assertThat(vm.baseline()).isSameAs(before.viewModel());
        assertThat(vm.report().verdict().label()).isEqualTo(cli.get("verdict").asText());
        Label verdict = robot.lookup("#compare-verdict").queryAs(Label.class);
        assertThat(verdict.getText()).isEqualTo("Improved");
        assertThat(robot.lookup("#compare-banner").query().getStyleClass()).contains("fd-verdict-improved");
        assertThat(robot.lookup("#compare-summary").queryAs(Label.class).getText())
                .isEqualTo(cli.get("summary").asText());
        assertThat(app.window.recordingTabs().getSelectionModel().getSelectedItem().getText())
                .isEqualTo("Compare: lock-contention.jfr → lock-contention-fixed.jfr");

        // every metric of the CLI, the decisive lock metric first, significant and better, drawn in the better colour
        assertThat(view.metricsTable().getItems()).hasSize(cli.get("metrics").size());
        MetricChange blocked = metric(view, "locks.blockedSecondsPerSecond");
        assertThat(view.metricsTable().getItems().getFirst()).isSameAs(blocked);
        assertThat(blocked.significant()).isTrue();
        assertThat(blocked.better()).isTrue();
        assertThat(blocked.decisive()).isTrue();
        for (JsonNode m : cli.get("metrics")) {
            MetricChange shown = metric(view, m.get("name").asText());
            assertThat(shown.baseline()).isEqualTo(m.get("baseline").asDouble());
            assertThat(shown.significant()).isEqualTo(m.get("significant").asBoolean());
        }
        TableCell<?, ?> better = cell(robot, "locks.blockedSecondsPerSecond", "Better / worse");
        assertThat(better.getText()).isEqualTo("better");
        assertThat(better.getStyleClass()).contains("fd-better");
        TableCell<?, ?> change = cell(robot, "locks.blockedSecondsPerSecond", "Change");
        assertThat(change.getText()).isEqualTo(String.format(java.util.Locale.ROOT, "%+.1f %%",
                cliMetric(cli, "locks.blockedSecondsPerSecond").get("changePercent").asDouble()));

        // significant only
        robot.clickOn("#compare-significant-only");
        long significant = 0;
        for (JsonNode m : cli.get("metrics")) {
            significant += m.get("significant").asBoolean() ? 1 : 0;
        }
        assertThat(view.metricsTable().getItems()).hasSize((int) significant)
                .allMatch(MetricChange::significant);
        robot.clickOn("#compare-significant-only");
        assertThat(view.metricsTable().getItems()).hasSize(cli.get("metrics").size());

        // findings: the AuditTrail lock resolved
        assertThat(view.findingsTable().getItems()).anyMatch(r -> r.status().equals("resolved")
                && r.change().finding().id().equals("lock-contention.lock"));
        assertThat(view.findingsTable().getItems().stream().filter(r -> r.status().equals("resolved")).count())
                .isEqualTo(cli.get("findings").get("resolved").size());

        // the differential flame graph: CPU, then lock time; the top changes beside it
        robot.interact(() -> view.selectSection(3));
        Workbench.until(() -> view.diffFlameGraph().drawnFrames() > 0);
        assertThat(vm.diff().kind()).isEqualTo(FlameKind.CPU);
        assertThat(view.diffFlameGraph().tree().size()).isGreaterThan(3);
        assertThat(view.topChangesTable().table().getItems()).isNotEmpty();
        assertThat(view.topChangesTable().table().getItems().stream().map(c -> c.method()).toList())
                .anyMatch(m -> m.endsWith("AuditTrail.append"));
        robot.clickOn(robot.lookup("#compare-flame-lock").queryAs(ToggleButton.class));
        Workbench.until(() -> vm.diff().kind() == FlameKind.LOCK && view.diffFlameGraph().drawnFrames() > 0);
        // the baseline waited on the AuditTrail monitor; the candidate hardly at all
        int root = 0;
        assertThat(view.diffFlameGraph().tree().baselineTotal(root))
                .isGreaterThan(view.diffFlameGraph().tree().candidateTotal(root));

        // a budget file: checked against the candidate, re-running the comparison
        Path budget = temp.resolve("budget.yaml");
        Files.writeString(budget, "limits:\n  locks.blockedSecondsPerSecond: 0.05\n  gc.pauseP99Seconds: 100ms\n");
        robot.interact(() -> vm.loadBudget(budget));
        Workbench.until(() -> vm.report().budget() != null && !vm.runningProperty().get());
        JsonNode cliBudget = cli("compare", BEFORE.toString(), AFTER.toString(), "--budget", budget.toString(),
                "--format", "json").get("budget");
        assertThat(vm.report().budget().passed()).isEqualTo(cliBudget.get("passed").asBoolean()).isFalse();
        assertThat(view.budgetTable().getItems()).hasSize(2);
        assertThat(robot.lookup("#compare-budget-result").queryAs(Label.class).getText())
                .startsWith("Budget violated — 2 limits, 1 violated");

        // swap: the fix read backwards is a regression
        robot.clickOn("#compare-swap");
        Workbench.until(() -> vm.report() != null && vm.report().verdict() == Verdict.REGRESSED
                && !vm.runningProperty().get());
        assertThat(vm.baseline().files().getFirst().getFileName().toString()).isEqualTo("lock-contention-fixed.jfr");
        assertThat(verdict.getText()).isEqualTo("Regressed");
        assertThat(metric(view, "locks.blockedSecondsPerSecond").better()).isFalse();
        assertThat(app.window.recordingTabs().getSelectionModel().getSelectedItem().getText())
                .isEqualTo("Compare: lock-contention-fixed.jfr → lock-contention.jfr");
    }
}
