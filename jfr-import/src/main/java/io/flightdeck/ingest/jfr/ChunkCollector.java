package io.flightdeck.ingest.jfr;

import static io.flightdeck.ingest.jfr.JfrTypes.*;

import io.flightdeck.ingest.CancellationToken;
import io.flightdeck.model.FrameType;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SeriesKey;
import io.flightdeck.model.StackTable;
import io.flightdeck.model.SymbolTable;
import io.flightdeck.model.ThreadTable;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * Decodes one chunk file with the JDK's {@link EventStream}, registering handlers only for the event types the
 * profile uses (the stream skips every other type without decoding it), and aggregates into {@link ChunkData}
 * while reading. Identity caches map the parser's per-chunk constant objects (stack traces, methods, threads,
 * classes) to interned ids, so each distinct stack is walked once per chunk.
 */
final class ChunkCollector {
    private static final int CHECK_EVERY = 4096;
    private static final int MAX_DISTINCT_MESSAGES = 5000;

    private final ChunkData data = new ChunkData();
    private final Map<Long, String> eventTypeNames;
    private final Set<String> types;
    private final CancellationToken cancel;
    private final LongConsumer progress;

    private final IdentityHashMap<RecordedStackTrace, Integer> stackCache = new IdentityHashMap<>();
    private final IdentityHashMap<RecordedMethod, Integer> methodCache = new IdentityHashMap<>();
    private final IdentityHashMap<RecordedThread, Integer> threadCache = new IdentityHashMap<>();
    private final IdentityHashMap<RecordedClass, Integer> classCache = new IdentityHashMap<>();
    private int distinctMessages;
    private long handled;
    private Throwable handlerFailure;

    /**
     * @param eventTypeNames type id to name from the chunk's metadata, for {@code jdk.ActiveSetting}
     * @param progress       receives the number of events handled so far, every few thousand events
     */
    ChunkCollector(Map<Long, String> eventTypeNames, Set<String> types, CancellationToken cancel,
            LongConsumer progress) {
        this.eventTypeNames = eventTypeNames;
        this.types = types;
        this.cancel = cancel;
        this.progress = progress;
    }

    /** The event types this collector decodes; everything else is skipped by the parser. */
    static final List<String> DECODED_TYPES = List.of(EXECUTION_SAMPLE, NATIVE_METHOD_SAMPLE,
            OBJECT_ALLOCATION_SAMPLE, OBJECT_ALLOCATION_IN_NEW_TLAB, OBJECT_ALLOCATION_OUTSIDE_TLAB,
            JAVA_MONITOR_ENTER, JAVA_MONITOR_WAIT, THREAD_PARK, THREAD_SLEEP, SOCKET_READ, SOCKET_WRITE, FILE_READ,
            FILE_WRITE, FILE_FORCE, JAVA_EXCEPTION_THROW, JAVA_ERROR_THROW, EXCEPTION_STATISTICS, THREAD_START,
            THREAD_END, CPU_LOAD, JAVA_THREAD_STATISTICS, CLASS_LOADING_STATISTICS, GARBAGE_COLLECTION,
            GC_HEAP_SUMMARY, GC_PHASE_PAUSE, GC_PHASE_PAUSE_LEVEL_1, GC_PHASE_CONCURRENT, G1_GARBAGE_COLLECTION,
            OBJECT_COUNT, OBJECT_COUNT_AFTER_GC, OLD_OBJECT_SAMPLE, JVM_INFORMATION, GC_CONFIGURATION,
            GC_HEAP_CONFIGURATION, CPU_INFORMATION, OS_INFORMATION, PHYSICAL_MEMORY, CONTAINER_CONFIGURATION,
            ACTIVE_SETTING);

    /** The types that describe the JVM (what a summary needs). */
    static final List<String> FACT_TYPES = List.of(JVM_INFORMATION, GC_CONFIGURATION, GC_HEAP_CONFIGURATION,
            CPU_INFORMATION, OS_INFORMATION, PHYSICAL_MEMORY, CONTAINER_CONFIGURATION);

