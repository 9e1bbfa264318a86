package io.flightdeck.analysis.rule;

import io.flightdeck.analysis.finding.Severity;
import io.flightdeck.analysis.finding.Culprit;
import io.flightdeck.analysis.finding.RuleResult;
import io.flightdeck.analysis.finding.Finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.analysis.InMemoryProfile;
import io.flightdeck.analysis.rule.rules.CpuHotspotRule;
import io.flightdeck.analysis.rule.rules.ExceptionRule;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SeriesKey;

import org.junit.jupiter.api.Test;

/** CPU hotspots and exception overhead on hand-made profiles. */
class CpuRulesTest {
    @Test
    void aHotMethodWithALinearSearchIsACriticalHotspot() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        int worker = b.thread("main");
        int hot = b.stack("java.util.ArrayList.indexOfRange", "java.util.ArrayList.indexOf", "java.util.ArrayList.contains",
                "com.example.orders.OrderService.findDuplicates", "com.example.orders.Job.main");
        int other = b.stack("com.example.orders.Feed.nextBatch", "com.example.orders.Job.main");
        b.cpu(180, worker, hot).cpu(20, worker, other);
        Finding f = RuleTesting.run(new CpuHotspotRule(), b.build()).get();
        assertThat(f.category()).isEqualTo("cpu-hotspot");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.score()).isEqualTo(90);
        assertThat(f.culprit()).isEqualTo(new Culprit("com.example.orders.OrderService", "findDuplicates"));
        assertThat(f.evidence()).containsEntry("pattern", "linear_search").containsEntry("methodSamples", 180L)
                .containsEntry("sharePercent", 90.0);
    }

    @Test
    void aRegexCompiledPerCallIsRecognised() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        int worker = b.thread("main");
        int compile = b.stack("java.util.regex.Pattern.expr", "java.util.regex.Pattern.compile",
                "java.util.regex.Pattern.<init>", "java.util.regex.Pattern.compile",
                "com.example.signup.FieldValidator.isValid", "com.example.signup.App.main");
        int match = b.stack("java.util.regex.Matcher.matches", "com.example.signup.FieldValidator.isValid",
                "com.example.signup.App.main");
        b.cpu(120, worker, compile).cpu(60, worker, match);
        Finding f = RuleTesting.run(new CpuHotspotRule(), b.build()).get();
        assertThat(f.evidence()).containsEntry("pattern", "regex_compile");
        assertThat(f.culprit().method()).isEqualTo("isValid");
        assertThat(f.recommendation()).contains("Pattern");
    }

    @Test
    void cpuSpreadOverManyMethodsIsNoHotspot() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        int worker = b.thread("main");
        for (int m = 0; m < 10; m++) {
            b.cpu(20, worker, b.stack("com.example.orders.Step" + m + ".run", "com.example.orders.Job.main"));
        }
        assertThat(RuleTesting.run(new CpuHotspotRule(), b.build()).finding()).isEmpty();
    }

    @Test
    void aHotMethodWithoutAKnownPatternIsOnlyInformation() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        int worker = b.thread("main");
        b.cpu(190, worker, b.stack("com.example.orders.Digest.compute", "com.example.orders.Job.main"));
        b.cpu(10, worker, b.stack("com.example.orders.Job.main"));
        Finding f = RuleTesting.run(new CpuHotspotRule(), b.build()).get();
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.evidence()).doesNotContainKey("pattern");
    }

    @Test
    void tooFewSamplesSayNothing() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        b.cpu(10, b.thread("main"), b.stack("java.util.ArrayList.indexOf", "com.example.orders.OrderService.find"));
        RuleTesting.Run run = RuleTesting.run(new CpuHotspotRule(), b.build());
        assertThat(run.result().status()).isEqualTo(RuleResult.Status.OK);
    }

    @Test
    void exceptionsThrownThousandsOfTimesASecondAreControlFlow() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        int worker = b.thread("main");
        int thrown = b.stack("java.lang.Throwable.<init>", "java.lang.Exception.<init>",
                "java.lang.RuntimeException.<init>", "java.lang.IllegalArgumentException.<init>",
                "java.lang.NumberFormatException.<init>", "java.lang.NumberFormatException.forInputString",
                "java.lang.Long.parseLong", "com.example.feeds.TokenClassifier.isNumber", "com.example.feeds.App.main");
        int nfe = b.symbol("java.lang.NumberFormatException");
        b.spread(SampleKind.EXCEPTION, 400, worker, thrown, 0, 1, nfe, -1);
        for (int i = 0; i <= 10; i++) {
            b.point(SeriesKey.THROWABLES_CREATED, i, 10_000.0 * i); // jdk.ExceptionStatistics: 10,000/s
        }
        b.events("jdk.ExceptionStatistics", 11);
        b.cpu(60, worker, b.stack("java.lang.Throwable.fillInStackTrace", "java.lang.Throwable.<init>",
                "java.lang.NumberFormatException.<init>", "com.example.feeds.TokenClassifier.isNumber"));
        b.cpu(140, worker, b.stack("com.example.feeds.App.main"));
        Finding f = RuleTesting.run(new ExceptionRule(), b.build()).get();
        assertThat(f.category()).isEqualTo("exception-overhead");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.score()).isEqualTo(60); // 30 at 100/s, +15 per decade
        assertThat(f.culprit()).isEqualTo(new Culprit("com.example.feeds.TokenClassifier", "isNumber"));
        assertThat(f.evidence()).containsEntry("exceptionsPerSecond", 10_000.0)
                .containsEntry("topType", "java.lang.NumberFormatException")
                .containsEntry("countSource", "jdk.ExceptionStatistics").containsEntry("cpuSharePercent", 30.0);
    }

    @Test
    void aFewExceptionsAreNotOverhead() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        int thrown = b.stack("java.lang.Throwable.<init>", "com.example.feeds.Loader.load");
        b.spread(SampleKind.EXCEPTION, 12, b.thread("main"), thrown, 0, 1, b.symbol("java.io.IOException"), -1);
        b.cpu(200, b.thread("main"), b.stack("com.example.feeds.App.main"));
        assertThat(RuleTesting.run(new ExceptionRule(), b.build()).finding()).isEmpty();
    }
}
