package io.flightdeck.samples.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lock contention: every request thread appends to one audit trail whose {@link #append(String)} is synchronized
 * and does its hashing inside the lock. The planted contended monitor is {@code AuditTrail}.
 */
final class AuditTrail {
    private final List<Long> digests = new ArrayList<>();

    synchronized void append(String entry) {
        long h = 1125899906842597L;
        for (int round = 0; round < 200; round++) {
            for (int i = 0; i < entry.length(); i++) {
                h = 31 * h + entry.charAt(i) + round;
            }
        }
        digests.add(h);
        if (digests.size() > 10_000) {
            digests.clear();
        }
    }

    /** The fixed variant: hash first, lock only to add the digest. */
    void appendHashingOutsideLock(String entry) {
        long h = 1125899906842597L;
        for (int round = 0; round < 200; round++) {
            for (int i = 0; i < entry.length(); i++) {
                h = 31 * h + entry.charAt(i) + round;
            }
        }
        add(h);
    }

    private synchronized void add(long digest) {
        digests.add(digest);
        if (digests.size() > 10_000) {
            digests.clear();
        }
    }

    static List<Thread> start(AtomicBoolean running) {
        return start(running, 6);
    }

    static List<Thread> start(AtomicBoolean running, int workers) {
        return start(running, workers, false);
    }

    /** {@code fixed}: the variant that hashes outside the lock. */
    static List<Thread> start(AtomicBoolean running, int workers, boolean fixed) {
        AuditTrail trail = new AuditTrail();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int id = w;
            threads.add(Scenario.thread("request-handler-" + w, () -> {
                long n = 0;
                while (running.get()) {
                    String entry = "user-" + id + " updated order " + (n++);
                    if (fixed) {
                        trail.appendHashingOutsideLock(entry);
                    } else {
                        trail.append(entry);
                    }
                }
            }));
        }
        return threads;
    }
}
