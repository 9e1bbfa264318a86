package io.flightdeck.app.bench;

import io.flightdeck.app.cpu.CpuView;
import io.flightdeck.app.gc.GcView;
import io.flightdeck.app.io.IoView;
import io.flightdeck.app.locks.LocksView;
import io.flightdeck.app.memory.MemoryView;
import io.flightdeck.app.overview.OverviewView;
import io.flightdeck.app.shell.MainViewModel;
import io.flightdeck.app.shell.MainWindow;
import io.flightdeck.app.telemetry.FxStallMonitor;
import io.flightdeck.app.workspace.FeatureView;
import io.flightdeck.app.workspace.RecordingView;
import io.flightdeck.testing.TestFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Benchmark: the longest time the JavaFX thread goes without a frame while the largest recording of the corpus
 * (or -Dflightdeck.stall.file) is imported and every view, and the CPU flame graph, is shown for the first time.
 * {@code mvn -pl app test -Dflightdeck.excludedGroups=none -Dgroups=bench -Dtest=FxStallBench}
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class FxStallBench {
    private MainWindow window;
    private MainViewModel vm;
    private io.flightdeck.app.telemetry.FxWorkMonitor work;

    @Start
    void start(Stage stage) {
        io.flightdeck.app.shell.Workbench workbench = new io.flightdeck.app.shell.Workbench(null);
        vm = workbench.viewModel();
        window = workbench.window();
        work = workbench.work();
        workbench.show(stage, 1280, 900);
    }

    @Test
    void longestStallWhileImportingAndSwitchingViews(FxRobot robot) throws Exception {
        Path file = largestRecording();
        FxStallMonitor monitor = new FxStallMonitor();
        List<String> phases = new ArrayList<>();
        robot.interact(() -> {
            work.reset();
            monitor.start();
        });
        long t0 = System.nanoTime();
        robot.interact(() -> vm.open(file));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> window.currentView() != null
                && window.currentView().viewModel().snapshot() != null);
        phases.add(String.format("import and first analysis: %.0f ms, longest FX work so far %.1f ms (%s)",
                (System.nanoTime() - t0) / 1e6, work.longestNanos() / 1e6, work.longestWhat()));
        RecordingView view = window.currentView();
        List<Class<? extends FeatureView>> views = List.of(OverviewView.class, CpuView.class, MemoryView.class,
                LocksView.class, GcView.class, IoView.class);
        for (Class<? extends FeatureView> type : views) {
            robot.interact(() -> view.select(type));
            pause();
            phases.add(String.format("after %s: longest FX work so far %.1f ms (%s)", type.getSimpleName(),
                    work.longestNanos() / 1e6, work.longestWhat()));
        }
        robot.interact(() -> view.select(CpuView.class));
        TabPane cpuTabs = robot.lookup("#cpu-tabs").queryAs(TabPane.class);
        robot.interact(() -> cpuTabs.getSelectionModel().select(2));
        pause();
        phases.add(String.format("after the flame graph: longest stall so far %.1f ms", monitor.longestNanos() / 1e6));
        robot.interact(() -> view.viewModel().selectSeconds(0, view.viewModel().durationSeconds() / 2));
        pause();
        phases.add(String.format("after a new range: longest stall so far %.1f ms", monitor.longestNanos() / 1e6));
        long[] stall = new long[1];
        robot.interact(() -> stall[0] = monitor.stop());
        // the same again with a second recording: the app is warm now (classes loaded, code compiled)
        long coldWork = work.longestNanos();
        String coldWhat = work.longestWhat();
        robot.interact(() -> {
            work.reset();
            monitor.start();
        });
        robot.interact(() -> vm.open(file));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> window.recordingTabs().getTabs().size() == 2
                && window.currentView().viewModel().snapshot() != null);
        RecordingView second = window.currentView();
        for (Class<? extends FeatureView> type : views) {
            robot.interact(() -> second.select(type));
            pause();
        }
        long[] warmStall = new long[1];
        robot.interact(() -> warmStall[0] = monitor.stop());
        phases.add(String.format("warm (the same file opened again, every view shown): longest FX work %.1f ms (%s), "
                + "longest frame gap %.1f ms", work.longestNanos() / 1e6, work.longestWhat(), warmStall[0] / 1e6));
        String report = String.format("importing %s (%,d bytes), then showing 6 views, the flame graph and a new "
                + "time range:%nlongest piece of work on the FX thread: %.1f ms (%s)%nlongest gap between two frames: "
                + "%.1f ms (includes waiting for the software renderer of the headless test display)%n%s%n", file,
                Files.size(file), coldWork / 1e6, coldWhat, stall[0] / 1e6,
                String.join("\n", phases));
        System.out.print(report);
        Files.writeString(Path.of("target", "bench-fx-stall.txt"), report);
    }

    private static void pause() throws Exception {
        for (int i = 0; i < 15; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(100);
        }
    }

    private static Path largestRecording() throws Exception {
        String configured = System.getProperty("flightdeck.stall.file");
        if (configured != null) {
            return Path.of(configured);
        }
        Path corpus = TestFiles.corpus().resolve("recordings");
        if (!Files.isDirectory(corpus)) {
            return TestFiles.sample("mixed-service.jfr");
        }
        try (Stream<Path> files = Files.walk(corpus)) {
            return files.filter(p -> p.toString().endsWith(".jfr"))
                    .max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
    }
}