    ChunkData read(Path chunkFile) throws IOException {
        try (EventStream stream = EventStream.openFile(chunkFile)) {
            stream.setOrdered(false);
            stream.setReuse(true);
            register(stream, EXECUTION_SAMPLE, e -> sample(SampleKind.CPU, e, F_SAMPLED_THREAD));
            register(stream, NATIVE_METHOD_SAMPLE, e -> sample(SampleKind.NATIVE, e, F_SAMPLED_THREAD));
            register(stream, OBJECT_ALLOCATION_SAMPLE, e -> allocation(SampleKind.ALLOCATION, e, F_WEIGHT));
            register(stream, OBJECT_ALLOCATION_IN_NEW_TLAB,
                    e -> allocation(SampleKind.ALLOCATION_IN_NEW_TLAB, e, F_TLAB_SIZE));
            register(stream, OBJECT_ALLOCATION_OUTSIDE_TLAB,
                    e -> allocation(SampleKind.ALLOCATION_OUTSIDE_TLAB, e, F_ALLOCATION_SIZE));
            register(stream, JAVA_MONITOR_ENTER, e -> monitor(SampleKind.MONITOR_ENTER, e, F_PREVIOUS_OWNER));
            register(stream, JAVA_MONITOR_WAIT, e -> monitor(SampleKind.MONITOR_WAIT, e, F_NOTIFIER));
            register(stream, THREAD_PARK, e -> blocking(SampleKind.THREAD_PARK, e, classId(e, F_PARKED_CLASS), 0));
            register(stream, THREAD_SLEEP, e -> blocking(SampleKind.THREAD_SLEEP, e, -1, 0));
            register(stream, SOCKET_READ, e -> blocking(SampleKind.SOCKET_READ, e, socketKey(e), longField(e, F_BYTES_READ)));
            register(stream, SOCKET_WRITE, e -> blocking(SampleKind.SOCKET_WRITE, e, socketKey(e), longField(e, F_BYTES_WRITTEN)));
            register(stream, FILE_READ, e -> blocking(SampleKind.FILE_READ, e, pathKey(e), longField(e, F_BYTES_READ)));
            register(stream, FILE_WRITE, e -> blocking(SampleKind.FILE_WRITE, e, pathKey(e), longField(e, F_BYTES_WRITTEN)));
            register(stream, FILE_FORCE, e -> blocking(SampleKind.FILE_FORCE, e, pathKey(e), 0));
            register(stream, JAVA_EXCEPTION_THROW, e -> throwable(SampleKind.EXCEPTION, e));
            register(stream, JAVA_ERROR_THROW, e -> throwable(SampleKind.ERROR, e));
            register(stream, EXCEPTION_STATISTICS,
                    e -> data.series(SeriesKey.THROWABLES_CREATED).add(nanos(e.getStartTime()), longField(e, "throwables")));
            register(stream, THREAD_START, this::threadStart);
            register(stream, THREAD_END, e -> data.samples(SampleKind.THREAD_END)
                    .add(nanos(e.getStartTime()), thread(threadField(e, F_THREAD)), StackTable.NONE, 0, 1, -1, -1));
            register(stream, CPU_LOAD, this::cpuLoad);
            register(stream, JAVA_THREAD_STATISTICS, this::threadStatistics);
            register(stream, CLASS_LOADING_STATISTICS, e -> data.series(SeriesKey.CLASSES_LOADED)
                    .add(nanos(e.getStartTime()), longField(e, "loadedClassCount")));
            register(stream, GARBAGE_COLLECTION, this::garbageCollection);
            register(stream, GC_HEAP_SUMMARY, this::heapSummary);
            register(stream, GC_PHASE_PAUSE, e -> data.pauses.add(new ChunkData.Pause(longField(e, F_GC_ID),
                    stringField(e, F_NAME), e.getStartTime(), e.getDuration())));
            register(stream, GC_PHASE_PAUSE_LEVEL_1, e -> phase(e, false));
            register(stream, GC_PHASE_CONCURRENT, e -> phase(e, true));
            register(stream, G1_GARBAGE_COLLECTION,
                    e -> data.g1Types.put(longField(e, F_GC_ID), stringField(e, F_TYPE)));
            register(stream, OBJECT_COUNT, e -> objectCount(e, OBJECT_COUNT));
            register(stream, OBJECT_COUNT_AFTER_GC, e -> objectCount(e, OBJECT_COUNT_AFTER_GC));
            register(stream, OLD_OBJECT_SAMPLE, this::oldObject);
            register(stream, JVM_INFORMATION, this::jvmInformation);
            register(stream, GC_CONFIGURATION, e -> {
                fact(e, "youngCollector");
                fact(e, "oldCollector");
            });
            register(stream, GC_HEAP_CONFIGURATION, e -> {
                numericFact(e, "maxSize");
                numericFact(e, "initialSize");
            });
            register(stream, CPU_INFORMATION, e -> {
                fact(e, "cpu");
                fact(e, "description");
                numericFact(e, "hwThreads");
                numericFact(e, "cores");
            });
            register(stream, OS_INFORMATION, e -> fact(e, "osVersion"));
            register(stream, PHYSICAL_MEMORY, e -> numericFact(e, "totalSize"));
            register(stream, CONTAINER_CONFIGURATION, e -> {
                numericFact(e, "effectiveCpuCount");
                numericFact(e, "memoryLimit");
            });
            register(stream, ACTIVE_SETTING, this::activeSetting);
            stream.onError(t -> {
                if (handlerFailure == null) {
                    handlerFailure = t;
                }
                stream.close();
            });
            stream.start();
        }
        cancel.throwIfCancelled();
        if (handlerFailure != null) {
            throw new IllegalStateException("decoding failed: " + handlerFailure, handlerFailure);
        }
        progress.accept(handled);
        return data;
    }

