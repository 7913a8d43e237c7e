package dev.switchboard.runtime.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One version of a subject as it is stored: {@code <schemas>/<subject>/<version>.schema.json}, or a
 * row of the store's {@code registered_schemas}.
 */
public record RegisteredSchema(String subject, int version, JsonNode schema, String text) {

    /** {@code orders@2}. */
    public String reference() {
        return subject + "@" + version;
    }

    /** The top-level fields the schema requires ({@code required} of the root object), in its order. */
    public List<String> requiredFields() {
        List<String> names = new ArrayList<>();
        schema.path("required").forEach(name -> names.add(name.asText()));
        return names;
    }
}
