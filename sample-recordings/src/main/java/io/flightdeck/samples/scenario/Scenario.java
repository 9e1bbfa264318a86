package io.flightdeck.samples.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Entry point of the workloads the sample recordings are made of. Run as
 * {@code java ... io.flightdeck.samples.scenario.Scenario NAME MILLIS}; each workload plants one bottleneck.
 */
public final class Scenario {
    private Scenario() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Scenario cpu-hotspot|cpu-hotspot-fixed|cpu-hotspot-rerun|lock-contention-fixed|lock-contention-rerun|lock-contention|allocation-churn|multi-chunk|mixed-service|reference|busy-service MILLIS");
            System.exit(2);
        }
        long millis = Long.parseLong(args[1]);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        Runnable stop = () -> running.set(false);
        switch (args[0]) {
            case "cpu-hotspot", "cpu-hotspot-rerun" -> threads.addAll(CatalogSearch.start(running));
            case "cpu-hotspot-fixed" -> threads.addAll(CatalogSearch.start(running, 2, true));
            case "lock-contention", "lock-contention-rerun" -> threads.addAll(AuditTrail.start(running));
            case "lock-contention-fixed" -> threads.addAll(AuditTrail.start(running, 6, true));
            case "allocation-churn" -> threads.addAll(ReportRenderer.start(running));
            case "multi-chunk" -> {
                threads.addAll(CatalogSearch.start(running));
                threads.add(ChunkRotator.start(running));
            }
            case "reference" -> threads.addAll(ReferenceWorkload.start(running));
            case "busy-service" -> threads.addAll(BusyService.start(running));
            case "mixed-service" -> threads.addAll(MixedService.start(running));
            default -> {
                System.err.println("unknown scenario " + args[0]);
                System.exit(2);
            }
        }
        Thread.sleep(millis);
        stop.run();
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("scenario " + args[0] + " done: " + Sink.value());
    }

    static Thread thread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.start();
        return t;
    }
}
