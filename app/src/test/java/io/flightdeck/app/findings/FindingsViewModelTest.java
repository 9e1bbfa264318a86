package io.flightdeck.app.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.analysis.rule.RuleEngine;
import io.flightdeck.analysis.finding.RuleResult;
import io.flightdeck.analysis.finding.Severity;
import io.flightdeck.app.task.InlineTaskRunner;
import io.flightdeck.app.workspace.Navigator;
import io.flightdeck.app.workspace.RecordingViewModel;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.testing.TestFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The findings view's logic on real recordings, without a window. */
class FindingsViewModelTest {
    /** Records where "Show in" went. */
    private static final class FakeNavigator implements Navigator {
        final Set<String> views;
        final List<String> shown = new ArrayList<>();

        FakeNavigator(String... views) {
            this.views = Set.of(views);
        }

        @Override
        public boolean has(String viewKey) {
            return views.contains(viewKey);
        }

        @Override
        public String title(String viewKey) {
            return viewKey.equals("locks") ? "Locks & threads" : viewKey.toUpperCase();
        }

        @Override
        public void show(String viewKey) {
            shown.add(viewKey);
        }

        @Override
        public void showFinding(String findingId) {
            shown.add("finding " + findingId);
        }
    }

    private static RecordingViewModel open(Path file) throws Exception {
        return new RecordingViewModel(ProfileLoader.withDefaults().load(file), new InlineTaskRunner(), "test");
    }

    private static FindingsViewModel model(RecordingViewModel vm, Navigator nav) {
        FindingsViewModel m = new FindingsViewModel(vm, nav, RuleEngine.standard().rules());
        m.update(vm.snapshot().report());
        return m;
    }

