package dev.switchboard.runtime.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.MalformedFlowException;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisabledNodeValidationTest {
    private static final FlowValidator VALIDATOR = new FlowValidator(ConnectorCatalog.load());

    private static Flow flow(List<Node> nodes, List<Wire> wires) {
        return new Flow(FlowFormat.CURRENT, "f", null, null, null, nodes, wires, null);
    }

    private static Node node(String id, String type, Object... config) {
        return new Node(id, type, null, ConfigValue.object(config), null);
    }

    @Test
    void aDisabledNodeOfAnUnknownTypeWithAnyConfigIsOnlyAWarning() {
        Flow flow = flow(
                List.of(
                        node("hook", "webhook", "path", "/in"),
                        node("fn", "nodered.function", "func", "return msg;", "outputs", 2)
                                .withDisabled(true),
                        node("out", "log")),
                List.of(Wire.of("hook", "fn"), Wire.of("fn", "out2", "out")));

        List<Problem> problems = VALIDATOR.validate(flow);

        assertThat(problems).noneMatch(Problem::isError);
        assertThat(problems)
                .extracting(Problem::pointer, Problem::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                "/nodes/1/disabled",
                                "Node 'fn' (nodered.function) is disabled: it is not run, and the wires into and out of it carry nothing"),
                        org.assertj.core.groups.Tuple.tuple(
                                "/nodes/0", "Trigger 'hook' is wired only to disabled nodes, so its events go nowhere"),
                        org.assertj.core.groups.Tuple.tuple(
                                "/nodes/2", "Only disabled nodes are wired into 'out', so it never receives events"));
    }

    @Test
    void aDisabledNodeOfAKnownTypeIsNotCheckedEither() {
        Flow flow = flow(
                List.of(
                        node("hook", "webhook", "path", "/in"),
                        node("bad", "log", "level", "loud").withDisabled(true)),
                List.of(Wire.of("hook", "bad")));

        assertThat(VALIDATOR.validate(flow)).noneMatch(Problem::isError);
    }

    @Test
    void aDisabledNodeMayStillHoldNoSecretInClear() {
        Flow flow = flow(
                List.of(node("old", "nodered.email", "settings", ConfigValue.object("password", "hunter2"))
                        .withDisabled(true)),
                List.of());

        assertThat(VALIDATOR.validate(flow))
                .filteredOn(Problem::isError)
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.pointer()).isEqualTo("/nodes/0/config/settings/password");
                    assertThat(p.message())
                            .contains("looks like a secret written in clear text")
                            .doesNotContain("hunter2");
                });
    }

    @Test
    void wiresOfADisabledNodeMustStillLeadToNodesThatExist() {
        Flow flow = flow(
                List.of(
                        node("hook", "webhook", "path", "/in"),
                        node("fn", "nodered.function").withDisabled(true)),
                List.of(Wire.of("hook", "fn"), Wire.of("fn", "nowhere")));

        assertThat(VALIDATOR.validate(flow))
                .filteredOn(Problem::isError)
                .singleElement()
                .satisfies(p -> assertThat(p.pointer()).isEqualTo("/wires/1/to"));
    }

    @Test
    void aLoopThroughADisabledNodeIsNoLoop() {
        Flow flow = flow(
                List.of(
                        node("hook", "webhook", "path", "/in"),
                        node("a", "log"),
                        node("b", "nodered.function").withDisabled(true)),
                List.of(Wire.of("hook", "a"), Wire.of("a", "b"), Wire.of("b", "a")));

        assertThat(VALIDATOR.validate(flow)).noneMatch(Problem::isError);
    }

    @Test
    void aDisabledWebhookClaimsNoAddress() {
        Flow flow = flow(
                List.of(
                        node("hook", "webhook", "path", "/in"),
                        node("old", "webhook", "path", "/in").withDisabled(true),
                        node("out", "log")),
                List.of(Wire.of("hook", "out")));

        assertThat(VALIDATOR.validate(flow)).noneMatch(Problem::isError);
    }

    @Test
    void theFileSaysDisabledOnlyWhenTrueAndReadsItBack() throws MalformedFlowException {
        Flow flow = flow(
                List.of(
                        node("hook", "webhook", "path", "/in"),
                        node("fn", "nodered.function").withDisabled(true)),
                List.of(Wire.of("hook", "fn")));

        String json = FlowCodec.write(flow);

        assertThat(json).containsOnlyOnce("\"disabled\": true");
        assertThat(json).contains("\"type\": \"nodered.function\",\n      \"disabled\": true,\n      \"config\"");
        Flow back = FlowCodec.read(json);
        assertThat(back).isEqualTo(flow);
        assertThat(FlowCodec.write(back)).isEqualTo(json);
        assertThat(VALIDATOR.validate(json).isValid()).isTrue();
    }

    @Test
    void theSchemaWantsABoolean() {
        ValidationResult result = VALIDATOR.validate("""
                {"format": "switchboard/flow@1", "id": "f",
                 "nodes": [{"id": "a", "type": "log", "disabled": "yes"}]}
                """);

        assertThat(result.problems())
                .filteredOn(Problem::isError)
                .extracting(Problem::pointer)
                .contains("/nodes/0/disabled");
    }
}
