package io.flightdeck.app.bench;

import io.flightdeck.analysis.FrameKind;
import io.flightdeck.analysis.Selection;
import io.flightdeck.analysis.flame.CallTree;
import io.flightdeck.app.flame.FlameGraph;
import io.flightdeck.app.theme.Palette;
import io.flightdeck.model.EventTypeStats;
import io.flightdeck.model.FrameTable;
import io.flightdeck.model.FrameType;
import io.flightdeck.model.MethodTable;
import io.flightdeck.model.Profile;
import io.flightdeck.model.RecordingInfo;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;
import io.flightdeck.model.SourceInfo;
import io.flightdeck.model.SourceKind;
import io.flightdeck.model.StackTable;
import io.flightdeck.model.SymbolTable;
import io.flightdeck.model.ThreadTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Benchmark (not a test: it prints figures and asserts nothing about time): repaints of a flame graph built from a
 * million CPU samples over 100 000 distinct stacks, 5 to 60 frames deep, in a 1600×1000 canvas.
 * {@code mvn -pl app test -Dflightdeck.excludedGroups=none -Dgroups=bench -Dtest=FlameRepaintBench}
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class FlameRepaintBench {
    private FlameGraph graph;

    @Start
    void start(Stage stage) {
        graph = new FlameGraph(Palette.LIGHT);
        stage.setScene(new Scene(new StackPane(graph), 1600, 1000));
        stage.show();
    }

    @Test
    void repaintAMillionSamples(FxRobot robot) throws Exception {
        Profile profile = syntheticProfile(1_000_000, 100_000, 2_000);
        long t0 = System.nanoTime();
        CallTree tree = CallTree.of(Selection.all(profile), SampleKind.CPU, CallTree.Weight.SAMPLES, false);
        double buildMs = (System.nanoTime() - t0) / 1e6;
        robot.interact(() -> graph.setTree(tree, profile.methods()::qualifiedName,
                m -> FrameKind.values()[m % 3], v -> v + " samples"));
        WaitForAsyncUtils.waitForFxEvents();
        double[] full = time(robot, 60, () -> graph.paint());
        robot.interact(() -> graph.setSearch("m1[0-9]"));
        double[] searched = time(robot, 60, () -> graph.paint());
        robot.interact(() -> graph.zoomTo(tree.children(tree.children(CallTree.ROOT)[0])[0]));
        double[] zoomed = time(robot, 60, () -> graph.paint());
        String report = String.format(
                "flame graph of %,d samples, %,d distinct stacks, %,d tree nodes (built in %.0f ms off the FX thread)%n"
                        + "repaint 1600x1000: median %.2f ms, max %.2f ms (%,d frames drawn); with a search: median %.2f ms, "
                        + "max %.2f ms; zoomed: median %.2f ms, max %.2f ms%n",
                profile.samples(SampleKind.CPU).size(), profile.stacks().size(), tree.size(), buildMs, full[0], full[1],
                graph.drawnFrames(), searched[0], searched[1], zoomed[0], zoomed[1]);
        System.out.print(report);
        Files.writeString(Path.of("target", "bench-flame-repaint.txt"), report);
    }

    private static double[] time(FxRobot robot, int runs, Runnable paint) {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            int index = i;
            robot.interact(() -> {
                long t = System.nanoTime();
                paint.run();
                ms[index] = (System.nanoTime() - t) / 1e6;
            });
        }
        double[] sorted = Arrays.copyOfRange(ms, 5, runs); // the first repaints warm the JIT
        Arrays.sort(sorted);
        return new double[]{sorted[sorted.length / 2], sorted[sorted.length - 1]};
    }

    /** Random stacks drawn from a call graph of {@code methods} methods, weighted like real profiles (skewed). */
    static Profile syntheticProfile(int samples, int distinctStacks, int methods) {
        Random random = new Random(42);
        MethodTable.Builder methodTable = new MethodTable.Builder();
        for (int m = 0; m < methods; m++) {
            methodTable.intern("com.example.generated.Class" + (m / 20), "m" + m, "()V");
        }
        FrameTable.Builder frames = new FrameTable.Builder();
        StackTable.Builder stacks = new StackTable.Builder();
        int[] stackIds = new int[distinctStacks];
        for (int s = 0; s < distinctStacks; s++) {
            int depth = 5 + random.nextInt(56);
            int[] ids = new int[depth];
            int method = random.nextInt(8); // a few entry points
            for (int d = depth - 1; d >= 0; d--) {
                ids[d] = frames.intern(method, 10 + d, FrameType.JIT_COMPILED);
                method = (method * 31 + random.nextInt(1 + d % 7)) % methods;
            }
            stackIds[s] = stacks.intern(ids, false);
        }
        SampleSet.Builder cpu = new SampleSet.Builder(SampleKind.CPU, samples);
        ThreadTable.Builder threads = new ThreadTable.Builder();
        int thread = threads.intern("worker", 1, 1, false);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        long origin = start.getEpochSecond() * 1_000_000_000L;
        for (int i = 0; i < samples; i++) {
            int s = (int) Math.min(distinctStacks - 1, Math.abs(random.nextGaussian()) * distinctStacks / 3);
            cpu.add(origin + i * 1_000_000L, thread, stackIds[s], 0, 1, -1, -1);
        }
        RecordingInfo info = new RecordingInfo("2.1", start, start.plusSeconds(samples / 1000), 1, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
                OptionalLong.empty());
        return new Profile(new SourceInfo(Path.of("synthetic.jfr"), SourceKind.JFR, "synthetic", 0, List.of(), 0), info,
                new SymbolTable.Builder().build(), methodTable.build(), frames.build(), stacks.build(), threads.build(),
                Map.of(SampleKind.CPU, cpu.build()), Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                Map.<String, EventTypeStats>of(), Map.of());
    }
}
