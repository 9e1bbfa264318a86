package io.flightdeck.ingest.jfr;

import java.util.List;

/**
 * Walks the bytes of an event or a checkpoint with the field layout a {@link JfrMetadata} describes, without
 * building any value. A layout fits when it consumes exactly the bytes the record's size field announces; that
 * is how a metadata description borrowed for a damaged chunk is proven right before anything is decoded.
 */
final class LayoutValidator {
    private final JfrMetadata metadata;

    LayoutValidator(JfrMetadata metadata) {
        this.metadata = metadata;
    }

    /** True when the event at {@code start} (its size field) has exactly the layout of its declared type. */
    boolean eventFits(JfrInput in, long start) {
        return eventFits(in, start, -1);
    }

    /**
     * True when the event at {@code start} has exactly the layout of event type {@code asType} (its own declared
     * type when {@code asType} is negative).
     */
    boolean eventFits(JfrInput in, long start, long asType) {
        long savedLimit = in.limit();
        try {
            in.position(start);
            long size = in.readVarLong();
            long typeId = in.readVarLong();
            JfrMetadata.Type type = metadata.type(asType < 0 ? typeId : asType);
            if (type == null || !type.event()) {
                return false;
            }
            in.limit(Math.min(savedLimit, start + size));
            skipFields(in, type.fields(), 0);
            return in.position() == start + size;
        } catch (RuntimeException e) {
            return false;
        } finally {
            in.limit(savedLimit);
        }
    }

    /** True when every constant pool of the checkpoint event at {@code start} fits its type's layout. */
    boolean checkpointFits(JfrInput in, long start) {
        long savedLimit = in.limit();
        try {
            in.position(start);
            long size = in.readVarLong();
            if (in.readVarLong() != JfrMetadata.CHECKPOINT_TYPE_ID) {
                return false;
            }
            in.limit(Math.min(savedLimit, start + size));
            in.readVarLong(); // start time
            in.readVarLong(); // duration
            in.readVarLong(); // delta to the previous checkpoint
            in.readByte(); // checkpoint kind flags
            int pools = in.readVarInt();
            for (int p = 0; p < pools; p++) {
                JfrMetadata.Type type = metadata.type(in.readVarLong());
                if (type == null) {
                    return false;
                }
                int count = in.readVarInt();
                for (int i = 0; i < count; i++) {
                    in.readVarLong(); // constant key
                    skipValue(in, type, 0);
                }
            }
            return in.position() == start + size;
        } catch (RuntimeException e) {
            return false;
        } finally {
            in.limit(savedLimit);
        }
    }

    private void skipFields(JfrInput in, List<JfrMetadata.Field> fields, int depth) {
        for (JfrMetadata.Field field : fields) {
            if (field.array()) {
                int length = in.readVarInt();
                if (length < 0) {
                    throw new IllegalStateException("negative array length");
                }
                for (int i = 0; i < length; i++) {
                    skipField(in, field, depth);
                }
            } else {
                skipField(in, field, depth);
            }
        }
    }

    private void skipField(JfrInput in, JfrMetadata.Field field, int depth) {
        if (field.constantPool()) {
            in.readVarLong();
            return;
        }
        JfrMetadata.Type type = metadata.type(field.typeId());
        if (type == null) {
            throw new IllegalStateException("field of undeclared type " + field.typeId());
        }
        skipValue(in, type, depth);
    }

    /** Skips one value of {@code type} (a constant of a pool, a field). */
    void skipValue(JfrInput in, JfrMetadata.Type type, int depth) {
        if (depth > 32) {
            throw new IllegalStateException("type nesting too deep");
        }
        switch (type.name()) {
            case "boolean", "byte" -> in.skip(1);
            case "char", "short", "int", "long" -> in.readVarLong();
            case "float" -> in.skip(4);
            case "double" -> in.skip(8);
            case "java.lang.String" -> in.skipString();
            default -> skipFields(in, type.fields(), depth + 1);
        }
    }
}
