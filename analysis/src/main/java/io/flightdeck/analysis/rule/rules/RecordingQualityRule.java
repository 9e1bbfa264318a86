package io.flightdeck.analysis.rule.rules;

import io.flightdeck.model.EventTypes;
import io.flightdeck.analysis.rule.Category;
import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.analysis.rule.ViewKey;
import io.flightdeck.analysis.rule.Findings;
import io.flightdeck.analysis.rule.RuleInfo;
import io.flightdeck.analysis.rule.RuleBase;
import io.flightdeck.analysis.rule.RuleContext;
import io.flightdeck.model.SourceInfo;
import io.flightdeck.model.SourceKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What limits the analysis itself: data lost or cut, event types not recorded, a very short recording. */
public final class RecordingQualityRule extends RuleBase {

    public RecordingQualityRule() {
        super(new RuleInfo("recording-quality.coverage",
                "What the recording lacks",
                Category.RECORDING_QUALITY,
                List.of(),
                ""));
    }

    @Override
    public boolean applies(RuleContext ctx) {
        return ctx.hasRecording();
    }

    @Override
    public Optional<Finding> evaluate(RuleContext ctx) {
        List<String> notes = new ArrayList<>();
        int score = 0;
        long lost = ctx.profile().eventCount(EventTypes.DATA_LOSS);
        if (lost > 0) {
            notes.add("JFR lost data " + lost + " times (jdk.DataLoss): its buffers were full");
            score = Math.max(score, 55);
        }
        for (SourceInfo s : ctx.profile().sources()) {
            if (s.kind() == SourceKind.JFR && !s.warnings().isEmpty()) {
                notes.add(s.path().getFileName() + ": " + s.warnings().getFirst());
                score = Math.max(score, 45);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String type : List.of(EventTypes.EXECUTION_SAMPLE, EventTypes.OBJECT_ALLOCATION_SAMPLE, EventTypes.JAVA_MONITOR_ENTER,
                EventTypes.THREAD_PARK, EventTypes.SOCKET_READ, EventTypes.GARBAGE_COLLECTION)) {
            if (ctx.profile().eventCount(type) == 0 && !enabled(ctx, type)) {
                missing.add(type);
            }
        }
        if (!missing.isEmpty()) {
            notes.add("not recorded: " + String.join(", ", missing));
            score = Math.max(score, 25);
        }
        double seconds = ctx.profile().info().duration().toNanos() / 1e9;
        if (seconds < 30) {
            notes.add("the recording covers only " + Text.seconds(seconds));
            score = Math.max(score, 15);
        }
        if (notes.isEmpty()) {
            return Optional.empty();
        }
        Findings f = Findings.of(this).score(score).view(ViewKey.OVERVIEW)
                .title(notes.size() == 1 ? Character.toUpperCase(notes.getFirst().charAt(0)) + notes.getFirst().substring(1)
                        : "The recording has " + notes.size() + " limits")
                .summary(String.join("; ", notes) + ".")
                .explanation("Findings can only be as good as the data: lost or cut data hides events, and rules "
                        + "that need an event type not recorded cannot speak.")
                .evidence("dataLoss", lost).evidence("seconds", seconds)
                .evidence("missingEventTypes", missing.isEmpty() ? null : String.join(",", missing))
                .recommendation("Record with -XX:StartFlightRecording:settings=profile for a few minutes of the "
                        + "problem; raise the buffers (-XX:FlightRecorderOptions:globalbuffersize=…) when data is lost.");
        return Optional.of(f.build());
    }

    private static boolean enabled(RuleContext ctx, String type) {
        var settings = ctx.profile().eventSettings().get(type);
        return settings != null && "true".equals(settings.get("enabled"));
    }
}
