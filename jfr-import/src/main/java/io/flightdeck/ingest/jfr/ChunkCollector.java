package io.flightdeck.ingest.jfr;

import static io.flightdeck.ingest.jfr.JfrTypes.*;

import io.flightdeck.ingest.CancellationToken;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SeriesKey;
import io.flightdeck.model.TimeSeries;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;

/**
 * Decodes one chunk file with the JDK's {@link EventStream}, registering handlers only for the event types the
 * profile uses (the stream skips every other type without decoding it), and aggregates into {@link ChunkData}
 * while reading. The handlers of sample-like events are {@link SampleHandlers}; those of series, collections and
 * facts about the JVM are here. {@link ChunkInterner} maps the parser's per-chunk constant objects to interned ids.
 */
final class ChunkCollector {
    private static final int CHECK_EVERY = 4096;

    private final ChunkData data;
    private final Map<Long, String> eventTypeNames;
    private final Set<String> types;
    private final CancellationToken cancel;
    private final LongConsumer progress;
    private final ChunkInterner ids;
    private final SampleHandlers samples;
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
        // written by async-profiler (its profiler.* event types are declared), not by the JVM's own recorder
        boolean asyncProfiler = eventTypeNames.values().stream().anyMatch(n -> n.startsWith(PROFILER_TYPE_PREFIX));
        data.asyncProfiler = asyncProfiler;
        this.ids = new ChunkInterner(data, asyncProfiler);
        this.samples = new SampleHandlers(data, ids, asyncProfiler);
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
            register(stream, EXECUTION_SAMPLE, samples.sample(SampleKind.CPU));
            register(stream, NATIVE_METHOD_SAMPLE, samples.sample(SampleKind.NATIVE));
            register(stream, PROFILER_WALL_CLOCK_SAMPLE, samples.wallClockSample());
            register(stream, OBJECT_ALLOCATION_SAMPLE, samples.allocation(SampleKind.ALLOCATION, F_WEIGHT));
            register(stream, OBJECT_ALLOCATION_IN_NEW_TLAB,
                    samples.allocation(SampleKind.ALLOCATION_IN_NEW_TLAB, F_TLAB_SIZE));
            register(stream, OBJECT_ALLOCATION_OUTSIDE_TLAB,
                    samples.allocation(SampleKind.ALLOCATION_OUTSIDE_TLAB, F_ALLOCATION_SIZE));
            register(stream, JAVA_MONITOR_ENTER, samples.monitor(SampleKind.MONITOR_ENTER, F_PREVIOUS_OWNER));
            register(stream, JAVA_MONITOR_WAIT, samples.monitor(SampleKind.MONITOR_WAIT, F_NOTIFIER));
            register(stream, THREAD_PARK, samples.blocking(SampleKind.THREAD_PARK, samples.parkedClassKey(), null));
            register(stream, THREAD_SLEEP, samples.blocking(SampleKind.THREAD_SLEEP, e -> -1, null));
            register(stream, SOCKET_READ, samples.blocking(SampleKind.SOCKET_READ, samples.socketKey(), F_BYTES_READ));
            register(stream, SOCKET_WRITE,
                    samples.blocking(SampleKind.SOCKET_WRITE, samples.socketKey(), F_BYTES_WRITTEN));
            register(stream, FILE_READ, samples.blocking(SampleKind.FILE_READ, samples.pathKey(), F_BYTES_READ));
            register(stream, FILE_WRITE, samples.blocking(SampleKind.FILE_WRITE, samples.pathKey(), F_BYTES_WRITTEN));
            register(stream, FILE_FORCE, samples.blocking(SampleKind.FILE_FORCE, samples.pathKey(), null));
            register(stream, JAVA_EXCEPTION_THROW, samples.throwable(SampleKind.EXCEPTION));
            register(stream, JAVA_ERROR_THROW, samples.throwable(SampleKind.ERROR));
            register(stream, EXCEPTION_STATISTICS, series(SeriesKey.THROWABLES_CREATED, "throwables"));
            register(stream, THREAD_START, samples.threadStart());
            register(stream, THREAD_END, samples.threadEnd());
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