    @Test
    void findingsAreGroupedBySeverityThenScoreAndTheTopOneIsSelected() throws Exception {
        RecordingViewModel vm = open(TestFiles.sample("mixed-service.jfr"));
        FindingsViewModel m = model(vm, new FakeNavigator("locks", "io", "cpu"));
        List<FindingsViewModel.Row> rows = m.rows();
        assertThat(rows.getFirst()).isInstanceOf(FindingsViewModel.Group.class);
        // every heading counts the findings under it, and severities only go down the list
        Severity previous = Severity.CRITICAL;
        int previousScore = 101;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof FindingsViewModel.Group g) {
                int under = 0;
                for (int j = i + 1; j < rows.size() && rows.get(j) instanceof FindingsViewModel.Item; j++) {
                    assertThat(((FindingsViewModel.Item) rows.get(j)).finding().severity()).isEqualTo(g.severity());
                    under++;
                }
                assertThat(under).isEqualTo(g.count()).isPositive();
                assertThat(g.severity()).isLessThanOrEqualTo(previous);
                previous = g.severity();
                previousScore = 101;
            } else {
                Finding f = ((FindingsViewModel.Item) rows.get(i)).finding();
                assertThat(f.score()).isLessThanOrEqualTo(previousScore);
                previousScore = f.score();
            }
        }
        long items = rows.stream().filter(r -> r instanceof FindingsViewModel.Item).count();
        assertThat(items).isEqualTo(vm.snapshot().report().findings().size());
        // the planted exception storm is the worst problem of the mixed service
        assertThat(m.selected().id()).isEqualTo("exception-overhead.rate");
        assertThat(m.selected().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(m.findings().getFirst()).isEqualTo(vm.snapshot().report().findings().getFirst());
        assertThat(m.findingsSummaryProperty().get()).startsWith("1 critical");
    }

    @Test
    void everyRuleHasAResultAndThoseThatCouldNotRunSayWhatToRecord() throws Exception {
        RecordingViewModel vm = open(TestFiles.sample("lock-contention.jfr"));
        FindingsViewModel m = model(vm, new FakeNavigator("locks"));
        assertThat(m.rules()).hasSize(RuleEngine.standard().rules().size());
        assertThat(m.rules().getFirst().status()).isEqualTo(RuleResult.Status.FINDING);
        assertThat(m.rules().getFirst().id()).isEqualTo("lock-contention.lock");
        FindingsViewModel.RuleRow pauses = m.rules().stream().filter(r -> r.id().equals("gc-overhead.long-pauses"))
                .findFirst().orElseThrow();
        // this sample had the GC events enabled and no collection happened: the rule ran and found nothing
        assertThat(pauses.status()).isEqualTo(RuleResult.Status.OK);
        assertThat(pauses.title()).isEqualTo("Long GC pauses");
        assertThat(pauses.reason()).contains("jdk.GarbageCollection").contains("enabled in the recording");
        // the rules that could not run say what to record
        assertThat(m.rules().stream().filter(r -> r.status() == RuleResult.Status.NOT_APPLICABLE))
                .allSatisfy(r -> {
                    assertThat(r.statusText()).isEqualTo("not applicable");
                    assertThat(r.reason()).startsWith("needs ");
                });
        long found = m.rules().stream().filter(r -> r.status() == RuleResult.Status.FINDING).count();
        long notApplicable = m.rules().stream().filter(r -> r.status() == RuleResult.Status.NOT_APPLICABLE).count();
        assertThat(m.rulesSummaryProperty().get()).startsWith(m.rules().size() + " rules: " + found + " findings, ")
                .contains(notApplicable + " not applicable");
    }

    @Test
    void showInGoesToTheFindingsViewAndAskingBeforeTheAnalysisArrivesWaitsForIt() throws Exception {
        RecordingViewModel vm = open(TestFiles.sample("lock-contention.jfr"));
        FakeNavigator nav = new FakeNavigator("locks", "cpu", "overview");
        FindingsViewModel m = new FindingsViewModel(vm, nav, RuleEngine.standard().rules());
        m.select("cpu-hotspot.method");
        assertThat(m.selected()).isNull();
        m.update(vm.snapshot().report());
        assertThat(m.selected().id()).isEqualTo("cpu-hotspot.method");
        m.select("lock-contention.lock");
        Finding lock = m.selected();
        assertThat(FindingsViewModel.culprit(lock)).isEqualTo("io.flightdeck.samples.scenario.AuditTrail.append");
        assertThat(m.canShow(lock)).isTrue();
        assertThat(m.showLabel(lock)).isEqualTo("Show in Locks & threads");
        m.showInView(lock);
        assertThat(nav.shown).containsExactly("locks");
        assertThat(vm.rangeSeconds()).isNull(); // no window: the range stays as it was
        assertThat(m.canShow(lock)).isTrue();
        FindingsViewModel noLocks = model(vm, new FakeNavigator("cpu"));
        assertThat(noLocks.canShow(lock)).isFalse();
    }

    @Test
    void aFindingWithATimeWindowSelectsItBeforeShowingTheView() throws Exception {
        Path log = TestFiles.corpusOrNull("jdk17/allocation-boxing/bad.gc.log");
        assumeTrue(log != null, "the corpus is not beside the repository");
        RecordingViewModel vm = open(log);
        FakeNavigator nav = new FakeNavigator("overview", "gc");
        FindingsViewModel m = model(vm, nav);
        Finding pauses = m.findings().stream().filter(f -> f.id().equals("gc-overhead.long-pauses")).findFirst()
                .orElseThrow();
        assertThat(pauses.window()).isNotNull();
        double longest = ((Number) pauses.evidence().get("longestSeconds")).doubleValue();
        assertThat(pauses.window().toSeconds() - pauses.window().fromSeconds()).isCloseTo(longest,
                org.assertj.core.data.Offset.offset(0.002));
        assertThat(m.showLabel(pauses)).isEqualTo("Show in GC at " + FindingsViewModel.window(pauses.window()));
        m.showInView(pauses);
        assertThat(nav.shown).containsExactly("gc");
        assertThat(vm.rangeSeconds()[0]).isCloseTo(pauses.window().fromSeconds(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(vm.rangeSeconds()[1]).isCloseTo(pauses.window().toSeconds(), org.assertj.core.data.Offset.offset(1e-6));
        // the selection now holds just that pause, and the diagnosis follows it
        assertThat(vm.snapshot().report().gc().pauseCount()).isEqualTo(1);
        assertThat(vm.snapshot().report().gc().pauseMaxSeconds()).isCloseTo(longest,
                org.assertj.core.data.Offset.offset(0.0005));
    }

    @Test
    void evidenceIsNamedForPeopleAndFormattedByItsUnit() {
        assertThat(FindingsViewModel.label("waitSeconds")).isEqualTo("Wait");
        assertThat(FindingsViewModel.value("waitSeconds", 59.517)).isEqualTo("59.5 s");
        assertThat(FindingsViewModel.label("heapAfterGcSlopeBytesPerSecond")).isEqualTo("Heap after GC slope");
        assertThat(FindingsViewModel.value("heapAfterGcSlopeBytesPerSecond", 1.5 * 1048576)).isEqualTo("1.50 MiB/s");
        assertThat(FindingsViewModel.label("secondsToFullHeap")).isEqualTo("Time to full heap");
        assertThat(FindingsViewModel.value("secondsToFullHeap", 12.25)).isEqualTo("12.3 s");
        assertThat(FindingsViewModel.label("growthPercentOfMax")).isEqualTo("Growth of max");
        assertThat(FindingsViewModel.value("sharePercent", 85.54)).isEqualTo("85.5 %");
        assertThat(FindingsViewModel.label("fitR2")).isEqualTo("Fit R²");
        assertThat(FindingsViewModel.label("jvmCpuPercentAvg")).isEqualTo("JVM CPU avg");
        assertThat(FindingsViewModel.value("waits", 4071)).isEqualTo("4,071");
        assertThat(FindingsViewModel.label("startsPerSecond")).isEqualTo("Starts");
        assertThat(FindingsViewModel.value("startsPerSecond", 194462.4)).isEqualTo("194,462/s");
        assertThat(FindingsViewModel.value("averageMillis", 250.0)).isEqualTo("250 ms");
        assertThat(FindingsViewModel.value("ownerRunning", true)).isEqualTo("yes");
        assertThat(FindingsViewModel.value("fitR2", 0.98765)).isEqualTo("0.988");
        assertThat(FindingsViewModel.value("lockClass", "com.example.Ledger")).isEqualTo("com.example.Ledger");
    }

    @Test
    void twoValuesOfOneNameGetDistinctLabels() throws Exception {
        Path jfr = TestFiles.corpusOrNull("jdk17/allocation-boxing/bad.jfr");
        assumeTrue(jfr != null, "the corpus is not beside the repository");
        RecordingViewModel vm = open(jfr);
        Finding allocation = vm.snapshot().report().findings().stream()
                .filter(f -> f.id().equals("allocation-pressure.rate")).findFirst().orElseThrow();
        List<FindingsViewModel.Evidence> evidence = FindingsViewModel.evidence(allocation);
        assertThat(evidence).extracting(FindingsViewModel.Evidence::label).doesNotHaveDuplicates();
        assertThat(evidence).extracting(FindingsViewModel.Evidence::key).contains("topClass", "topClassPercent");
        assertThat(evidence).filteredOn(e -> e.key().equals("topClassPercent")).singleElement()
                .satisfies(e -> assertThat(e.label()).isEqualTo("Top class share"));
    }

    @Test
    void evidenceKeepsTheOrderTheRuleGaveIt() throws Exception {
        RecordingViewModel vm = open(TestFiles.sample("lock-contention.jfr"));
        Finding lock = vm.snapshot().report().findings().stream().filter(f -> f.id().equals("lock-contention.lock"))
                .findFirst().orElseThrow();
        List<FindingsViewModel.Evidence> evidence = FindingsViewModel.evidence(lock);
        assertThat(evidence).extracting(FindingsViewModel.Evidence::key)
                .containsExactlyElementsOf(lock.evidence().keySet());
        assertThat(evidence.getFirst().key()).isEqualTo("lockClass");
        assertThat(evidence.getFirst().value()).isEqualTo("io.flightdeck.samples.scenario.AuditTrail");
        assertThat(FindingsViewModel.stackTitle(lock.stacks().getFirst())).contains(" % — AuditTrail.append");
        assertThat(FindingsViewModel.shortFrame("com.example.Ledger.record")).isEqualTo("Ledger.record");
    }
}
