package io.flightdeck.analysis.rule;

import io.flightdeck.analysis.finding.Severity;
import io.flightdeck.analysis.finding.Culprit;
import io.flightdeck.analysis.finding.RuleResult;
import io.flightdeck.analysis.finding.Finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.analysis.InMemoryProfile;
import io.flightdeck.analysis.rule.rules.BlockingIoRule;
import io.flightdeck.analysis.rule.rules.DatabaseRule;
import io.flightdeck.analysis.rule.rules.EnvironmentRule;
import io.flightdeck.analysis.rule.rules.JvmConfigurationRule;
import io.flightdeck.analysis.rule.rules.RecordingQualityRule;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SeriesKey;

import org.junit.jupiter.api.Test;

/** I/O, database, JVM configuration, recording quality and environment rules on hand-made profiles. */
class IoAndJvmRulesTest {
    @Test
    void socketReadsTakingMostOfTheThreadsTimeAreBlockingIo() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        int stack = b.stack("sun.nio.ch.NioSocketImpl.read", "java.net.Socket$SocketInputStream.read",
                "com.example.pricing.QuoteClient.fetch", "com.example.pricing.Valuation.run");
        int peer = b.symbol("quotes.internal:8443");
        for (int t = 0; t < 4; t++) {
            b.spread(SampleKind.SOCKET_READ, 100, b.thread("valuation-" + t), stack, 0.07, 512, peer, -1);
        }
        Finding f = RuleTesting.run(new BlockingIoRule(), b.build()).get();
        assertThat(f.category()).isEqualTo("io-blocking");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.score()).isEqualTo(70);
        assertThat(f.culprit()).isEqualTo(new Culprit("com.example.pricing.QuoteClient", "fetch"));
        assertThat(f.evidence()).containsEntry("busiestTarget", "quotes.internal:8443").containsEntry("calls", 400L)
                .containsEntry("threads", 4);
        assertThat(f.recommendation()).contains("remote call");
    }

    @Test
    void fsyncPerWriteIsBlockingIoEvenWhenOnlyForcesWereRecorded() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        int stack = b.stack("sun.nio.ch.FileDispatcherImpl.force0", "sun.nio.ch.FileChannelImpl.force",
                "com.example.audit.AuditJournal.append", "com.example.audit.Writer.run");
        int path = b.symbol("/var/log/audit/journal-0.log");
        for (int t = 0; t < 4; t++) {
            b.spread(SampleKind.FILE_FORCE, 100, b.thread("audit-writer-" + t), stack, 0.05, 1, path, -1);
        }
        RuleTesting.Run run = RuleTesting.run(new BlockingIoRule(), b.build());
        assertThat(run.result().status()).isEqualTo(RuleResult.Status.FINDING);
        Finding f = run.get();
        assertThat(f.culprit()).isEqualTo(new Culprit("com.example.audit.AuditJournal", "append"));
        assertThat(f.score()).isEqualTo(50);
        assertThat(f.recommendation()).containsIgnoringCase("file");
    }

    @Test
    void rareShortIoIsNotBlocking() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        int stack = b.stack("sun.nio.ch.NioSocketImpl.read", "com.example.pricing.QuoteClient.fetch");
        b.spread(SampleKind.SOCKET_READ, 20, b.thread("valuation-0"), stack, 0.012, 512, b.symbol("q:1"), -1);
        assertThat(RuleTesting.run(new BlockingIoRule(), b.build()).finding()).isEmpty();
    }

    @Test
    void manyShortQueriesFromOneMethodAreNPlusOne() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        int stack = b.stack("sun.nio.ch.NioSocketImpl.read", "org.postgresql.core.PGStream.receiveChar",
                "org.postgresql.jdbc.PgPreparedStatement.executeQuery", "com.example.shop.OrderDao.findItems",
                "com.example.shop.OrderService.load");
        for (int t = 0; t < 2; t++) {
            b.spread(SampleKind.SOCKET_READ, 1000, b.thread("http-" + t), stack, 0.002, 256, b.symbol("db:5432"), -1);
        }
        Finding f = RuleTesting.run(new DatabaseRule(), b.build()).get();
        assertThat(f.category()).isEqualTo("database");
        assertThat(f.culprit()).isEqualTo(new Culprit("com.example.shop.OrderDao", "findItems"));
        assertThat(f.evidence()).containsEntry("nPlusOne", true).containsEntry("roundTrips", 2000L)
                .containsEntry("topSiteRoundTripsPerSecond", 200.0);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        // the same reads are the database's, not generic blocking I/O
        assertThat(RuleTesting.run(new BlockingIoRule(), b.build()).finding()).isEmpty();
    }

    @Test
    void socketReadsOutsideADriverAreNotTheDatabase() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        int stack = b.stack("sun.nio.ch.NioSocketImpl.read", "com.example.pricing.QuoteClient.fetch");
        b.spread(SampleKind.SOCKET_READ, 1000, b.thread("http-0"), stack, 0.002, 256, b.symbol("q:1"), -1);
        assertThat(RuleTesting.run(new DatabaseRule(), b.build()).finding()).isEmpty();
    }

    @Test
    void anInterpretedOnlyJvmIsCritical() {
        Finding f = RuleTesting.run(new JvmConfigurationRule(),
                InMemoryProfile.recording(10).jvmArguments("-Xmx1g -Xint").build()).get();
        assertThat(f.category()).isEqualTo("jvm-configuration");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.score()).isEqualTo(80);
        assertThat(f.summary()).contains("-Xint");
        Finding pid1 = RuleTesting.run(new JvmConfigurationRule(), InMemoryProfile.recording(10).pid(1).build()).get();
        assertThat(pid1.evidence()).containsEntry("pid", 1L);
        assertThat(pid1.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void anOrdinaryConfigurationIsFine() {
        RuleTesting.Run run = RuleTesting.run(new JvmConfigurationRule(),
                InMemoryProfile.recording(10).jvmArguments("-Xmx2g -XX:+UseG1GC").build());
        assertThat(run.result().status()).isEqualTo(RuleResult.Status.OK);
    }

    @Test
    void lostDataAndMissingEventTypesLowerTheRecordingsQuality() {
        Finding f = RuleTesting.run(new RecordingQualityRule(),
                InMemoryProfile.recording(10).events("jdk.DataLoss", 3).build()).get();
        assertThat(f.category()).isEqualTo("recording-quality");
        assertThat(f.score()).isEqualTo(55);
        assertThat(f.evidence()).containsEntry("dataLoss", 3L);
        assertThat((String) f.evidence().get("missingEventTypes")).contains("jdk.ExecutionSample", "jdk.ThreadPark");
    }

    @Test
    void aLongCompleteRecordingHasNothingToSay() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(60);
        for (String type : new String[]{"jdk.ExecutionSample", "jdk.ObjectAllocationSample", "jdk.JavaMonitorEnter",
                "jdk.ThreadPark", "jdk.SocketRead", "jdk.GarbageCollection"}) {
            b.setting(type, "enabled", "true");
        }
        assertThat(RuleTesting.run(new RecordingQualityRule(), b.build()).finding()).isEmpty();
    }

    private static InMemoryProfile.Builder cpuLoad(double machine, double jvmUser) {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        for (int i = 0; i <= 10; i++) {
            b.point(SeriesKey.CPU_MACHINE_TOTAL, i, machine).point(SeriesKey.CPU_JVM_USER, i, jvmUser)
                    .point(SeriesKey.CPU_JVM_SYSTEM, i, 0);
        }
        return b.events("jdk.CPULoad", 11);
    }

    @Test
    void otherProcessesTakingTheCpuAreTheEnvironment() {
        Finding f = RuleTesting.run(new EnvironmentRule(), cpuLoad(0.9, 0.2).build()).get();
        assertThat(f.category()).isEqualTo("environment");
        assertThat(f.evidence()).containsEntry("othersCpuPercent", 70.0);
        assertThat(f.score()).isEqualTo(72);
        assertThat(f.summary()).contains("saturated");
    }

    @Test
    void aMachineTheJvmHasToItselfIsFine() {
        assertThat(RuleTesting.run(new EnvironmentRule(), cpuLoad(0.3, 0.25).build()).finding()).isEmpty();
    }
}