    private Consumer<RecordedEvent> series(SeriesKey key, String field) {
        TimeSeries.Builder out = data.series(key);
        EventField value = new EventField(field);
        return e -> out.add(nanos(e.getStartTime()), value.getLong(e));
    }

    private Consumer<RecordedEvent> cpuLoad() {
        TimeSeries.Builder user = data.series(SeriesKey.CPU_JVM_USER);
        TimeSeries.Builder system = data.series(SeriesKey.CPU_JVM_SYSTEM);
        TimeSeries.Builder machine = data.series(SeriesKey.CPU_MACHINE_TOTAL);
        EventField jvmUser = new EventField("jvmUser");
        EventField jvmSystem = new EventField("jvmSystem");
        EventField machineTotal = new EventField("machineTotal");
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
        EventField activeCount = new EventField("activeCount");
        EventField accumulatedCount = new EventField("accumulatedCount");
        return e -> {
            long t = nanos(e.getStartTime());
            active.add(t, activeCount.getLong(e));
            accumulated.add(t, accumulatedCount.getLong(e));
        };
    }

    private Consumer<RecordedEvent> garbageCollection() {
        EventField gcId = new EventField(F_GC_ID);
        EventField name = new EventField(F_NAME);
        EventField cause = new EventField(F_CAUSE);
        EventField sumOfPauses = new EventField(F_SUM_OF_PAUSES);
        EventField longestPause = new EventField(F_LONGEST_PAUSE);
        return e -> data.collections.add(new ChunkData.Collection(gcId.getLong(e), data.intern(name.getString(e)),
                data.intern(cause.getString(e)), nanos(e.getStartTime()), e.getDuration().toNanos(),
                sumOfPauses.getDuration(e).toNanos(), longestPause.getDuration(e).toNanos()));
    }

    private Consumer<RecordedEvent> heapSummary() {
        TimeSeries.Builder usedSeries = data.series(SeriesKey.HEAP_USED);
        EventField gcId = new EventField(F_GC_ID);
        EventField when = new EventField(F_WHEN);
        EventField heapUsed = new EventField(F_HEAP_USED);
        EventField heapSpace = new EventField(F_HEAP_SPACE);
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
        EventField gcId = new EventField(F_GC_ID);
        EventField name = new EventField(F_NAME);
        return e -> data.pauses.add(new ChunkData.Pause(gcId.getLong(e), data.intern(name.getString(e)),
                nanos(e.getStartTime()), e.getDuration().toNanos()));
    }

    private Consumer<RecordedEvent> phase(boolean concurrent) {
        EventField gcId = new EventField(F_GC_ID);
        EventField name = new EventField(F_NAME);
        return e -> data.phases.add(new ChunkData.Phase(gcId.getLong(e), data.intern(name.getString(e)),
                nanos(e.getStartTime()), e.getDuration().toNanos(), concurrent));
    }

    private Consumer<RecordedEvent> g1Type() {
        EventField gcId = new EventField(F_GC_ID);
        EventField type = new EventField(F_TYPE);
        return e -> data.g1Types.put(gcId.getLong(e), data.intern(type.getString(e)));
    }

    private Consumer<RecordedEvent> objectCount(String origin) {
        EventField gcId = new EventField(F_GC_ID);
        EventField objectClass = new EventField(F_OBJECT_CLASS);
        EventField count = new EventField("count");
        EventField totalSize = new EventField("totalSize");
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
                ids.stack(e.getStackTrace()), ids.thread(e.getThread()), arrayElements,
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
        EventField id = new EventField("id");
        EventField name = new EventField(F_NAME);
        EventField value = new EventField("value");
        return e -> {
            String type = eventTypeNames.get(id.getLong(e));
            if (type != null) {
                data.settings.add(new ChunkData.Setting(e.getStartTime(), type, data.intern(name.getString(e)),
                        data.intern(value.getString(e))));
            }
        };
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
