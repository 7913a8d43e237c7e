package dev.switchboard.connector.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MappingTest {
    static final Event ORDER = Event.create("/test", "com.example.order", Json.parse("""
            { "id": 7, "email": "  Ada@Example.COM ", "amount": "42.50", "paid": true,
              "items": [ { "sku": "A-1" }, { "sku": "B-2" } ], "customer": { "name": "Ada", "tier": "gold" } }"""));

    static Mapping mapping(Object... config) {
        List<ConfigProblem> problems = new ArrayList<>();
        Mapping mapping = Mapping.read(NodeConfig.of(config), problems);
        assertThat(problems).isEmpty();
        return mapping;
    }

    @Test
    void buildsNestedFieldsAndKeepsJsonTypesOfSingleLookups() {
        Event out = mapping(
                        "fields",
                        ConfigValue.object(
                                "orderId", "{{data.id}}",
                                "customer.email", "{{data.email | trim | lower}}",
                                "customer.name", "{{data.customer.name}}",
                                "total", "{{data.amount | number}}",
                                "paid", "{{data.paid}}",
                                "skus", "{{data.items}}",
                                "label", "Order {{data.id}}",
                                "missing", "{{data.nope}}"))
                .apply(ORDER);

        assertThat(out.data()).isEqualTo(Json.parse("""
                { "orderId": 7, "customer": { "email": "ada@example.com", "name": "Ada" }, "total": 42.50,
                  "paid": true, "skus": [ { "sku": "A-1" }, { "sku": "B-2" } ], "label": "Order 7", "missing": null }"""));
        assertThat(out.data().get("orderId").isIntegralNumber()).isTrue();
        assertThat(out.data().get("total").isNumber()).isTrue();
    }

    @Test
    void keepsTheEventIdAndChangesTheTypeOnlyWhenAsked() {
        Event same = mapping("fields", ConfigValue.object("a", "{{data.id}}")).apply(ORDER);
        Event renamed = mapping("fields", ConfigValue.object("a", "{{data.id}}"), "type", "com.example.order.slim")
                .apply(ORDER);

        assertThat(same.id()).isEqualTo(ORDER.id());
        assertThat(same.type()).isEqualTo("com.example.order");
        assertThat(renamed.id()).isEqualTo(ORDER.id());
        assertThat(renamed.type()).isEqualTo("com.example.order.slim");
        assertThat(renamed.source()).isEqualTo(ORDER.source());
        assertThat(renamed.time()).isEqualTo(ORDER.time());
    }

    @Test
    void replaceKeepsOnlyTheMappedFields() {
        Event out = mapping("mode", "replace", "fields", ConfigValue.object("customer.email", "{{data.email | trim}}"))
                .apply(ORDER);
        assertThat(out.data()).isEqualTo(Json.parse("{\"customer\": {\"email\": \"Ada@Example.COM\"}}"));
    }

    @Test
    void mergeSetsFieldsIntoACopyOfTheExistingData() {
        Event out = mapping(
                        "mode",
                        "merge",
                        "fields",
                        ConfigValue.object(
                                "customer.email",
                                "{{data.email | trim | lower}}",
                                "amount",
                                "{{data.amount | number}}"))
                .apply(ORDER);

        assertThat(out.data().get("customer"))
                .isEqualTo(Json.parse("{\"name\": \"Ada\", \"tier\": \"gold\", \"email\": \"ada@example.com\"}"));
        assertThat(out.data().get("amount").isNumber()).isTrue();
        assertThat(out.data().get("items")).isEqualTo(ORDER.data().get("items"));
        assertThat(ORDER.data().get("customer").has("email"))
                .as("the input event is untouched")
                .isFalse();
        assertThat(ORDER.data().get("amount").isTextual()).isTrue();
    }

    @Test
    void mergeOnDataThatIsNotAnObjectStartsFresh() {
        Event text = Event.create("/t", "t", Json.NODES.textNode("hello"));
        Event out = mapping("mode", "merge", "fields", ConfigValue.object("greeting", "{{data | upper}}"))
                .apply(text);
        assertThat(out.data()).isEqualTo(Json.parse("{\"greeting\": \"HELLO\"}"));
    }

    @Test
    void copiedObjectsAreNotSharedWithTheInput() {
        Event out =
                mapping("fields", ConfigValue.object("c", "{{data.customer}}")).apply(ORDER);
        assertThat(out.data().get("c"))
                .isEqualTo(ORDER.data().get("customer"))
                .isNotSameAs(ORDER.data().get("customer"));
    }

    @Test
    void reportsBadPathsOverlapsTemplatesAndModeWithPointers() {
        List<ConfigProblem> problems = new ArrayList<>();
        Mapping mapping = Mapping.read(
                NodeConfig.of(
                        "mode",
                        "upsert",
                        "fields",
                        ConfigValue.object(
                                "a..b", "x",
                                "customer", "{{data.customer}}",
                                "customer.email", "{{data.email}}",
                                "a/b", "{{data.x | shout}}")),
                problems);

        assertThat(mapping).isNull();
        assertThat(problems)
                .extracting(ConfigProblem::pointer)
                .containsExactly("/fields/a..b", "/fields/customer.email", "/fields/a~1b", "/mode");
        assertThat(problems.get(2).message()).contains("Unknown formatter 'shout'");
    }

    @Test
    void noFieldsIsAProblem() {
        List<ConfigProblem> problems = new ArrayList<>();
        Mapping.read(NodeConfig.of(), problems);
        assertThat(problems).extracting(ConfigProblem::pointer).containsExactly("/fields");
    }
}
