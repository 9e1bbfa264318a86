package io.flightdeck.samples.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A little of everything, for the sample the app opens first: a CPU hotspot, a contended lock, allocation churn
 * in a small heap (so the collector works), slow socket replies and exceptions used for control flow.
 */
final class MixedService {
    private MixedService() {
    }

    static List<Thread> start(AtomicBoolean running) {
        List<Thread> threads = new ArrayList<>();
        threads.addAll(CatalogSearch.start(running, 1));
        threads.addAll(AuditTrail.start(running, 3));
        threads.addAll(ReportRenderer.start(running));
        threads.add(Scenario.thread("quantity-parser", () -> {
            String[] inputs = {"12", "7", "n/a", "3", "unknown", "42"};
            long n = 0;
            while (running.get()) {
                try {
                    Sink.accept(Integer.parseInt(inputs[(int) (n++ % inputs.length)]));
                } catch (NumberFormatException e) {
                    Sink.accept(-1);
                }
                if (n % 2000 == 0) {
                    sleep(1);
                }
            }
        }));
        threads.add(Scenario.thread("price-client", () -> slowReplies(running)));
        return threads;
    }

    private static void slowReplies(AtomicBoolean running) {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread serverThread = Scenario.thread("price-server", () -> {
                try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                    byte[] buf = new byte[32];
                    while (in.readNBytes(buf, 0, 32) == 32) {
                        sleep(40);
                        out.write(buf);
                    }
                } catch (IOException e) {
                    Sink.accept(1);
                }
            });
            try (Socket c = new Socket(server.getInetAddress(), server.getLocalPort());
                 OutputStream out = c.getOutputStream(); InputStream in = c.getInputStream()) {
                byte[] buf = new byte[32];
                while (running.get()) {
                    out.write(buf);
                    Sink.accept(in.readNBytes(buf, 0, 32));
                }
            }
            serverThread.join();
        } catch (IOException | InterruptedException e) {
            Sink.accept(2);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
