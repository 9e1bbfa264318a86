package io.flightdeck.app.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        com.fasterxml.jackson.databind.node.ObjectNode tree = MAPPER.valueToTree(report);
        tree.set(field, MAPPER.valueToTree(value));
        return render(tree);
    }

    public static String render(Object report) {
        try {
            return MAPPER.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report could not be written as JSON", e);
        }
    }
}
