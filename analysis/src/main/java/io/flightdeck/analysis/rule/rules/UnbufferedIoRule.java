package io.flightdeck.analysis.rule.rules;

import io.flightdeck.analysis.format.Format;
import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.analysis.rule.Category;
import io.flightdeck.analysis.rule.Findings;
import io.flightdeck.analysis.rule.RuleBase;
import io.flightdeck.analysis.rule.RuleContext;
import io.flightdeck.analysis.rule.RuleInfo;
import io.flightdeck.analysis.rule.Scores;
import io.flightdeck.analysis.rule.ViewKey;
import io.flightdeck.model.EventTypes;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Unbuffered I/O: the application's threads spend their time in the system calls of file or socket streams that
 * write (or read) a few bytes at a time — a {@code DataOutputStream} straight on a {@code FileOutputStream},
 * {@code RandomAccessFile.writeInt} per field, a socket stream written field by field. Each call is too short for
 * JFR's file and socket events (their threshold is 10–20 ms), so the evidence is in the samples: execution and
 * native-method samples whose stacks end in a stream's read or write with no buffer between it and the
 * application. Where the recording has the I/O events, the bytes per call are reported too.
 */
public final class UnbufferedIoRule extends RuleBase {
    /** The part of the application's on-CPU and native samples that must be in unbuffered calls. */
    static final double MIN_SHARE = 0.15;
    static final int MIN_SAMPLES = 20;

    /**
     * The stream and channel methods that end in a read or write system call: writes to files and sockets, reads
     * from files (a socket read also waits for the peer, which is not the cost of the call; that is the blocking-I/O
     * and database rules' business).
     */
    static final Predicate<String> IO_CALL = n -> n.startsWith("java.io.FileOutputStream.write")
            || n.startsWith("java.io.FileInputStream.read") || n.startsWith("java.io.RandomAccessFile.write")
            || n.startsWith("java.io.RandomAccessFile.read") || n.startsWith("sun.nio.ch.FileDispatcherImpl.write")
            || n.startsWith("sun.nio.ch.FileDispatcherImpl.read") || n.startsWith("sun.nio.ch.UnixFileDispatcherImpl.write")
            || n.startsWith("sun.nio.ch.UnixFileDispatcherImpl.read") || n.startsWith("sun.nio.ch.SocketDispatcher.write")
            || n.startsWith("sun.nio.ch.NioSocketImpl.implWrite") || n.startsWith("java.net.SocketOutputStream.socketWrite");

    /** A buffer between the application and the call: then each call carries a buffer's worth. */
    static final Predicate<String> BUFFERED = n -> n.startsWith("java.io.BufferedOutputStream.")
            || n.startsWith("java.io.BufferedInputStream.") || n.startsWith("java.io.BufferedWriter.")
            || n.startsWith("java.io.BufferedReader.") || n.startsWith("sun.nio.cs.StreamEncoder.")
            || n.startsWith("sun.nio.cs.StreamDecoder.") || n.startsWith("java.nio.file.Files.write")
            || n.startsWith("java.nio.file.Files.read") || n.startsWith("java.io.InputStream.readAllBytes")
            || n.startsWith("java.io.InputStream.transferTo") || n.startsWith("java.nio.channels.Channels$");

    public UnbufferedIoRule() {
        super(new RuleInfo("io-blocking.unbuffered",
                "Unbuffered reads or writes",
                Category.IO_BLOCKING,
                List.of(EventTypes.EXECUTION_SAMPLE, EventTypes.NATIVE_METHOD_SAMPLE),
                "enable jdk.ExecutionSample and jdk.NativeMethodSample (JFR 'profile' settings)"));
    }

