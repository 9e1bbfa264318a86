package io.flightdeck.analysis.rule.rules;

import io.flightdeck.model.EventTypes;
import io.flightdeck.analysis.format.Format;
import io.flightdeck.analysis.rule.Category;
import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.analysis.rule.ViewKey;
import io.flightdeck.analysis.rule.Findings;
import io.flightdeck.analysis.rule.RuleInfo;
import io.flightdeck.analysis.rule.RuleBase;
import io.flightdeck.analysis.rule.RuleContext;
import io.flightdeck.model.RecordingInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the JVM was started: running as process 1 of a container, flags that slow it down or are discouraged, a heap
 * tiny for the machine.
 */
public final class JvmConfigurationRule extends RuleBase {
    private record Problem(int score, String what, String fix) {
    }

    public JvmConfigurationRule() {
        super(new RuleInfo("jvm-configuration.flags",
                "The JVM's configuration",
                Category.JVM_CONFIGURATION,
                List.of(EventTypes.JVM_INFORMATION),
                "jdk.JVMInformation is in every JFR setting; a GC log states the flags on its CommandLine line"));
    }

    @Override
    public boolean applies(RuleContext ctx) {
        RecordingInfo info = ctx.profile().info();
        return super.applies(ctx) || info.jvmArguments().isPresent() || info.pid().isPresent();
    }

    @Override
    public Optional<Finding> evaluate(RuleContext ctx) {
        RecordingInfo info = ctx.profile().info();
        String args = " " + info.jvmArguments().orElse("") + " " + info.jvmFlags().orElse("") + " ";
        List<Problem> problems = new ArrayList<>();
        if (info.pid().isPresent() && info.pid().getAsLong() == 1) {
            problems.add(new Problem(55, "The JVM runs as PID 1, the init process of its container: it does not "
                    + "reap zombie processes and gets no default signal handling",
                    "Start it through a small init (docker run --init, tini, dumb-init) so the JVM is not process 1."));
        }
        if (args.contains(" -Xint ") || args.contains(" -Djava.compiler=NONE ")) {
            problems.add(new Problem(80, "The JIT compiler is off (-Xint): all code is interpreted, 10–100 times "
                    + "slower", "Remove -Xint / -Djava.compiler=NONE."));
        }
        if (args.contains("-XX:TieredStopAtLevel=1")) {
            problems.add(new Problem(45, "Only the C1 compiler is used (-XX:TieredStopAtLevel=1): fast start-up, "
                    + "slower peak performance", "Remove -XX:TieredStopAtLevel=1 for long-running services."));
        }
        if (args.contains("-XX:+UseConcMarkSweepGC")) {
            problems.add(new Problem(40, "CMS (-XX:+UseConcMarkSweepGC) is deprecated and removed in JDK 14",
                    "Move to G1 (the default) or ZGC."));
        }
        if (args.contains("-Xverify:none") || args.contains("-XX:-BytecodeVerificationRemote")) {
            problems.add(new Problem(40, "Bytecode verification is off (-Xverify:none), which is deprecated and unsafe",
                    "Remove -Xverify:none."));
        }
        if (args.contains("-XX:-UseCompressedOops")) {
            problems.add(new Problem(30, "Compressed object pointers are off (-XX:-UseCompressedOops): every reference "
                    + "takes 8 bytes instead of 4", "Remove -XX:-UseCompressedOops unless the heap exceeds 32 GB."));
        }
        long max = info.maxHeapBytes().orElse(0);
        long ram = info.physicalMemoryBytes().orElse(0);
        if (max > 0 && ram >= (8L << 30) && max < (256L << 20) && GcRules.hasGc(ctx)
                && ctx.report().gc().throughputPercent() >= 0 && ctx.report().gc().throughputPercent() < 95) {
            problems.add(new Problem(45, "The heap is " + Format.bytes(max) + " on a machine with " + Format.bytes(ram)
                    + ", and GC takes " + Text.percent(100 - ctx.report().gc().throughputPercent()) + " of the time",
                    "Raise -Xmx (or -XX:MaxRAMPercentage in containers)."));
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        problems.sort((a, b) -> Integer.compare(b.score, a.score));
        Problem top = problems.getFirst();
        Findings f = Findings.of(this).score(top.score + Math.min(10, 3 * (problems.size() - 1))).view(ViewKey.OVERVIEW)
                .title(problems.size() == 1 ? top.what.split(":")[0] : problems.size() + " problems in the JVM's configuration")
                .summary(String.join("; ", problems.stream().map(Problem::what).toList()) + ".")
                .explanation("Read from the JVM's arguments and process facts in the recording (jdk.JVMInformation) "
                        + "or the GC log's command line.")
                .evidence("problems", problems.size()).evidence("pid", info.pid().isPresent() ? info.pid().getAsLong() : null)
                .evidence("jvmArguments", info.jvmArguments().orElse(null))
                .recommendation(String.join(" ", problems.stream().map(Problem::fix).toList()));
        return Optional.of(f.build());
    }
}
