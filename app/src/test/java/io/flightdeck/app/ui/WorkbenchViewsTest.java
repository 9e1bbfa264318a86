package io.flightdeck.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.analysis.hotspot.HotMethod;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.analysis.threads.ThreadActivity;
import io.flightdeck.app.cpu.CpuView;
import io.flightdeck.app.gc.GcView;
import io.flightdeck.app.io.IoView;
import io.flightdeck.app.locks.LocksView;
import io.flightdeck.app.memory.MemoryView;
import io.flightdeck.app.workspace.RecordingView;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Each view of a planted-bottleneck recording shows the planted culprit at the top. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchViewsTest {
    private Workbench app;

    @Start
    void start(Stage stage) {
        app = new Workbench();
        app.show(stage);
    }

    @Test
    void cpuViewListsThePlantedHotMethodFirst(FxRobot robot) throws Exception {
        RecordingView view = app.open(robot, "cpu-hotspot.jfr");
        robot.interact(() -> view.select(CpuView.class));
        TableView<HotMethod> table = view.view(CpuView.class).hotMethods().table();
        Workbench.until(() -> !table.getItems().isEmpty());
        assertThat(table.getItems().getFirst().name()).isEqualTo("io.flightdeck.samples.scenario.CatalogSearch.findBySku");
        assertThat(table.getItems().getFirst().selfPercent()).isGreaterThan(90);
    }

    @Test
    void cpuSearchFiltersTheTable(FxRobot robot) throws Exception {
        RecordingView view = app.open(robot, "cpu-hotspot.jfr");
        robot.interact(() -> view.select(CpuView.class));
        var hot = view.view(CpuView.class).hotMethods();
        Workbench.until(() -> !hot.table().getItems().isEmpty());
        int all = hot.table().getItems().size();
        TextField search = hot.searchField();
        robot.clickOn(search).write("priceOrder");
        Workbench.until(() -> hot.table().getItems().size() < all);
        assertThat(hot.table().getItems()).extracting(HotMethod::name)
                .allSatisfy(n -> assertThat(n.toLowerCase()).contains("priceorder"));
    }

    @Test
    void locksViewListsTheContendedMonitorFirst(FxRobot robot) throws Exception {
        RecordingView view = app.open(robot, "lock-contention.jfr");
        robot.interact(() -> view.select(LocksView.class));
        TableView<AnalysisReport.MonitorRow> monitors = view.view(LocksView.class).monitors().table();
        Workbench.until(() -> !monitors.getItems().isEmpty());
        assertThat(monitors.getItems().getFirst().className()).isEqualTo("io.flightdeck.samples.scenario.AuditTrail");
        assertThat(monitors.getItems().getFirst().topSite()).isEqualTo("io.flightdeck.samples.scenario.AuditTrail.append");
        TableView<ThreadActivity> threads = view.view(LocksView.class).threads().table();
        assertThat(threads.getItems()).anySatisfy(t -> {
            assertThat(t.thread()).startsWith("request-handler-");
            assertThat(t.blockedNanos()).isPositive();
        });
    }

    @Test
    void memoryViewAttributesAllocationToTheRenderer(FxRobot robot) throws Exception {
        RecordingView view = app.open(robot, "allocation-churn.jfr");
        robot.interact(() -> view.select(MemoryView.class));
        TableView<AnalysisReport.ClassBytes> byClass = view.view(MemoryView.class).byClass().table();
        Workbench.until(() -> !byClass.getItems().isEmpty());
        assertThat(byClass.getItems()).anySatisfy(c -> assertThat(c.topSite())
                .startsWith("io.flightdeck.samples.scenario.ReportRenderer."));
    }

    @Test
    void gcViewShowsPausePercentiles(FxRobot robot) throws Exception {
        RecordingView view = app.open(robot, "allocation-churn.jfr");
        robot.interact(() -> view.select(GcView.class));
        GcView gc = view.view(GcView.class);
        Workbench.until(() -> !gc.p99Tile().valueText().equals("—"));
        double p99 = view.viewModel().snapshot().report().gc().pausePercentilesSeconds().p99();
        assertThat(p99).isPositive();
        assertThat(gc.p99Tile().valueText()).isEqualTo(io.flightdeck.analysis.format.Format.seconds(p99));
    }

    @Test
    void ioViewListsTheExceptionsAndWhereTheyAreThrown(FxRobot robot) throws Exception {
        RecordingView view = app.open(robot, "mixed-service.jfr");
        robot.interact(() -> view.select(IoView.class));
        TableView<AnalysisReport.ExceptionRow> exceptions = view.view(IoView.class).exceptionTable().table();
        Workbench.until(() -> !exceptions.getItems().isEmpty());
        assertThat(exceptions.getItems().getFirst().className()).isEqualTo("java.lang.NumberFormatException");
        assertThat(exceptions.getItems().getFirst().topSite()).startsWith("io.flightdeck.samples.scenario.MixedService");
    }

    @Test
    void overviewShowsKeyNumbersAndFindings(FxRobot robot) throws Exception {
        app.open(robot, "mixed-service.jfr");
        Workbench.until(() -> !robot.lookup("#tile-gc-pause-p99").queryAs(VBox.class).getChildren().isEmpty());
        Label value = (Label) robot.lookup("#tile-jvm-cpu").queryAs(VBox.class).getChildren().get(1);
        assertThat(value.getText()).endsWith("%");
        assertThat(robot.lookup("#findings").queryAs(VBox.class).getChildren()).isNotEmpty();
    }
}
