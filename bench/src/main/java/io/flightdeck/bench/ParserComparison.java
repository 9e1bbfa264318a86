package io.flightdeck.bench;

import io.flightdeck.ingest.ImportOptions;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.model.Profile;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;

/**
 * Imports one recording with one parser, in this JVM, and prints the wall time and the process's peak RSS.
 * Run each parser in a fresh JVM (bench/compare.sh) so their memory does not mix:
 * <pre>
 * java -cp 'bench/target/lib/*:bench/target/flightdeck-bench-0.1.0.jar' io.flightdeck.bench.ParserComparison flightdeck|jmc FILE [RUNS]
 * </pre>
 */
public final class ParserComparison {
    private ParserComparison() {
    }

    public static void main(String[] args) throws Exception {
        String parser = args[0];
        Path file = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        double mib = Files.size(file) / 1048576.0;
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            long items = switch (parser) {
                case "flightdeck" -> flightdeck(file);
                case "jmc" -> jmc(file.toFile());
                default -> throw new IllegalArgumentException("parser is flightdeck or jmc");
            };
            double seconds = (System.nanoTime() - t0) / 1e9;
            best = Math.min(best, seconds);
            System.out.printf(Locale.ROOT, "%s run %d: %.2f s (%.1f MiB/s), %,d items%n", parser, i + 1, seconds,
                    mib / seconds, items);
        }
        System.out.printf(Locale.ROOT, "%s best: %.2f s, %.1f MiB/s, peak RSS %.0f MiB%n", parser, best, mib / best,
                peakRssMib());
    }

    private static long flightdeck(Path file) throws Exception {
        Profile p = new ProfileLoader(ImportOptions.defaults()).load(file);
        return p.eventStats().values().stream().mapToLong(s -> s.count()).sum();
    }

    /** JMC's parser builds its whole item collection; counting the items makes sure every lane is there. */
    private static long jmc(File file) throws Exception {
        IItemCollection items = JfrLoaderToolkit.loadEvents(file);
        long n = 0;
        for (IItemIterable lane : items) {
            n += lane.getItemCount();
        }
        return n;
    }

    private static double peakRssMib() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) / 1024.0;
            }
        }
        return -1;
    }
}
