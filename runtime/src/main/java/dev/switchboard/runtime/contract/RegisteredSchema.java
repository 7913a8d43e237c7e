package dev.switchboard.runtime.contract;

import com.fasterxml.jackson.databind.JsonNode;

/** One version of a subject as it is stored: {@code <schemas>/<subject>/<version>.schema.json}. */
public record RegisteredSchema(String subject, int version, JsonNode schema, String text) {

    /** {@code orders@2}. */
    public String reference() {
        return subject + "@" + version;
    }
}
