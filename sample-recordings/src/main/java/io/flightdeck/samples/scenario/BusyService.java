package io.flightdeck.samples.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A busy service for the import benchmark: varied deep call stacks on several CPU threads, fast short-lived
 * allocation (many young collections), a contended lock, socket round trips with slow replies and threads
 * started and ended all the time. Recorded with {@code settings=profile} it produces realistic recordings of any
 * size (SampleGenerator --large).
 */
final class BusyService {
    private static final Object LEDGER = new Object();
    private static final Map<Integer, Long> BALANCES = new HashMap<>();

    private BusyService() {
    }

    static List<Thread> start(AtomicBoolean running) {
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int seed = w;
            threads.add(Scenario.thread("compute-" + w, () -> {
                long n = seed * 7919L + 1;
                while (running.get()) {
                    n = n * 6364136223846793005L + 1442695040888963407L;
                    Sink.accept(Paths.dispatch((int) ((n >>> 40) & 0xFFFF), 18));
                }
            }));
        }
        for (int w = 0; w < 2; w++) {
            threads.add(Scenario.thread("allocator-" + w, () -> {
                while (running.get()) {
                    List<Object> garbage = new ArrayList<>();
                    for (int i = 0; i < 2000; i++) {
                        garbage.add("item-" + i + "-" + System.nanoTime());
                        garbage.add(Long.valueOf(i * 31L));
                    }
                    Sink.accept(garbage.size());
                }
            }));
        }
        for (int w = 0; w < 3; w++) {
            int id = w;
            threads.add(Scenario.thread("ledger-" + w, () -> {
                int k = 0;
                while (running.get()) {
                    synchronized (LEDGER) {
                        BALANCES.merge(id * 1000 + (k++ % 1000), 1L, Long::sum);
                        if (k % 200 == 0) {
                            LockSupport.parkNanos(15_000_000);
                        }
                    }
                }
            }));
        }
        threads.add(Scenario.thread("pricing-client", () -> pingPong(running)));
        threads.add(Scenario.thread("spawner", () -> {
            while (running.get()) {
                Thread t = new Thread(() -> Sink.accept(Paths.dispatch(7, 6)), "short-lived");
                t.start();
                try {
                    t.join();
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }));
        return threads;
    }

    private static void pingPong(AtomicBoolean running) {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread serverThread = Scenario.thread("pricing-server", () -> {
                try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                    byte[] buf = new byte[64];
                    while (in.readNBytes(buf, 0, 64) == 64) {
                        Thread.sleep(12);
                        out.write(buf);
                    }
                } catch (IOException | InterruptedException e) {
                    Sink.accept(1);
                }
            });
            try (Socket c = new Socket(server.getInetAddress(), server.getLocalPort());
                 OutputStream out = c.getOutputStream(); InputStream in = c.getInputStream()) {
                byte[] buf = new byte[64];
                while (running.get()) {
                    out.write(buf);
                    Sink.accept(in.readNBytes(buf, 0, 64));
                }
            }
            serverThread.join();
        } catch (IOException | InterruptedException e) {
            Sink.accept(2);
        }
    }

    /** Sixteen small methods calling each other in data-dependent orders: many distinct stacks. */
    static final class Paths {
        private Paths() {
        }

        static long dispatch(int path, int depth) {
            if (depth == 0) {
                long x = path;
                for (int i = 0; i < 200; i++) {
                    x = x * 31 + i;
                }
                return x;
            }
            return switch (path & 15) {
                case 0 -> a0(path >>> 1, depth - 1);
                case 1 -> a1(path >>> 1, depth - 1);
                case 2 -> a2(path >>> 1, depth - 1);
                case 3 -> a3(path >>> 1, depth - 1);
                case 4 -> a4(path >>> 1, depth - 1);
                case 5 -> a5(path >>> 1, depth - 1);
                case 6 -> a6(path >>> 1, depth - 1);
                case 7 -> a7(path >>> 1, depth - 1);
                default -> a8(path >>> 1, depth - 1);
            };
        }

        static long a0(int p, int d) { return dispatch(p * 3 + 1, d) + 1; }
        static long a1(int p, int d) { return dispatch(p * 5 + 2, d) + 2; }
        static long a2(int p, int d) { return dispatch(p * 7 + 3, d) + 3; }
        static long a3(int p, int d) { return dispatch(p * 11 + 4, d) + 4; }
        static long a4(int p, int d) { return dispatch(p * 13 + 5, d) + 5; }
        static long a5(int p, int d) { return dispatch(p * 17 + 6, d) + 6; }
        static long a6(int p, int d) { return dispatch(p * 19 + 7, d) + 7; }
        static long a7(int p, int d) { return dispatch(p * 23 + 8, d) + 8; }
        static long a8(int p, int d) { return dispatch(p * 29 + 9, d) + 9; }
    }
}
