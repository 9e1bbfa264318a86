package io.flightdeck.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetTest {
    @TempDir
    Path dir;

    @Test
    void yamlWithUnitsMinimaAndMethodShares() throws Exception {
        Path f = dir.resolve("budget.yaml");
        Files.writeString(f, """
                # service budget
                limits:
                  gc.pauseP99Seconds: 200ms
                  heap.afterGcMaxPercentOfMax: 80%
                  allocation.bytesPerSecond: 512MiB/s
                  gc.throughputPercent: {min: 95}
                  exceptions.perSecond: 100
                  "cpu.methodShare:com.example.Orders.find": 20
                """);
        Budget b = Budget.read(f);
        assertThat(b.limits()).hasSize(6);
        assertThat(b.limits().get(0).value()).isEqualTo(0.2);
        assertThat(b.limits().get(0).max()).isTrue();
        assertThat(b.limits().get(2).value()).isEqualTo(512.0 * 1024 * 1024);
        assertThat(b.limits().get(3).max()).isFalse();
        assertThat(b.limits().get(3).value()).isEqualTo(95);
        assertThat(b.limits().get(5).metric().name()).isEqualTo("cpu.methodShare:com.example.Orders.find");
    }

    @Test
    void jsonWithoutTheLimitsWrapper() throws Exception {
        Path f = dir.resolve("budget.json");
        Files.writeString(f, "{\"gc.overheadPercent\": 5, \"locks.blockedSecondsPerSecond\": 0.5}");
        Budget b = Budget.read(f);
        assertThat(b.limits()).extracting(l -> l.metric().name())
                .containsExactly("gc.overheadPercent", "locks.blockedSecondsPerSecond");
    }

    @Test
    void mistakesNameTheFileAndTheProblem() throws Exception {
        Path unknown = dir.resolve("a.yaml");
        Files.writeString(unknown, "limits:\n  gc.pauseP98: 1\n");
        assertThatThrownBy(() -> Budget.read(unknown)).isInstanceOf(Budget.BudgetException.class)
                .hasMessageContaining("a.yaml").hasMessageContaining("unknown metric 'gc.pauseP98'");
        Path unit = dir.resolve("b.yaml");
        Files.writeString(unit, "limits:\n  gc.pauseP99Seconds: 5MB/s\n");
        assertThatThrownBy(() -> Budget.read(unit)).hasMessageContaining("does not fit");
        Path broken = dir.resolve("c.json");
        Files.writeString(broken, "{\"limits\": {");
        assertThatThrownBy(() -> Budget.read(broken)).hasMessageContaining("not a valid JSON or YAML budget");
        Path empty = dir.resolve("d.yaml");
        Files.writeString(empty, "limits: {}\n");
        assertThatThrownBy(() -> Budget.read(empty)).hasMessageContaining("no limits");
    }
}
