package io.flightdeck.app.ui;

import io.flightdeck.app.cpu.CpuView;
import io.flightdeck.app.gc.GcView;
import io.flightdeck.app.io.IoView;
import io.flightdeck.app.locks.LocksView;
import io.flightdeck.app.memory.MemoryView;
import io.flightdeck.app.overview.OverviewView;
import io.flightdeck.app.workspace.FeatureView;
import io.flightdeck.app.workspace.RecordingView;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders every view of the bundled mixed sample, light and dark, to docs/screenshots (headless). Run on request:
 * {@code mvn -pl app test -Dflightdeck.excludedGroups=none -Dgroups=screenshots}.
 */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {
    private Workbench app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new Workbench();
        app.show(stage);
        stage.setWidth(1360);
        stage.setHeight(880);
    }

    @Test
    void renderEveryViewLightAndDark(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("basedir", "."), "..", "docs", "screenshots").normalize();
        Files.createDirectories(dir);
        RecordingView view = app.open(robot, "mixed-service.jfr");
        List<Class<? extends FeatureView>> views = List.of(OverviewView.class, io.flightdeck.app.findings.FindingsView.class, CpuView.class, MemoryView.class,
                LocksView.class, GcView.class, IoView.class);
        for (boolean dark : new boolean[]{false, true}) {
            robot.interact(() -> app.theme.setDark(dark));
            for (Class<? extends FeatureView> type : views) {
                robot.interact(() -> view.select(type));
                settle();
                String name = type.getSimpleName().replace("View", "").toLowerCase();
                write(dir.resolve(name + (dark ? "-dark" : "-light") + ".png"));
            }
            robot.interact(() -> view.select(CpuView.class));
            TabPane cpuTabs = robot.lookup("#cpu-tabs").queryAs(TabPane.class);
            robot.interact(() -> cpuTabs.getSelectionModel().select(2));
            settle();
            write(dir.resolve("flame" + (dark ? "-dark" : "-light") + ".png"));
            robot.interact(() -> cpuTabs.getSelectionModel().select(0));
        }
        robot.interact(() -> app.theme.setDark(false));
    }

    private static void settle() throws Exception {
        for (int i = 0; i < 10; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(150);
        }
    }

    private void write(Path file) throws Exception {
        WritableImage[] image = new WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> image[0] = stage.getScene().snapshot(null)).get();
        BufferedImage buffered = SwingFXUtils.fromFXImage(image[0], null);
        ImageIO.write(buffered, "png", file.toFile());
    }
}
