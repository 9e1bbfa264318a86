package io.flightdeck.analysis.rule;

import io.flightdeck.analysis.rule.rules.AllocationPressureRule;
import io.flightdeck.analysis.rule.rules.BlockingIoRule;
import io.flightdeck.analysis.rule.rules.CpuHotspotRule;
import io.flightdeck.analysis.rule.rules.DatabaseRule;
import io.flightdeck.analysis.rule.rules.EnvironmentRule;
import io.flightdeck.analysis.rule.rules.ExceptionRule;
import io.flightdeck.analysis.rule.rules.FullGcRule;
import io.flightdeck.analysis.rule.rules.G1EvacuationRule;
import io.flightdeck.analysis.rule.rules.GcPauseRule;
import io.flightdeck.analysis.rule.rules.GcThroughputRule;
import io.flightdeck.analysis.rule.rules.HeapOccupancyRule;
import io.flightdeck.analysis.rule.rules.JvmConfigurationRule;
import io.flightdeck.analysis.rule.rules.LockContentionRule;
import io.flightdeck.analysis.rule.rules.MemoryLeakRule;
import io.flightdeck.analysis.rule.rules.RecordingQualityRule;
import io.flightdeck.analysis.rule.rules.ThreadChurnRule;
import io.flightdeck.analysis.rule.rules.ThreadPoolStarvationRule;
import io.flightdeck.analysis.rule.rules.UnbufferedIoRule;

import java.util.List;

/** The built-in rules, one per finding kind. */
public final class Rules {
    private Rules() {
    }

    public static List<Rule> all() {
        return List.of(new CpuHotspotRule(), new LockContentionRule(), new ThreadPoolStarvationRule(),
                new AllocationPressureRule(), new MemoryLeakRule(), new GcThroughputRule(), new FullGcRule(),
                new GcPauseRule(), new HeapOccupancyRule(), new G1EvacuationRule(), new ExceptionRule(),
                new BlockingIoRule(), new UnbufferedIoRule(), new DatabaseRule(), new ThreadChurnRule(), new JvmConfigurationRule(),
                new RecordingQualityRule(), new EnvironmentRule());
    }
}
