package io.flightdeck.ingest.jfr;

import io.flightdeck.model.FrameType;
import io.flightdeck.model.StackTable;
import io.flightdeck.model.SymbolTable;
import io.flightdeck.model.ThreadTable;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.Function;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * Maps the JDK parser's per-chunk constant objects (stack traces, methods, threads, classes) to the dense ids of a
 * {@link ChunkData}, with identity caches, so each distinct stack is walked once per chunk.
 */
final class ChunkInterner {
    private final ChunkData data;
    /** Written by async-profiler: its thread names are read its way (see {@link AsyncProfilerThreads}). */
    private final boolean asyncProfiler;
    private final IdentityHashMap<RecordedStackTrace, Integer> stackCache = new IdentityHashMap<>();
    private final IdentityHashMap<RecordedMethod, Integer> methodCache = new IdentityHashMap<>();
    private final IdentityHashMap<RecordedThread, Integer> threadCache = new IdentityHashMap<>();
    private final IdentityHashMap<RecordedClass, Integer> classCache = new IdentityHashMap<>();
    // created once: a method reference evaluated per event would be a new object per event
    private final Function<RecordedStackTrace, Integer> newStack = this::internStack;
    private final Function<RecordedMethod, Integer> newMethod = this::internMethod;
    private final Function<RecordedThread, Integer> newThread = this::internThread;
    private final Function<RecordedClass, Integer> newClass;

    ChunkInterner(ChunkData data, boolean asyncProfiler) {
        this.data = data;
        this.asyncProfiler = asyncProfiler;
        this.newClass = cls -> data.symbols.intern(cls.getName());
    }

    int stack(RecordedStackTrace trace) {
        return trace == null ? StackTable.NONE : stackCache.computeIfAbsent(trace, newStack);
    }

    private int method(RecordedMethod method) {
        if (method == null) {
            return data.methods.intern("(unknown)", "(unknown)", "");
        }
        return methodCache.computeIfAbsent(method, newMethod);
    }

    int thread(RecordedThread t) {
        return t == null ? ThreadTable.NONE : threadCache.computeIfAbsent(t, newThread);
    }

    int classId(RecordedClass cls) {
        return cls == null ? SymbolTable.NONE : classCache.computeIfAbsent(cls, newClass);
    }

    private int internStack(RecordedStackTrace trace) {
        List<RecordedFrame> list = trace.getFrames();
        int[] ids = new int[list.size()];
        for (int i = 0; i < ids.length; i++) {
            RecordedFrame frame = list.get(i);
            ids[i] = data.frames.intern(method(frame.getMethod()), frame.getLineNumber(),
                    FrameType.fromJfr(frame.getType()));
        }
        return data.stacks.intern(ids, trace.isTruncated());
    }

    private int internMethod(RecordedMethod method) {
        RecordedClass type = method.getType();
        return data.methods.intern(type == null ? "(unknown)" : type.getName(), method.getName(),
                method.getDescriptor() == null ? "" : method.getDescriptor());
    }

    private int internThread(RecordedThread t) {
        String name = t.getJavaName();
        if (asyncProfiler) {
            name = AsyncProfilerThreads.name(name, t.getOSName());
        } else if (name == null) {
            name = t.getOSName();
        }
        if (name == null) {
            name = "thread " + t.getOSThreadId();
        }
        return data.threads.intern(data.intern(name), t.getJavaThreadId(), t.getOSThreadId(), t.isVirtual());
    }
}