    private void register(EventStream stream, String type, Consumer<RecordedEvent> handler) {
        if (!types.contains(type)) {
            return;
        }
        long[] count = data.decodedCounts.computeIfAbsent(type, k -> new long[1]);
        stream.onEvent(type, e -> {
            count[0]++;
            handler.accept(e);
            if (++handled % CHECK_EVERY == 0) {
                if (cancel.isCancelled()) {
                    stream.close();
                    return;
                }
                progress.accept(handled);
            }
        });
    }

    // ---- per-type handlers -------------------------------------------------------------------------------

    private void sample(SampleKind kind, RecordedEvent e, String threadField) {
        data.samples(kind).add(nanos(e.getStartTime()), thread(threadField(e, threadField)), stack(e.getStackTrace()),
                0, 1, -1, -1);
    }

    private void allocation(SampleKind kind, RecordedEvent e, String weightField) {
        data.samples(kind).add(nanos(e.getStartTime()), thread(e.getThread()), stack(e.getStackTrace()), 0,
                longField(e, weightField), classId(e, F_OBJECT_CLASS), -1);
    }

    private void monitor(SampleKind kind, RecordedEvent e, String otherThreadField) {
        data.samples(kind).add(nanos(e.getStartTime()), thread(e.getThread()), stack(e.getStackTrace()),
                e.getDuration().toNanos(), 1, classId(e, F_MONITOR_CLASS), thread(threadField(e, otherThreadField)));
    }

    private void blocking(SampleKind kind, RecordedEvent e, int key, long bytes) {
        data.samples(kind).add(nanos(e.getStartTime()), thread(e.getThread()), stack(e.getStackTrace()),
                e.getDuration().toNanos(), Math.max(0, bytes), key, -1);
    }

    private void throwable(SampleKind kind, RecordedEvent e) {
        int message = -1;
        if (distinctMessages < MAX_DISTINCT_MESSAGES) {
            String text = stringField(e, F_MESSAGE);
            if (text != null) {
                int before = data.symbols.size();
                message = data.symbols.intern(text.length() > 300 ? text.substring(0, 300) + "…" : text);
                if (data.symbols.size() > before) {
                    distinctMessages++;
                }
            }
        }
        data.samples(kind).add(nanos(e.getStartTime()), thread(e.getThread()), stack(e.getStackTrace()), 0, 1,
                classId(e, F_THROWN_CLASS), message);
    }

    private void threadStart(RecordedEvent e) {
        RecordedThread started = threadField(e, F_THREAD);
        RecordedThread parent = e.hasField(F_PARENT_THREAD) ? threadField(e, F_PARENT_THREAD) : e.getThread();
        data.samples(SampleKind.THREAD_START).add(nanos(e.getStartTime()), thread(started), stack(e.getStackTrace()), 0,
                1, -1, thread(parent));
    }

