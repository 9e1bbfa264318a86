package io.flightdeck.analysis.rule;

import io.flightdeck.analysis.finding.Severity;
import io.flightdeck.analysis.finding.Culprit;
import io.flightdeck.analysis.finding.RuleResult;
import io.flightdeck.analysis.finding.Finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.analysis.InMemoryProfile;
import io.flightdeck.analysis.rule.rules.LockContentionRule;
import io.flightdeck.analysis.rule.rules.ThreadChurnRule;
import io.flightdeck.analysis.rule.rules.ThreadPoolStarvationRule;
import io.flightdeck.model.SampleKind;

import org.junit.jupiter.api.Test;

/** Lock contention, pool starvation and thread churn on hand-made profiles. */
class ThreadRulesTest {
    private static final String[] PARK_TOP = {"jdk.internal.misc.Unsafe.park",
            "java.util.concurrent.locks.LockSupport.park"};

    private static String[] parkedIn(String... below) {
        String[] s = new String[PARK_TOP.length + below.length];
        System.arraycopy(PARK_TOP, 0, s, 0, PARK_TOP.length);
        System.arraycopy(below, 0, s, PARK_TOP.length, below.length);
        return s;
    }

    @Test
    void monitorContentionNamesTheApplicationMonitorAndItsMethod() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        int stack = b.stack("com.example.shop.Inventory.record", "com.example.shop.Worker.run", "java.lang.Thread.run");
        int monitor = b.symbol("com.example.shop.Inventory");
        for (int t = 0; t < 4; t++) {
            b.spread(SampleKind.MONITOR_ENTER, 40, b.thread("worker-" + t), stack, 0.2, 1, monitor, -1);
        }
        Finding f = RuleTesting.run(new LockContentionRule(), b.build()).get();
        assertThat(f.category()).isEqualTo("lock-contention");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.score()).isEqualTo(80); // 4 threads x 8 s waiting of 10 s
        assertThat(f.culprit()).isEqualTo(new Culprit("com.example.shop.Inventory", "record"));
        assertThat(f.evidence()).containsEntry("lockClass", "com.example.shop.Inventory")
                .containsEntry("waitingThreads", 4).containsEntry("waits", 160L);
        assertThat(f.stacks().getFirst().frames()).startsWith("com.example.shop.Inventory.record");
    }

    @Test
    void reentrantLockParksCountAsContentionAtTheLockingMethod() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        int stack = b.stack(parkedIn("java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire",
                "java.util.concurrent.locks.ReentrantLock.lock", "com.example.quotes.PriceCache.quote",
                "com.example.quotes.Handler.run"));
        int sync = b.symbol("java.util.concurrent.locks.ReentrantLock$NonfairSync");
        for (int t = 0; t < 6; t++) {
            b.spread(SampleKind.THREAD_PARK, 100, b.thread("quote-" + t), stack, 0.06, 1, sync, -1);
        }
        Finding f = RuleTesting.run(new LockContentionRule(), b.build()).get();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.score()).isEqualTo(60);
        assertThat(f.culprit()).isEqualTo(new Culprit("com.example.quotes.PriceCache", "quote"));
        assertThat(f.evidence()).containsEntry("lockClass", "java.util.concurrent.locks.ReentrantLock");
    }

    @Test
    void shortWaitsAndOtherParksAreNoContention() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        int stack = b.stack("com.example.shop.Inventory.record", "com.example.shop.Worker.run");
        int monitor = b.symbol("com.example.shop.Inventory");
        int sleepish = b.stack(parkedIn("java.util.concurrent.locks.LockSupport.parkNanos",
                "com.example.shop.Poller.poll"));
        int blocker = b.symbol("java.lang.Object");
        for (int t = 0; t < 4; t++) {
            int thread = b.thread("worker-" + t);
            b.spread(SampleKind.MONITOR_ENTER, 5, thread, stack, 0.011, 1, monitor, -1);
            b.spread(SampleKind.THREAD_PARK, 50, thread, sleepish, 0.15, 1, blocker, -1);
        }
        RuleTesting.Run run = RuleTesting.run(new LockContentionRule(), b.build());
        assertThat(run.result().status()).isEqualTo(RuleResult.Status.OK);
        assertThat(run.finding()).isEmpty();
    }

    @Test
    void callersParkedInASemaphoreAreStarvedForThePool() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        int stack = b.stack(parkedIn("java.util.concurrent.locks.AbstractQueuedSynchronizer.acquireSharedInterruptibly",
                "java.util.concurrent.Semaphore.acquire", "com.example.storage.Gateway.upload",
                "com.example.storage.Uploader.run"));
        int sync = b.symbol("java.util.concurrent.Semaphore$FairSync");
        for (int t = 0; t < 6; t++) {
            b.spread(SampleKind.THREAD_PARK, 50, b.thread("uploader-" + t), stack, 0.15, 1, sync, -1);
        }
        Finding f = RuleTesting.run(new ThreadPoolStarvationRule(), b.build()).get();
        assertThat(f.category()).isEqualTo("thread-pool-starvation");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.score()).isEqualTo(75);
        assertThat(f.culprit()).isEqualTo(new Culprit("com.example.storage.Gateway", "upload"));
        assertThat(f.evidence()).containsEntry("waitingThreads", 6).containsEntry("waits", 300L);
        // the same parks are not lock contention
        assertThat(RuleTesting.run(new LockContentionRule(), b.build()).finding()).isEmpty();
    }

    @Test
    void aBlockingQueueTakenByABorrowMethodIsAPool() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        int stack = b.stack(parkedIn("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await",
                "java.util.concurrent.ArrayBlockingQueue.take", "com.example.billing.ConnectionPool.borrow",
                "com.example.billing.InvoiceRepository.store"));
        int cond = b.symbol("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject");
        for (int t = 0; t < 8; t++) {
            b.spread(SampleKind.THREAD_PARK, 40, b.thread("billing-" + t), stack, 0.2, 1, cond, -1);
        }
        Finding f = RuleTesting.run(new ThreadPoolStarvationRule(), b.build()).get();
        assertThat(f.culprit()).isEqualTo(new Culprit("com.example.billing.ConnectionPool", "borrow"));
        assertThat(f.score()).isEqualTo(80);
    }

    @Test
    void idleWorkersWaitingForTasksAreNotStarved() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        int idle = b.stack(parkedIn("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await",
                "java.util.concurrent.LinkedBlockingQueue.take", "java.util.concurrent.ThreadPoolExecutor.getTask",
                "java.util.concurrent.ThreadPoolExecutor.runWorker"));
        int cond = b.symbol("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject");
        for (int t = 0; t < 8; t++) {
            b.spread(SampleKind.THREAD_PARK, 40, b.thread("pool-1-thread-" + t), idle, 0.24, 1, cond, -1);
        }
        RuleTesting.Run run = RuleTesting.run(new ThreadPoolStarvationRule(), b.build());
        assertThat(run.result().status()).isEqualTo(RuleResult.Status.OK);
    }

    @Test
    void manyThreadStartsFromOneSiteAreChurn() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        int main = b.thread("main");
        int stack = b.stack("java.lang.Thread.start", "com.example.notify.Dispatcher.dispatchAll",
                "com.example.notify.App.main");
        for (int i = 0; i < 500; i++) {
            int t = b.thread("Thread-" + i);
            b.sample(SampleKind.THREAD_START, i * 0.02, t, stack, 0, 1, -1, main);
            b.sample(SampleKind.THREAD_END, i * 0.02 + 0.001, t, -1, 0, 1, -1, -1);
        }
        Finding f = RuleTesting.run(new ThreadChurnRule(), b.build()).get();
        assertThat(f.category()).isEqualTo("thread-churn");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.culprit()).isEqualTo(new Culprit("com.example.notify.Dispatcher", "dispatchAll"));
        assertThat(f.evidence()).containsEntry("threadsStarted", 500L).containsEntry("fromTopSite", 500L);
        assertThat((double) f.evidence().get("startsPerSecond")).isEqualTo(50.0);
    }

    @Test
    void aFewThreadStartsAreNoChurn() {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        int stack = b.stack("java.lang.Thread.start", "com.example.notify.App.main");
        for (int i = 0; i < 8; i++) {
            b.sample(SampleKind.THREAD_START, 0.1 * i, b.thread("worker-" + i), stack, 0, 1, -1, -1);
        }
        assertThat(RuleTesting.run(new ThreadChurnRule(), b.build()).finding()).isEmpty();
    }

    /** {@code callers} threads wait on Future.get for the whole recording; {@code workers} pool threads sleep in tasks. */
    private static InMemoryProfile.Builder futureWaits(int callers, int workers) {
        InMemoryProfile.Builder b = InMemoryProfile.recording(10);
        int wait = b.stack(parkedIn("java.util.concurrent.FutureTask.awaitDone", "java.util.concurrent.FutureTask.get",
                "com.example.catalog.ProductPage.render", "com.example.catalog.Handler.run"));
        int task = b.stack("java.lang.Thread.sleep", "com.example.catalog.InventoryClient.stockLevel",
                "java.util.concurrent.FutureTask.run", "java.util.concurrent.ThreadPoolExecutor.runWorker",
                "java.util.concurrent.ThreadPoolExecutor$Worker.run", "java.lang.Thread.run");
        int future = b.symbol("java.util.concurrent.FutureTask");
        for (int t = 0; t < callers; t++) {
            b.spread(SampleKind.THREAD_PARK, 100, b.thread("catalog-request-" + t), wait, 0.099, 1, future, -1);
        }
        for (int w = 0; w < workers; w++) {
            b.spread(SampleKind.THREAD_SLEEP, 100, b.thread("pool-1-thread-" + w), task, 0.1, 1, -1, -1);
        }
        return b;
    }

    @Test
    void callersWaitingForTasksQueuedBehindASmallPoolAreStarved() {
        Finding f = RuleTesting.run(new ThreadPoolStarvationRule(), futureWaits(12, 2).build()).get();
        assertThat(f.culprit()).isEqualTo(new Culprit("com.example.catalog.ProductPage", "render"));
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat((double) f.evidence().get("workerBusySeconds")).isEqualTo(20.0);
        assertThat((double) f.evidence().get("futureWaitSeconds")).isEqualTo(118.8);
    }

    @Test
    void callersWaitingWhileAsManyWorkersRunTheirTasksAreNotStarved() {
        RuleTesting.Run run = RuleTesting.run(new ThreadPoolStarvationRule(), futureWaits(12, 12).build());
        assertThat(run.result().status()).isEqualTo(RuleResult.Status.OK);
    }
}
