package io.flightdeck.analysis.rule.rules;

import io.flightdeck.model.EventTypes;
import io.flightdeck.analysis.finding.Culprit;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Threads waiting for a lock: monitors ({@code synchronized}, jdk.JavaMonitorEnter) and java.util.concurrent locks
 * (ReentrantLock, ReentrantReadWriteLock, StampedLock: jdk.ThreadPark on their sync objects). The lock with the
 * most waiting is named, with the code that waits for it and what the lock's owners were running meanwhile.
 */
public final class LockContentionRule extends RuleBase {
    /** Waiting below this share of the waiting threads' time is not worth a finding. */
    static final double MIN_SHARE = 0.05;

    static boolean isLockClass(String className) {
        return io.flightdeck.analysis.Signals.isLockClass(className);
    }

    public LockContentionRule() {
        super(new RuleInfo("lock-contention.lock",
                "Threads wait for a lock",
                Category.LOCK_CONTENTION,
                List.of(EventTypes.JAVA_MONITOR_ENTER, EventTypes.THREAD_PARK),
                "enable jdk.JavaMonitorEnter and jdk.ThreadPark (JFR 'profile' settings record waits over 10 ms)"));
    }

    @Override
    public Optional<Finding> evaluate(RuleContext ctx) {
        // waiting per lock class: monitors by their class, j.u.c locks by the lock's class
        SampleSet enter = ctx.profile().samples(SampleKind.MONITOR_ENTER);
        SampleSet park = ctx.profile().samples(SampleKind.THREAD_PARK);
        Map<String, long[]> byLock = new HashMap<>(); // nanos, count
        Map<String, Set<Integer>> threads = new HashMap<>();
        collect(ctx, enter, byLock, threads, false);
        collect(ctx, park, byLock, threads, true);
        String lock = null;
        for (Map.Entry<String, long[]> e : byLock.entrySet()) {
            if (lock == null || e.getValue()[0] > byLock.get(lock)[0]) {
                lock = e.getKey();
            }
        }
        if (lock == null) {
            return Optional.empty();
        }
        String top = lock;
        long nanos = byLock.get(top)[0];
        int waiting = threads.get(top).size();
        double seconds = nanos / 1e9;
        double share = seconds / (waiting * Math.max(1e-9, ctx.seconds()));
        if (share < MIN_SHARE) {
            return Optional.empty();
        }
        boolean monitor = !isLockClass(top);
        SampleKind kind = monitor ? SampleKind.MONITOR_ENTER : SampleKind.THREAD_PARK;
        SampleSet set = monitor ? enter : park;
        RuleContext.Tally sites = ctx.tally(kind, i -> top.equals(lockOf(ctx, set, i, !monitor)));
        int site = sites.topCulprit(1);
        Culprit culprit = ctx.isApplicationClass(top)
                ? new Culprit(top, site >= 0 && top.equals(ctx.className(site)) ? ctx.profile().methods().methodName(site)
                : null)
                : ctx.culpritOf(site);
        if (culprit == null && site >= 0) {
            culprit = ctx.culpritOf(site);
        }
        String owner = monitor ? ownersWork(ctx, enter, top) : null;
        double total = byLock.values().stream().mapToLong(v -> v[0]).sum() / 1e9;
        String where = site >= 0 ? Text.simple(ctx.methodName(site)) : "(unknown)";
        // a logging framework's appender lock: the waits are in its frames, whatever the lock's class
        boolean logging = isLogging(top) || sites.count() > 0 && ctx.tally(kind, i -> top.equals(lockOf(ctx, set, i,
                !monitor)) && ctx.stackHas(set.stack(i), LockContentionRule::isLogging, 12)).count() * 2 > sites.count();
        Findings f = Findings.of(this).score(Scores.share(share)).culprit(culprit).view(ViewKey.LOCKS)
                .title((monitor ? "Threads wait for the monitor of " : "Threads wait for a ") + Text.simpleClass(top))
                .summary(waiting + " threads spent " + Text.seconds(seconds) + " waiting for "
                        + (monitor ? "the monitor of " : "") + top + " (" + Text.percent(100 * share)
                        + " of their time), mostly in " + where + "."
                        + (owner == null ? "" : " Meanwhile its owners were running " + owner + "."))
                .explanation("Only one thread at a time can hold a lock; the others wait. The score is the share of "
                        + "the waiting threads' time spent waiting for this lock (" + Text.seconds(total)
                        + " for all locks).")
                .evidence("lockClass", top).evidence("waitSeconds", seconds).evidence("waits", byLock.get(top)[1])
                .evidence("waitingThreads", waiting).evidence("sharePercent", 100 * share)
                .evidence("topSite", site >= 0 ? ctx.methodName(site) : null)
                .evidence("ownerRunning", owner).evidence("loggingLock", logging)
                .stacks(ctx.topStacks(kind, i -> top.equals(lockOf(ctx, set, i, !monitor)), 1, 3))
                .recommendation(logging ? "This is the logging framework's lock: every thread that logs takes it to "
                        + "format and write its event. Log asynchronously (Logback's AsyncAppender, Log4j 2's async "
                        + "loggers or AsyncAppender), log less on this path (raise the level, drop or sample the "
                        + "per-request lines in " + where + "), and keep slow appenders (files without buffering, "
                        + "consoles, the network) off the request threads."
                        : "Hold the lock for less time: move slow work (" + (owner != null ? owner
                        : "computation, I/O") + ") out of the critical section, split the lock per key "
                        + "(lock striping, ConcurrentHashMap), or use lock-free structures (atomics, "
                        + "LongAdder, copy-on-write snapshots) so readers do not wait.");
        return Optional.of(f.build());
    }

