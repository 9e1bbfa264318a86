package io.flightdeck.analysis.rule;

import io.flightdeck.analysis.finding.Severity;
import io.flightdeck.analysis.finding.RuleResult;
import io.flightdeck.analysis.finding.Finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.analysis.Fixtures;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.model.Profile;
import io.flightdeck.testing.TestFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule on real recordings: one that has the problem raises the rule's finding (naming the culprit where the
 * recording has one), one without it does not. Committed recordings ({@code sample-recordings/recordings}, with
 * the bad/fixed twins in {@code twins/}) run everywhere; the corpus pairs of {@code ../shared} and the external
 * recordings run when they are present and are skipped otherwise.
 */
class RuleRecordingTest {
    private static final Map<Path, RuleEngine.Outcome> OUTCOMES = new ConcurrentHashMap<>();

    /** How quiet the recording without the problem must be. */
    enum Quiet {
        /** the rule raises no finding at all */
        NO_FINDING,
        /** at most information (a busy program always has a hottest method) */
        BELOW_WARNING
    }

    private static Path sample(String name) {
        return TestFiles.sample(name);
    }

    private static Path corpus(String relative) {
        Path p = TestFiles.corpusOrNull(relative);
        return p == null ? TestFiles.corpus().resolve("recordings").resolve(relative) : p;
    }

    private static Path external(String name) {
        return TestFiles.externalCorpus().resolve("jfr").resolve(name);
    }

    static Stream<Arguments> triggers() {
        return Stream.of(
                trigger("cpu-hotspot.method", sample("cpu-hotspot.jfr"), "io.flightdeck.samples.scenario.CatalogSearch.findBySku"),
                trigger("cpu-hotspot.method", corpus("jdk25/cpu-quadratic/bad.jfr"), "com.example.orders.OrderService.findDuplicateOrderIds"),
                trigger("lock-contention.lock", sample("lock-contention.jfr"), "io.flightdeck.samples.scenario.AuditTrail.append"),
                trigger("lock-contention.lock", corpus("jdk17/lock-contention/bad.jfr"), "com.example.inventory.InventoryLedger"),
                trigger("thread-pool-starvation.waiting", sample("twins/semaphore-starvation-bad.jfr"), "com.example.storage.StorageGateway.upload"),
                trigger("allocation-pressure.rate", corpus("jdk25/allocation-boxing/bad.jfr"), "com.example.metrics.MetricsAggregator.aggregate"),
                trigger("memory-leak.heap-growth", corpus("jdk17/memory-leak/bad.jfr"), "com.example.session."),
                trigger("gc-overhead.throughput", sample("twins/humongous-bad.jfr"), "com.example.imaging.ThumbnailRenderer.newBuffer"),
                trigger("gc-overhead.throughput", external("full_gc_g1.jfr"), null),
                trigger("gc-overhead.full-gc", sample("twins/humongous-bad.jfr"), "com.example.imaging.ThumbnailRenderer.newBuffer"),
                trigger("gc-overhead.long-pauses", external("full_gc_cms.jfr"), null),
                trigger("gc-overhead.heap-after-gc", sample("twins/humongous-bad.jfr"), "com.example.imaging.ThumbnailRenderer.newBuffer"),
                trigger("gc-overhead.g1-humongous-evacuation", sample("twins/humongous-bad.jfr"), "com.example.imaging.ThumbnailRenderer.newBuffer"),
                trigger("exception-overhead.rate", sample("mixed-service.jfr"), "io.flightdeck.samples.scenario.MixedService"),
                trigger("exception-overhead.rate", corpus("jdk17/exception-storm/bad.jfr"), "com.example.importer.QuantityParser.parseQuantity"),
                trigger("io-blocking.threads", sample("mixed-service.jfr"), "io.flightdeck.samples.scenario.MixedService.slowReplies"),
                trigger("io-blocking.threads", corpus("jdk25/blocking-io/bad.jfr"), "com.example.pricing.PriceClient.quote"),
                trigger("thread-churn.starts", corpus("jdk25/thread-churn/bad.jfr"), "com.example.notify.NotificationDispatcher.dispatchAll"),
                trigger("jvm-configuration.flags", external("pid1.jfr"), null),
                trigger("recording-quality.coverage", sample("cpu-hotspot.jfr"), null),
                trigger("environment.cpu", corpus("jdk25/lock-contention/bad.jfr"), null));
    }

