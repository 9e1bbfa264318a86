package io.flightdeck.model;

/**
 * The catalog of JFR event type names the model is built from and the analysis reads: one spelling of each, so
 * no analysis, rule or view writes a {@code "jdk.…"} literal of its own ({@code JfrTypes} in the importer adds the
 * field names it decodes).
 */
public final class EventTypes {
    private EventTypes() {
    }

    public static final String JVM_INFORMATION = "jdk.JVMInformation";
    public static final String GC_CONFIGURATION = "jdk.GCConfiguration";
    public static final String GC_HEAP_CONFIGURATION = "jdk.GCHeapConfiguration";
    public static final String CPU_INFORMATION = "jdk.CPUInformation";
    public static final String OS_INFORMATION = "jdk.OSInformation";
    public static final String PHYSICAL_MEMORY = "jdk.PhysicalMemory";
    public static final String CONTAINER_CONFIGURATION = "jdk.ContainerConfiguration";
    public static final String ACTIVE_SETTING = "jdk.ActiveSetting";
    public static final String INITIAL_SYSTEM_PROPERTY = "jdk.InitialSystemProperty";
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
    public static final String PROFILER_WALL_CLOCK_SAMPLE = "profiler.WallClockSample";
    public static final String CPU_LOAD = "jdk.CPULoad";
    public static final String JAVA_THREAD_STATISTICS = "jdk.JavaThreadStatistics";
    public static final String CLASS_LOADING_STATISTICS = "jdk.ClassLoadingStatistics";
    public static final String GARBAGE_COLLECTION = "jdk.GarbageCollection";
    public static final String GC_HEAP_SUMMARY = "jdk.GCHeapSummary";
    public static final String GC_PHASE_PAUSE = "jdk.GCPhasePause";
    public static final String GC_PHASE_PAUSE_LEVEL_1 = "jdk.GCPhasePauseLevel1";
    public static final String GC_PHASE_CONCURRENT = "jdk.GCPhaseConcurrent";
    public static final String G1_GARBAGE_COLLECTION = "jdk.G1GarbageCollection";
    public static final String YOUNG_GARBAGE_COLLECTION = "jdk.YoungGarbageCollection";
    public static final String OLD_GARBAGE_COLLECTION = "jdk.OldGarbageCollection";
    public static final String OBJECT_COUNT = "jdk.ObjectCount";
    public static final String OBJECT_COUNT_AFTER_GC = "jdk.ObjectCountAfterGC";
    public static final String OLD_OBJECT_SAMPLE = "jdk.OldObjectSample";
    public static final String METADATA_RECORD = "jdk.Metadata";
    public static final String CHECKPOINT_RECORD = "jdk.Checkpoint";
    public static final String THREAD_CPU_LOAD = "jdk.ThreadCPULoad";
    public static final String DATA_LOSS = "jdk.DataLoss";
    public static final String CPU_TIME_SAMPLE = "jdk.CPUTimeSample";
}
