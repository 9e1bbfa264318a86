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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Threads parked waiting for something a pool hands out: a connection or object from a pool, a permit from a
 * semaphore, the result of a task queued to a saturated executor. Idle pool workers waiting for work are not
 * counted; callers waiting to get a resource are.
 */
public final class ThreadPoolStarvationRule extends RuleBase {
    static final double MIN_SHARE = 0.10;

    /** Frames where a caller waits to acquire a pooled resource or a task's result. */
    private static final Predicate<String> ACQUIRE = n -> n.startsWith("java.util.concurrent.Semaphore.acquire")
            || n.startsWith("java.util.concurrent.Semaphore.tryAcquire")
            || n.equals("java.util.concurrent.FutureTask.get") || n.equals("java.util.concurrent.FutureTask.awaitDone")
            || n.equals("java.util.concurrent.CompletableFuture.get") || n.equals("java.util.concurrent.CompletableFuture.join")
            || n.equals("java.util.concurrent.CompletableFuture.waitingGet")
            || n.equals("java.util.concurrent.CompletableFuture.timedGet")
            || n.startsWith("java.util.concurrent.ExecutorCompletionService.take")
            || n.startsWith("java.util.concurrent.AbstractExecutorService.invokeAll")
            || n.startsWith("com.zaxxer.hikari.pool.HikariPool.getConnection")
            || n.startsWith("com.zaxxer.hikari.util.ConcurrentBag.borrow")
            || n.startsWith("org.apache.commons.pool2.impl.GenericObjectPool.borrowObject")
            || n.startsWith("org.apache.commons.pool2.impl.GenericKeyedObjectPool.borrowObject")
            || n.startsWith("org.apache.commons.pool.impl.GenericObjectPool.borrowObject")
            || n.startsWith("org.apache.commons.dbcp2.") && n.endsWith(".getConnection")
            || n.startsWith("org.apache.tomcat.jdbc.pool.ConnectionPool.borrowConnection")
            || n.startsWith("com.mchange.v2.resourcepool.BasicResourcePool.awaitAvailable")
            || n.startsWith("redis.clients.jedis.JedisPool.getResource")
            || n.startsWith("io.netty.util.concurrent.DefaultPromise.await")
            || n.startsWith("org.apache.http.pool.AbstractConnPool.getPoolEntryBlocking")
            || n.startsWith("org.apache.hc.core5.pool.") && n.contains("getPoolEntryBlocking");

    /** A queue taken from by a method whose name says it hands out pooled things (a pool built on a queue). */
    private static final Predicate<String> QUEUE_TAKE = n -> n.startsWith("java.util.concurrent.ArrayBlockingQueue.take")
            || n.startsWith("java.util.concurrent.ArrayBlockingQueue.poll")
            || n.startsWith("java.util.concurrent.LinkedBlockingQueue.take")
            || n.startsWith("java.util.concurrent.LinkedBlockingQueue.poll")
            || n.startsWith("java.util.concurrent.LinkedBlockingDeque.take")
            || n.startsWith("java.util.concurrent.LinkedBlockingDeque.poll")
            || n.startsWith("java.util.concurrent.SynchronousQueue.take")
            || n.startsWith("java.util.concurrent.SynchronousQueue.poll");

    /** Worker threads waiting for work: idle, not starved. */
    private static final Predicate<String> IDLE = io.flightdeck.analysis.Signals::isIdleWaitFrame;

    /** Parks and waits (summed) of callers waiting to acquire a pooled resource or a task result. */
    static RuleContext.Tally waiting(RuleContext ctx) {
        return ctx.memo("pool-waiting", () -> {
            SampleSet park = ctx.profile().samples(SampleKind.THREAD_PARK);
            Map<Integer, Boolean> parkStacks = new HashMap<>();
            RuleContext.Tally parks = ctx.tally(SampleKind.THREAD_PARK,
                    i -> parkStacks.computeIfAbsent(park.stack(i), s -> isAcquire(ctx, s)));
            SampleSet wait = ctx.profile().samples(SampleKind.MONITOR_WAIT);
            Map<Integer, Boolean> waitStacks = new HashMap<>();
            RuleContext.Tally waits = ctx.tally(SampleKind.MONITOR_WAIT,
                    i -> waitStacks.computeIfAbsent(wait.stack(i), s -> isAcquire(ctx, s)));
            return merge(parks, waits);
        });
    }

