package io.flightdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.flightdeck.testing.TestFiles;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compare, budgets and export on the sample pairs: lock-contention.jfr (six threads hashing inside one monitor),
 * lock-contention-fixed.jfr (hashing outside it) and lock-contention-rerun.jfr (a second run of the first).
 */
class CompareCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String sample(String name) {
        return TestFiles.sample(name).toString();
    }

    private static JsonNode json(CliRun run) throws Exception {
        return JSON.readTree(run.out());
    }

    @Test
    void theFixIsAnImprovementWithTheBlockedTimeAmongTheSignificantChanges() throws Exception {
        CliRun run = CliRun.of("compare", sample("lock-contention.jfr"), sample("lock-contention-fixed.jfr"),
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = json(run);
        assertThat(r.get("verdict").asText()).isEqualTo("improved");
        assertThat(r.at("/comparability/comparable").asBoolean()).isTrue();
        JsonNode blocked = metric(r, "locks.blockedSecondsPerSecond");
        assertThat(blocked.get("significant").asBoolean()).isTrue();
        assertThat(blocked.get("better").asBoolean()).isTrue();
        assertThat(blocked.get("decisive").asBoolean()).isTrue();
        assertThat(blocked.get("baseline").asDouble()).isGreaterThan(1);
        assertThat(blocked.get("changePercent").asDouble()).isLessThan(-80);
        assertThat(blocked.get("pValue").asDouble()).isLessThan(0.01);
        assertThat(r.at("/findings/resolved/0/category").asText()).isEqualTo("lock-contention");
        assertThat(r.at("/findings/resolved/0/baselineScore").asInt()).isGreaterThanOrEqualTo(50);
        assertThat(r.get("summary").asText()).startsWith("Improved:").contains("lock contention");
        for (String field : new String[]{"verdict", "comparability", "metrics", "findings", "budget"}) {
            assertThat(r.has(field)).as(field).isTrue();
        }
    }

    @Test
    void theOtherWayRoundIsARegressionWithExitCode4() throws Exception {
        CliRun run = CliRun.of("compare", sample("lock-contention-fixed.jfr"), sample("lock-contention.jfr"),
                "--format", "json");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.REGRESSION);
        JsonNode r = json(run);
        assertThat(r.get("verdict").asText()).isEqualTo("regressed");
        assertThat(r.at("/findings/new/0/category").asText()).isEqualTo("lock-contention");
    }

    @Test
    void aRecordingAgainstItselfAndAgainstASecondRunIsNoChange() throws Exception {
        JsonNode self = json(CliRun.of("compare", sample("lock-contention.jfr"), sample("lock-contention.jfr"),
                "--format", "json"));
        assertThat(self.get("verdict").asText()).isEqualTo("no-significant-change");
        assertThat(self.get("metrics")).allSatisfy(m -> assertThat(m.get("significant").asBoolean()).isFalse());
        for (String[] pair : new String[][]{{"lock-contention.jfr", "lock-contention-rerun.jfr"},
                {"cpu-hotspot.jfr", "cpu-hotspot-rerun.jfr"}, {"cpu-hotspot-rerun.jfr", "cpu-hotspot.jfr"}}) {
            CliRun run = CliRun.of("compare", sample(pair[0]), sample(pair[1]), "--format", "json");
            assertThat(run.exitCode()).as(String.join(" ", pair)).isZero();
            assertThat(json(run).get("verdict").asText()).as(String.join(" ", pair))
                    .isIn("no-significant-change", "mixed");
        }
    }

    @Test
    void aRecordingAgainstAGcLogComparesWhatBothHave() throws Exception {
        JsonNode r = json(CliRun.of("compare", sample("lock-contention.jfr"),
                TestFiles.gcviewerLog("SampleOpenJdk1_8_0-332.txt").toString(), "--format",
                "json"));
        assertThat(r.at("/comparability/warnings").toString()).contains("Different inputs");
    }

    @Test
    void aBudgetViolationExitsWith4AndNamesTheMetric() throws Exception {
        Path budget = dir.resolve("budget.yaml");
        Files.writeString(budget, "limits:\n  locks.blockedSecondsPerSecond: 0.5\n  gc.pauseP99Seconds: 2s\n");
        CliRun bad = CliRun.of("analyze", sample("lock-contention.jfr"), "--budget", budget.toString(), "--format",
                "json");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.REGRESSION);
        JsonNode r = json(bad);
        assertThat(r.at("/budget/passed").asBoolean()).isFalse();
        assertThat(r.at("/budget/violations/0/metric").asText()).isEqualTo("locks.blockedSecondsPerSecond");
        assertThat(r.at("/budget/violations/0/actual").asDouble()).isGreaterThan(0.5);
        assertThat(r.has("findings")).isTrue();
        CliRun good = CliRun.of("compare", sample("lock-contention.jfr"), sample("lock-contention-fixed.jfr"),
                "--budget", budget.toString(), "--format", "json");
        assertThat(good.exitCode()).isZero();
        assertThat(json(good).at("/budget/passed").asBoolean()).isTrue();
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "limits:\n  gc.pauseP98: 1\n");
        CliRun err = CliRun.of("compare", sample("lock-contention.jfr"), sample("lock-contention-fixed.jfr"),
                "--budget", broken.toString());
        assertThat(err.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(err.errLines()).isEqualTo(1);
        assertThat(err.err()).contains("broken.yaml").contains("gc.pauseP98");
    }

    @Test
    void theBundledSessionExportsAVerdictAndTables() throws Exception {
        Path session = TestFiles.sample("lock-contention.jfr").getParent().resolveSibling("sessions")
                .resolve("audit-trail.flightdeck");
        CliRun md = CliRun.of("export", session.toString(), "--format", "md");
        assertThat(md.exitCode()).as(md.err()).isZero();
        assertThat(md.out()).startsWith("# Session: Audit trail").containsPattern("Verdict:\\W* improved").contains("| ---");
        CliRun json = CliRun.of("export", session.toString(), "--format", "json");
        JsonNode r = json(json);
        assertThat(r.at("/comparison/verdict").asText()).isEqualTo("improved");
        assertThat(r.at("/session/stage").asText()).isEqualTo("validate");
        assertThat(r.at("/comparison/budget/passed").asBoolean()).isTrue();
        CliRun alone = CliRun.of("compare", session.toString(), "--format", "json");
        assertThat(json(alone).get("verdict").asText()).isEqualTo("improved");
        CliRun notSession = CliRun.of("export", sample("lock-contention.jfr"));
        assertThat(notSession.exitCode()).isEqualTo(ExitCodes.INPUT);
    }

    @Test
    void aMissingCandidateIsAUsageError() {
        CliRun run = CliRun.of("compare", sample("lock-contention.jfr"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    private static JsonNode metric(JsonNode r, String name) {
        for (JsonNode m : r.get("metrics")) {
            if (m.get("name").asText().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no metric " + name);
    }
}
