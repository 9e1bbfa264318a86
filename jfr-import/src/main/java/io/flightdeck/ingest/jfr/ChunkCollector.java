package io.flightdeck.ingest.jfr;

import static io.flightdeck.ingest.jfr.JfrTypes.*;

import io.flightdeck.ingest.CancellationToken;
import io.flightdeck.model.FrameType;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;
import io.flightdeck.model.SeriesKey;
import io.flightdeck.model.StackTable;
import io.flightdeck.model.SymbolTable;
import io.flightdeck.model.ThreadTable;
import io.flightdeck.model.TimeSeries;

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
import java.util.function.ToIntFunction;

import jdk.jfr.EventType;
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

    private final ChunkData data;
    private final Map<Long, String> eventTypeNames;
    private final Set<String> types;
    private final CancellationToken cancel;
    private final LongConsumer progress;

    private final IdentityHashMap<RecordedStackTrace, Integer> stackCache = new IdentityHashMap<>();
    private final IdentityHashMap<RecordedMethod, Integer> methodCache = new IdentityHashMap<>();
    private final IdentityHashMap<RecordedThread, Integer> threadCache = new IdentityHashMap<>();
    private final IdentityHashMap<RecordedClass, Integer> classCache = new IdentityHashMap<>();
    /** Written by async-profiler (its {@code profiler.*} event types are declared), not by the JVM's own recorder. */
    private final boolean asyncProfiler;
    private int distinctMessages;
    private long handled;
    private Throwable handlerFailure;

    /**
     * @param eventTypeNames type id to name from the chunk's metadata, for {@code jdk.ActiveSetting}
     * @param progress       receives the number of events handled so far, every few thousand events
     */
    ChunkCollector(Map<Long, String> eventTypeNames, Set<String> types, Map<String, String> strings,
            CancellationToken cancel, LongConsumer progress) {
        this.data = new ChunkData(strings);
        this.eventTypeNames = eventTypeNames;
        this.types = types;
        this.cancel = cancel;
        this.progress = progress;
        this.asyncProfiler = eventTypeNames.values().stream().anyMatch(n -> n.startsWith(PROFILER_TYPE_PREFIX));
        data.asyncProfiler = asyncProfiler;
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
            ACTIVE_SETTING, PROFILER_WALL_CLOCK_SAMPLE);

    /** The types that describe the JVM (what a summary needs). */
    static final List<String> FACT_TYPES = List.of(JVM_INFORMATION, GC_CONFIGURATION, GC_HEAP_CONFIGURATION,
            CPU_INFORMATION, OS_INFORMATION, PHYSICAL_MEMORY, CONTAINER_CONFIGURATION);

    ChunkData read(Path chunkFile) throws IOException {
        try (EventStream stream = EventStream.openFile(chunkFile)) {
            stream.setOrdered(false);
            stream.setReuse(true);
            register(stream, EXECUTION_SAMPLE, sample(SampleKind.CPU));
            register(stream, NATIVE_METHOD_SAMPLE, sample(SampleKind.NATIVE));
            register(stream, PROFILER_WALL_CLOCK_SAMPLE, wallClockSample());
            register(stream, OBJECT_ALLOCATION_SAMPLE, allocation(SampleKind.ALLOCATION, F_WEIGHT));
            register(stream, OBJECT_ALLOCATION_IN_NEW_TLAB, allocation(SampleKind.ALLOCATION_IN_NEW_TLAB, F_TLAB_SIZE));
            register(stream, OBJECT_ALLOCATION_OUTSIDE_TLAB,
                    allocation(SampleKind.ALLOCATION_OUTSIDE_TLAB, F_ALLOCATION_SIZE));
            register(stream, JAVA_MONITOR_ENTER, monitor(SampleKind.MONITOR_ENTER, F_PREVIOUS_OWNER));
            register(stream, JAVA_MONITOR_WAIT, monitor(SampleKind.MONITOR_WAIT, F_NOTIFIER));
            Field parkedClass = new Field(F_PARKED_CLASS);
            register(stream, THREAD_PARK, blocking(SampleKind.THREAD_PARK, e -> classId(parkedClass.get(e)), null));
            register(stream, THREAD_SLEEP, blocking(SampleKind.THREAD_SLEEP, e -> -1, null));
            register(stream, SOCKET_READ, blocking(SampleKind.SOCKET_READ, socketKey(), new Field(F_BYTES_READ)));
            register(stream, SOCKET_WRITE, blocking(SampleKind.SOCKET_WRITE, socketKey(), new Field(F_BYTES_WRITTEN)));
            register(stream, FILE_READ, blocking(SampleKind.FILE_READ, pathKey(), new Field(F_BYTES_READ)));
            register(stream, FILE_WRITE, blocking(SampleKind.FILE_WRITE, pathKey(), new Field(F_BYTES_WRITTEN)));
            register(stream, FILE_FORCE, blocking(SampleKind.FILE_FORCE, pathKey(), null));
            register(stream, JAVA_EXCEPTION_THROW, throwable(SampleKind.EXCEPTION));
            register(stream, JAVA_ERROR_THROW, throwable(SampleKind.ERROR));
            register(stream, EXCEPTION_STATISTICS, series(SeriesKey.THROWABLES_CREATED, "throwables"));
            register(stream, THREAD_START, threadStart());
            register(stream, THREAD_END, threadEnd());
            register(stream, CPU_LOAD, cpuLoad());
            register(stream, JAVA_THREAD_STATISTICS, threadStatistics());
            register(stream, CLASS_LOADING_STATISTICS, series(SeriesKey.CLASSES_LOADED, "loadedClassCount"));
            register(stream, GARBAGE_COLLECTION, garbageCollection());
            register(stream, GC_HEAP_SUMMARY, heapSummary());
            register(stream, GC_PHASE_PAUSE, pause());
            register(stream, GC_PHASE_PAUSE_LEVEL_1, phase(false));
            register(stream, GC_PHASE_CONCURRENT, phase(true));
            register(stream, G1_GARBAGE_COLLECTION, g1Type());
            register(stream, OBJECT_COUNT, objectCount(OBJECT_COUNT));
            register(stream, OBJECT_COUNT_AFTER_GC, objectCount(OBJECT_COUNT_AFTER_GC));
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
            register(stream, ACTIVE_SETTING, activeSetting());
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
            try {
                handler.accept(e);
            } catch (RuntimeException failure) {
                // one event the JDK's parser cannot give us (a field of an unexpected type) is skipped, not the chunk
                data.failedCounts.computeIfAbsent(type, k -> new long[1])[0]++;
                data.firstFailure.putIfAbsent(type, failure.getClass().getSimpleName()
                        + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
            }
            if (++handled % CHECK_EVERY == 0) {
                if (cancel.isCancelled()) {
                    stream.close();
                    return;
                }
                progress.accept(handled);
            }
        });
    }

    // ---- per-type handlers: each owns its Field lookups (one event type each) ------------------------------

    private Consumer<RecordedEvent> sample(SampleKind kind) {
        SampleSet.Builder out = data.samples(kind);
        Field thread = new Field(F_SAMPLED_THREAD);
        Field stack = new Field(F_STACK_TRACE);
        if (kind != SampleKind.CPU || !asyncProfiler) {
            return e -> out.add(nanos(e.getStartTime()), thread(thread.get(e)), stack(stack.get(e)), 0, 1, -1, -1);
        }
        // async-profiler in wall mode (2.x/3.x) writes every thread's samples as jdk.ExecutionSample with the
        // thread's OS state: only the running ones are CPU time; all of them are wall-clock samples
        SampleSet.Builder wall = data.samples(SampleKind.WALL);
        Field state = new Field(F_STATE);
        return e -> {
            long t = nanos(e.getStartTime());
            int th = thread(thread.get(e));
            int st = stack(stack.get(e));
            String s = state.getString(e);
            if (s == null || s.equals(STATE_DEFAULT)) {
                out.add(t, th, st, 0, 1, -1, -1);
                return;
            }
            wall.add(t, th, st, 0, 1, data.symbols.intern(s), -1);
            if (isRunning(s)) {
                out.add(t, th, st, 0, 1, -1, -1);
            }
        };
    }

    /** async-profiler's wall-clock samples (4.x); one event can stand for several ticks of an idle thread. */
    private Consumer<RecordedEvent> wallClockSample() {
        SampleSet.Builder wall = data.samples(SampleKind.WALL);
        Field thread = new Field(F_SAMPLED_THREAD);
        Field stack = new Field(F_STACK_TRACE);
        Field state = new Field(F_STATE);
        Field samples = new Field(F_SAMPLES);
        return e -> {
            String s = state.getString(e);
            long ticks = samples.present(e) ? Math.max(1, samples.getLong(e)) : 1;
            wall.add(nanos(e.getStartTime()), thread(thread.get(e)), stack(stack.get(e)), 0, ticks,
                    s == null ? -1 : data.symbols.intern(s), -1);
        };
    }

    /** async-profiler's state when it cannot tell (CPU and itimer modes sample running threads only). */
    static final String STATE_DEFAULT = "STATE_DEFAULT";

    /** A thread state (async-profiler's or the JVM's names) in which the thread was on a CPU. */
    static boolean isRunning(String state) {
        return state.equals("STATE_RUNNABLE") || state.equals("STATE_RUNNING") || state.equals("RUNNABLE");
    }

    private Consumer<RecordedEvent> allocation(SampleKind kind, String weightField) {
        SampleSet.Builder out = data.samples(kind);
        Field thread = new Field(F_EVENT_THREAD);
        Field stack = new Field(F_STACK_TRACE);
        Field weight = new Field(weightField);
        Field objectClass = new Field(F_OBJECT_CLASS);
        return e -> out.add(nanos(e.getStartTime()), thread(thread.get(e)), stack(stack.get(e)), 0,
                weight.getLong(e), classId(objectClass.get(e)), -1);
    }

    private Consumer<RecordedEvent> monitor(SampleKind kind, String otherThreadField) {
        SampleSet.Builder out = data.samples(kind);
        Field thread = new Field(F_EVENT_THREAD);
        Field stack = new Field(F_STACK_TRACE);
        Field monitorClass = new Field(F_MONITOR_CLASS);
        Field other = new Field(otherThreadField);
        return e -> out.add(nanos(e.getStartTime()), thread(thread.get(e)), stack(stack.get(e)),
                e.getDuration().toNanos(), 1, classId(monitorClass.get(e)), thread(other.get(e)));
    }

    /**
     * @param key   the symbol (class, endpoint, path) an event is grouped by
     * @param bytes the field with the bytes moved, or null
     */
    private Consumer<RecordedEvent> blocking(SampleKind kind, ToIntFunction<RecordedEvent> key, Field bytes) {
        SampleSet.Builder out = data.samples(kind);
        Field thread = new Field(F_EVENT_THREAD);
        Field stack = new Field(F_STACK_TRACE);
        return e -> out.add(nanos(e.getStartTime()), thread(thread.get(e)), stack(stack.get(e)),
                e.getDuration().toNanos(), bytes == null ? 0 : Math.max(0, bytes.getLong(e)), key.applyAsInt(e), -1);
    }

    private Consumer<RecordedEvent> throwable(SampleKind kind) {
        SampleSet.Builder out = data.samples(kind);
        Field thread = new Field(F_EVENT_THREAD);
        Field stack = new Field(F_STACK_TRACE);
        Field thrownClass = new Field(F_THROWN_CLASS);
        Field messageField = new Field(F_MESSAGE);
        return e -> {
            int message = -1;
            if (distinctMessages < MAX_DISTINCT_MESSAGES) {
                String text = messageField.getString(e);
                if (text != null) {
                    int before = data.symbols.size();
                    message = data.symbols.intern(text.length() > 300 ? text.substring(0, 300) + "…" : text);
                    if (data.symbols.size() > before) {
                        distinctMessages++;
                    }
                }
            }
            out.add(nanos(e.getStartTime()), thread(thread.get(e)), stack(stack.get(e)), 0, 1,
                    classId(thrownClass.get(e)), message);
        };
    }

    private Consumer<RecordedEvent> threadStart() {
        SampleSet.Builder out = data.samples(SampleKind.THREAD_START);
        Field started = new Field(F_THREAD);
        Field parentThread = new Field(F_PARENT_THREAD);
        Field eventThread = new Field(F_EVENT_THREAD);
        Field stack = new Field(F_STACK_TRACE);
        return e -> {
            RecordedThread parent = parentThread.present(e) ? parentThread.get(e) : eventThread.get(e);
            out.add(nanos(e.getStartTime()), thread(started.get(e)), stack(stack.get(e)), 0, 1, -1, thread(parent));
        };
    }

    private Consumer<RecordedEvent> threadEnd() {
        SampleSet.Builder out = data.samples(SampleKind.THREAD_END);
        Field ended = new Field(F_THREAD);
        return e -> out.add(nanos(e.getStartTime()), thread(ended.get(e)), StackTable.NONE, 0, 1, -1, -1);
    }

    private Consumer<RecordedEvent> series(SeriesKey key, String field) {
        TimeSeries.Builder out = data.series(key);
        Field value = new Field(field);
        return e -> out.add(nanos(e.getStartTime()), value.getLong(e));
    }

    private Consumer<RecordedEvent> cpuLoad() {
        TimeSeries.Builder user = data.series(SeriesKey.CPU_JVM_USER);
        TimeSeries.Builder system = data.series(SeriesKey.CPU_JVM_SYSTEM);
        TimeSeries.Builder machine = data.series(SeriesKey.CPU_MACHINE_TOTAL);
        Field jvmUser = new Field("jvmUser");
        Field jvmSystem = new Field("jvmSystem");
        Field machineTotal = new Field("machineTotal");
        return e -> {
            long t = nanos(e.getStartTime());
            user.add(t, jvmUser.getDouble(e));
            system.add(t, jvmSystem.getDouble(e));
            machine.add(t, machineTotal.getDouble(e));
        };
    }

    private Consumer<RecordedEvent> threadStatistics() {
        TimeSeries.Builder active = data.series(SeriesKey.THREADS_ACTIVE);
        TimeSeries.Builder accumulated = data.series(SeriesKey.THREADS_ACCUMULATED);
        Field activeCount = new Field("activeCount");
        Field accumulatedCount = new Field("accumulatedCount");
        return e -> {
            long t = nanos(e.getStartTime());
            active.add(t, activeCount.getLong(e));
            accumulated.add(t, accumulatedCount.getLong(e));
        };
    }

    private Consumer<RecordedEvent> garbageCollection() {
        Field gcId = new Field(F_GC_ID);
        Field name = new Field(F_NAME);
        Field cause = new Field(F_CAUSE);
        Field sumOfPauses = new Field(F_SUM_OF_PAUSES);
        Field longestPause = new Field(F_LONGEST_PAUSE);
        return e -> data.collections.add(new ChunkData.Collection(gcId.getLong(e), data.intern(name.getString(e)),
                data.intern(cause.getString(e)), nanos(e.getStartTime()), e.getDuration().toNanos(),
                sumOfPauses.getDuration(e).toNanos(), longestPause.getDuration(e).toNanos()));
    }

    private Consumer<RecordedEvent> heapSummary() {
        TimeSeries.Builder usedSeries = data.series(SeriesKey.HEAP_USED);
        Field gcId = new Field(F_GC_ID);
        Field when = new Field(F_WHEN);
        Field heapUsed = new Field(F_HEAP_USED);
        Field heapSpace = new Field(F_HEAP_SPACE);
        return e -> {
            long used = heapUsed.getLong(e);
            long committed = -1;
            RecordedObject space = heapSpace.get(e);
            if (space != null && space.hasField(F_COMMITTED_SIZE)) {
                committed = space.getLong(F_COMMITTED_SIZE);
            }
            boolean before = "Before GC".equals(when.getString(e));
            long t = nanos(e.getStartTime());
            data.heapSummaries.add(new ChunkData.HeapSummary(gcId.getLong(e), before, t, used, committed));
            usedSeries.add(t, used);
            if (committed >= 0) {
                data.series(SeriesKey.HEAP_COMMITTED).add(t, committed);
            }
        };
    }

    private Consumer<RecordedEvent> pause() {
        Field gcId = new Field(F_GC_ID);
        Field name = new Field(F_NAME);
        return e -> data.pauses.add(new ChunkData.Pause(gcId.getLong(e), data.intern(name.getString(e)),
                nanos(e.getStartTime()), e.getDuration().toNanos()));
    }

    private Consumer<RecordedEvent> phase(boolean concurrent) {
        Field gcId = new Field(F_GC_ID);
        Field name = new Field(F_NAME);
        return e -> data.phases.add(new ChunkData.Phase(gcId.getLong(e), data.intern(name.getString(e)),
                nanos(e.getStartTime()), e.getDuration().toNanos(), concurrent));
    }

    private Consumer<RecordedEvent> g1Type() {
        Field gcId = new Field(F_GC_ID);
        Field type = new Field(F_TYPE);
        return e -> data.g1Types.put(gcId.getLong(e), data.intern(type.getString(e)));
    }

    private Consumer<RecordedEvent> objectCount(String origin) {
        Field gcId = new Field(F_GC_ID);
        Field objectClass = new Field(F_OBJECT_CLASS);
        Field count = new Field("count");
        Field totalSize = new Field("totalSize");
        return e -> {
            RecordedClass cls = objectClass.get(e);
            data.objectCounts.add(new ChunkData.CountRow(gcId.getLong(e), origin, e.getStartTime(),
                    cls == null ? "(unknown)" : data.intern(cls.getName()), count.getLong(e), totalSize.getLong(e)));
        };
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
                stack(e.getStackTrace()), thread(e.getThread()), arrayElements,
                e.hasField("lastKnownHeapUsage") ? e.getLong("lastKnownHeapUsage") : 0, root));
    }

    private void jvmInformation(RecordedEvent e) {
        fact(e, "jvmName");
        fact(e, "jvmVersion");
        fact(e, "jvmArguments");
        fact(e, "jvmFlags");
        fact(e, "javaArguments");
        numericFact(e, "pid");
        if (e.hasField("jvmStartTime")) {
            try {
                data.jvmStartTime = e.getInstant("jvmStartTime");
            } catch (IllegalArgumentException | ClassCastException notAnInstant) {
                // some early recordings store it as text; without a usable start time the facts still count
                data.jvmStartTime = null;
            }
        }
    }

    private Consumer<RecordedEvent> activeSetting() {
        Field id = new Field("id");
        Field name = new Field(F_NAME);
        Field value = new Field("value");
        return e -> {
            String type = eventTypeNames.get(id.getLong(e));
            if (type != null) {
                data.settings.add(new ChunkData.Setting(e.getStartTime(), type, data.intern(name.getString(e)),
                        data.intern(value.getString(e))));
            }
        };
    }

    private ToIntFunction<RecordedEvent> socketKey() {
        Field host = new Field(F_HOST);
        Field address = new Field(F_ADDRESS);
        Field port = new Field(F_PORT);
        return e -> {
            String h = host.getString(e);
            if (h == null || h.isEmpty()) {
                h = address.getString(e);
            }
            long p = port.present(e) ? port.getLong(e) : -1;
            return data.symbols.intern((h == null || h.isEmpty() ? "(unknown host)" : h) + (p >= 0 ? ":" + p : ""));
        };
    }

    private ToIntFunction<RecordedEvent> pathKey() {
        Field path = new Field(F_PATH);
        return e -> {
            String p = path.getString(e);
            return data.symbols.intern(p == null || p.isEmpty() ? "(unknown file)" : p);
        };
    }

    /**
     * One field of one event type. Whether the type has it is looked up once per event type (a chunk's types can
     * lack fields older JDKs did not record); the value is then read with a single lookup by name, avoiding
     * {@code RecordedObject}'s convenience getters, which search the fields twice.
     */
    private static final class Field {
        private final String name;
        private EventType type;
        private boolean present;

        Field(String name) {
            this.name = name;
        }

        boolean present(RecordedEvent e) {
            EventType t = e.getEventType();
            if (t != type) {
                type = t;
                present = t.getField(name) != null;
            }
            return present;
        }

        <T> T get(RecordedEvent e) {
            return present(e) ? e.getValue(name) : null;
        }

        long getLong(RecordedEvent e) {
            return present(e) ? e.getLong(name) : 0;
        }

        double getDouble(RecordedEvent e) {
            return present(e) ? e.getDouble(name) : 0;
        }

        String getString(RecordedEvent e) {
            return present(e) && e.getValue(name) instanceof String s ? s : null;
        }

        Duration getDuration(RecordedEvent e) {
            return present(e) ? e.getDuration(name) : Duration.ZERO;
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
        if (asyncProfiler) {
            name = AsyncProfilerThreads.name(name, t.getOSName());
        } else if (name == null) {
            name = t.getOSName();
        }
        if (name == null) {
            name = "thread " + t.getOSThreadId();
        }
        int id = data.threads.intern(data.intern(name), t.getJavaThreadId(), t.getOSThreadId(), t.isVirtual());
        threadCache.put(t, id);
        return id;
    }

    private int classId(RecordedClass cls) {
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

    /** A text fact; a field of another type than expected (old recordings) is left out. */
    private void fact(RecordedObject e, String field) {
        try {
            String value = e.hasField(field) ? e.getString(field) : null;
            if (value != null) {
                data.facts.put(field, value);
            }
        } catch (IllegalArgumentException | ClassCastException wrongType) {
            // the field exists with another type in this recording's metadata
        }
    }

    private void numericFact(RecordedObject e, String field) {
        try {
            if (e.hasField(field)) {
                data.numericFacts.put(field, e.getLong(field));
            }
        } catch (IllegalArgumentException | ClassCastException wrongType) {
            // the field exists with another type in this recording's metadata
        }
    }

    static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
