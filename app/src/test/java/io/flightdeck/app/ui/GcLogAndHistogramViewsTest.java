package io.flightdeck.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.app.gc.GcView;
import io.flightdeck.app.heap.HistogramView;
import io.flightdeck.app.workspace.RecordingView;
import io.flightdeck.testing.TestFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Tab;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A GC log alone, and a recording with its GC log and histograms added: the views the sources have data for. */
@ExtendWith(ApplicationExtension.class)
class GcLogAndHistogramViewsTest {
    private static final Path LOGS = TestFiles.freshGcLogs().resolve("jdk25");

    private Workbench app;

    @Start
    void start(Stage stage) {
        app = new Workbench();
        app.show(stage);
    }

    private static List<String> tabTitles(RecordingView view) {
        return view.lookupAll(".tab-pane").stream().findFirst()
                .map(n -> ((javafx.scene.control.TabPane) n).getTabs().stream().map(Tab::getText).toList())
                .orElseThrow();
    }

    @Test
    void aGcLogAloneGetsTheOverviewAndTheGcView(FxRobot robot) throws Exception {
        RecordingView view = app.open(robot, LOGS.resolve("g1-gc-all-safepoint.log"));
        assertThat(tabTitles(view)).containsExactly("Overview", "Findings", "GC");
        robot.interact(() -> view.select(GcView.class));
        Workbench.until(() -> robot.lookup("#tile-safepoints").tryQuery().isPresent());
        javafx.scene.layout.VBox tile = robot.lookup("#tile-safepoints").queryAs(javafx.scene.layout.VBox.class);
        Workbench.until(() -> !((javafx.scene.control.Label) tile.getChildren().get(1)).getText().equals("—"));
        assertThat(view.viewModel().snapshot().report().gc().pauseCount()).isEqualTo(19); // as the manifest counts
    }

    @Test
    void addingFilesToAnOpenRecordingReplacesItsTab(FxRobot robot) throws Exception {
        RecordingView view = app.open(robot, LOGS.resolve("g1.jfr"));
        assertThat(tabTitles(view)).doesNotContain("Heap histogram");
        int tabs = app.window.recordingTabs().getTabs().size();
        Path histogram = TestFiles.corpusOrNull("jdk25/memory-leak/bad.histo.txt");
        List<Path> added = histogram == null ? List.of(LOGS.resolve("g1-gc-all-safepoint.log"))
                : List.of(LOGS.resolve("g1-gc-all-safepoint.log"), histogram);
        robot.interact(() -> app.vm.addTo(view.viewModel(), added));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.window.currentView() != null
                && app.window.currentView() != view && app.window.currentView().viewModel().snapshot() != null);
        RecordingView now = app.window.currentView();
        assertThat(app.window.recordingTabs().getTabs()).hasSize(tabs);
        assertThat(now.viewModel().files()).hasSize(1 + added.size());
        assertThat(now.viewModel().label()).isEqualTo("g1.jfr + " + added.size());
        assertThat(now.viewModel().snapshot().report().gc().source()).isEqualTo("jfr");
        assertThat(now.viewModel().snapshot().report().gc().safepointCount()).isPositive();
        if (histogram != null) {
            assertThat(tabTitles(now)).contains("Heap histogram");
            robot.interact(() -> now.select(HistogramView.class));
            Workbench.until(() -> robot.lookup("#histogram-top").tryQuery().isPresent());
        }
    }
}
