package io.flightdeck.samples.gclog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Drives the garbage collector through the shapes a GC log parser has to read, at a fixed allocation rate so the
 * number of collections depends on the heap and the collector, not on the speed of the machine.
 *
 * <ul>
 *   <li>short-lived arrays of random size (a small ring keeps the newest briefly alive, so young collections copy
 *       survivors): many young collections;</li>
 *   <li>a retained set that grows steadily and is thinned to every third element whenever it passes a cap: old
 *       regions become partly dead (G1 runs concurrent cycles with Remark and Cleanup, then mixed collections;
 *       Serial and Parallel eventually run full collections; ZGC and Shenandoah run their cycles);</li>
 *   <li>an occasional array larger than half a G1 region (humongous);</li>
 *   <li>exactly one {@code System.gc()}, two thirds through the run.</li>
 * </ul>
 *
 * <p>Usage: {@code GcLogWorkload [seconds]} (default 6). Meant for a heap of about 96 MB ({@code -Xms96m -Xmx96m}).
 */
public final class GcLogWorkload {
    private static final Duration TICK = Duration.ofMillis(5);
    private static final int GARBAGE_BYTES_PER_TICK = 300 * 1024;
    private static final int RETAINED_BYTES_PER_TICK = 90 * 1024;
    private static final long RETAINED_CAP_BYTES = 40L * 1024 * 1024;
    private static final int HUMONGOUS_EVERY_TICKS = 40;
    private static final int HUMONGOUS_BYTES = 700 * 1024;
    private static final int RING_SIZE = 512;

    private GcLogWorkload() {
    }

    public static void main(String[] args) throws InterruptedException {
        Duration runFor = args.length > 0
                ? Duration.ofMillis(Math.round(Double.parseDouble(args[0]) * 1000))
                : Duration.ofSeconds(6);
        Result result = run(runFor);
        System.out.printf("GcLogWorkload: %d ticks, %d thinnings, System.gc() at tick %d, checksum %d%n",
                result.ticks(), result.thinnings(), result.systemGcTick(), result.checksum());
    }

    static Result run(Duration runFor) throws InterruptedException {
        long ticks = runFor.toNanos() / TICK.toNanos();
        long systemGcTick = ticks * 2 / 3;
        SplittableRandom random = new SplittableRandom(42);
        byte[][] ring = new byte[RING_SIZE][];
        List<byte[]> retained = new ArrayList<>();
        long retainedBytes = 0;
        int thinnings = 0;
        long checksum = 0;
        long start = System.nanoTime();
        for (long tick = 0; tick < ticks; tick++) {
            for (int allocated = 0; allocated < GARBAGE_BYTES_PER_TICK; ) {
                byte[] garbage = new byte[64 + random.nextInt(4096)];
                garbage[0] = (byte) tick;
                ring[random.nextInt(RING_SIZE)] = garbage;
                allocated += garbage.length;
            }
            for (int kept = 0; kept < RETAINED_BYTES_PER_TICK; ) {
                byte[] chunk = new byte[512 + random.nextInt(2048)];
                retained.add(chunk);
                kept += chunk.length;
                retainedBytes += chunk.length;
            }
            if (retainedBytes > RETAINED_CAP_BYTES) {
                retainedBytes = thin(retained);
                thinnings++;
            }
            if (tick % HUMONGOUS_EVERY_TICKS == 0) {
                byte[] big = new byte[HUMONGOUS_BYTES];
                checksum += big.length;
            }
            if (tick == systemGcTick) {
                System.gc();
            }
            checksum += ring[(int) (tick % RING_SIZE)] == null ? 0 : ring[(int) (tick % RING_SIZE)][0];
            long due = start + (tick + 1) * TICK.toNanos();
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        return new Result(ticks, thinnings, systemGcTick, checksum + retained.size());
    }

    /** Keeps every third element, in place, so the survivors stay spread over the old regions; returns their bytes. */
    private static long thin(List<byte[]> retained) {
        int write = 0;
        long bytes = 0;
        for (int read = 0; read < retained.size(); read += 3) {
            byte[] kept = retained.get(read);
            retained.set(write++, kept);
            bytes += kept.length;
        }
        retained.subList(write, retained.size()).clear();
        return bytes;
    }

    record Result(long ticks, int thinnings, long systemGcTick, long checksum) {
    }
}
