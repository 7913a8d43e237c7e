package dev.switchboard.runtime.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompatibilityCheckerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ORDER = """
            {"type": "object",
             "properties": {"id": {"type": "string"}, "total": {"type": "number"},
                            "status": {"enum": ["new", "paid", "shipped"]},
                            "lines": {"type": "array", "items": {"type": "object",
                                      "properties": {"sku": {"type": "string"}}, "required": ["sku"]}}},
             "required": ["id"]}
            """;

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The order schema with one part replaced: {@code at} is a JSON pointer to an object, {@code field} set to {@code value}. */
    private static JsonNode orderWith(String at, String field, String value) {
        JsonNode order = json(ORDER);
        var target = (com.fasterxml.jackson.databind.node.ObjectNode) order.at(at);
        if (value == null) {
            target.remove(field);
        } else {
            target.set(field, json(value));
        }
        return order;
    }

    private static List<String> breaking(JsonNode before, JsonNode after, CompatibilityMode mode) {
        return CompatibilityChecker.breakingChanges(before, after, mode).stream()
                .map(SchemaChange::toString)
                .toList();
    }

    @Test
    void theSameSchemaHasNoChanges() {
        assertThat(CompatibilityChecker.changes(json(ORDER), json(ORDER))).isEmpty();
    }

    @Test
    void aRequiredFieldAddedBreaksBackwardOnlyAndNamesTheField() {
        JsonNode after = orderWith("", "required", "[\"id\", \"total\"]");
        assertThat(breaking(json(ORDER), after, CompatibilityMode.BACKWARD))
                .containsExactly("/properties/total: required field 'total' added");
        assertThat(breaking(json(ORDER), after, CompatibilityMode.FORWARD)).isEmpty();
        assertThat(breaking(json(ORDER), after, CompatibilityMode.FULL)).hasSize(1);
        assertThat(breaking(json(ORDER), after, CompatibilityMode.NONE)).isEmpty();
    }

    @Test
    void aRequiredFieldRemovedBreaksForward() {
        JsonNode after = orderWith("", "required", "[]");
        ((com.fasterxml.jackson.databind.node.ObjectNode) after.at("/properties")).remove("id");
        assertThat(breaking(json(ORDER), after, CompatibilityMode.FORWARD))
                .containsExactly("/properties/id: required field 'id' removed");
        assertThat(breaking(json(ORDER), after, CompatibilityMode.BACKWARD)).isEmpty();
    }

    @Test
    void aFieldRemovedFromAClosedObjectBreaksBackward() {
        JsonNode before = orderWith("", "additionalProperties", "false");
        JsonNode after = orderWith("", "additionalProperties", "false");
        ((com.fasterxml.jackson.databind.node.ObjectNode) after.at("/properties")).remove("total");
        assertThat(breaking(before, after, CompatibilityMode.BACKWARD))
                .containsExactly("/properties/total: field 'total' removed while other fields are not allowed");
    }

    @Test
    void anOptionalFieldAddedToAnOpenObjectIsCompatibleEitherWayButNotToAClosedOneForward() {
        JsonNode open = orderWith("/properties", "note", "{\"type\": \"string\"}");
        assertThat(breaking(json(ORDER), open, CompatibilityMode.FULL)).isEmpty();

        JsonNode closedBefore = orderWith("", "additionalProperties", "false");
        JsonNode closedAfter = orderWith("", "additionalProperties", "false");
        ((com.fasterxml.jackson.databind.node.ObjectNode) closedAfter.at("/properties"))
                .set("note", json("{\"type\": \"string\"}"));
        assertThat(breaking(closedBefore, closedAfter, CompatibilityMode.FORWARD))
                .containsExactly("/properties/note: field 'note' added, which the previous version does not allow");
        assertThat(breaking(closedBefore, closedAfter, CompatibilityMode.BACKWARD))
                .isEmpty();
    }

    @Test
    void aTypeNarrowedBreaksBackwardAndWidenedBreaksForward() {
        JsonNode integer = orderWith("/properties/total", "type", "\"integer\"");
        assertThat(breaking(json(ORDER), integer, CompatibilityMode.BACKWARD))
                .containsExactly("/properties/total: type narrowed: number no longer allowed (now integer)");
        assertThat(breaking(json(ORDER), integer, CompatibilityMode.FORWARD)).isEmpty();

        JsonNode either = orderWith("/properties/total", "type", "[\"number\", \"string\"]");
        assertThat(breaking(json(ORDER), either, CompatibilityMode.FORWARD))
                .containsExactly("/properties/total: type widened: string now allowed (was number)");
        assertThat(breaking(json(ORDER), either, CompatibilityMode.BACKWARD)).isEmpty();
    }

    @Test
    void anEnumValueRemovedBreaksBackwardAndAddedBreaksForward() {
        JsonNode fewer = orderWith("/properties/status", "enum", "[\"new\", \"paid\"]");
        assertThat(breaking(json(ORDER), fewer, CompatibilityMode.BACKWARD))
                .containsExactly("/properties/status: enum value 'shipped' removed");
        JsonNode more = orderWith("/properties/status", "enum", "[\"new\", \"paid\", \"shipped\", \"lost\"]");
        assertThat(breaking(json(ORDER), more, CompatibilityMode.FORWARD))
                .containsExactly("/properties/status: enum value 'lost' added");
        assertThat(breaking(json(ORDER), more, CompatibilityMode.BACKWARD)).isEmpty();
    }

    @Test
    void closingAdditionalPropertiesBreaksBackwardAndOpeningBreaksForward() {
        JsonNode closed = orderWith("", "additionalProperties", "false");
        assertThat(breaking(json(ORDER), closed, CompatibilityMode.BACKWARD))
                .containsExactly("/additionalProperties: additionalProperties closed: fields not declared are refused");
        assertThat(breaking(closed, json(ORDER), CompatibilityMode.FORWARD))
                .containsExactly("/additionalProperties: additionalProperties opened: any undeclared field is allowed");
    }

    @Test
    void changesInsideArrayItemsAreFoundWithTheirPointer() {
        JsonNode after = orderWith("/properties/lines/items", "required", "[\"sku\", \"qty\"]");
        assertThat(breaking(json(ORDER), after, CompatibilityMode.BACKWARD))
                .containsExactly("/properties/lines/items/properties/qty: required field 'qty' added");
    }

    @Test
    void boundsTightenedNarrowAndLoosenedWiden() {
        JsonNode before = orderWith("/properties/id", "maxLength", "20");
        JsonNode tighter = orderWith("/properties/id", "maxLength", "10");
        assertThat(breaking(before, tighter, CompatibilityMode.BACKWARD))
                .containsExactly("/properties/id/maxLength: maxLength changed from 20 to 10");
        assertThat(breaking(tighter, before, CompatibilityMode.FORWARD))
                .containsExactly("/properties/id/maxLength: maxLength changed from 10 to 20");
        JsonNode minimum = orderWith("/properties/total", "minimum", "0");
        assertThat(breaking(json(ORDER), minimum, CompatibilityMode.BACKWARD))
                .containsExactly("/properties/total/minimum: minimum added (0)");
    }

    @Test
    void otherKeywordsAreComparedConservativelyAndAnnotationsIgnored() {
        JsonNode pattern = orderWith("/properties/id", "pattern", "\"^o-\"");
        assertThat(breaking(json(ORDER), pattern, CompatibilityMode.BACKWARD))
                .containsExactly(
                        "/properties/id/pattern: 'pattern' added (not compared in detail: taken as breaking both ways)");
        assertThat(breaking(json(ORDER), pattern, CompatibilityMode.FORWARD)).hasSize(1);

        JsonNode annotated = orderWith("/properties/id", "x-classification", "\"pii\"");
        ((com.fasterxml.jackson.databind.node.ObjectNode) annotated.at("/properties/id"))
                .put("description", "Order id");
        assertThat(CompatibilityChecker.changes(json(ORDER), annotated)).isEmpty();
    }

    @Test
    void fullReportsBothDirections() {
        JsonNode after = orderWith("", "required", "[\"id\", \"total\"]");
        ((com.fasterxml.jackson.databind.node.ObjectNode) after.at("/properties/status"))
                .set("enum", json("[\"new\", \"paid\", \"shipped\", \"lost\"]"));
        assertThat(breaking(json(ORDER), after, CompatibilityMode.FULL))
                .containsExactlyInAnyOrder(
                        "/properties/total: required field 'total' added",
                        "/properties/status: enum value 'lost' added");
    }
}