    private void cpuLoad(RecordedEvent e) {
        long t = nanos(e.getStartTime());
        data.series(SeriesKey.CPU_JVM_USER).add(t, doubleField(e, "jvmUser"));
        data.series(SeriesKey.CPU_JVM_SYSTEM).add(t, doubleField(e, "jvmSystem"));
        data.series(SeriesKey.CPU_MACHINE_TOTAL).add(t, doubleField(e, "machineTotal"));
    }

    private void threadStatistics(RecordedEvent e) {
        long t = nanos(e.getStartTime());
        data.series(SeriesKey.THREADS_ACTIVE).add(t, longField(e, "activeCount"));
        data.series(SeriesKey.THREADS_ACCUMULATED).add(t, longField(e, "accumulatedCount"));
    }

    private void garbageCollection(RecordedEvent e) {
        data.collections.add(new ChunkData.Collection(longField(e, F_GC_ID), stringField(e, F_NAME),
                stringField(e, F_CAUSE), e.getStartTime(), e.getDuration(), durationField(e, F_SUM_OF_PAUSES),
                durationField(e, F_LONGEST_PAUSE)));
    }

    private void heapSummary(RecordedEvent e) {
        long used = longField(e, F_HEAP_USED);
        long committed = -1;
        if (e.hasField(F_HEAP_SPACE)) {
            RecordedObject space = e.getValue(F_HEAP_SPACE);
            if (space != null && space.hasField(F_COMMITTED_SIZE)) {
                committed = space.getLong(F_COMMITTED_SIZE);
            }
        }
        boolean before = "Before GC".equals(stringField(e, F_WHEN));
        data.heapSummaries.add(new ChunkData.HeapSummary(longField(e, F_GC_ID), before, e.getStartTime(), used,
                committed));
        long t = nanos(e.getStartTime());
        data.series(SeriesKey.HEAP_USED).add(t, used);
        if (committed >= 0) {
            data.series(SeriesKey.HEAP_COMMITTED).add(t, committed);
        }
    }

    private void phase(RecordedEvent e, boolean concurrent) {
        data.phases.add(new ChunkData.Phase(longField(e, F_GC_ID), stringField(e, F_NAME), e.getStartTime(),
                e.getDuration(), concurrent));
    }

    private void objectCount(RecordedEvent e, String origin) {
        RecordedClass cls = e.hasField(F_OBJECT_CLASS) ? e.getClass(F_OBJECT_CLASS) : null;
        data.objectCounts.add(new ChunkData.CountRow(longField(e, F_GC_ID), origin, e.getStartTime(),
                cls == null ? "(unknown)" : cls.getName(), longField(e, "count"), longField(e, "totalSize")));
    }

    private void oldObject(RecordedEvent e) {
        String objectClass = "(unknown)";
        if (e.hasField("object")) {
            RecordedObject object = e.getValue("object");
            if (object != null && object.hasField("type")) {
                RecordedClass type = object.getValue("type");
                if (type != null) {
                    objectClass = type.getName();
                }
            }
        }
        String root = "";
        if (e.hasField("root")) {
            RecordedObject r = e.getValue("root");
            if (r != null) {
                String system = r.hasField("system") ? r.getString("system") : null;
                String description = r.hasField("description") ? r.getString("description") : null;
                root = String.join(" ", system == null ? "" : system, description == null ? "" : description).strip();
            }
        }
        Instant allocationTime = e.hasField("allocationTime") ? e.getInstant("allocationTime") : e.getStartTime();
        long arrayElements = e.hasField("arrayElements") ? e.getLong("arrayElements") : Integer.MIN_VALUE;
        data.oldObjects.add(new ChunkData.OldObject(e.getStartTime(), allocationTime, objectClass,
                stack(e.getStackTrace()), thread(e.getThread()), arrayElements, longField(e, "lastKnownHeapUsage"), root));
    }

    private void jvmInformation(RecordedEvent e) {
        fact(e, "jvmName");
        fact(e, "jvmVersion");
        fact(e, "jvmArguments");
        fact(e, "jvmFlags");
        fact(e, "javaArguments");
        numericFact(e, "pid");
        if (e.hasField("jvmStartTime")) {
            data.jvmStartTime = e.getInstant("jvmStartTime");
        }
    }

