package io.flightdeck.app.flame;

import io.flightdeck.analysis.output.FlameExport;
import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.analysis.Selection;
import io.flightdeck.analysis.flame.DiffTree;
import io.flightdeck.analysis.flame.FlameKind;
import io.flightdeck.analysis.flame.FlameTree;
import io.flightdeck.app.task.FxTaskRunner;
import io.flightdeck.app.telemetry.FxWorkMonitor;
import io.flightdeck.app.theme.Palette;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.model.Profile;
import io.flightdeck.testing.TestFiles;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The differential flame graph of two real recordings (the mixed service as baseline, the planted CPU hotspot as
 * candidate): the frames only the baseline ran (the audit trail's lock work) stay on screen, the tooltip has both
 * sides, zoom and search work, and the top-changes table shows what grew and what vanished.
 */
@ExtendWith(ApplicationExtension.class)
class DiffFlameGraphTest {
    private static final String GONE = "io.flightdeck.samples.scenario.AuditTrail.append";
    private static final String HOT = "io.flightdeck.samples.scenario.CatalogSearch.findBySku";

    private DiffFlameGraph graph;
    private TopChangesTable changes;
    private final FxTaskRunner tasks = new FxTaskRunner(new FxWorkMonitor());

    @Start
    void start(Stage stage) {
        graph = new DiffFlameGraph(Palette.LIGHT);
        changes = new TopChangesTable();
        BorderPane root = new BorderPane(graph);
        root.setBottom(changes);
        changes.setPrefHeight(250);
        stage.setScene(new Scene(root, 1200, 800));
        stage.show();
    }

    private DiffTree loadRealTrees(FxRobot robot) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        robot.interact(() -> graph.load(tasks, () -> {
            try {
                Profile base = ProfileLoader.withDefaults().load(TestFiles.sample("mixed-service.jfr"));
                Profile cand = ProfileLoader.withDefaults().load(TestFiles.sample("cpu-hotspot.jfr"));
                return DiffTree.of(FlameTree.of(Selection.all(base), FlameKind.CPU, false),
                        FlameTree.of(Selection.all(cand), FlameKind.CPU, false));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, failure::set));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> graph.tree() != null || failure.get() != null);
        assertThat(failure.get()).isNull();
        robot.interact(() -> changes.setChanges(graph.tree().topChanges(DiffTree.Rank.SELF, 50)));
        WaitForAsyncUtils.waitForFxEvents();
        return graph.tree();
    }

    /** Writes what the stage shows to a PNG under target/, to look at after a run. */
    private void snapshotTo(java.nio.file.Path file) throws Exception {
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> image[0] = graph.getScene().snapshot(null)).get();
        java.nio.file.Files.createDirectories(file.getParent());
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
    }

    /** The widest node of GONE, which the candidate no longer runs. */
    private static int baselineOnlyFrame(DiffTree tree) {
        int best = -1;
        for (int n = 1; n < tree.size(); n++) {
            if (tree.label(n).equals(GONE) && tree.presence(n) == DiffTree.Presence.BASELINE_ONLY
                    && (best < 0 || tree.layoutWeight(n) > tree.layoutWeight(best))) {
                best = n;
            }
        }
        return best;
    }

    @Test
    void baselineOnlyFramesAreDrawnAndTheirTooltipHasBothValues(FxRobot robot) throws Exception {
        DiffTree tree = loadRealTrees(robot);
        assertThat(tree.candidateTotal(DiffTree.ROOT)).isPositive();
        int hot = baselineOnlyFrame(tree);
        assertThat(hot).as("the audit trail runs only in the baseline").isPositive();
        assertThat(tree.candidateTotal(hot)).isZero();
        double[] bounds = graph.boundsOf(hot);
        assertThat(bounds).as("drawn").isNotNull();
        assertThat(bounds[2]).as("width in pixels").isGreaterThan(100);
        assertThat(graph.drawnFrames()).isGreaterThan(10);
        // a frame that shrank to nothing is blue
        Color c = graph.colour(hot);
        assertThat(c.getBlue()).isGreaterThan(c.getRed());

        snapshotTo(java.nio.file.Path.of(System.getProperty("basedir", "."), "target", "diff-flame.png"));

        Point2D onScreen = graph.localToScreen(bounds[0] + bounds[2] / 2, bounds[1] + DiffFlameGraph.ROW_HEIGHT / 2);
        robot.moveTo(onScreen);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> graph.hoveredProperty().get() == hot);
        String tip = graph.tooltipText();
        assertThat(tip).startsWith(GONE + "\n")
                .contains("baseline: " + FlameExport.value(tree.weight(), tree.baselineTotal(hot)))
                .contains("candidate: 0 samples (0.00 %)")
                .contains("(only in the baseline)")
                .containsPattern("change: -\\d+\\.\\d\\d points");

        robot.clickOn(onScreen);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(graph.zoomedNode()).isEqualTo(hot);
        assertThat(graph.zoomPathProperty().get()).endsWith(hot);
        robot.interact(graph::resetZoom);
        assertThat(graph.zoomedNode()).isEqualTo(DiffTree.ROOT);
    }

    @Test
    void searchHighlightsAndMeasuresBothSides(FxRobot robot) throws Exception {
        DiffTree tree = loadRealTrees(robot);
        robot.interact(() -> graph.setSearch("AuditTrail\\.append"));
        double base = graph.matchBaselinePercentProperty().get();
        double cand = graph.matchCandidatePercentProperty().get();
        assertThat(base).isGreaterThan(20);
        assertThat(cand).isZero();
        robot.interact(() -> graph.setSearch("findbysku")); // case-insensitive
        assertThat(graph.matchCandidatePercentProperty().get()).isGreaterThan(graph.matchBaselinePercentProperty().get());
        robot.interact(() -> graph.setSearch("AuditTrail\\.append"));
        int hot = baselineOnlyFrame(tree);
        assertThat(graph.colour(hot)).isEqualTo(Palette.LIGHT.match());
        robot.interact(() -> graph.setSearch(""));
        assertThat(graph.matchBaselinePercentProperty().get()).isNaN();
    }

    @Test
    void topChangesShowWhatGrewAndWhatVanished(FxRobot robot) throws Exception {
        DiffTree tree = loadRealTrees(robot);
        var rows = changes.table().getItems();
        assertThat(rows).hasSize(50);
        DiffTree.MethodChange grew = rows.stream().filter(r -> r.selfDeltaPoints() > 0).findFirst().orElseThrow();
        assertThat(grew.method()).isEqualTo(HOT);
        assertThat(grew.candidateSelfPercent()).isGreaterThan(grew.baselineSelfPercent() + 30);
        DiffTree.MethodChange gone = rows.stream().filter(r -> r.selfDeltaPoints() < 0).findFirst().orElseThrow();
        assertThat(gone.method()).isEqualTo(GONE);
        assertThat(gone.candidateSelfPercent()).isZero();
        assertThat(gone.baselineSelfPercent()).isCloseTo(
                100.0 * tree.baselineSelf(baselineOnlyFrame(tree)) / tree.baselineTotal(DiffTree.ROOT),
                org.assertj.core.data.Offset.offset(1e-9));
        // the table is sortable by the change
        robot.interact(() -> {
            var column = changes.table().getColumns().get(3);
            column.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
            changes.table().getSortOrder().setAll(column);
        });
        assertThat(changes.table().getItems().getFirst().selfDeltaPoints())
                .isEqualTo(rows.stream().mapToDouble(DiffTree.MethodChange::selfDeltaPoints).min().orElseThrow());
    }
}
