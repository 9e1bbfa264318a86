package io.flightdeck.analysis.report;

import io.flightdeck.model.EventTypes;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;
import io.flightdeck.model.SourceKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the inputs could measure at all. A section of the report whose data no input could hold (CPU samples from
 * a GC log, GC pauses from a class histogram, lock events a recording did not enable) is <em>absent</em>, with the
 * reason and the input that would have it — never a measured-looking zero. The JFR settings in effect
 * ({@code jdk.ActiveSetting}) tell an event type that was off from one that was on and saw nothing.
 */
public final class Coverage {
    /** The report sections that can be absent, with the JFR event types that feed each. */
    private static final Map<String, List<String>> SECTION_EVENTS = new LinkedHashMap<>();

    static {
        SECTION_EVENTS.put("cpu", List.of(EventTypes.EXECUTION_SAMPLE, EventTypes.CPU_LOAD, EventTypes.THREAD_CPU_LOAD,
                EventTypes.CPU_TIME_SAMPLE));
        SECTION_EVENTS.put("allocation", List.of(EventTypes.OBJECT_ALLOCATION_SAMPLE, EventTypes.OBJECT_ALLOCATION_IN_NEW_TLAB,
                EventTypes.OBJECT_ALLOCATION_OUTSIDE_TLAB));
        SECTION_EVENTS.put("locks", List.of(EventTypes.JAVA_MONITOR_ENTER, EventTypes.THREAD_PARK, EventTypes.JAVA_MONITOR_WAIT));
        SECTION_EVENTS.put("io", List.of(EventTypes.SOCKET_READ, EventTypes.SOCKET_WRITE, EventTypes.FILE_READ, EventTypes.FILE_WRITE));
        SECTION_EVENTS.put("exceptions", List.of(EventTypes.JAVA_ERROR_THROW, EventTypes.JAVA_EXCEPTION_THROW,
                EventTypes.EXCEPTION_STATISTICS));
        SECTION_EVENTS.put("threads", List.of(EventTypes.THREAD_START, EventTypes.THREAD_END, EventTypes.JAVA_THREAD_STATISTICS));
        SECTION_EVENTS.put("gc", List.of(EventTypes.GARBAGE_COLLECTION, EventTypes.GC_PHASE_PAUSE, EventTypes.GC_HEAP_SUMMARY));
    }

    /** How an event type stands in a profile's recordings. */
    public enum State {
        /** At least one event was read. */
        RECORDED,
        /** The recording had it enabled and no event happened (or none passed its threshold). */
        ENABLED_NO_EVENTS,
        /** The recording's settings had it disabled. */
        DISABLED,
        /** No recording, or a recording that does not say (no settings, e.g. another writer) and has none. */
        UNKNOWN
    }

    private Coverage() {
    }

    public static State state(Profile profile, String eventType) {
        if (profile.eventCount(eventType) > 0) {
            return State.RECORDED;
        }
        Map<String, String> settings = profile.eventSettings().get(eventType);
        if (settings == null || settings.get("enabled") == null) {
            return State.UNKNOWN;
        }
        return "true".equalsIgnoreCase(settings.get("enabled")) ? State.ENABLED_NO_EVENTS : State.DISABLED;
    }

    /**
     * Why a rule that reads {@code eventTypes} saw none of them, in the user's words: enabled with nothing above
     * its threshold, disabled, or not in the inputs; null when some were recorded.
     */
    public static String whyNoEvents(Profile profile, List<String> eventTypes) {
        StringBuilder enabled = new StringBuilder();
        for (String type : eventTypes) {
            State s = state(profile, type);
            if (s == State.RECORDED) {
                return null;
            }
            if (s == State.ENABLED_NO_EVENTS) {
                if (!enabled.isEmpty()) {
                    enabled.append(", ");
                }
                enabled.append(type);
                String threshold = profile.eventSettings().get(type).get("threshold");
                if (threshold != null && !threshold.isBlank() && !threshold.strip().startsWith("0")) {
                    enabled.append(" (threshold ").append(threshold.strip()).append(')');
                }
            }
        }
        if (!enabled.isEmpty()) {
            return enabled + " enabled in the recording, and no event was recorded (none happened, or none lasted "
                    + "longer than the threshold)";
        }
        return null;
    }

    /** The sections of the report the inputs could not measure, each with the reason (section name to reason). */
    public static Map<String, String> absentSections(Profile profile) {
        boolean jfr = profile.sources().stream().anyMatch(s -> s.kind() == SourceKind.JFR);
        boolean gcLog = profile.sources().stream().anyMatch(s -> s.kind() == SourceKind.GC_LOG);
        boolean histogram = profile.sources().stream().anyMatch(s -> s.kind() == SourceKind.CLASS_HISTOGRAM)
                || !profile.histograms().isEmpty();
        Map<String, String> absent = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : SECTION_EVENTS.entrySet()) {
            String section = e.getKey();
            if (section.equals("gc") && gcLog) {
                continue;
            }
            if (measured(profile, section, e.getValue())) {
                continue;
            }
            absent.put(section, jfr ? notRecorded(profile, e.getValue()) : notInInputs(section));
        }
        if (!histogram) {
            absent.put("histogram", "not in these inputs: a class histogram (jmap -histo, jcmd PID "
                    + "GC.class_histogram) would have it");
        }
        return absent;
    }

    private static boolean measured(Profile profile, String section, List<String> types) {
        for (String type : types) {
            State s = state(profile, type);
            if (s == State.RECORDED || s == State.ENABLED_NO_EVENTS) {
                return true;
            }
        }
        SampleKind kind = switch (section) {
            case "cpu" -> SampleKind.CPU;
            case "allocation" -> SampleKind.ALLOCATION;
            default -> null;
        };
        if (kind != null) {
            SampleSet samples = profile.samples(kind);
            return samples != null && samples.size() > 0;
        }
        return false;
    }

    private static String notRecorded(Profile profile, List<String> types) {
        boolean disabled = types.stream().anyMatch(t -> state(profile, t) == State.DISABLED);
        return (disabled ? "not recorded: the recording had " + String.join(", ", types) + " disabled"
                : "not recorded: the recording has no " + String.join(", ", types) + " events")
                + "; record with settings=profile (or enable them in a .jfc) to measure it";
    }

    private static String notInInputs(String section) {
        String what = switch (section) {
            case "cpu" -> "CPU samples and load";
            case "allocation" -> "allocation samples";
            case "locks" -> "lock and park events";
            case "io" -> "socket and file I/O events";
            case "exceptions" -> "exception events";
            case "threads" -> "thread start and end events";
            case "gc" -> "GC pauses";
            default -> section;
        };
        String from = section.equals("gc") ? "a GC log (-Xlog:gc*) or a JFR recording" : "a JFR recording";
        return "not in these inputs: " + what + " come from " + from;
    }
}
