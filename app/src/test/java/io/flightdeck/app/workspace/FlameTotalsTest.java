package io.flightdeck.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.analysis.flame.CallTree;
import io.flightdeck.analysis.flame.FlameKind;
import io.flightdeck.app.task.InlineTaskRunner;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.testing.TestFiles;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.flightdeck.cli.Cli;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One definition of a flame graph: for every sample recording, the desktop app's CPU, allocation and lock flame
 * graphs add up to exactly what {@code flightdeck flame --kind cpu|alloc|lock} prints.
 */
class FlameTotalsTest {
    static Stream<Path> recordings() throws Exception {
        Path dir = TestFiles.sample("cpu-hotspot.jfr").getParent();
        try (Stream<Path> all = Stream.concat(Files.list(dir), Files.list(dir.resolve("twins")))) {
            List<Path> files = all.filter(p -> p.toString().endsWith(".jfr")).sorted().toList();
            return files.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void theAppsFlameGraphsHaveTheCommandLinesTotals(Path recording) throws Exception {
        RecordingViewModel vm = new RecordingViewModel(ProfileLoader.withDefaults().load(recording),
                new InlineTaskRunner(), "test");
        for (FlameKind kind : FlameKind.values()) {
            AtomicReference<CallTree> tree = new AtomicReference<>();
            vm.callTree(kind, false, tree::set);
            long gui = tree.get().total(CallTree.ROOT);
            long cli = collapsedTotal(recording, kind);
            assertThat(gui).as(recording.getFileName() + " " + kind).isEqualTo(cli);
        }
    }

    private static long collapsedTotal(Path recording, FlameKind kind) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Cli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                "flame", recording.toString(), "--kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