    @Override
    public Optional<Finding> evaluate(RuleContext ctx) {
        Map<Integer, Integer> kindOf = new HashMap<>(); // stack -> 0 none, 1 write, 2 read
        RuleContext.Tally cpuAll = ctx.tally(SampleKind.CPU, i -> true);
        RuleContext.Tally nativeAll = ctx.tally(SampleKind.NATIVE, i -> true);
        long all = cpuAll.count() + nativeAll.count();
        if (all < MIN_SAMPLES) {
            return Optional.empty();
        }
        SampleSet cpu = ctx.profile().samples(SampleKind.CPU);
        SampleSet nat = ctx.profile().samples(SampleKind.NATIVE);
        RuleContext.Tally cpuHits = ctx.tally(SampleKind.CPU, i -> kind(ctx, kindOf, cpu.stack(i)) > 0);
        RuleContext.Tally nativeHits = ctx.tally(SampleKind.NATIVE, i -> kind(ctx, kindOf, nat.stack(i)) > 0);
        long hits = cpuHits.count() + nativeHits.count();
        double share = hits / (double) all;
        if (share < MIN_SHARE || hits < MIN_SAMPLES / 2) {
            return Optional.empty();
        }
        Map<Integer, long[]> bySite = new HashMap<>();
        cpuHits.byCulprit().forEach((m, v) -> bySite.computeIfAbsent(m, k -> new long[1])[0] += v[0]);
        nativeHits.byCulprit().forEach((m, v) -> bySite.computeIfAbsent(m, k -> new long[1])[0] += v[0]);
        int site = bySite.entrySet().stream().filter(e -> e.getKey() >= 0)
                .max(Map.Entry.<Integer, long[]>comparingByValue(java.util.Comparator.comparingLong(v -> v[0]))
                        .thenComparing(Map.Entry::getKey, java.util.Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(-1);
        long writes = kindOf.entrySet().stream().filter(e -> e.getValue() == 1).count();
        long reads = kindOf.entrySet().stream().filter(e -> e.getValue() == 2).count();
        boolean writing = writes >= reads;
        String verb = writing ? "writes" : "reads";
        // the I/O events, where the recording has them (calls over the threshold only): bytes per call
        SampleKind[] events = writing ? new SampleKind[]{SampleKind.FILE_WRITE, SampleKind.SOCKET_WRITE}
                : new SampleKind[]{SampleKind.FILE_READ, SampleKind.SOCKET_READ};
        long calls = 0;
        long bytes = 0;
        for (SampleKind k : events) {
            RuleContext.Tally t = ctx.tally(k, i -> true);
            calls += t.count();
            bytes += t.weight();
        }
        String perCall = calls > 0 ? "; the " + Format.count(calls) + " " + verb + " long enough to be recorded as "
                + "events carried " + Format.bytes(bytes / (double) calls) + " each on average" : "";
        String name = site >= 0 ? ctx.methodName(site) : "the application";
        Findings f = Findings.of(this).score(Scores.share(share)).culprit(ctx.culpritOf(site)).view(ViewKey.IO)
                .title("Unbuffered " + verb + (site >= 0 ? " in " + Text.simple(name) : ""))
                .summary(Format.percent(100 * share) + " of the application's samples are in the system calls of "
                        + "stream " + verb + " with no buffer in between, mostly from " + name + perCall + ".")
                .explanation("Each read or write of a FileOutputStream, RandomAccessFile or socket stream is a "
                        + "system call; done per field (a few bytes), the calls cost far more than the bytes. They are "
                        + "too short for JFR's I/O events (thresholds of 10–20 ms), so the rule counts the execution "
                        + "and native-method samples whose stacks end in such a call with no buffer above it. The "
                        + "score is their share of the application's samples.")
                .evidence("sharePercent", 100 * share).evidence("samples", hits).evidence("allSamples", all)
                .evidence("direction", writing ? "write" : "read")
                .evidence("recordedCalls", calls > 0 ? calls : null)
                .evidence("bytesPerRecordedCall", calls > 0 ? bytes / (double) calls : null)
                .evidence("topSite", site >= 0 ? name : null)
                .stacks(ctx.topStacks(SampleKind.NATIVE, i -> kind(ctx, kindOf, nat.stack(i)) > 0, 0, 2))
                .recommendation(writing
                        ? "Wrap the stream in a BufferedOutputStream (new DataOutputStream(new BufferedOutputStream("
                                + "out, 64 * 1024))), or build each record in a byte[]/ByteBuffer and write it with one "
                                + "call; flush once per record or batch, not per field."
                        : "Wrap the stream in a BufferedInputStream (or read a whole record into a byte[]/ByteBuffer "
                                + "at once) instead of reading a few bytes per call.");
        return Optional.of(f.build());
    }

    /** 1 for an unbuffered write, 2 for an unbuffered read, 0 otherwise (memoised per stack). */
    private static int kind(RuleContext ctx, Map<Integer, Integer> memo, int stack) {
        if (stack < 0) {
            return 0;
        }
        synchronized (memo) {
            Integer known = memo.get(stack);
            if (known != null) {
                return known;
            }
        }
        int k = classify(ctx, stack);
        synchronized (memo) {
            memo.put(stack, k);
        }
        return k;
    }

    /**
     * 1 or 2 when the stack ends in a write (read) call made per field — {@code writeInt}, {@code writeLong},
     * {@code write(int)}, {@code readInt}… between the application and the system call — with no buffer in
     * between. A record written with one {@code write(byte[])} is not counted: its size is unknown without I/O
     * events, and one call per record may well be the fix.
     */
    private static int classify(RuleContext ctx, int stack) {
        var stacks = ctx.profile().stacks();
        var methods = ctx.profile().methods();
        int depth = Math.min(stacks.depth(stack), 24);
        int found = 0;
        boolean perField = false;
        for (int i = 0; i < depth; i++) {
            int m = ctx.profile().frames().method(stacks.frame(stack, i));
            String n = methods.qualifiedName(m);
            if (found == 0) {
                if (IO_CALL.test(n)) {
                    found = n.contains(".write") || n.contains("Write") ? 1 : 2;
                    perField = isPerField(methods.methodName(m), methods.descriptor(m));
                }
                continue;
            }
            if (BUFFERED.test(n)) {
                return 0;
            }
            if (ctx.classifier().kind(m) == io.flightdeck.analysis.FrameKind.APPLICATION) {
                return perField ? found : 0;
            }
            perField |= isPerField(methods.methodName(m), methods.descriptor(m));
        }
        return perField ? found : 0;
    }

    /** A method that reads or writes one primitive, one byte or one string per call. */
    static boolean isPerField(String method, String descriptor) {
        if (method == null) {
            return false;
        }
        return switch (method) {
            case "writeInt", "writeLong", "writeShort", "writeByte", "writeChar", "writeDouble", "writeFloat",
                    "writeBoolean", "writeChars", "writeUTF", "readInt", "readLong", "readShort", "readByte",
                    "readChar", "readDouble", "readFloat", "readBoolean", "readUTF", "readUnsignedByte",
                    "readUnsignedShort" -> true;
            case "write" -> descriptor != null && (descriptor.startsWith("(I)") || descriptor.startsWith("(IZ)"));
            case "read" -> descriptor != null && descriptor.startsWith("()I");
            case "writeBytes" -> descriptor != null && descriptor.startsWith("(Ljava/lang/String;)");
            default -> false;
        };
    }
}
