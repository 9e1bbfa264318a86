package io.flightdeck.analysis.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;

/**
 * JSON for numbers the report keeps as a primitive with a marker for "could not be measured" (NaN; -1 for counts,
 * sizes and percentages that cannot be negative): written as {@code null}, never as the marker or as 0.
 */
public final class AbsentValues {
    private AbsentValues() {
    }

    /** NaN or infinite is absent. */
    public static final class NotFiniteAsNull extends StdSerializer<Number> {
        public NotFiniteAsNull() {
            super(Number.class);
        }

        @Override
        public void serialize(Number value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            double d = value.doubleValue();
            if (Double.isFinite(d)) {
                gen.writeNumber(d);
            } else {
                gen.writeNull();
            }
        }
    }

    /** A negative value (the "unknown" marker of a quantity that cannot be negative) is absent. */
    public static final class NegativeAsNull extends StdSerializer<Number> {
        public NegativeAsNull() {
            super(Number.class);
        }

        @Override
        public void serialize(Number value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value.doubleValue() < 0 || Double.isNaN(value.doubleValue())) {
                gen.writeNull();
            } else if (value instanceof Long || value instanceof Integer) {
                gen.writeNumber(value.longValue());
            } else {
                gen.writeNumber(value.doubleValue());
            }
        }
    }
}
