package io.flightdeck.analysis.rule.rules;

import io.flightdeck.analysis.rule.RuleContext;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;
import io.flightdeck.model.StackTable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the rules can still tell from stack samples when the event they normally read was not recorded: recordings
 * of async-profiler hold CPU (or wall-clock) and allocation samples but no GC, exception, thread-start or I/O events.
 * Every signal here comes from where the sampled threads were: the JVM's GC threads, the constructors of throwables,
 * thread creation, socket calls.
 */
final class SampledSignals {
    private SampledSignals() {
    }

    /** Threads of the collectors of HotSpot (G1, Parallel, Serial through the VM thread, ZGC, Shenandoah). */
    private static final List<String> GC_THREADS = List.of("GC Thread", "G1 ", "ParGC Thread", "ZWorker", "ZDriver",
            "ZDirector", "ZThread", "Shenandoah", "GC Conc");

    static boolean isGcThread(String name) {
        if (name == null) {
            return false;
        }
        for (String p : GC_THREADS) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** HotSpot frames of a collection, for the VM thread which runs other operations too. */
    private static boolean isGcFrame(String frame) {
        return frame.contains("CollectedHeap::") || frame.contains("VM_G1") || frame.contains("VM_GenCollect")
                || frame.contains("VM_ParallelGC") || frame.contains("PSScavenge::") || frame.contains("PSParallelCompact::")
                || frame.contains("SerialHeap::") || frame.contains("GenCollectedHeap::");
    }

    /** The selection holds CPU samples (from jdk.ExecutionSample, or wall-clock samples of running threads). */
    static boolean hasCpuSamples(RuleContext ctx) {
        return !ctx.profile().samples(SampleKind.CPU).isEmpty();
    }

    /** The CPU samples of the selection, of every thread (the JVM's own too). */
    static long allCpuSamples(RuleContext ctx) {
        return ctx.memo("sampled-all-cpu", () -> {
            SampleSet cpu = ctx.profile().samples(SampleKind.CPU);
            long n = 0;
            for (int i = 0; i < cpu.size(); i++) {
                if (ctx.selection().includes(cpu, i)) {
                    n++;
                }
            }
            return n;
        });
    }

    /**
     * The collector's share (0..1) of the CPU the program spends: samples on the collector's threads (and the VM
     * thread while it collects) against those and the application's threads' samples (the JIT compilers and other
     * JVM threads left out) — what garbage collection costs when the recording has no GC events to time the pauses.
     * 0 with fewer than 100 such samples.
     */
    static double gcThreadCpuShare(RuleContext ctx) {
        return ctx.memo("sampled-gc-cpu-share", () -> {
            SampleSet cpu = ctx.profile().samples(SampleKind.CPU);
            long application = 0;
            long gc = 0;
            Map<Integer, Boolean> gcStack = new HashMap<>();
            for (int i = 0; i < cpu.size(); i++) {
                if (!ctx.selection().includes(cpu, i)) {
                    continue;
                }
                String name = ctx.threadName(cpu.thread(i));
                if (isGcThread(name) || name != null && name.startsWith("VM Thread")
                        && gcStack.computeIfAbsent(cpu.stack(i), s -> anyFrame(ctx, s, SampledSignals::isGcFrame))) {
                    gc++;
                } else if (!RuleContext.isInternalThread(name)) {
                    application++;
                }
            }
            return application + gc < 100 ? 0.0 : gc / (double) (application + gc);
        });
    }

    /** True when any frame of the stack, however deep, has a qualified name the test accepts. */
    static boolean anyFrame(RuleContext ctx, int stack, Predicate<String> qualifiedName) {
        if (stack < 0) {
            return false;
        }
        StackTable stacks = ctx.profile().stacks();
        return ctx.stackHas(stack, qualifiedName, stacks.depth(stack));
    }

    // ---- thread creation ------------------------------------------------------------------------------------

    /**
     * Frames of starting or ending a platform thread: Thread.start down to the JVM's and the C library's thread
     * creation and the kernel's clone, and a thread's teardown.
     */
    static boolean isThreadLifecycle(String frame) {
        return frame.equals("java.lang.Thread.start") || frame.equals("java.lang.Thread.start0")
                || frame.endsWith(".JVM_StartThread") || frame.endsWith("os::create_thread")
                || frame.endsWith("pthread_create") || frame.endsWith("__pthread_create_2_1")
                || frame.endsWith("JavaThread::exit") || frame.endsWith("Threads::remove")
                || frame.endsWith("JavaThread::~JavaThread") || frame.endsWith("pthread_exit")
                || frame.equals(".copy_process") || frame.equals(".kernel_clone") || frame.equals(".do_exit");
    }

    // ---- socket I/O -----------------------------------------------------------------------------------------

    /** Frames of a blocking socket read or write (classic and NIO sockets of the JDK). */
    static boolean isSocketIo(String frame) {
        return frame.startsWith("java.net.SocketInputStream.") || frame.startsWith("java.net.SocketOutputStream.")
                || frame.startsWith("sun.nio.ch.NioSocketImpl.") || frame.startsWith("java.net.Socket$SocketInputStream.")
                || frame.startsWith("java.net.Socket$SocketOutputStream.")
                || frame.startsWith("sun.nio.ch.SocketChannelImpl.read") || frame.startsWith("sun.nio.ch.SocketChannelImpl.write")
                || frame.startsWith("sun.nio.ch.SocketDispatcher.") || frame.equals("sun.nio.ch.Net.poll")
                || frame.endsWith("socketRead0") || frame.endsWith("socketWrite0");
    }

    /**
     * Frames of a call on a blocking java.net.Socket (its streams over NioSocketImpl, or the older
     * SocketInputStream/SocketOutputStream, connect and close): the request-response calls that wait for the peer.
     * NIO channels, mostly non-blocking behind a selector, are left out.
     */
    static boolean isStreamSocketCall(String frame) {
        return frame.startsWith("java.net.SocketInputStream.") || frame.startsWith("java.net.SocketOutputStream.")
                || frame.startsWith("java.net.Socket$SocketInputStream.")
                || frame.startsWith("java.net.Socket$SocketOutputStream.")
                || frame.startsWith("sun.nio.ch.NioSocketImpl.") || frame.startsWith("java.net.Socket.connect")
                || frame.endsWith("socketRead0") || frame.endsWith("socketWrite0");
    }
}
