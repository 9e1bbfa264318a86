package io.flightdeck.analysis.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Writes report objects as JSON with the field names of the CLI contract. */
public final class JsonExport {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private JsonExport() {
    }

    /** The report with one more top-level field (e.g. a budget's result after the analysis). */
    public static String renderWith(Object report, String field, Object value) {
        ObjectNode tree = MAPPER.valueToTree(report);
        tree.set(field, MAPPER.valueToTree(value));
        return render(tree);
    }

    public static String render(Object report) {
        try {
            JsonNode tree = report instanceof JsonNode n ? n : MAPPER.valueToTree(report);
            markAbsent(tree);
            return MAPPER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("the report could not be written as JSON", e);
        }
    }

    /**
     * Absent is not zero: in every analysis in the tree (an {@code "absent"} map of section to reason), the numbers
     * of each absent section become {@code null} and the section carries its reason as {@code "absent"}; lists stay
     * present and empty.
     */
    static void markAbsent(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode absent = object.get("absent");
            if (absent instanceof ObjectNode reasons) {
                reasons.properties().forEach(e -> {
                    if (object.get(e.getKey()) instanceof ObjectNode section) {
                        nullNumbers(section);
                        section.set("absent", e.getValue());
                    }
                });
            }
            object.properties().forEach(e -> markAbsent(e.getValue()));
        } else if (node instanceof ArrayNode array) {
            array.forEach(JsonExport::markAbsent);
        }
    }

    private static void nullNumbers(ObjectNode section) {
        section.properties().forEach(e -> {
            if (e.getValue().isNumber()) {
                e.setValue(NullNode.getInstance());
            } else if (e.getValue() instanceof ObjectNode nested && !e.getKey().equals("absent")) {
                nullNumbers(nested);
            }
        });
    }
}
