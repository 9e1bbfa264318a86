package io.flightdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flightdeck.analysis.output.OutputTarget;
import io.flightdeck.testing.TestFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edges of the command line (issue 11): what {@code -o} does to what is already at the path, what bad
 * arguments and inputs say, and that a report never shows a number it did not measure.
 */
class EdgesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String sample(String name) {
        return TestFiles.sample(name).toString();
    }

    private static String gcLog() {
        return TestFiles.freshGcLogs().resolve("jdk17").resolve("g1-gc.log").toString();
    }

    // ---- -o: what is at the path -------------------------------------------------------------------------------

    @Test
    void aDeviceIsWrittenThroughNeverReplaced() throws Exception {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "no /dev/null device here");
        CliRun run = CliRun.of("summary", gcLog());
        assertThat(run.exitCode()).isZero();
        CliRun toDevice = CliRun.of("analyze", gcLog(), "-o", "/dev/null");
        assertThat(toDevice.exitCode()).as(toDevice.err()).isZero();
        assertThat(Files.isRegularFile(devNull)).as("/dev/null is still a device").isFalse();
        assertThat(Files.readAttributes(devNull, "unix:mode").get("mode")).isNotNull();
        assertThat(((Integer) Files.getAttribute(devNull, "unix:mode")) & 0170000).as("character device")
                .isEqualTo(0020000);
    }

    @Test
    void aFifoIsWrittenThrough() throws Exception {
        Path fifo = dir.resolve("report.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo not available");
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        CliRun run = CliRun.of("analyze", gcLog(), "--format", "md", "-o", fifo.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(reader.get(60, TimeUnit.SECONDS)).startsWith("# Flightdeck");
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).as("still a FIFO").isFalse();
    }

    @Test
    void aLinkToAFifoIsWrittenThroughAndAFifoIsNoInput() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo not available");
        Path link = dir.resolve("out-link");
        Files.createSymbolicLink(link, fifo);
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        CliRun run = CliRun.of("analyze", gcLog(), "-o", link.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(reader.get(60, TimeUnit.SECONDS)).startsWith("Flightdeck");
        assertThat(Files.isSymbolicLink(link)).isTrue();

        CliRun fromPipe = CliRun.of("summary", fifo.toString());
        assertThat(fromPipe.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(fromPipe.err()).contains("not a regular file");
    }

    @Test
    void aSymlinkIsFollowedAndKept() throws Exception {
        Path target = dir.resolve("real-report.md");
        Files.writeString(target, "old");
        Path link = dir.resolve("report.md");
        Files.createSymbolicLink(link, target.getFileName());
        CliRun run = CliRun.of("analyze", gcLog(), "--format", "md", "-o", link.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).as("the link stays a link").isTrue();
        assertThat(Files.readString(target)).startsWith("# Flightdeck");

        Path dangling = dir.resolve("dangling.md");
        Files.createSymbolicLink(dangling, Path.of("made-through-link.md"));
        assertThat(CliRun.of("analyze", gcLog(), "-o", dangling.toString()).exitCode()).isZero();
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
        assertThat(Files.readString(dir.resolve("made-through-link.md"))).startsWith("Flightdeck");
    }

    @Test
    void newFilesGetTheUmasksPermissionsAndExistingFilesKeepTheirs() throws Exception {
        Path reference = Files.createFile(dir.resolve("reference")); // created with the process's umask
        Path fresh = dir.resolve("fresh.txt");
        assertThat(CliRun.of("analyze", gcLog(), "-o", fresh.toString()).exitCode()).isZero();
        assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(Files.getPosixFilePermissions(reference));

        Path existing = dir.resolve("existing.txt");
        Files.writeString(existing, "old");
        Set<PosixFilePermission> mine = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(existing, mine);
        assertThat(CliRun.of("analyze", gcLog(), "-o", existing.toString()).exitCode()).isZero();
        assertThat(Files.getPosixFilePermissions(existing)).isEqualTo(mine);
        assertThat(Files.readString(existing)).startsWith("Flightdeck");
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void aDirectoryOrAPathThroughAFileIsExitThreeWithOneLine() throws Exception {
        CliRun run = CliRun.of("analyze", gcLog(), "-o", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.errLines()).isEqualTo(1);
        assertThat(run.err()).contains(dir.toString()).contains("directory").doesNotContain("internal error");

        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        CliRun through = CliRun.of("analyze", gcLog(), "-o", file.resolve("out.md").toString());
        assertThat(through.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(through.errLines()).isEqualTo(1);
        assertThat(through.err()).contains("not a directory");
    }

    @Test
    void permissionProblemsAreSaidAsSuch() {
        Path p = Path.of("/somewhere/locked/report.md");
        assertThat(OutputTarget.reason(new AccessDeniedException(p.toString()), p)).isEqualTo("permission denied");
        assertThat(new OutputTarget.OutputException(p, "permission denied").getMessage())
                .isEqualTo("cannot write /somewhere/locked/report.md: permission denied");
    }

    @Test
    void anInputIsNeverTheOutput() throws Exception {
        Path copy = Files.copy(Path.of(gcLog()), dir.resolve("gc.log"));
        byte[] before = Files.readAllBytes(copy);
        CliRun run = CliRun.of("analyze", copy.toString(), "-o", copy.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("is the input");
        assertThat(Files.readAllBytes(copy)).isEqualTo(before);
    }

    // ---- the command line -------------------------------------------------------------------------------------

    @Test
    void aRangeOutsideTheRecordingIsAUsageErrorAndOneStickingOutIsClamped() throws Exception {
        CliRun after = CliRun.of("analyze", sample("cpu-hotspot.jfr"), "--from", "+500");
        assertThat(after.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(after.err()).contains("--from +500").contains("the inputs cover");

        CliRun clamped = CliRun.of("analyze", sample("cpu-hotspot.jfr"), "--from", "+1", "--to", "+9999",
                "--format", "json");
        assertThat(clamped.exitCode()).as(clamped.err()).isZero();
        assertThat(clamped.err()).contains("warning: --to +9999 is after the end");
        assertThat(JSON.readTree(clamped.out()).at("/cpu/samples").asLong()).isPositive();
    }

    @Test
    void aBudgetThatIsNotTextSaysWhatItIs() {
        CliRun run = CliRun.of("analyze", sample("cpu-hotspot.jfr"), "--budget", sample("cpu-hotspot-fixed.jfr"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.errLines()).isEqualTo(1);
        assertThat(run.err()).contains("is a JFR recording, not a budget").contains("JSON or YAML")
                .doesNotContain("Input length");
    }

    @Test
    void exportDefaultsToTextLikeAnalyzeAndCompare() {
        Path session = TestFiles.sample("x").getParent().resolveSibling("sessions").resolve("audit-trail.flightdeck");
        CliRun run = CliRun.of("export", session.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("| ---").contains("Verdict: improved");
    }

    // ---- what a report claims ---------------------------------------------------------------------------------

    @Test
    void aGcLogAloneShowsTheOtherSectionsAsAbsentNotZero() throws Exception {
        JsonNode r = JSON.readTree(CliRun.of("analyze", gcLog(), "--format", "json").out());
        for (String section : new String[]{"cpu", "allocation", "locks", "io", "exceptions", "threads"}) {
            assertThat(r.at("/" + section + "/absent").asText()).as(section).startsWith("not in these inputs");
            assertThat(r.at("/absent/" + section).isTextual()).as(section).isTrue();
        }
        assertThat(r.at("/cpu/samples").isNull()).isTrue();
        assertThat(r.at("/exceptions/count").isNull()).isTrue();
        assertThat(r.at("/cpu/hotMethods").isArray()).as("lists stay present and empty").isTrue();
        assertThat(r.at("/gc/pauseCount").asLong()).isPositive();
        assertThat(r.at("/gc/absent").isMissingNode()).isTrue();

        String text = CliRun.of("analyze", gcLog()).out();
        assertThat(text).contains("Not measured — not in these inputs: CPU samples")
                .doesNotContain("0 execution samples").doesNotContain("0 thrown");
    }

    @Test
    void aHistogramAloneHasNoGcThroughput() throws Exception {
        Path histogram = TestFiles.gcviewerLog("x").getParent().getParent().resolveSibling("histograms")
                .resolve("jdk17-allocation-boxing-bad.histo.txt");
        CliRun run = CliRun.of("analyze", histogram.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.at("/gc/absent").asText()).contains("not in these inputs");
        assertThat(r.at("/gc/throughputPercent").isNull()).isTrue();
        assertThat(CliRun.of("analyze", histogram.toString()).out()).doesNotContain("Throughput 100");
    }

    @Test
    void aRecordingWithDamagedConstantPoolsIsNotAnEmptyReport() throws Exception {
        Path damaged = DamagedRecordings.scrambleConstantPools(TestFiles.sample("cpu-hotspot.jfr"),
                dir.resolve("damaged-pools.jfr"));
        CliRun run = CliRun.of("analyze", damaged.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.errLines()).isEqualTo(1);
        assertThat(run.err()).contains("damaged-pools.jfr").contains("no event could be decoded");
    }

    @Test
    void aRecordingStrippedToItsPoolsIsReadAndSaidToBeEmpty() {
        Path stripped = TestFiles.corpus().resolveSibling("wild-corpus").resolve("jfr").resolve("jafar")
                .resolve("AZ0slzOAAABztmi8aZLb7QAA.jfr");
        assumeTrue(Files.exists(stripped), "../shared/wild-corpus not present");
        CliRun run = CliRun.of("analyze", stripped.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("holds no events, only its metadata and constant pools");
    }

    @Test
    void rulesTellEnabledButQuietEventsFromEventsNotRecorded() throws Exception {
        JsonNode r = JSON.readTree(CliRun.of("analyze", sample("cpu-hotspot.jfr"), "--format", "json").out());
        boolean sawQuiet = false;
        for (JsonNode rule : r.at("/rules")) {
            String reason = rule.path("reason").asText("");
            if (rule.path("status").asText().equals("not-applicable")) {
                assertThat(reason).as(rule.path("rule").asText()).doesNotContain("enabled in the recording");
            }
            if (rule.path("status").asText().equals("ok") && reason.contains("enabled in the recording")) {
                sawQuiet = true;
            }
        }
        assertThat(sawQuiet).as("settings=profile enables events that saw nothing in this run").isTrue();
    }

    @Test
    void textFitsEightyColumnsAndSaysThingsOnce() {
        CliRun run = CliRun.of("analyze", sample("lock-contention.jfr"));
        assertThat(run.exitCode()).isZero();
        run.out().lines().forEach(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
        assertThat(run.out()).doesNotContainPattern("(?i)(the recording covers only [0-9.]+ s)[.:]? \\1");

        CliRun compare = CliRun.of("compare", sample("lock-contention.jfr"), sample("lock-contention-fixed.jfr"));
        assertThat(compare.out().split("improved", -1).length - 1).as("the verdict once:\n" + compare.out())
                .isEqualTo(1);
        compare.out().lines().forEach(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
    }

    @Test
    void helpIsWrappedToTheTerminal() {
        for (String[] args : new String[][]{{"--help"}, {"analyze", "--help"}, {"compare", "--help"},
                {"export", "--help"}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).isZero();
            run.out().lines().forEach(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
        }
        assertThat(CliRun.of("--help").out()).contains("Exit codes:").contains("  3  an input could not be read");
    }

    @Test
    void aWarningIsSaidOnceOnStderr() throws Exception {
        Path cut = dir.resolve("cut.jfr");
        byte[] all = Files.readAllBytes(TestFiles.sample("multi-chunk.jfr"));
        Files.write(cut, java.util.Arrays.copyOf(all, all.length - 5000));
        CliRun run = CliRun.of("analyze", cut.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning");
        assertThat(run.out()).doesNotContainPattern("(?m)^warning:");
    }
}
