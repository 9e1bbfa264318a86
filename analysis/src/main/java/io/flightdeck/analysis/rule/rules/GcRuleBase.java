package io.flightdeck.analysis.rule.rules;

import io.flightdeck.analysis.rule.Category;
import io.flightdeck.analysis.rule.RuleBase;
import io.flightdeck.analysis.rule.RuleContext;
import io.flightdeck.analysis.rule.RuleInfo;
import io.flightdeck.model.EventTypes;

import java.util.List;

/**
 * The rules about collections: they read GC pauses from JFR's GC events or from a GC log given with the
 * recording, and apply whenever either has them.
 */
abstract class GcRuleBase extends RuleBase {
    private static final String HOW_TO_RECORD =
            "enable GC events in JFR, or give the GC log (-Xlog:gc*) with the recording";

    GcRuleBase(String id, String title) {
        super(new RuleInfo(id, title, Category.GC_OVERHEAD, List.of(EventTypes.GARBAGE_COLLECTION), HOW_TO_RECORD));
    }

    GcRuleBase(RuleInfo info) {
        super(info);
    }

    @Override
    public boolean applies(RuleContext ctx) {
        return GcRules.hasGc(ctx);
    }
}
