package io.flightdeck.ingest.jfr;

/**
 * JFR event type and field names in one place, so the importer, rules and views never spell them themselves.
 */
public final class JfrTypes {
    private JfrTypes() {
    }

    // recording and JVM facts
    public static final String JVM_INFORMATION = "jdk.JVMInformation";
    public static final String GC_CONFIGURATION = "jdk.GCConfiguration";
    public static final String GC_HEAP_CONFIGURATION = "jdk.GCHeapConfiguration";
    public static final String CPU_INFORMATION = "jdk.CPUInformation";
    public static final String OS_INFORMATION = "jdk.OSInformation";
    public static final String PHYSICAL_MEMORY = "jdk.PhysicalMemory";
    public static final String CONTAINER_CONFIGURATION = "jdk.ContainerConfiguration";
    public static final String ACTIVE_SETTING = "jdk.ActiveSetting";
    public static final String INITIAL_SYSTEM_PROPERTY = "jdk.InitialSystemProperty";

    // samples
    public static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    public static final String NATIVE_METHOD_SAMPLE = "jdk.NativeMethodSample";
    public static final String OBJECT_ALLOCATION_SAMPLE = "jdk.ObjectAllocationSample";
    public static final String OBJECT_ALLOCATION_IN_NEW_TLAB = "jdk.ObjectAllocationInNewTLAB";
    public static final String OBJECT_ALLOCATION_OUTSIDE_TLAB = "jdk.ObjectAllocationOutsideTLAB";
    public static final String JAVA_MONITOR_ENTER = "jdk.JavaMonitorEnter";
    public static final String JAVA_MONITOR_WAIT = "jdk.JavaMonitorWait";
    public static final String THREAD_PARK = "jdk.ThreadPark";
    public static final String THREAD_SLEEP = "jdk.ThreadSleep";
    public static final String SOCKET_READ = "jdk.SocketRead";
    public static final String SOCKET_WRITE = "jdk.SocketWrite";
    public static final String FILE_READ = "jdk.FileRead";
    public static final String FILE_WRITE = "jdk.FileWrite";
    public static final String FILE_FORCE = "jdk.FileForce";
    public static final String JAVA_EXCEPTION_THROW = "jdk.JavaExceptionThrow";
    public static final String JAVA_ERROR_THROW = "jdk.JavaErrorThrow";
    public static final String EXCEPTION_STATISTICS = "jdk.ExceptionStatistics";
    public static final String THREAD_START = "jdk.ThreadStart";
    public static final String THREAD_END = "jdk.ThreadEnd";
    /** async-profiler's wall-clock sample (4.x): a thread's stack and OS state, {@code samples} ticks in one event. */
    public static final String PROFILER_WALL_CLOCK_SAMPLE = "profiler.WallClockSample";
    /** The name prefix of the event types only async-profiler writes. */
    public static final String PROFILER_TYPE_PREFIX = "profiler.";

    // time series
    public static final String CPU_LOAD = "jdk.CPULoad";
    public static final String JAVA_THREAD_STATISTICS = "jdk.JavaThreadStatistics";
    public static final String CLASS_LOADING_STATISTICS = "jdk.ClassLoadingStatistics";

    // garbage collection
    public static final String GARBAGE_COLLECTION = "jdk.GarbageCollection";
    public static final String GC_HEAP_SUMMARY = "jdk.GCHeapSummary";
    public static final String GC_PHASE_PAUSE = "jdk.GCPhasePause";
    public static final String GC_PHASE_PAUSE_LEVEL_1 = "jdk.GCPhasePauseLevel1";
    public static final String GC_PHASE_CONCURRENT = "jdk.GCPhaseConcurrent";
    public static final String G1_GARBAGE_COLLECTION = "jdk.G1GarbageCollection";
    public static final String YOUNG_GARBAGE_COLLECTION = "jdk.YoungGarbageCollection";
    public static final String OLD_GARBAGE_COLLECTION = "jdk.OldGarbageCollection";

    // heap contents
    public static final String OBJECT_COUNT = "jdk.ObjectCount";
    public static final String OBJECT_COUNT_AFTER_GC = "jdk.ObjectCountAfterGC";
    public static final String OLD_OBJECT_SAMPLE = "jdk.OldObjectSample";

    /** What {@code jfr summary} calls the metadata and checkpoint records. */
    public static final String METADATA_RECORD = "jdk.Metadata";
    public static final String CHECKPOINT_RECORD = "jdk.Checkpoint";

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
