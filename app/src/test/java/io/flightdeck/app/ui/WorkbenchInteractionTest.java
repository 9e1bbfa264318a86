package io.flightdeck.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.analysis.flame.CallTree;
import io.flightdeck.app.chart.TimeChart;
import io.flightdeck.app.cpu.CpuView;
import io.flightdeck.app.flame.FlameGraph;
import io.flightdeck.app.workspace.RecordingView;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Range selection, thread filter, error dialog, flame-graph zoom and search, tabs, theme. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchInteractionTest {
    private Workbench app;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        app = new Workbench();
        app.show(stage);
    }

    @Test
    void draggingAcrossAChartSelectsARangeAndEveryNumberFollows(FxRobot robot) throws Exception {
        RecordingView view = app.open(robot, "cpu-hotspot.jfr");
        long all = view.viewModel().snapshot().report().cpu().samples();
        TimeChart chart = robot.lookup("#overview-chart").queryAs(TimeChart.class);
        robot.interact(() -> chart.getParent().getParent().getParent().requestLayout());
        Bounds b = chart.localToScreen(chart.getBoundsInLocal());
        Point2D from = new Point2D(b.getMinX() + b.getWidth() * 0.35, b.getMinY() + b.getHeight() * 0.15);
        Point2D to = new Point2D(b.getMinX() + b.getWidth() * 0.6, b.getMinY() + b.getHeight() * 0.15);
        robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        Workbench.until(() -> view.viewModel().rangeSeconds() != null
                && view.viewModel().snapshot().report().cpu().samples() < all);
        assertThat(view.viewModel().snapshot().report().cpu().samples()).isPositive();
        assertThat(robot.lookup("#range-chip").queryAs(Node.class).isVisible()).isTrue();
        robot.clickOn("#range-reset");
        Workbench.until(() -> view.viewModel().rangeSeconds() == null
                && view.viewModel().snapshot().report().cpu().samples() == all);
    }

    @Test
    void theThreadFilterNarrowsTheNumbers(FxRobot robot) throws Exception {
        RecordingView view = app.open(robot, "cpu-hotspot.jfr");
        long all = view.viewModel().snapshot().report().cpu().samples();
        robot.clickOn("#thread-filter").write("order-pricer-0").type(KeyCode.ENTER);
        Workbench.until(() -> view.viewModel().snapshot().report().cpu().samples() < all);
        assertThat(view.viewModel().snapshot().report().cpu().byThread())
                .allSatisfy(t -> assertThat(t.thread()).isEqualTo("order-pricer-0"));
    }

    @Test
    void aBadFileShowsAnErrorDialogAndTheAppStaysUsable(FxRobot robot) throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.jfr"), "just some notes\nnothing to see\n");
        robot.interact(() -> app.vm.open(notes));
        Workbench.until(() -> robot.lookup("#error-dialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Could not open notes.jfr");
        assertThat(dialog.getContentText()).startsWith("notes.jfr: not a JFR recording, GC log or class histogram")
                .doesNotContain("\n").doesNotContain("Exception");
        robot.interact(() -> ((Stage) dialog.getScene().getWindow()).close());
        RecordingView view = app.open(robot, "lock-contention.jfr");
        assertThat(view.viewModel().label()).isEqualTo("lock-contention.jfr");
    }

    @Test
    void clickingAFrameZoomsTheFlameGraphAndTheBreadcrumbLeadsBack(FxRobot robot) throws Exception {
        RecordingView view = app.open(robot, "cpu-hotspot.jfr");
        robot.interact(() -> view.select(CpuView.class));
        view.view(CpuView.class).node();
        TabPane cpuTabs = robot.lookup("#cpu-tabs").queryAs(TabPane.class);
        robot.interact(() -> cpuTabs.getSelectionModel().select(2));
        // the tab's content is built lazily, in a later pulse on a busy machine
        Workbench.until(() -> robot.lookup("#flame-cpu").tryQuery().isPresent());
        FlameGraph flame = robot.lookup("#flame-cpu").queryAs(FlameGraph.class);
        Workbench.until(() -> flame.tree() != null && flame.getHeight() > 0 && flame.drawnFrames() > 1);
        // the second row from the bottom holds the root's heaviest child (Thread.run)
        Bounds b = flame.localToScreen(flame.getBoundsInLocal());
        Point2D target = new Point2D(b.getMinX() + b.getWidth() * 0.5, b.getMaxY() - FlameGraph.ROW_HEIGHT * 3.5);
        int expected = flame.nodeAt(b.getWidth() * 0.5, flame.getHeight() - FlameGraph.ROW_HEIGHT * 3.5);
        assertThat(expected).isPositive();
        robot.clickOn(target);
        Workbench.until(() -> flame.zoomedNode() == expected);
        assertThat(flame.zoomPathProperty().get()).hasSizeGreaterThan(1).startsWith(CallTree.ROOT);
        robot.clickOn("Reset zoom");
        Workbench.until(() -> flame.zoomedNode() == CallTree.ROOT);
    }

    @Test
    void searchingTheFlameGraphShowsTheMatchingShare(FxRobot robot) throws Exception {
        RecordingView view = app.open(robot, "cpu-hotspot.jfr");
        robot.interact(() -> view.select(CpuView.class));
        view.view(CpuView.class).node();
        TabPane cpuTabs = robot.lookup("#cpu-tabs").queryAs(TabPane.class);
        robot.interact(() -> cpuTabs.getSelectionModel().select(2));
        FlameGraph flame = robot.lookup("#flame-cpu").queryAs(FlameGraph.class);
        Workbench.until(() -> flame.tree() != null);
        robot.clickOn("#flame-search").write("findBySku");
        Workbench.until(() -> !Double.isNaN(flame.matchPercentProperty().get()));
        assertThat(flame.matchPercentProperty().get()).isGreaterThan(90);
    }

    @Test
    void severalRecordingsOpenInTabsAndShortcutsSwitchViews(FxRobot robot) throws Exception {
        app.open(robot, "cpu-hotspot.jfr");
        RecordingView second = app.open(robot, "lock-contention.jfr");
        assertThat(app.window.recordingTabs().getTabs()).extracting(t -> t.getText())
                .containsExactly("cpu-hotspot.jfr", "lock-contention.jfr");
        // Overview, Findings, CPU, Memory, Locks & threads: the fifth
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        Workbench.until(() -> robot.lookup("#monitors").tryQuery().isPresent());
        assertThat(second.viewModel().snapshot()).isNotNull();
    }

    @Test
    void theDarkThemeRecoloursTheWindow(FxRobot robot) throws Exception {
        app.open(robot, "cpu-hotspot.jfr");
        robot.interact(() -> app.theme.setDark(true));
        assertThat(app.theme.palette().dark()).isTrue();
        assertThat(app.window.getPseudoClassStates()).extracting(Object::toString).contains("dark");
        robot.interact(() -> app.theme.setDark(false));
        assertThat(app.window.getPseudoClassStates()).extracting(Object::toString).doesNotContain("dark");
    }
}
