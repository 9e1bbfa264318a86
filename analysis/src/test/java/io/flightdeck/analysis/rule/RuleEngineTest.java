package io.flightdeck.analysis.rule;

import io.flightdeck.analysis.finding.Severity;
import io.flightdeck.analysis.finding.RuleResult;
import io.flightdeck.analysis.finding.Finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flightdeck.analysis.InMemoryProfile;
import io.flightdeck.model.Profile;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The engine: a result for every rule, whatever the rule does. */
class RuleEngineTest {
    /** A rule for tests: needs the CPU samples, and does what it is told. */
    private record Scripted(String id, java.util.function.Function<RuleContext, Optional<Finding>> body) implements Rule {
        @Override
        public String title() {
            return "scripted";
        }

        @Override
        public String category() {
            return "cpu-hotspot";
        }

        @Override
        public List<String> requiredEvents() {
            return List.of("jdk.ExecutionSample");
        }

        @Override
        public String howToRecord() {
            return "record with the profile settings";
        }

        @Override
        public Optional<Finding> evaluate(RuleContext ctx) {
            return body.apply(ctx);
        }
    }

    private static Profile withCpu() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        return b.cpu(50, b.thread("main"), b.stack("com.example.App.main")).build();
    }

    @Test
    void everyStandardRuleGivesAResultInRuleOrder() {
        RuleEngine.Outcome outcome = RuleTesting.runAll(withCpu());
        assertThat(outcome.results()).extracting(RuleResult::rule)
                .containsExactlyElementsOf(Rules.all().stream().map(Rule::id).toList());
        assertThat(outcome.results()).hasSize(18).allSatisfy(r -> assertThat(r.category()).isNotBlank());
        assertThat(Rules.all().stream().map(Rule::category).distinct()).containsExactlyInAnyOrder("cpu-hotspot",
                "lock-contention", "thread-pool-starvation", "allocation-pressure", "memory-leak", "gc-overhead",
                "exception-overhead", "io-blocking", "database", "thread-churn", "jvm-configuration",
                "recording-quality", "environment");
        assertThat(outcome.results()).noneMatch(r -> r.status() == RuleResult.Status.FAILED);
    }

    @Test
    void rulesWhoseEventsAreMissingSayWhatToRecord() {
        RuleEngine.Outcome outcome = RuleTesting.runAll(withCpu());
        RuleResult locks = outcome.results().stream().filter(r -> r.rule().equals("lock-contention.lock")).findFirst()
                .orElseThrow();
        assertThat(locks.status()).isEqualTo(RuleResult.Status.NOT_APPLICABLE);
        assertThat(locks.reason()).contains("jdk.JavaMonitorEnter", "jdk.ThreadPark");
        RuleResult leak = outcome.results().stream().filter(r -> r.rule().equals("memory-leak.heap-growth")).findFirst()
                .orElseThrow();
        assertThat(leak.status()).isEqualTo(RuleResult.Status.NOT_APPLICABLE);
        assertThat(leak.reason()).contains("jdk.GCHeapSummary").contains("-Xlog:gc");
        RuleResult cpu = outcome.results().stream().filter(r -> r.rule().equals("cpu-hotspot.method")).findFirst()
                .orElseThrow();
        assertThat(cpu.status()).isIn(RuleResult.Status.OK, RuleResult.Status.FINDING);
    }

    @Test
    void aRuleThatThrowsFailsAloneAndTheOthersStillRun() {
        Rule broken = new Scripted("test.broken", ctx -> {
            throw new IllegalStateException("boom");
        });
        Rule fine = new Scripted("test.fine", ctx -> Optional.empty());
        RuleEngine.Outcome outcome = new RuleEngine(List.of(broken, fine)).run(RuleTesting.context(withCpu()), () -> false);
        assertThat(outcome.results()).extracting(RuleResult::status)
                .containsExactly(RuleResult.Status.FAILED, RuleResult.Status.OK);
        assertThat(outcome.results().getFirst().reason()).isEqualTo("IllegalStateException: boom");
        assertThat(outcome.findings()).isEmpty();
    }

    @Test
    void aRuleCanDeclareItselfNotApplicableWithItsReason() {
        Rule picky = new Scripted("test.picky", ctx -> {
            throw new Rule.NotApplicable("needs a GC log with -Xlog:gc*");
        });
        RuleResult r = RuleTesting.run(picky, withCpu()).result();
        assertThat(r.status()).isEqualTo(RuleResult.Status.NOT_APPLICABLE);
        assertThat(r.reason()).isEqualTo("needs a GC log with -Xlog:gc*");
        RuleResult missing = RuleTesting.run(picky, InMemoryProfile.recording(10).build()).result();
        assertThat(missing.reason()).isEqualTo("needs jdk.ExecutionSample: record with the profile settings");
    }

    @Test
    void findingsComeHighestScoreFirstWithSeverityFromTheScore() {
        Rule low = new Scripted("test.low", ctx -> Optional.of(Findings.of(new Scripted("test.low", null)).score(30).build()));
        Rule high = new Scripted("test.high", ctx -> Optional.of(Findings.of(new Scripted("test.high", null)).score(130).build()));
        RuleEngine.Outcome outcome = new RuleEngine(List.of(low, high)).run(RuleTesting.context(withCpu()), () -> false);
        assertThat(outcome.findings()).extracting(Finding::id).containsExactly("test.high", "test.low");
        assertThat(outcome.findings()).extracting(Finding::score).containsExactly(100, 30);
        assertThat(outcome.findings()).extracting(Finding::severity).containsExactly(Severity.CRITICAL, Severity.INFO);
        assertThat(outcome.results()).extracting(RuleResult::score).containsExactly(30, 100);
    }

    @Test
    void aCancelledRunStops() {
        AtomicInteger calls = new AtomicInteger();
        Rule counting = new Scripted("test.count", ctx -> {
            calls.incrementAndGet();
            return Optional.empty();
        });
        assertThatThrownBy(() -> new RuleEngine(List.of(counting, counting)).run(RuleTesting.context(withCpu()), () -> true))
                .isInstanceOf(CancellationException.class);
        assertThat(calls).hasValue(0);
    }

    @Test
    void anEmptyProfileBreaksNoRule() {
        RuleEngine.Outcome outcome = RuleTesting.runAll(InMemoryProfile.recording(5).build());
        assertThat(outcome.results()).noneMatch(r -> r.status() == RuleResult.Status.FAILED);
        assertThat(outcome.results().stream().filter(r -> r.status() == RuleResult.Status.NOT_APPLICABLE))
                .allSatisfy(r -> assertThat(r.reason()).startsWith("needs "));
    }

    @Test
    void ruleIdsAreUniqueAndNamedByCategory() {
        List<String> ids = Rules.all().stream().map(Rule::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(Rules.all()).allSatisfy(r -> assertThat(r.id()).startsWith(r.category() + "."));
    }

}
