package io.flightdeck.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Records the sample scenarios, each in a fresh JVM started with
 * {@code -XX:StartFlightRecording=settings=profile}, and prints their provenance (JDK, settings, duration, size,
 * SHA-256) as a Markdown table for the README.
 *
 * <pre>
 * java -cp sample-recordings/target/classes io.flightdeck.samples.SampleGenerator \
 *      [--java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java] [--out sample-recordings/recordings] \
 *      [--reference-out jfr-import/src/main/resources/io/flightdeck/ingest/jfr/metadata] [--only NAME]
 * java -cp sample-recordings/target/classes io.flightdeck.samples.SampleGenerator --large FILE --seconds 120
 * </pre>
 * {@code --large} records the busy-service workload for the import benchmark (not committed: too big).
 */
public final class SampleGenerator {
    /** name, milliseconds to run, JVM flags. */
    private record Spec(String name, long millis, List<String> flags) {
    }

    private static final List<Spec> SCENARIOS = List.of(
            new Spec("mixed-service", 5000, List.of("-Xmx256m")),
            new Spec("cpu-hotspot", 5000, List.of("-Xmx256m")),
            new Spec("cpu-hotspot-fixed", 5000, List.of("-Xmx256m")),
            new Spec("cpu-hotspot-rerun", 5000, List.of("-Xmx256m")),
            new Spec("lock-contention", 5000, List.of("-Xmx256m")),
            new Spec("lock-contention-fixed", 5000, List.of("-Xmx256m")),
            new Spec("lock-contention-rerun", 5000, List.of("-Xmx256m")),
            new Spec("allocation-churn", 5000, List.of("-Xmx256m", "-XX:+UseSerialGC")),
            new Spec("multi-chunk", 3000, List.of("-Xmx256m")));

    private SampleGenerator() {
    }

    public static void main(String[] args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = Path.of("sample-recordings", "recordings");
        Path referenceOut = null;
        String only = null;
        Path large = null;
        long seconds = 120;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--java" -> java = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--reference-out" -> referenceOut = Path.of(args[++i]);
                case "--only" -> only = args[++i];
                case "--large" -> large = Path.of(args[++i]);
                case "--seconds" -> seconds = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String classpath = Path.of(SampleGenerator.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        String jdk = javaVersion(java);
        if (large != null) {
            record(java, classpath, "busy-service", seconds * 1000, List.of("-Xmx1g", "-Xmn16m"), large);
            System.out.println("| `" + large.getFileName() + "` | " + jdk + " | profile | " + seconds + " s | -Xmx1g -Xmn16m | "
                    + Files.size(large) + " | `" + sha256(large) + "` |");
            return;
        }
        Files.createDirectories(out);
        List<String> rows = new ArrayList<>();
        if (referenceOut == null) {
            for (Spec spec : SCENARIOS) {
                if (only != null && !only.equals(spec.name())) {
                    continue;
                }
                Path file = out.resolve(spec.name() + ".jfr");
                record(java, classpath, spec.name(), spec.millis(), spec.flags(), file);
                rows.add("| `" + file.getFileName() + "` | " + jdk + " | profile | " + spec.millis() / 1000.0 + " s | "
                        + String.join(" ", spec.flags()) + " | " + Files.size(file) + " | `" + sha256(file) + "` |");
            }
        } else {
            Files.createDirectories(referenceOut);
            String feature = jdk.split("[.+-]")[0];
            Path file = referenceOut.resolve("jdk-" + feature + ".jfr");
            record(java, classpath, "reference", 1000, List.of("-Xmx64m"), file);
            rows.add("| `" + file.getFileName() + "` | " + jdk + " | profile | 1.0 s | -Xmx64m | " + Files.size(file)
                    + " | `" + sha256(file) + "` |");
        }
        System.out.println("| file | JDK | settings | duration | JVM flags | bytes | SHA-256 |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        rows.forEach(System.out::println);
    }

    private static void record(String java, String classpath, String scenario, long millis, List<String> flags,
            Path file) throws IOException, InterruptedException {
        Files.deleteIfExists(file);
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(flags);
        command.add("-XX:StartFlightRecording=settings=profile,filename=" + file.toAbsolutePath());
        command.add("-cp");
        command.add(classpath);
        command.add("io.flightdeck.samples.scenario.Scenario");
        command.add(scenario);
        command.add(Long.toString(millis));
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(millis + 60_000, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IOException(scenario + " did not finish");
        }
        if (p.exitValue() != 0 || !Files.exists(file)) {
            throw new IOException(scenario + " failed with exit code " + p.exitValue());
        }
    }

    private static String javaVersion(String java) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java, "-XshowSettings:properties", "-version").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.startsWith("java.runtime.version = ")) {
                return t.substring("java.runtime.version = ".length());
            }
        }
        return "unknown";
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
