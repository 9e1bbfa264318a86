package io.flightdeck.ingest.jfr;

import io.flightdeck.model.EventTypes;

/**
 * JFR event type and field names in one place, so the importer, rules and views never spell them themselves.
 */
public final class JfrTypes {
    private JfrTypes() {
    }

    // recording and JVM facts
    public static final String JVM_INFORMATION = EventTypes.JVM_INFORMATION;
    public static final String GC_CONFIGURATION = EventTypes.GC_CONFIGURATION;
    public static final String GC_HEAP_CONFIGURATION = EventTypes.GC_HEAP_CONFIGURATION;
    public static final String CPU_INFORMATION = EventTypes.CPU_INFORMATION;
    public static final String OS_INFORMATION = EventTypes.OS_INFORMATION;
    public static final String PHYSICAL_MEMORY = EventTypes.PHYSICAL_MEMORY;
    public static final String CONTAINER_CONFIGURATION = EventTypes.CONTAINER_CONFIGURATION;
    public static final String ACTIVE_SETTING = EventTypes.ACTIVE_SETTING;
    public static final String INITIAL_SYSTEM_PROPERTY = EventTypes.INITIAL_SYSTEM_PROPERTY;

    // samples
    public static final String EXECUTION_SAMPLE = EventTypes.EXECUTION_SAMPLE;
    public static final String NATIVE_METHOD_SAMPLE = EventTypes.NATIVE_METHOD_SAMPLE;
    public static final String OBJECT_ALLOCATION_SAMPLE = EventTypes.OBJECT_ALLOCATION_SAMPLE;
    public static final String OBJECT_ALLOCATION_IN_NEW_TLAB = EventTypes.OBJECT_ALLOCATION_IN_NEW_TLAB;
    public static final String OBJECT_ALLOCATION_OUTSIDE_TLAB = EventTypes.OBJECT_ALLOCATION_OUTSIDE_TLAB;
    public static final String JAVA_MONITOR_ENTER = EventTypes.JAVA_MONITOR_ENTER;
    public static final String JAVA_MONITOR_WAIT = EventTypes.JAVA_MONITOR_WAIT;
    public static final String THREAD_PARK = EventTypes.THREAD_PARK;
    public static final String THREAD_SLEEP = EventTypes.THREAD_SLEEP;
    public static final String SOCKET_READ = EventTypes.SOCKET_READ;
    public static final String SOCKET_WRITE = EventTypes.SOCKET_WRITE;
    public static final String FILE_READ = EventTypes.FILE_READ;
    public static final String FILE_WRITE = EventTypes.FILE_WRITE;
    public static final String FILE_FORCE = EventTypes.FILE_FORCE;
    public static final String JAVA_EXCEPTION_THROW = EventTypes.JAVA_EXCEPTION_THROW;
    public static final String JAVA_ERROR_THROW = EventTypes.JAVA_ERROR_THROW;
    public static final String EXCEPTION_STATISTICS = EventTypes.EXCEPTION_STATISTICS;
    public static final String THREAD_START = EventTypes.THREAD_START;
    public static final String THREAD_END = EventTypes.THREAD_END;
    /** async-profiler's wall-clock sample (4.x): a thread's stack and OS state, {@code samples} ticks in one event. */
    public static final String PROFILER_WALL_CLOCK_SAMPLE = EventTypes.PROFILER_WALL_CLOCK_SAMPLE;
    /** The name prefix of the event types only async-profiler writes. */
    public static final String PROFILER_TYPE_PREFIX = "profiler.";

    // time series
    public static final String CPU_LOAD = EventTypes.CPU_LOAD;
    public static final String JAVA_THREAD_STATISTICS = EventTypes.JAVA_THREAD_STATISTICS;
    public static final String CLASS_LOADING_STATISTICS = EventTypes.CLASS_LOADING_STATISTICS;

    // garbage collection
    public static final String GARBAGE_COLLECTION = EventTypes.GARBAGE_COLLECTION;
    public static final String GC_HEAP_SUMMARY = EventTypes.GC_HEAP_SUMMARY;
    public static final String GC_PHASE_PAUSE = EventTypes.GC_PHASE_PAUSE;
    public static final String GC_PHASE_PAUSE_LEVEL_1 = EventTypes.GC_PHASE_PAUSE_LEVEL_1;
    public static final String GC_PHASE_CONCURRENT = EventTypes.GC_PHASE_CONCURRENT;
    public static final String G1_GARBAGE_COLLECTION = EventTypes.G1_GARBAGE_COLLECTION;
    public static final String YOUNG_GARBAGE_COLLECTION = EventTypes.YOUNG_GARBAGE_COLLECTION;
    public static final String OLD_GARBAGE_COLLECTION = EventTypes.OLD_GARBAGE_COLLECTION;

    // heap contents
    public static final String OBJECT_COUNT = EventTypes.OBJECT_COUNT;
    public static final String OBJECT_COUNT_AFTER_GC = EventTypes.OBJECT_COUNT_AFTER_GC;
    public static final String OLD_OBJECT_SAMPLE = EventTypes.OLD_OBJECT_SAMPLE;

    /** What {@code jfr summary} calls the metadata and checkpoint records. */
    public static final String METADATA_RECORD = EventTypes.METADATA_RECORD;
    public static final String CHECKPOINT_RECORD = EventTypes.CHECKPOINT_RECORD;

    // field names
    public static final String F_START_TIME = "startTime";
    public static final String F_DURATION = "duration";
    public static final String F_EVENT_THREAD = "eventThread";
    public static final String F_STACK_TRACE = "stackTrace";
    public static final String F_SAMPLED_THREAD = "sampledThread";
    public static final String F_OBJECT_CLASS = "objectClass";
    public static final String F_WEIGHT = "weight";
    public static final String F_TLAB_SIZE = "tlabSize";
    public static final String F_ALLOCATION_SIZE = "allocationSize";
    public static final String F_MONITOR_CLASS = "monitorClass";
    public static final String F_PREVIOUS_OWNER = "previousOwner";
    public static final String F_NOTIFIER = "notifier";
    public static final String F_PARKED_CLASS = "parkedClass";
    public static final String F_HOST = "host";
    public static final String F_ADDRESS = "address";
    public static final String F_PORT = "port";
    public static final String F_BYTES_READ = "bytesRead";
    public static final String F_BYTES_WRITTEN = "bytesWritten";
    public static final String F_PATH = "path";
    public static final String F_THROWN_CLASS = "thrownClass";
    public static final String F_MESSAGE = "message";
    public static final String F_THREAD = "thread";
    public static final String F_PARENT_THREAD = "parentThread";
    public static final String F_GC_ID = "gcId";
    public static final String F_NAME = "name";
    public static final String F_CAUSE = "cause";
    public static final String F_SUM_OF_PAUSES = "sumOfPauses";
    public static final String F_LONGEST_PAUSE = "longestPause";
    public static final String F_WHEN = "when";
    public static final String F_HEAP_USED = "heapUsed";
    public static final String F_HEAP_SPACE = "heapSpace";
    public static final String F_COMMITTED_SIZE = "committedSize";
    public static final String F_TYPE = "type";
    public static final String F_STATE = "state";
    public static final String F_SAMPLES = "samples";
}