    private static boolean isAcquire(RuleContext ctx, int stack) {
        if (stack < 0 || ctx.stackHas(stack, IDLE, 24)) {
            return false;
        }
        if (ctx.stackHas(stack, ACQUIRE, 24)) {
            return true;
        }
        if (ctx.stackHas(stack, QUEUE_TAKE, 16)) {
            int app = ctx.applicationFrame(stack);
            String name = app < 0 ? "" : ctx.profile().methods().methodName(app).toLowerCase(Locale.ROOT);
            return name.contains("borrow") || name.contains("acquire") || name.contains("checkout")
                    || name.contains("lease") || name.contains("obtain") || name.startsWith("getconnection")
                    || name.startsWith("getresource") || name.startsWith("getclient") || name.startsWith("getsession");
        }
        return false;
    }

    /** Waits for a task's result (as opposed to a pooled resource or a permit). */
    private static final Predicate<String> FUTURE_WAIT = n -> n.equals("java.util.concurrent.FutureTask.get")
            || n.equals("java.util.concurrent.FutureTask.awaitDone")
            || n.equals("java.util.concurrent.CompletableFuture.get") || n.equals("java.util.concurrent.CompletableFuture.join")
            || n.equals("java.util.concurrent.CompletableFuture.waitingGet")
            || n.equals("java.util.concurrent.CompletableFuture.timedGet")
            || n.startsWith("java.util.concurrent.ExecutorCompletionService.take")
            || n.startsWith("java.util.concurrent.AbstractExecutorService.invokeAll");

    /** Frames of a thread that runs an executor's tasks. */
    private static final Predicate<String> WORKER = n -> n.equals("java.util.concurrent.ThreadPoolExecutor.runWorker")
            || n.equals("java.util.concurrent.ForkJoinPool.runWorker")
            || n.startsWith("java.util.concurrent.ForkJoinWorkerThread.run");

    private static final SampleKind[] THREAD_EVENTS = {SampleKind.CPU, SampleKind.NATIVE, SampleKind.MONITOR_ENTER,
            SampleKind.MONITOR_WAIT, SampleKind.THREAD_PARK, SampleKind.THREAD_SLEEP, SampleKind.SOCKET_READ,
            SampleKind.SOCKET_WRITE, SampleKind.FILE_READ, SampleKind.FILE_WRITE, SampleKind.FILE_FORCE};

    /** Seconds application threads waited for a task's result (parks and monitor waits). */
    private static double futureWaitSeconds(RuleContext ctx) {
        double s = 0;
        for (SampleKind kind : new SampleKind[]{SampleKind.THREAD_PARK, SampleKind.MONITOR_WAIT}) {
            SampleSet set = ctx.profile().samples(kind);
            Map<Integer, Boolean> future = new HashMap<>();
            s += ctx.tally(kind, i -> future.computeIfAbsent(set.stack(i),
                    st -> isAcquire(ctx, st) && ctx.stackHas(st, FUTURE_WAIT, 24))).seconds();
        }
        return s;
    }

    /**
     * Seconds the executors' worker threads spent on their tasks: each worker's observed span less its idle waits
     * for work and its own waits for other tasks' results; -1 when no worker thread shows in the recording.
     */
    private static double workerBusySeconds(RuleContext ctx) {
        Map<Integer, long[]> workers = new HashMap<>(); // first start, last end, idle or waiting nanos
        Map<Integer, Boolean> workerStack = new HashMap<>();
        for (SampleKind kind : THREAD_EVENTS) {
            SampleSet set = ctx.profile().samples(kind);
            for (int i = 0; i < set.size(); i++) {
                int stack = set.stack(i);
                if (!ctx.selection().includes(set, i) || stack < 0
                        || !workerStack.computeIfAbsent(stack, st -> ctx.stackHas(st, WORKER, 256))
                        || RuleContext.isInternalThread(ctx.threadName(set.thread(i)))) {
                    continue;
                }
                long[] w = workers.computeIfAbsent(set.thread(i), k -> new long[]{Long.MAX_VALUE, Long.MIN_VALUE, 0});
                w[0] = Math.min(w[0], set.timeNanos(i));
                w[1] = Math.max(w[1], set.endNanos(i));
                if ((kind == SampleKind.THREAD_PARK || kind == SampleKind.MONITOR_WAIT)
                        && (ctx.stackHas(stack, IDLE, 24) || ctx.stackHas(stack, FUTURE_WAIT, 24))) {
                    w[2] += set.durationNanos(i);
                }
            }
        }
        if (workers.isEmpty()) {
            return -1;
        }
        long busy = 0;
        for (long[] w : workers.values()) {
            busy += Math.max(0, w[1] - w[0] - w[2]);
        }
        return busy / 1e9;
    }

