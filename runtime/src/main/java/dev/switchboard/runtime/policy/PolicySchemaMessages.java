package dev.switchboard.runtime.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import dev.switchboard.runtime.validate.Problem;
import dev.switchboard.runtime.validate.SchemaMessages;

/**
 * The policies schema's findings, each at the JSON pointer of what is wrong: worded as a flow
 * file's are ({@link SchemaMessages}), but for what only a policies file says — a masking rule
 * that names nothing to mask, a classification name, a secret reference, routing hosts or topics.
 */
final class PolicySchemaMessages {
    private final SchemaMessages messages;

    PolicySchemaMessages(JsonNode schema) {
        this.messages = new SchemaMessages(schema, "policies file", "the policies file");
    }

    Problem toProblem(Error error) {
        String pointer = SchemaMessages.pointer(error);
        JsonNode instance = error.getInstanceNode();
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        String what = pointer.isEmpty() ? "The policies file" : SchemaMessages.field(pointer);
        return switch (keyword) {
            // a rule needs fields or a classification: the schema says so with anyOf of two required
            case "anyOf" -> ruleNamesNothing(pointer, what);
            case "required" ->
                error.getSchemaLocation().toString().contains("/anyOf/")
                        ? ruleNamesNothing(pointer, what)
                        : worded(
                                error,
                                error.getProperty().equals("format")
                                        ? " (add \"format\": \"" + PoliciesFile.FORMAT + "\")"
                                        : "");
            case "minProperties" -> Problem.error(pointer, what + " must name hosts, topics or both");
            case "pattern" ->
                Problem.error(
                        pointer,
                        pointer.endsWith("/classification")
                                ? what + " must be a classification name such as pii (letters, digits, . _ -), not "
                                        + SchemaMessages.shown(instance)
                                : what + " must be a secret reference such as {{secret:POLICY_HASH_KEY}}, not "
                                        + SchemaMessages.shown(instance));
            default -> worded(error, "");
        };
    }

    private Problem worded(Error error, String hint) {
        SchemaMessages.Finding finding = messages.word(error);
        return Problem.error(finding.pointer(), finding.message() + hint);
    }

    private static Problem ruleNamesNothing(String pointer, String what) {
        return Problem.error(
                pointer,
                what + " must name the fields to mask, a classification or both"
                        + " (\"fields\": [\"data.email\"] or \"classification\": \"pii\")");
    }
}
