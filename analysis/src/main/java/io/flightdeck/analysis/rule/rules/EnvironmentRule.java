package io.flightdeck.analysis.rule.rules;

import io.flightdeck.model.EventTypes;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.analysis.rule.Category;
import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.analysis.rule.ViewKey;
import io.flightdeck.analysis.rule.Findings;
import io.flightdeck.analysis.rule.RuleInfo;
import io.flightdeck.analysis.rule.RuleBase;
import io.flightdeck.analysis.rule.RuleContext;

import java.util.List;
import java.util.Optional;

/** Other processes on the host use the CPU the JVM could use: the host's problem, not the application's. */
public final class EnvironmentRule extends RuleBase {

    public EnvironmentRule() {
        super(new RuleInfo("environment.cpu",
                "Other processes use the CPU",
                Category.ENVIRONMENT,
                List.of(EventTypes.CPU_LOAD),
                "enable jdk.CPULoad (every JFR setting has it)"));
    }

    @Override
    public Optional<Finding> evaluate(RuleContext ctx) {
        AnalysisReport.Cpu c = ctx.report().cpu();
        double jvm = c.jvmUserPercentAvg() + c.jvmSystemPercentAvg();
        double machine = c.machineTotalPercentAvg();
        double others = machine - jvm;
        if (others < 25) {
            return Optional.empty();
        }
        double score = 30 + others * 0.6;
        Findings f = Findings.of(this).score(score).view(ViewKey.OVERVIEW)
                .title("Other processes used " + Text.percent(others) + " of the machine's CPU")
                .summary("The machine's CPUs were " + Text.percent(machine) + " busy on average, the JVM's share "
                        + Text.percent(jvm) + ": other processes took " + Text.percent(others) + "."
                        + (machine >= 85 ? " The machine was saturated, so the JVM's threads also waited for a CPU." : ""))
                .explanation("From jdk.CPULoad: the machine's total against the JVM's own user and system time. CPU "
                        + "used by others is not the application's doing, but it slows the application down.")
                .evidence("machineCpuPercent", machine).evidence("jvmCpuPercent", jvm).evidence("othersCpuPercent", others)
                .recommendation("Run the measurement on a quiet machine, or give the JVM dedicated CPUs (container "
                        + "CPU limits and requests, a less crowded host).");
        return Optional.of(f.build());
    }
}