    private static RuleContext.Tally merge(RuleContext.Tally a, RuleContext.Tally b) {
        java.util.Set<Integer> threads = new java.util.HashSet<>(a.threads());
        threads.addAll(b.threads());
        Map<Integer, long[]> by = new HashMap<>();
        for (RuleContext.Tally t : List.of(a, b)) {
            t.byCulprit().forEach((k, v) -> {
                long[] s = by.computeIfAbsent(k, x -> new long[3]);
                s[0] += v[0];
                s[1] += v[1];
                s[2] += v[2];
            });
        }
        return new RuleContext.Tally(a.count() + b.count(), a.durationNanos() + b.durationNanos(),
                a.weight() + b.weight(), threads, by);
    }

    public ThreadPoolStarvationRule() {
        super(new RuleInfo("thread-pool-starvation.waiting",
                "Threads wait for a pool",
                Category.THREAD_POOL_STARVATION,
                List.of(EventTypes.THREAD_PARK, EventTypes.JAVA_MONITOR_WAIT),
                "enable jdk.ThreadPark and jdk.JavaMonitorWait with stack traces (JFR 'profile' settings)"));
    }

    @Override
    public Optional<Finding> evaluate(RuleContext ctx) {
        RuleContext.Tally t = waiting(ctx);
        if (t.count() == 0) {
            return Optional.empty();
        }
        int threads = t.threads().size();
        // waiting for a task's result is starvation only for the part the pool's workers did not spend running
        // tasks: callers of a pool sized for them wait exactly as long as their tasks run
        double futureSeconds = futureWaitSeconds(ctx);
        double workerBusy = workerBusySeconds(ctx);
        double queued = futureSeconds <= 0 || workerBusy < 0 ? 1 : Math.max(0, 1 - workerBusy / futureSeconds);
        double starvedSeconds = t.seconds() - futureSeconds * (1 - queued);
        double share = starvedSeconds / (threads * Math.max(1e-9, ctx.seconds()));
        if (share < MIN_SHARE) {
            return Optional.empty();
        }
        int site = t.topCulprit(1);
        SampleSet park = ctx.profile().samples(SampleKind.THREAD_PARK);
        Map<Integer, Boolean> stacks = new HashMap<>();
        Findings f = Findings.of(this).score(Scores.share(share)).culprit(ctx.culpritOf(site)).view(ViewKey.LOCKS)
                .title(threads + " threads wait for a pool" + (site >= 0 ? " in " + Text.simple(ctx.methodName(site)) : ""))
                .summary(threads + " threads spent " + Text.seconds(t.seconds()) + " (" + Text.percent(100 * share)
                        + " of their time) waiting to get a pooled resource, a permit or a queued task's result"
                        + (site >= 0 ? ", mostly in " + ctx.methodName(site) : "") + ".")
                .explanation("A pool with fewer resources (connections, threads, permits) than callers makes the "
                        + "callers queue: they park inside the pool's acquire method. Idle workers waiting for work "
                        + "are not counted. The score is the share of the waiting threads' time spent waiting.")
                .evidence("waitSeconds", t.seconds()).evidence("waits", t.count()).evidence("waitingThreads", threads)
                .evidence("sharePercent", 100 * share)
                .evidence("futureWaitSeconds", futureSeconds > 0 ? futureSeconds : null)
                .evidence("workerBusySeconds", futureSeconds > 0 && workerBusy >= 0 ? workerBusy : null)
                .evidence("topSite", site >= 0 ? ctx.methodName(site) : null)
                .stacks(ctx.topStacks(SampleKind.THREAD_PARK, i -> stacks.computeIfAbsent(park.stack(i),
                        s -> isAcquire(ctx, s)), 1, 3))
                .recommendation("Size the pool for its callers (or bound the callers to the pool's size), hold "
                        + "pooled resources for less time (release connections before slow work, no I/O while "
                        + "holding a permit), and never wait inside a pool's task for another task of the same "
                        + "pool (that deadlocks once the pool is full); set acquire timeouts so starvation fails fast.");
        return Optional.of(f.build());
    }
}
