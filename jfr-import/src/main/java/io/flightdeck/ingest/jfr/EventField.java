package io.flightdeck.ingest.jfr;

import java.time.Duration;

import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordedEvent;

/**
 * One field of one event type. Whether the type has it is looked up once per event type (a chunk's types can
 * lack fields older JDKs did not record); the value is then read with a single lookup by name, avoiding
 * {@code RecordedObject}'s convenience getters, which search the fields twice.
 */
final class EventField {
    private final String name;
    private EventType type;
    private boolean present;

    EventField(String name) {
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
