package io.flightdeck.samples.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Allocation churn: a report renderer that boxes every measurement into a {@code List<Double>} and builds its
 * output by string concatenation in a loop. The planted allocating method is {@link #render(double[])}.
 */
final class ReportRenderer {
    static String render(double[] measurements) {
        List<Double> boxed = new ArrayList<>();
        for (double m : measurements) {
            boxed.add(m * 1.5);
        }
        String out = "";
        for (Double d : boxed) {
            out += d + ";";
        }
        return out;
    }

    static List<Thread> start(AtomicBoolean running) {
        List<Thread> threads = new ArrayList<>();
        threads.add(Scenario.thread("report-renderer", () -> {
            double[] m = new double[200];
            long n = 0;
            while (running.get()) {
                for (int i = 0; i < m.length; i++) {
                    m[i] = (n++ % 1000) / 7.0;
                }
                Sink.accept(render(m).length());
            }
        }));
        return threads;
    }
}
