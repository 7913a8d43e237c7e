package dev.switchboard.runtime.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import dev.switchboard.connector.support.Quote;
import dev.switchboard.runtime.validate.Problem;
import java.util.ArrayList;
import java.util.List;

/** The policies schema's findings in plain words, each at the JSON pointer of what is wrong. */
final class PolicySchemaMessages {
    private PolicySchemaMessages() {}

    static Problem toProblem(Error error, JsonNode schema) {
        String pointer = error.getInstanceLocation().toString();
        JsonNode instance = error.getInstanceNode();
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        String what = describe(pointer);
        return switch (keyword) {
            // a rule needs fields or a classification: the schema says so with anyOf of two required
            case "anyOf" -> ruleNamesNothing(pointer, what);
            case "required" ->
                error.getSchemaLocation().toString().contains("/anyOf/")
                        ? ruleNamesNothing(pointer, what)
                        : Problem.error(
                                pointer,
                                what + " is missing the required property '" + error.getProperty() + "'"
                                        + (error.getProperty().equals("format")
                                                ? " (add \"format\": \"" + PoliciesFile.FORMAT + "\")"
                                                : ""));
            case "additionalProperties" ->
                Problem.error(
                        pointer + "/" + error.getProperty(),
                        "Unknown property " + Quote.single(error.getProperty()) + " in "
                                + (pointer.isEmpty() ? "the policies file" : what) + ". Allowed: "
                                + String.join(", ", allowed(error, schema)));
            case "const" -> Problem.error(pointer, "must be \"" + PoliciesFile.FORMAT + "\", not " + shown(instance));
            case "type" ->
                Problem.error(
                        pointer,
                        pointer.isEmpty()
                                ? "A policies file holds one JSON object, not " + shown(instance)
                                : what + " must be "
                                        + article(error.getSchemaNode().asText()) + ", not " + shown(instance));
            case "enum" -> {
                List<String> options = new ArrayList<>();
                error.getSchemaNode().forEach(v -> options.add(v.asText()));
                yield Problem.error(
                        pointer, what + " must be one of " + String.join(", ", options) + ", not " + shown(instance));
            }
            case "minItems" -> Problem.error(pointer, what + " must list at least one item");
            case "minLength" -> Problem.error(pointer, what + " must not be empty");
            case "minProperties" -> Problem.error(pointer, what + " must name hosts, topics or both");
            case "pattern" ->
                Problem.error(
                        pointer,
                        pointer.endsWith("/classification")
                                ? what + " must be a classification name such as pii (letters, digits, . _ -), not "
                                        + shown(instance)
                                : what + " must be a secret reference such as {{secret:POLICY_HASH_KEY}}, not "
                                        + shown(instance));

            default -> Problem.error(pointer, error.getMessage());
        };
    }

    private static Problem ruleNamesNothing(String pointer, String what) {
        return Problem.error(
                pointer,
                what + " must name the fields to mask, a classification or both"
                        + " (\"fields\": [\"data.email\"] or \"classification\": \"pii\")");
    }

    private static List<String> allowed(Error error, JsonNode schema) {
        String location = error.getSchemaLocation().toString();
        int hash = location.indexOf('#');
        String keywordPointer = hash < 0 ? "" : location.substring(hash + 1);
        String objectPointer = keywordPointer.substring(0, Math.max(0, keywordPointer.lastIndexOf('/')));
        List<String> names = new ArrayList<>();
        schema.at(objectPointer).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String article(String type) {
        return switch (type) {
            case "object" -> "an object";
            case "array" -> "a list";
            case "string" -> "a text";
            default -> "a " + type;
        };
    }

    private static String shown(JsonNode value) {
        if (value == null) {
            return "nothing";
        }
        if (value.isTextual()) {
            return Quote.single(value.textValue());
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.toString();
    }

    /** 'fields', or item 0 of 'masking' for an element of a list. */
    private static String describe(String pointer) {
        if (pointer.isEmpty()) {
            return "The policies file";
        }
        String last = last(pointer);
        if (!last.isEmpty() && last.chars().allMatch(Character::isDigit)) {
            return "item " + last + " of '" + last(pointer.substring(0, pointer.lastIndexOf('/'))) + "'";
        }
        return "'" + last + "'";
    }

    private static String last(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1)
                .replace("~1", "/")
                .replace("~0", "~");
    }
}
