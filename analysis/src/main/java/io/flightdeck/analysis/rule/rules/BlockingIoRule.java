package io.flightdeck.analysis.rule.rules;

import io.flightdeck.analysis.rule.Finding;
import io.flightdeck.analysis.rule.Findings;
import io.flightdeck.analysis.rule.Rule;
import io.flightdeck.analysis.rule.RuleContext;
import io.flightdeck.analysis.rule.Scores;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Threads blocked in socket or file I/O for much of their time — not the single longest call, the share of the
 * threads' time. I/O under a database driver is left to {@link DatabaseRule}.
 */
public final class BlockingIoRule implements Rule {
    static final double MIN_SHARE = 0.05;
    static final SampleKind[] KINDS = {SampleKind.SOCKET_READ, SampleKind.SOCKET_WRITE, SampleKind.FILE_READ,
            SampleKind.FILE_WRITE, SampleKind.FILE_FORCE};

    @Override
    public String id() {
        return "io-blocking.threads";
    }

    @Override
    public String title() {
        return "Threads blocked in I/O";
    }

    @Override
    public String category() {
        return "io-blocking";
    }

    @Override
    public List<String> requiredEvents() {
        return List.of("jdk.SocketRead", "jdk.SocketWrite", "jdk.FileRead", "jdk.FileWrite", "jdk.FileForce");
    }

    @Override
    public String howToRecord() {
        return "enable jdk.SocketRead/Write, jdk.FileRead/Write and jdk.FileForce (JFR 'profile' settings record "
                + "calls over 10 ms)";
    }

    @Override
    public Optional<Finding> evaluate(RuleContext ctx) {
        long nanos = 0;
        long count = 0;
        long bytes = 0;
        java.util.Set<Integer> threads = new java.util.HashSet<>();
        Map<Integer, long[]> bySite = new HashMap<>();
        Map<String, long[]> byTarget = new HashMap<>();
        SampleKind heaviest = null;
        long heaviestNanos = -1;
        for (SampleKind kind : KINDS) {
            SampleSet set = ctx.profile().samples(kind);
            Map<Integer, Boolean> db = new HashMap<>();
            RuleContext.Tally t = ctx.tally(kind, i -> !db.computeIfAbsent(set.stack(i), s -> DatabaseRule.isDatabase(ctx, s)));
            nanos += t.durationNanos();
            count += t.count();
            bytes += t.weight();
            threads.addAll(t.threads());
            t.byCulprit().forEach((k, v) -> {
                long[] s = bySite.computeIfAbsent(k, x -> new long[3]);
                s[0] += v[0];
                s[1] += v[1];
                s[2] += v[2];
            });
            if (t.durationNanos() > heaviestNanos) {
                heaviestNanos = t.durationNanos();
                heaviest = kind;
            }
            for (int i = 0; i < set.size(); i++) {
                if (ctx.selection().includes(set, i) && !db.getOrDefault(set.stack(i), false)
                        && !RuleContext.isInternalThread(ctx.threadName(set.thread(i)))) {
                    long[] v = byTarget.computeIfAbsent(ctx.profile().symbols().get(set.key(i)) + "", k -> new long[2]);
                    v[0] += set.durationNanos(i);
                    v[1]++;
                }
            }
        }
        if (count == 0) {
            return Optional.empty();
        }
        double seconds = nanos / 1e9;
        double share = seconds / (threads.size() * Math.max(1e-9, ctx.seconds()));
        if (share < MIN_SHARE) {
            return Optional.empty();
        }
        int site = bySite.entrySet().stream().filter(e -> e.getKey() >= 0)
                .max(java.util.Comparator.comparingLong((Map.Entry<Integer, long[]> e) -> e.getValue()[1]))
                .map(Map.Entry::getKey).orElse(-1);
        String target = byTarget.entrySet().stream()
                .max(java.util.Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]))
                .map(Map.Entry::getKey).orElse(null);
        boolean socket = heaviest == SampleKind.SOCKET_READ || heaviest == SampleKind.SOCKET_WRITE;
        double avgMs = seconds * 1000 / count;
        SampleKind kind = heaviest;
        SampleSet heaviestSet = ctx.profile().samples(kind);
        Map<Integer, Boolean> db = new HashMap<>();
        Findings f = Findings.of(this).score(Scores.share(share)).culprit(ctx.culpritOf(site)).view("io")
                .title(threads.size() + " threads blocked in " + (socket ? "socket" : "file") + " I/O"
                        + (site >= 0 ? " in " + Text.simple(ctx.methodName(site)) : ""))
                .summary(threads.size() + " threads spent " + Text.seconds(seconds) + " in " + count
                        + " I/O calls (" + Text.percent(100 * share) + " of their time, " + String.format(
                        java.util.Locale.ROOT, "%.1f", avgMs) + " ms each on average)"
                        + (site >= 0 ? ", mostly from " + ctx.methodName(site) : "")
                        + (target == null ? "" : "; busiest: " + target) + ".")
                .explanation("A thread blocked in I/O does no other work. The score is the share of the time of the "
                        + "threads doing I/O that they spent blocked in it (JFR records calls above its threshold, "
                        + "10–20 ms by default, so short calls are not counted).")
                .evidence("ioSeconds", seconds).evidence("calls", count).evidence("bytes", bytes)
                .evidence("threads", threads.size()).evidence("sharePercent", 100 * share)
                .evidence("averageMillis", avgMs).evidence("busiestTarget", target)
                .evidence("topSite", site >= 0 ? ctx.methodName(site) : null)
                .stacks(ctx.topStacks(kind, i -> !db.computeIfAbsent(heaviestSet.stack(i),
                        s -> DatabaseRule.isDatabase(ctx, s)), 1, 3))
                .recommendation(socket
                        ? "Take the remote call off the request path: cache its answers (with an expiry), batch "
                        + "several requests into one, or call asynchronously and in parallel; set connect and read "
                        + "timeouts so a slow peer cannot hold the threads."
                        : "Buffer file I/O (BufferedInputStream/OutputStream, larger reads and writes), read files "
                        + "once and keep them in memory, and move writes (logs, exports) to a background thread.");
        return Optional.of(f.build());
    }
}
