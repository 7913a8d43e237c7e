package dev.switchboard.runtime.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import dev.switchboard.connector.support.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * json-schema-validator's findings in plain words, worded the same for every published schema —
 * flow files, flow-test files, policies files: each at the JSON pointer of what is wrong, saying
 * what was expected there and what was found ({@code 'attempts' must be at least 1, not 0}). A
 * caller words its own special cases first (a flow's ids, a policy rule that names nothing) and
 * hands the rest here.
 */
public final class SchemaMessages {
    /** One finding: where ({@code ""} for the whole document) and what is wrong there. */
    public record Finding(String pointer, String message) {}

    private final JsonNode schemaTree;
    private final String document;
    private final BiFunction<String, JsonNode, String> places;

    /**
     * @param schemaTree the schema as published, for the properties an object allows
     * @param document what a file of this kind is called, e.g. {@code "flow file"}
     * @param whole how the whole document is named as a place, e.g. {@code "the flow"}
     */
    public SchemaMessages(JsonNode schemaTree, String document, String whole) {
        this(schemaTree, document, (pointer, instance) -> pointer.isEmpty() ? whole : field(pointer));
    }

    /**
     * @param places names the object at a pointer, given its value, that misses or has a property
     *     ({@code node 'out'}); lower case
     */
    public SchemaMessages(JsonNode schemaTree, String document, BiFunction<String, JsonNode, String> places) {
        this.schemaTree = schemaTree;
        this.document = document;
        this.places = places;
    }

    /** The finding in plain words; a keyword without wording of its own keeps the validator's message. */
    public Finding word(Error error) {
        String pointer = pointer(error);
        JsonNode instance = error.getInstanceNode();
        JsonNode expected = error.getSchemaNode();
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        String field = field(pointer);
        String found = ", not " + shown(instance);
        return switch (keyword) {
            case "required" ->
                new Finding(
                        pointer,
                        capitalise(place(pointer, instance)) + " is missing the required property "
                                + Quote.single(error.getProperty()));
            case "additionalProperties" -> {
                String unknown = error.getProperty();
                List<String> allowed = allowedProperties(error);
                yield new Finding(
                        Pointers.child(pointer, unknown),
                        "Unknown property " + Quote.single(unknown) + " in " + place(pointer, instance) + "."
                                + Suggestions.didYouMean(unknown, allowed)
                                + (allowed.isEmpty() ? "" : " Allowed: " + String.join(", ", allowed)));
            }
            case "type" ->
                new Finding(
                        pointer,
                        pointer.isEmpty()
                                ? article(document) + " must hold one JSON object" + found
                                : field + " must be " + typeNames(expected) + found);
            case "enum" -> new Finding(pointer, field + " must be one of " + listed(expected) + found);
            case "const" -> new Finding(pointer, field + " must be " + expected + found);
            case "minimum" -> new Finding(pointer, field + " must be at least " + expected.asText() + found);
            case "maximum" -> new Finding(pointer, field + " must be at most " + expected.asText() + found);
            case "minLength" ->
                new Finding(
                        pointer,
                        expected.asInt() <= 1
                                ? field + " must not be empty"
                                : field + " must be at least " + expected.asInt() + " characters long");
            case "minItems" ->
                new Finding(
                        pointer,
                        expected.asInt() <= 1
                                ? field + " must list at least one item"
                                : field + " must list at least " + expected.asInt() + " items");
            default -> new Finding(pointer, error.getMessage());
        };
    }

    /** The place {@code pointer} names, as the constructor's {@code places} call it. */
    public String place(String pointer, JsonNode instance) {
        return places.apply(pointer, instance);
    }

    /** Where the finding is: a JSON pointer, {@code ""} for the whole document. */
    public static String pointer(Error error) {
        return error.getInstanceLocation().toString();
    }

    /** {@code 'backoff'}, or {@code item 0 of 'tags'} for an element of a list. */
    public static String field(String pointer) {
        String last = lastToken(pointer);
        if (!last.isEmpty() && last.chars().allMatch(Character::isDigit) && pointer.lastIndexOf('/') > 0) {
            return "item " + last + " of " + Quote.single(lastToken(pointer.substring(0, pointer.lastIndexOf('/'))));
        }
        return Quote.single(last);
    }

    /** The property names the schema object that rejected an unknown property does allow. */
    public List<String> allowedProperties(Error error) {
        String location = error.getSchemaLocation().toString();
        int hash = location.indexOf('#');
        String keywordPointer = hash < 0 ? "" : location.substring(hash + 1);
        String objectPointer = keywordPointer.substring(0, Math.max(0, keywordPointer.lastIndexOf('/')));
        List<String> names = new ArrayList<>();
        schemaTree.at(objectPointer).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** How a wrong value is quoted back: scalars as written (text marked as such), containers by kind. */
    public static String shown(JsonNode node) {
        if (node == null || node.isNull()) return "null";
        if (node.isTextual())
            return "the text \"" + Quote.shorten(node.textValue()) + "\"" + Quote.lengthNote(node.textValue());
        if (node.isNumber()) return Quote.number(node.decimalValue());
        if (node.isValueNode()) return node.toString();
        return typeName(node.isArray() ? "array" : "object");
    }

    /** A JSON Schema type in plain words: {@code integer} is "a whole number". */
    public static String typeName(String jsonType) {
        return switch (jsonType) {
            case "string" -> "text (a JSON string)";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "array" -> "a list (JSON array)";
            case "object" -> "an object";
            case "null" -> "null";
            default -> jsonType;
        };
    }

    /** A {@code type} keyword's value: one type, or several ({@code ["string", "null"]}). */
    private static String typeNames(JsonNode type) {
        if (type == null || !type.isArray()) {
            return typeName(type == null ? "" : type.asText());
        }
        List<String> names = new ArrayList<>();
        type.forEach(t -> names.add(typeName(t.asText())));
        return String.join(" or ", names);
    }

    private static String listed(JsonNode values) {
        List<String> shown = new ArrayList<>();
        values.forEach(v -> shown.add(v.isTextual() ? v.textValue() : v.toString()));
        return String.join(", ", shown);
    }

    private static String lastToken(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1)
                .replace("~1", "/")
                .replace("~0", "~");
    }

    private static String article(String noun) {
        return (noun.isEmpty() || "aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) < 0 ? "A " : "An ") + noun;
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
