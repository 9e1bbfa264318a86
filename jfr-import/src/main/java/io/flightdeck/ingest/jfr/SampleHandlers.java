package io.flightdeck.ingest.jfr;

import static io.flightdeck.ingest.jfr.ChunkCollector.nanos;
import static io.flightdeck.ingest.jfr.JfrTypes.*;

import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;
import io.flightdeck.model.StackTable;

import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;

/**
 * The handlers of the event types that become samples (a thread, a stack, a weight and a key per event): execution
 * and wall-clock samples, allocations, monitors, parks and sleeps, socket and file I/O, throwables, thread starts
 * and ends. Each handler owns its field lookups (one event type each).
 */
final class SampleHandlers {
    private static final int MAX_DISTINCT_MESSAGES = 5000;

    /** async-profiler's state when it cannot tell (CPU and itimer modes sample running threads only). */
    static final String STATE_DEFAULT = "STATE_DEFAULT";

    private final ChunkData data;
    private final ChunkInterner ids;
    /** Written by async-profiler (its {@code profiler.*} event types are declared), not by the JVM's own recorder. */
    private final boolean asyncProfiler;
    private int distinctMessages;

    SampleHandlers(ChunkData data, ChunkInterner ids, boolean asyncProfiler) {
        this.data = data;
        this.ids = ids;
        this.asyncProfiler = asyncProfiler;
    }

