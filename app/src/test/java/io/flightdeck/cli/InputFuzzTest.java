package io.flightdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.analysis.compare.Budget;
import io.flightdeck.analysis.session.SessionFiles;
import io.flightdeck.ingest.ImportException;
import io.flightdeck.ingest.ImportOptions;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.testing.TestFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzing of every reader of user files: real seed files (unified and JDK 8 GC logs, a class histogram, a JFR
 * recording, a budget, a session) mutated by flipped, inserted, deleted, repeated and cut bytes and lines. Whatever
 * the bytes, a reader returns a result or throws its own user-facing exception ({@link ImportException},
 * {@link Budget.BudgetException}) — never anything else, and within a bounded time.
 * <p>
 * {@code mvn verify} runs a bounded number of inputs per property (junit-platform.properties); run longer with
 * {@code -Djqwik.tries.default=20000}. A crash found becomes a regression test next to the reader's own tests.
 */
class InputFuzzTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final AtomicLong EXECUTIONS = new AtomicLong();

    private static final List<Path> TEXT_SEEDS = List.of(
            TestFiles.freshGcLogs().resolve("jdk17").resolve("g1-gc-all-safepoint.log"),
            TestFiles.gcviewerLog("sample-ujl-zgc-gc-other.txt"),
            TestFiles.gcviewerLog("SampleSun1_7_0_51_CMS_PrintApplStoppedTime_TenuringDist.txt"),
            TestFiles.gcviewerLog("SampleSun1_4_2PrintGCDetails.txt"),
            TestFiles.gcviewerLog("x").getParent().getParent().resolveSibling("histograms")
                    .resolve("jdk17-allocation-boxing-bad.histo.txt"));

    @AfterContainer
    static void report() {
        System.out.println("InputFuzzTest: " + EXECUTIONS.get() + " inputs read");
    }

    @Property
    void textInputsAreReadOrRejectedCleanly(@ForAll("textInputs") byte[] input) throws Exception {
        readAsUserFile(input, ".log");
    }

    @Property
    void recordingsAreReadOrRejectedCleanly(@ForAll("recordings") byte[] input) throws Exception {
        readAsUserFile(input, ".jfr");
    }

    @Property
    void budgetsAreReadOrRejectedCleanly(@ForAll("budgets") byte[] input) throws Exception {
        readWith(input, ".yaml", file -> {
            try {
                Budget.read(file);
            } catch (Budget.BudgetException expected) {
                assertThat(expected.getMessage()).isNotBlank().doesNotContain("\n");
            }
        });
    }

    @Property
    void sessionsAreReadOrRejectedCleanly(@ForAll("sessions") byte[] input) throws Exception {
        readWith(input, ".flightdeck", file -> {
            try {
                SessionFiles.read(file);
            } catch (ImportException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        });
    }

    private interface Reader {
        void read(Path file) throws Exception;
    }

    /** Writes the input to a temporary file, reads it with {@code reader} within the time limit, deletes it. */
    private static void readWith(byte[] input, String suffix, Reader reader) throws Exception {
        Path file = Files.createTempFile("fuzz", suffix);
        try {
            Files.write(file, input);
            EXECUTIONS.incrementAndGet();
            long start = System.nanoTime();
            reader.read(file);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LIMIT);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void readAsUserFile(byte[] input, String suffix) throws Exception {
        readWith(input, suffix, file -> {
            try {
                new ProfileLoader(ImportOptions.defaults()).load(file);
            } catch (ImportException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        });
    }

    @Provide
    Arbitrary<byte[]> textInputs() {
        return Arbitraries.of(TEXT_SEEDS).flatMap(seed -> mutated(head(read(seed), 48 * 1024)));
    }

    @Provide
    Arbitrary<byte[]> recordings() {
        return mutated(read(TestFiles.sample("cpu-hotspot.jfr")));
    }

    @Provide
    Arbitrary<byte[]> budgets() {
        byte[] yaml = """
                name: checkout service
                limits:
                  cpu.jvmPercent: 80 %
                  gc.pauseP99: { max: 50 ms }
                  allocation.rate: 200 MiB/s
                """.getBytes(StandardCharsets.UTF_8);
        byte[] json = "{\"limits\": {\"gc.pauseMax\": \"100ms\", \"cpu.methodShare:a.B.c\": {\"max\": 0.5}}}"
                .getBytes(StandardCharsets.UTF_8);
        return Arbitraries.of(yaml, json).flatMap(InputFuzzTest::mutated);
    }

    @Provide
    Arbitrary<byte[]> sessions() {
        Path session = TestFiles.sample("x").getParent().resolveSibling("sessions").resolve("audit-trail.flightdeck");
        return mutated(read(session));
    }

    /** The seed with one to four mutations: byte flips, random bytes, cuts, repeats, swapped lines, truncation. */
    private static Arbitrary<byte[]> mutated(byte[] seed) {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.integers().between(1, 4096),
                Arbitraries.bytes()).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4).map(ms -> {
            byte[] b = seed;
            for (Mutation m : ms) {
                b = m.apply(b);
            }
            return b;
        });
    }

    private record Mutation(int kind, int where, int length, byte value) {
        byte[] apply(byte[] b) {
            if (b.length == 0) {
                return new byte[]{value};
            }
            int at = Math.floorMod(where, b.length);
            int len = Math.min(length, b.length - at);
            return switch (kind) {
                case 0 -> { // flip bytes
                    byte[] c = b.clone();
                    for (int i = at; i < at + Math.min(len, 8); i++) {
                        c[i] ^= (byte) (value == 0 ? 0x5A : value);
                    }
                    yield c;
                }
                case 1 -> concat(Arrays.copyOfRange(b, 0, at), Arrays.copyOfRange(b, at + len, b.length)); // cut
                case 2 -> concat(Arrays.copyOfRange(b, 0, at + len), Arrays.copyOfRange(b, at, b.length)); // repeat
                case 3 -> Arrays.copyOf(b, at); // truncate
                case 4 -> { // insert the value (a digit, a bracket, a NUL...) several times
                    byte[] ins = new byte[Math.min(len, 16)];
                    Arrays.fill(ins, value);
                    yield concat(concat(Arrays.copyOfRange(b, 0, at), ins), Arrays.copyOfRange(b, at, b.length));
                }
                case 5 -> { // overwrite with a large or negative number's bytes (sizes, offsets, counts)
                    byte[] c = b.clone();
                    for (int i = at; i < Math.min(c.length, at + 8); i++) {
                        c[i] = (byte) (i == at ? 0x7F : 0xFF);
                    }
                    yield c;
                }
                default -> swapLines(b, where);
            };
        }
    }

    private static byte[] swapLines(byte[] b, int seed) {
        String[] lines = new String(b, StandardCharsets.ISO_8859_1).split("\n", -1);
        if (lines.length < 2) {
            return b;
        }
        int i = Math.floorMod(seed, lines.length);
        int j = Math.floorMod(seed / 7 + 1, lines.length);
        String t = lines[i];
        lines[i] = lines[j];
        lines[j] = t;
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static byte[] head(byte[] b, int max) {
        return b.length <= max ? b : Arrays.copyOf(b, max);
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