    static Stream<Arguments> quiet() {
        return Stream.of(
                quiet("cpu-hotspot.method", sample("mixed-service.jfr"), Quiet.NO_FINDING),
                quiet("cpu-hotspot.method", corpus("jdk25/cpu-quadratic/fixed.jfr"), Quiet.BELOW_WARNING),
                quiet("lock-contention.lock", sample("twins/semaphore-starvation-fixed.jfr"), Quiet.NO_FINDING),
                quiet("lock-contention.lock", sample("twins/semaphore-starvation-bad.jfr"), Quiet.NO_FINDING),
                quiet("lock-contention.lock", corpus("jdk17/lock-contention/fixed.jfr"), Quiet.NO_FINDING),
                quiet("thread-pool-starvation.waiting", sample("twins/semaphore-starvation-fixed.jfr"), Quiet.NO_FINDING),
                quiet("thread-pool-starvation.waiting", sample("lock-contention.jfr"), Quiet.NO_FINDING),
                quiet("allocation-pressure.rate", corpus("jdk25/allocation-boxing/fixed.jfr"), Quiet.NO_FINDING),
                quiet("allocation-pressure.rate", sample("twins/humongous-fixed.jfr"), Quiet.NO_FINDING),
                quiet("memory-leak.heap-growth", corpus("jdk17/memory-leak/fixed.jfr"), Quiet.NO_FINDING),
                quiet("memory-leak.heap-growth", sample("twins/humongous-fixed.jfr"), Quiet.NO_FINDING),
                quiet("gc-overhead.throughput", sample("twins/humongous-fixed.jfr"), Quiet.NO_FINDING),
                quiet("gc-overhead.full-gc", sample("twins/humongous-fixed.jfr"), Quiet.NO_FINDING),
                quiet("gc-overhead.full-gc", external("jdk21.jfr"), Quiet.BELOW_WARNING),
                quiet("gc-overhead.long-pauses", sample("twins/humongous-fixed.jfr"), Quiet.NO_FINDING),
                quiet("gc-overhead.heap-after-gc", sample("twins/humongous-fixed.jfr"), Quiet.NO_FINDING),
                quiet("gc-overhead.g1-humongous-evacuation", sample("twins/humongous-fixed.jfr"), Quiet.NO_FINDING),
                quiet("exception-overhead.rate", sample("cpu-hotspot.jfr"), Quiet.NO_FINDING),
                quiet("exception-overhead.rate", corpus("jdk17/exception-storm/fixed.jfr"), Quiet.NO_FINDING),
                quiet("io-blocking.threads", sample("cpu-hotspot.jfr"), Quiet.NO_FINDING),
                quiet("io-blocking.threads", corpus("jdk25/blocking-io/fixed.jfr"), Quiet.BELOW_WARNING),
                quiet("database.round-trips", sample("mixed-service.jfr"), Quiet.NO_FINDING),
                quiet("thread-churn.starts", corpus("jdk25/thread-churn/fixed.jfr"), Quiet.NO_FINDING),
                quiet("thread-churn.starts", sample("twins/semaphore-starvation-bad.jfr"), Quiet.NO_FINDING),
                quiet("jvm-configuration.flags", sample("cpu-hotspot.jfr"), Quiet.NO_FINDING),
                quiet("recording-quality.coverage", external("jdk21.jfr"), Quiet.NO_FINDING),
                quiet("environment.cpu", sample("cpu-hotspot.jfr"), Quiet.NO_FINDING));
    }

    private static Arguments trigger(String rule, Path file, String culprit) {
        return Arguments.of(rule, file, culprit);
    }

    private static Arguments quiet(String rule, Path file, Quiet quiet) {
        return Arguments.of(rule, file, quiet);
    }

    private static RuleEngine.Outcome outcome(Path file) {
        Assumptions.assumeTrue(Files.exists(file), file + " not present (../shared corpora are optional)");
        return OUTCOMES.computeIfAbsent(file, f -> {
            try {
                Profile p = f.startsWith(TestFiles.sample("")) ? Fixtures.sample(TestFiles.sample("").relativize(f)
                        .toString()) : ProfileLoader.withDefaults().load(f);
                return RuleTesting.runAll(p);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static RuleResult result(RuleEngine.Outcome o, String rule) {
        return o.results().stream().filter(r -> r.rule().equals(rule)).findFirst().orElseThrow();
    }

    private static Optional<Finding> finding(RuleEngine.Outcome o, String rule) {
        return o.findings().stream().filter(f -> f.id().equals(rule)).findFirst();
    }

    @ParameterizedTest(name = "{0} fires on {1}")
    @MethodSource("triggers")
    void theRecordingWithTheProblemRaisesTheFinding(String rule, Path file, String culprit) {
        RuleEngine.Outcome o = outcome(file);
        assertThat(result(o, rule).status()).as(rule + " on " + file).isEqualTo(RuleResult.Status.FINDING);
        Finding f = finding(o, rule).orElseThrow();
        assertThat(f.category()).isEqualTo(rule.substring(0, rule.indexOf('.')));
        assertThat(f.summary()).isNotBlank();
        assertThat(f.recommendation()).isNotBlank();
        if (culprit != null) {
            assertThat(f.culprit()).as("culprit of " + rule).isNotNull();
            assertThat(f.culprit().qualified()).startsWith(culprit);
        }
    }

    @ParameterizedTest(name = "{0} stays quiet on {1}")
    @MethodSource("quiet")
    void theRecordingWithoutItDoesNot(String rule, Path file, Quiet quiet) {
        RuleEngine.Outcome o = outcome(file);
        RuleResult r = result(o, rule);
        assertThat(r.status()).as(rule + " on " + file).isNotEqualTo(RuleResult.Status.FAILED);
        if (quiet == Quiet.NO_FINDING) {
            assertThat(r.status()).as(rule + " on " + file + ": " + finding(o, rule).map(Finding::summary).orElse(""))
                    .isIn(RuleResult.Status.OK, RuleResult.Status.NOT_APPLICABLE);
        } else {
            assertThat(finding(o, rule).map(Finding::severity).orElse(Severity.INFO)).as(rule + " on " + file)
                    .isEqualTo(Severity.INFO);
        }
    }

    /** The planted problems of the committed twins lead the diagnosis, and their fixed twins have no warning. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("twins")
    void theCommittedTwinsAreDiagnosedAsPlanted(String bad, String fixed, String category) {
        List<Finding> found = outcome(sample(bad)).findings().stream()
                .filter(f -> !f.category().equals("environment") && !f.category().equals("recording-quality")).toList();
        assertThat(found).isNotEmpty();
        assertThat(found.getFirst().category()).isEqualTo(category);
        assertThat(outcome(sample(fixed)).findings()).filteredOn(f -> f.category().equals(category))
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    static Stream<Arguments> twins() {
        return Stream.of(
                Arguments.of("twins/semaphore-starvation-bad.jfr", "twins/semaphore-starvation-fixed.jfr",
                        "thread-pool-starvation"),
                Arguments.of("twins/humongous-bad.jfr", "twins/humongous-fixed.jfr", "gc-overhead"));
    }
}
