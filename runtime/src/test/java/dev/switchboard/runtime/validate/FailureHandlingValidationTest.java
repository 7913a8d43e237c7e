package dev.switchboard.runtime.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import org.junit.jupiter.api.Test;

/** The runtime's own per-node keys: {@code config.retry} and the {@code error} port on every node with an input. */
class FailureHandlingValidationTest {
    static final FlowValidator VALIDATOR = new FlowValidator(ConnectorCatalog.load());

    static String flow(String retry) {
        return """
                {
                  "format": "switchboard/flow@1",
                  "id": "f",
                  "nodes": [
                    { "id": "in", "type": "test.inject", "config": { "channel": "c" } },
                    { "id": "send", "type": "test.capture", "config": { "sink": "s", "retry": %s } },
                    { "id": "oops", "type": "test.capture", "config": { "sink": "e" } }
                  ],
                  "wires": [ { "from": "in", "to": "send" }, { "from": "send", "port": "error", "to": "oops" } ]
                }
                """.formatted(retry);
    }

    @Test
    void nodeRetryAndErrorPortAreAcceptedOnAnyNodeWithAnInput() {
        assertThat(VALIDATOR
                        .validate(flow("{ \"attempts\": 3, \"backoff\": \"1s\", \"maxBackoff\": \"1m\" }"))
                        .problems())
                .isEmpty();
    }

    @Test
    void badNodeRetryIsReportedWithItsPointer() {
        assertThat(VALIDATOR
                        .validate(flow("{ \"attempts\": 0, \"backoff\": \"soon\" }"))
                        .problems())
                .extracting(Problem::pointer)
                .containsExactlyInAnyOrder("/nodes/1/config/retry/attempts", "/nodes/1/config/retry/backoff");
    }

    @Test
    void flowSettingsForFailuresAndConcurrencyAreChecked() {
        String flow = """
                { "format": "switchboard/flow@1", "id": "f", "nodes": [],
                  "settings": { "deadLetter": "no", "concurrency": %s } }
                """;
        assertThat(VALIDATOR.validate(flow.formatted("0")).problems())
                .extracting(Problem::pointer)
                .containsExactlyInAnyOrder("/settings/deadLetter", "/settings/concurrency");
        assertThat(VALIDATOR.validate(flow.formatted("65")).problems())
                .extracting(Problem::pointer)
                .contains("/settings/concurrency");
        assertThat(VALIDATOR.validate(flow.formatted("1.5")).problems())
                .extracting(Problem::pointer)
                .contains("/settings/concurrency");
        assertThat(VALIDATOR.validate("""
                { "format": "switchboard/flow@1", "id": "f", "nodes": [], "settings": { "deadLetter": false, "concurrency": 4 } }
                """).problems()).isEmpty();
    }

    @Test
    void orderingKeyMustBeATemplate() {
        String flow = """
                { "format": "switchboard/flow@1", "id": "f", "nodes": [], "settings": { "orderingKey": %s } }
                """;
        assertThat(VALIDATOR.validate(flow.formatted("\"{{data.customerId}}\"")).problems())
                .isEmpty();
        assertThat(VALIDATOR
                        .validate(flow.formatted("\"{{data.customerId | shout}}\""))
                        .problems())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.pointer()).isEqualTo("/settings/orderingKey");
                    assertThat(p.message()).startsWith("expected a template such as {{data.customerId}}");
                });
        assertThat(VALIDATOR.validate(flow.formatted("42")).problems())
                .extracting(Problem::pointer)
                .contains("/settings/orderingKey");
    }
}