    private void activeSetting(RecordedEvent e) {
        long id = longField(e, "id");
        String type = eventTypeNames.get(id);
        if (type != null) {
            data.settings.add(new ChunkData.Setting(e.getStartTime(), type, stringField(e, F_NAME),
                    stringField(e, "value")));
        }
    }

    // ---- interning -----------------------------------------------------------------------------------------

    private int stack(RecordedStackTrace trace) {
        if (trace == null) {
            return StackTable.NONE;
        }
        Integer cached = stackCache.get(trace);
        if (cached != null) {
            return cached;
        }
        List<RecordedFrame> list = trace.getFrames();
        int[] ids = new int[list.size()];
        for (int i = 0; i < ids.length; i++) {
            RecordedFrame frame = list.get(i);
            ids[i] = data.frames.intern(method(frame.getMethod()), frame.getLineNumber(),
                    FrameType.fromJfr(frame.getType()));
        }
        int id = data.stacks.intern(ids, trace.isTruncated());
        stackCache.put(trace, id);
        return id;
    }

    private int method(RecordedMethod method) {
        if (method == null) {
            return data.methods.intern("(unknown)", "(unknown)", "");
        }
        Integer cached = methodCache.get(method);
        if (cached != null) {
            return cached;
        }
        RecordedClass type = method.getType();
        int id = data.methods.intern(type == null ? "(unknown)" : type.getName(), method.getName(),
                method.getDescriptor() == null ? "" : method.getDescriptor());
        methodCache.put(method, id);
        return id;
    }

    private int thread(RecordedThread t) {
        if (t == null) {
            return ThreadTable.NONE;
        }
        Integer cached = threadCache.get(t);
        if (cached != null) {
            return cached;
        }
        String name = t.getJavaName();
        if (name == null) {
            name = t.getOSName();
        }
        if (name == null) {
            name = "thread " + t.getOSThreadId();
        }
        int id = data.threads.intern(name, t.getJavaThreadId(), t.getOSThreadId(), t.isVirtual());
        threadCache.put(t, id);
        return id;
    }

    private int classId(RecordedEvent e, String field) {
        if (!e.hasField(field)) {
            return SymbolTable.NONE;
        }
        RecordedClass cls = e.getClass(field);
        if (cls == null) {
            return SymbolTable.NONE;
        }
        Integer cached = classCache.get(cls);
        if (cached != null) {
            return cached;
        }
        int id = data.symbols.intern(cls.getName());
        classCache.put(cls, id);
        return id;
    }

    private int socketKey(RecordedEvent e) {
        String host = stringField(e, F_HOST);
        if (host == null || host.isEmpty()) {
            host = stringField(e, F_ADDRESS);
        }
        long port = e.hasField(F_PORT) ? e.getLong(F_PORT) : -1;
        return data.symbols.intern((host == null || host.isEmpty() ? "(unknown host)" : host) + (port >= 0 ? ":" + port : ""));
    }

    private int pathKey(RecordedEvent e) {
        String path = stringField(e, F_PATH);
        return data.symbols.intern(path == null || path.isEmpty() ? "(unknown file)" : path);
    }

    // ---- field access tolerant of JDK versions ------------------------------------------------------------

    private static RecordedThread threadField(RecordedEvent e, String field) {
        return e.hasField(field) ? e.getThread(field) : null;
    }

    private static long longField(RecordedObject e, String field) {
        return e.hasField(field) ? e.getLong(field) : 0;
    }

    private static double doubleField(RecordedObject e, String field) {
        return e.hasField(field) ? e.getDouble(field) : 0;
    }

    private static String stringField(RecordedObject e, String field) {
        return e.hasField(field) ? e.getString(field) : null;
    }

    private static Duration durationField(RecordedObject e, String field) {
        return e.hasField(field) ? e.getDuration(field) : Duration.ZERO;
    }

    private void fact(RecordedObject e, String field) {
        String value = stringField(e, field);
        if (value != null) {
            data.facts.put(field, value);
        }
    }

    private void numericFact(RecordedObject e, String field) {
        if (e.hasField(field)) {
            data.numericFacts.put(field, e.getLong(field));
        }
    }

    static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