    /** Frames and classes of logging frameworks and their appenders. */
    static boolean isLogging(String name) {
        return name != null && (name.startsWith("ch.qos.logback.") || name.startsWith("org.apache.logging.log4j.")
                || name.startsWith("org.apache.log4j.") || name.startsWith("java.util.logging.")
                || name.startsWith("org.slf4j.") || name.startsWith("org.jboss.logmanager.")
                || name.startsWith("org.tinylog."));
    }

    private static void collect(RuleContext ctx, SampleSet set, Map<String, long[]> byLock,
            Map<String, Set<Integer>> threads, boolean parks) {
        for (int i = 0; i < set.size(); i++) {
            if (!ctx.selection().includes(set, i) || RuleContext.isInternalThread(ctx.threadName(set.thread(i)))) {
                continue;
            }
            String lock = lockOf(ctx, set, i, parks);
            if (lock == null) {
                continue;
            }
            long[] v = byLock.computeIfAbsent(lock, k -> new long[2]);
            v[0] += set.durationNanos(i);
            v[1]++;
            threads.computeIfAbsent(lock, k -> new HashSet<>()).add(set.thread(i));
        }
    }

    /** The lock a wait is for: the monitor class, or for a park the j.u.c lock class (null for other parks). */
    static String lockOf(RuleContext ctx, SampleSet set, int i, boolean parks) {
        String cls = ctx.symbolClass(set.key(i));
        if (!parks) {
            return cls;
        }
        if (isLockClass(cls)) {
            int dollar = cls.indexOf('$');
            return dollar > 0 ? cls.substring(0, dollar) : cls;
        }
        return null;
    }

    /** What the threads that held the monitor were running while others waited: their most sampled method. */
    private static String ownersWork(RuleContext ctx, SampleSet enter, String lock) {
        Set<Integer> owners = new HashSet<>();
        for (int i = 0; i < enter.size(); i++) {
            if (ctx.selection().includes(enter, i) && enter.aux(i) >= 0 && lock.equals(ctx.symbolClass(enter.key(i)))) {
                owners.add(enter.aux(i));
            }
        }
        if (owners.isEmpty()) {
            return null;
        }
        SampleSet cpu = ctx.profile().samples(SampleKind.CPU);
        RuleContext.Tally t = ctx.tally(SampleKind.CPU, i -> owners.contains(cpu.thread(i)));
        int m = t.topCulprit(0);
        return m < 0 || t.count() < 5 ? null : Text.simple(ctx.methodName(m));
    }
}