    Consumer<RecordedEvent> sample(SampleKind kind) {
        SampleSet.Builder out = data.samples(kind);
        EventField thread = new EventField(F_SAMPLED_THREAD);
        EventField stack = new EventField(F_STACK_TRACE);
        if (kind != SampleKind.CPU || !asyncProfiler) {
            return e -> out.add(nanos(e.getStartTime()), ids.thread(thread.get(e)), ids.stack(stack.get(e)), 0, 1, -1,
                    -1);
        }
        // async-profiler in wall mode (2.x/3.x) writes every thread's samples as jdk.ExecutionSample with the
        // thread's OS state: only the running ones are CPU time; all of them are wall-clock samples
        SampleSet.Builder wall = data.samples(SampleKind.WALL);
        EventField state = new EventField(F_STATE);
        return e -> {
            long t = nanos(e.getStartTime());
            int th = ids.thread(thread.get(e));
            int st = ids.stack(stack.get(e));
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
    Consumer<RecordedEvent> wallClockSample() {
        SampleSet.Builder wall = data.samples(SampleKind.WALL);
        EventField thread = new EventField(F_SAMPLED_THREAD);
        EventField stack = new EventField(F_STACK_TRACE);
        EventField state = new EventField(F_STATE);
        EventField samples = new EventField(F_SAMPLES);
        return e -> {
            String s = state.getString(e);
            long ticks = samples.present(e) ? Math.max(1, samples.getLong(e)) : 1;
            wall.add(nanos(e.getStartTime()), ids.thread(thread.get(e)), ids.stack(stack.get(e)), 0, ticks,
                    s == null ? -1 : data.symbols.intern(s), -1);
        };
    }

    /** A thread state (async-profiler's or the JVM's names) in which the thread was on a CPU. */
    static boolean isRunning(String state) {
        return state.equals("STATE_RUNNABLE") || state.equals("STATE_RUNNING") || state.equals("RUNNABLE");
    }

    Consumer<RecordedEvent> allocation(SampleKind kind, String weightField) {
        SampleSet.Builder out = data.samples(kind);
        EventField thread = new EventField(F_EVENT_THREAD);
        EventField stack = new EventField(F_STACK_TRACE);
        EventField weight = new EventField(weightField);
        EventField objectClass = new EventField(F_OBJECT_CLASS);
        return e -> out.add(nanos(e.getStartTime()), ids.thread(thread.get(e)), ids.stack(stack.get(e)), 0,
                weight.getLong(e), ids.classId(objectClass.get(e)), -1);
    }

    Consumer<RecordedEvent> monitor(SampleKind kind, String otherThreadField) {
        SampleSet.Builder out = data.samples(kind);
        EventField thread = new EventField(F_EVENT_THREAD);
        EventField stack = new EventField(F_STACK_TRACE);
        EventField monitorClass = new EventField(F_MONITOR_CLASS);
        EventField other = new EventField(otherThreadField);
        return e -> out.add(nanos(e.getStartTime()), ids.thread(thread.get(e)), ids.stack(stack.get(e)),
                e.getDuration().toNanos(), 1, ids.classId(monitorClass.get(e)), ids.thread(other.get(e)));
    }

    /**
     * @param key        the symbol (class, endpoint, path) an event is grouped by
     * @param bytesField the field with the bytes moved, or null
     */
    Consumer<RecordedEvent> blocking(SampleKind kind, ToIntFunction<RecordedEvent> key, String bytesField) {
        SampleSet.Builder out = data.samples(kind);
        EventField bytes = bytesField == null ? null : new EventField(bytesField);
        EventField thread = new EventField(F_EVENT_THREAD);
        EventField stack = new EventField(F_STACK_TRACE);
        return e -> out.add(nanos(e.getStartTime()), ids.thread(thread.get(e)), ids.stack(stack.get(e)),
                e.getDuration().toNanos(), bytes == null ? 0 : Math.max(0, bytes.getLong(e)), key.applyAsInt(e), -1);
    }

    Consumer<RecordedEvent> throwable(SampleKind kind) {
        SampleSet.Builder out = data.samples(kind);
        EventField thread = new EventField(F_EVENT_THREAD);
        EventField stack = new EventField(F_STACK_TRACE);
        EventField thrownClass = new EventField(F_THROWN_CLASS);
        EventField messageField = new EventField(F_MESSAGE);
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
            out.add(nanos(e.getStartTime()), ids.thread(thread.get(e)), ids.stack(stack.get(e)), 0, 1,
                    ids.classId(thrownClass.get(e)), message);
        };
    }

    Consumer<RecordedEvent> threadStart() {
        SampleSet.Builder out = data.samples(SampleKind.THREAD_START);
        EventField started = new EventField(F_THREAD);
        EventField parentThread = new EventField(F_PARENT_THREAD);
        EventField eventThread = new EventField(F_EVENT_THREAD);
        EventField stack = new EventField(F_STACK_TRACE);
        return e -> {
            RecordedThread parent = parentThread.present(e) ? parentThread.get(e) : eventThread.get(e);
            out.add(nanos(e.getStartTime()), ids.thread(started.get(e)), ids.stack(stack.get(e)), 0, 1, -1,
                    ids.thread(parent));
        };
    }

    Consumer<RecordedEvent> threadEnd() {
        SampleSet.Builder out = data.samples(SampleKind.THREAD_END);
        EventField ended = new EventField(F_THREAD);
        return e -> out.add(nanos(e.getStartTime()), ids.thread(ended.get(e)), StackTable.NONE, 0, 1, -1, -1);
    }

    ToIntFunction<RecordedEvent> socketKey() {
        EventField host = new EventField(F_HOST);
        EventField address = new EventField(F_ADDRESS);
        EventField port = new EventField(F_PORT);
        return e -> {
            String h = host.getString(e);
            if (h == null || h.isEmpty()) {
                h = address.getString(e);
            }
            long p = port.present(e) ? port.getLong(e) : -1;
            return data.symbols.intern((h == null || h.isEmpty() ? "(unknown host)" : h) + (p >= 0 ? ":" + p : ""));
        };
    }

    /** The class a thread parked on (a lock's class, for the lock views). */
    ToIntFunction<RecordedEvent> parkedClassKey() {
        EventField parkedClass = new EventField(F_PARKED_CLASS);
        return e -> ids.classId(parkedClass.get(e));
    }

    ToIntFunction<RecordedEvent> pathKey() {
        EventField path = new EventField(F_PATH);
        return e -> {
            String p = path.getString(e);
            return data.symbols.intern(p == null || p.isEmpty() ? "(unknown file)" : p);
        };
    }

}
