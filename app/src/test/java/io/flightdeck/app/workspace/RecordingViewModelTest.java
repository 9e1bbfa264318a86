package io.flightdeck.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.analysis.TimeRange;
import io.flightdeck.analysis.flame.CallTree;
import io.flightdeck.analysis.flame.FlameKind;
import io.flightdeck.app.task.InlineTaskRunner;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.model.SampleKind;
import io.flightdeck.testing.TestFiles;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordingViewModelTest {
    private RecordingViewModel vm;

    @BeforeEach
    void open() throws Exception {
        vm = new RecordingViewModel(ProfileLoader.withDefaults().load(TestFiles.sample("cpu-hotspot.jfr")),
                new InlineTaskRunner(), "test");
    }

    @Test
    void theSnapshotCoversTheWholeRecordingAtFirst() {
        assertThat(vm.rangeSeconds()).isNull();
        assertThat(vm.snapshot().report().cpu().samples()).isEqualTo(vm.profile().samples(SampleKind.CPU).size());
        assertThat(vm.snapshot().hotMethods().getFirst().name())
                .isEqualTo("io.flightdeck.samples.scenario.CatalogSearch.findBySku");
    }

    @Test
    void selectingARangeRecomputesEveryNumberAndResetGoesBack() {
        long all = vm.snapshot().report().cpu().samples();
        vm.selectSeconds(1.0, 2.0);
        assertThat(vm.rangeSeconds()).containsExactly(1.0, 2.0);
        long part = vm.snapshot().report().cpu().samples();
        assertThat(part).isPositive().isLessThan(all);
        assertThat(vm.snapshot().report().selection().durationSeconds()).isEqualTo(1.0);
        vm.resetRange();
        assertThat(vm.rangeProperty().get()).isEqualTo(TimeRange.ALL);
        assertThat(vm.snapshot().report().cpu().samples()).isEqualTo(all);
    }

    @Test
    void aThreadFilterNarrowsAndABadOneSaysWhy() {
        long all = vm.snapshot().report().cpu().samples();
        vm.threadFilterProperty().set("order-pricer-1");
        long one = vm.snapshot().report().cpu().samples();
        assertThat(one).isPositive().isLessThan(all);
        assertThat(vm.filterErrorProperty().get()).isEmpty();
        vm.threadFilterProperty().set("([");
        assertThat(vm.filterErrorProperty().get()).startsWith("not a valid regular expression");
        assertThat(vm.snapshot().report().cpu().samples()).isEqualTo(all);
    }

    @Test
    void callTreesFollowTheSelection() {
        AtomicReference<CallTree> tree = new AtomicReference<>();
        vm.callTree(FlameKind.CPU, false, tree::set);
        long all = tree.get().total(CallTree.ROOT);
        vm.selectSeconds(0, 1);
        vm.callTree(FlameKind.CPU, false, tree::set);
        assertThat(tree.get().total(CallTree.ROOT)).isPositive().isLessThan(all);
    }
}
