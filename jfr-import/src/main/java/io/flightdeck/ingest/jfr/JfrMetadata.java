package io.flightdeck.ingest.jfr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Our own reading of a chunk's metadata event: every type with its id, name and field layout. It names the
 * event types when counting events without decoding them, and lets {@link LayoutValidator} check that a
 * metadata description really fits the bytes of a damaged chunk before the JDK parser is given it.
 */
final class JfrMetadata {
    static final long METADATA_TYPE_ID = 0;
    static final long CHECKPOINT_TYPE_ID = 1;
    private static final String EVENT_SUPER_TYPE = "jdk.jfr.Event";
    private static final Set<String> PRIMITIVES =
            Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double", "java.lang.String");

    record Field(String name, long typeId, boolean array, boolean constantPool) {
    }

    record Type(long id, String name, String superType, boolean event, List<Field> fields) {
        boolean primitive() {
            return PRIMITIVES.contains(name);
        }
    }

    private final Map<Long, Type> types;
    private final long metadataId;

    private JfrMetadata(Map<Long, Type> types, long metadataId) {
        this.types = types;
        this.metadataId = metadataId;
    }

    Type type(long id) {
        return types.get(id);
    }

    long metadataId() {
        return metadataId;
    }

    /** Name of an event type id, or {@code null} when this metadata does not declare it as an event. */
    String eventName(long id) {
        Type t = types.get(id);
        return t != null && t.event() ? t.name() : null;
    }

    Map<Long, String> eventNames() {
        Map<Long, String> names = new HashMap<>();
        for (Type t : types.values()) {
            if (t.event()) {
                names.put(t.id(), t.name());
            }
        }
        return names;
    }

    /** Some id no type uses, to mark events that must be skipped. */
    long unusedTypeId() {
        long candidate = 0x3FFF;
        while (types.containsKey(candidate) || candidate == METADATA_TYPE_ID || candidate == CHECKPOINT_TYPE_ID) {
            candidate--;
        }
        return candidate;
    }

    /**
     * Reads the metadata event starting at the input's position (its size field).
     *
     * @throws JfrInput.TruncatedException when the event is cut
     */
    static JfrMetadata read(JfrInput in) {
        long start = in.position();
        long size = in.readVarLong();
        long typeId = in.readVarLong();
        if (typeId != METADATA_TYPE_ID) {
            throw new IllegalStateException("expected the metadata event at " + start + ", found type " + typeId);
        }
        long savedLimit = in.limit();
        in.limit(Math.min(savedLimit, start + size));
        try {
            in.readVarLong(); // start time
            in.readVarLong(); // duration
            long metadataId = in.readVarLong();
            int stringCount = in.readVarInt();
            if (stringCount < 0 || stringCount > size) {
                throw new IllegalStateException("bad metadata string table size " + stringCount);
            }
            String[] strings = new String[stringCount];
            for (int i = 0; i < stringCount; i++) {
                strings[i] = in.readString();
            }
            Element root = readElement(in, strings, 0);
            Map<Long, Type> types = new HashMap<>();
            for (Element metadata : root.children("metadata")) {
                for (Element cls : metadata.children("class")) {
                    long id = Long.parseLong(cls.attribute("id"));
                    String superType = cls.attribute("superType");
                    List<Field> fields = new ArrayList<>();
                    for (Element f : cls.children("field")) {
                        String dimension = f.attribute("dimension");
                        fields.add(new Field(f.attribute("name"), Long.parseLong(f.attribute("class")),
                                dimension != null && !dimension.equals("0"), f.attribute("constantPool") != null
                                && !"false".equals(f.attribute("constantPool"))));
                    }
                    types.put(id, new Type(id, cls.attribute("name"), superType, EVENT_SUPER_TYPE.equals(superType),
                            List.copyOf(fields)));
                }
            }
            return new JfrMetadata(types, metadataId);
        } finally {
            in.limit(savedLimit);
        }
    }

    private record Element(String name, Map<String, String> attributes, List<Element> children) {
        String attribute(String key) {
            return attributes.get(key);
        }

        List<Element> children(String childName) {
            List<Element> result = new ArrayList<>();
            for (Element e : children) {
                if (e.name.equals(childName)) {
                    result.add(e);
                }
            }
            return result;
        }
    }

    private static Element readElement(JfrInput in, String[] strings, int depth) {
        if (depth > 64) {
            throw new IllegalStateException("metadata nested too deeply");
        }
        String name = string(strings, in.readVarInt());
        int attributeCount = in.readVarInt();
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < attributeCount; i++) {
            attributes.put(string(strings, in.readVarInt()), string(strings, in.readVarInt()));
        }
        int childCount = in.readVarInt();
        List<Element> children = new ArrayList<>(Math.max(0, Math.min(childCount, 1024)));
        for (int i = 0; i < childCount; i++) {
            children.add(readElement(in, strings, depth + 1));
        }
        return new Element(name, attributes, children);
    }

    private static String string(String[] strings, int index) {
        if (index < 0 || index >= strings.length) {
            throw new IllegalStateException("metadata string index " + index + " out of range");
        }
        return strings[index];
    }
}
