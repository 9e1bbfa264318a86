package io.flightdeck.samples.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A short workload that uses sockets, files, exceptions and sleeps once, so that a recording of it describes
 * (in its metadata) every Java-defined event type the way a real application's recording does. Its recordings
 * are the reference metadata Flightdeck uses to read cut recordings whose own metadata was lost.
 */
final class ReferenceWorkload {
    private ReferenceWorkload() {
    }

    static List<Thread> start(AtomicBoolean running) {
        List<Thread> threads = new ArrayList<>();
        threads.add(Scenario.thread("reference-io", () -> {
            try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                Thread echo = Scenario.thread("reference-echo", () -> {
                    try (Socket s = server.accept(); InputStream in = s.getInputStream();
                         OutputStream out = s.getOutputStream()) {
                        out.write(in.readNBytes(4));
                    } catch (IOException e) {
                        Sink.accept(1);
                    }
                });
                try (Socket c = new Socket(server.getInetAddress(), server.getLocalPort());
                     OutputStream out = c.getOutputStream(); InputStream in = c.getInputStream()) {
                    out.write(new byte[]{1, 2, 3, 4});
                    Sink.accept(in.readNBytes(4).length);
                }
                echo.join();
                Path file = Files.createTempFile("flightdeck-reference", ".txt");
                Files.writeString(file, "reference");
                Sink.accept(Files.readString(file).length());
                Files.delete(file);
                try {
                    Integer.parseInt("not a number");
                } catch (NumberFormatException e) {
                    Sink.accept(2);
                }
                Thread.sleep(10);
            } catch (IOException | InterruptedException e) {
                Sink.accept(3);
            }
            while (running.get()) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }));
        return threads;
    }
}
