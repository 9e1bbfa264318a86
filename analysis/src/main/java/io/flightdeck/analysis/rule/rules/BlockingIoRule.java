package io.flightdeck.analysis.rule.rules;

import io.flightdeck.model.EventTypes;
import io.flightdeck.analysis.rule.Category;
import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.analysis.rule.ViewKey;
import io.flightdeck.analysis.rule.Findings;
import io.flightdeck.analysis.rule.RuleInfo;
import io.flightdeck.analysis.rule.RuleBase;
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
public final class BlockingIoRule extends RuleBase {
    static final double MIN_SHARE = 0.05;
    static final SampleKind[] KINDS = {SampleKind.SOCKET_READ, SampleKind.SOCKET_WRITE, SampleKind.FILE_READ,
            SampleKind.FILE_WRITE, SampleKind.FILE_FORCE};

    /** Also without I/O events (async-profiler writes none): wall-clock or CPU samples in socket calls. */

    public BlockingIoRule() {
        super(new RuleInfo("io-blocking.threads",
                "Threads blocked in I/O",
                Category.IO_BLOCKING,
                List.of(EventTypes.SOCKET_READ, EventTypes.SOCKET_WRITE, EventTypes.FILE_READ, EventTypes.FILE_WRITE, EventTypes.FILE_FORCE),
                "enable jdk.SocketRead/Write, jdk.FileRead/Write and jdk.FileForce (JFR 'profile' settings record "
                + "calls over 10 ms)"));
    }

    @Override
    public boolean applies(RuleContext ctx) {
        return super.applies(ctx) || ctx.hasCpuSamples() || !ctx.profile().samples(SampleKind.WALL).isEmpty();
    }

    @Override
    public Optional<Finding> evaluate(RuleContext ctx) {
        if (!super.applies(ctx)) {
            return fromSamples(ctx);
        }
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
        Findings f = Findings.of(this).score(Scores.share(share)).culprit(ctx.culpritOf(site)).view(ViewKey.IO)
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

    /**
     * Without I/O events. Wall-clock samples (async-profiler's wall mode) see every thread: the share of the time of
     * the threads doing socket I/O that they were sampled off the CPU inside a socket call. CPU samples only see
     * threads that run: when a thread's few samples are mostly in socket calls and it is on the CPU a small part of
     * the time, it is waiting for the peer the rest — the share of its samples in socket calls, times the share of
     * the time it is off the CPU, estimates how much of its time the I/O takes.
     */
    private Optional<Finding> fromSamples(RuleContext ctx) {
        boolean wall = !ctx.profile().samples(SampleKind.WALL).isEmpty();
        SampleKind kind = wall ? SampleKind.WALL : SampleKind.CPU;
        SampleSet set = ctx.profile().samples(kind);
        Map<Integer, Boolean> socketStack = new HashMap<>();
        // wall-clock samples say whether the thread was running; CPU samples only see it run, so there only the
        // request-response calls of blocking sockets count
        java.util.function.Predicate<String> frame = wall ? SampledSignals::isSocketIo
                : SampledSignals::isStreamSocketCall;
        java.util.function.IntPredicate inSocket = i -> socketStack.computeIfAbsent(set.stack(i),
                s -> SampledSignals.anyFrame(ctx, s, frame) && !DatabaseRule.isDatabase(ctx, s));
        java.util.function.IntPredicate blocked;
        if (wall) {
            blocked = i -> inSocket.test(i) && !isRunningState(ctx, set.key(i));
        } else {
            // a sample often catches the call above the socket (decoding the reply, flushing the writer): every
            // sample of the application methods that make the socket calls counts
            java.util.Set<Integer> callers = new java.util.HashSet<>(ctx.tally(kind, inSocket).byCulprit().keySet());
            callers.remove(-1);
            Map<Integer, Integer> culpritOf = new HashMap<>();
            blocked = i -> inSocket.test(i) || callers.contains(culpritOf.computeIfAbsent(set.stack(i), ctx::culprit));
        }
        RuleContext.Tally io = ctx.tally(kind, blocked);
        if (io.count() == 0) {
            return Optional.empty();
        }
        java.util.Set<Integer> ioThreads = io.threads();
        RuleContext.Tally ofThreads = ctx.tally(kind, i -> ioThreads.contains(set.thread(i)));
        double share;
        double onCpu = Double.NaN;
        if (wall) {
            share = ofThreads.weight() == 0 ? 0 : io.weight() / (double) ofThreads.weight();
        } else {
            if (ofThreads.count() < 10) {
                return Optional.empty();
            }
            onCpu = Math.min(1, ofThreads.count() * ctx.cpuSampleSeconds()
                    / (ioThreads.size() * Math.max(1e-9, ctx.seconds())));
            share = io.count() / (double) ofThreads.count() * (1 - onCpu);
        }
        if (share < MIN_SHARE) {
            return Optional.empty();
        }
        int site = io.topCulprit(wall ? 2 : 0);
        String siteName = site >= 0 ? ctx.methodName(site) : null;
        Findings f = Findings.of(this).score(Scores.share(share)).culprit(ctx.culpritOf(site)).view(ViewKey.IO)
                .title(ioThreads.size() + " threads blocked in socket I/O"
                        + (siteName != null ? " in " + Text.simple(siteName) : ""))
                .summary(wall
                        ? ioThreads.size() + " threads were sampled waiting in socket calls "
                        + Text.percent(100 * share) + " of their time (wall-clock samples)"
                        + (siteName != null ? ", mostly from " + siteName : "") + "."
                        : ioThreads.size() + " threads ran on the CPU only " + Text.percent(100 * onCpu)
                        + " of the time and " + Text.percent(100.0 * io.count() / ofThreads.count())
                        + " of their CPU samples are in the methods that make socket calls" + (siteName != null ? ", from " + siteName : "")
                        + ": they wait for the peer about " + Text.percent(100 * share) + " of their time.")
                .explanation("A thread blocked in I/O does no other work. The recording has no I/O events, so the "
                        + (wall ? "share comes from wall-clock samples of the threads taken inside socket calls while "
                        + "they were not running."
                        : "share is estimated from CPU samples: the part of the threads' samples in socket calls "
                        + "and the application methods that make them, times the part of the time they were off the CPU (a CPU profile cannot see blocked "
                        + "threads; record in wall-clock mode to measure it)."))
                .evidence("sharePercent", 100 * share).evidence("threads", ioThreads.size())
                .evidence("samplesInSocketCalls", io.count()).evidence("samples", ofThreads.count())
                .evidence("onCpuPercent", wall ? null : 100 * onCpu)
                .evidence("countSource", wall ? "wall-samples" : "cpu-samples")
                .evidence("topSite", siteName)
                .stacks(ctx.topStacks(kind, blocked, wall ? 2 : 0, 3))
                .recommendation("Take the remote call off the request path: cache its answers (with an expiry), batch "
                        + "several requests into one, or call asynchronously and in parallel; set connect and read "
                        + "timeouts so a slow peer cannot hold the threads.");
        return Optional.of(f.build());
    }

    private static boolean isRunningState(RuleContext ctx, int stateSymbol) {
        String state = stateSymbol < 0 ? null : ctx.profile().symbols().get(stateSymbol);
        return state == null || state.equals("STATE_RUNNABLE") || state.equals("STATE_RUNNING")
                || state.equals("RUNNABLE");
    }
}
