package dev.switchboard.runtime.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Secret references outside secret properties, reference names the environment cannot hold, and
 * template look-ups whose root no event has, in flows of built-in connectors.
 */
class ReferenceValidationTest {
    private static final FlowValidator VALIDATOR = new FlowValidator(ConnectorCatalog.load());

    private static ValidationResult hookThen(String type, String configJson) {
        return VALIDATOR.validate("""
                {"format": "switchboard/flow@1", "id": "f", "nodes": [
                  {"id": "hook", "type": "webhook", "config": {"path": "/hooks/in"}},
                  {"id": "next", "type": "%s", "config": %s}
                ], "wires": [{"from": "hook", "to": "next"}]}
                """.formatted(type, configJson));
    }

    @Test
    void secretInsideALogMessageIsRefusedWithItsPointer() {
        List<Problem> problems =
                hookThen("log", "{\"message\": \"key={{secret:API_KEY}}\"}").problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.pointer()).isEqualTo("/nodes/1/config/message");
            assertThat(p.nodeId()).isEqualTo("next");
            assertThat(p.property()).isEqualTo("message");
            assertThat(p.message())
                    .startsWith("'message' may not reference a secret ({{secret:API_KEY}}): what it produces "
                            + "is shown and stored");
        });
    }

    @Test
    void secretInAMappedFieldOrAScheduledPayloadIsRefusedAtTheValue() {
        List<Problem> mapped = hookThen("map", "{\"fields\": {\"note\": \"ok\", \"key\": \"{{ secret:API_KEY }}\"}}")
                .problems();

        assertThat(mapped).extracting(Problem::pointer).containsExactly("/nodes/1/config/fields/key");
    }

    @Test
    void secretsInTheHttpRequestsUrlHeadersAndBodyAreAllowed() {
        ValidationResult result = hookThen("http.request", """
                {"url": "https://api.example.test/v1/items?key={{secret:API_KEY}}",
                 "headers": {"Authorization": "Bearer {{secret:API_TOKEN}}"},
                 "body": "grant_type=client_credentials&client_secret={{secret:CLIENT_SECRET}}"}""");

        assertThat(result.problems()).isEmpty();
    }

    @Test
    void badSecretNameIsNamedAsSuchNotTakenForAClearValue() {
        List<Problem> problems = VALIDATOR.validate("""
                {"format": "switchboard/flow@1", "id": "f", "nodes": [
                  {"id": "hook", "type": "webhook", "config": {"path": "/hooks/in", "auth": "bearer", "token": "{{secret:1BAD}}"}},
                  {"id": "log", "type": "log", "config": {"message": "{{env:bad-name}}"}}
                ], "wires": [{"from": "hook", "to": "log"}]}
                """).problems();

        assertThat(problems)
                .extracting(Problem::pointer, Problem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "/nodes/0/config/token",
                                "'1BAD' is not a valid secret name: a name has "
                                        + "letters, digits and _ only and does not start with a digit, e.g. {{secret:API_KEY}}"),
                        org.assertj.core.groups.Tuple.tuple(
                                "/nodes/1/config/message",
                                "'bad-name' is not a valid setting name: a name has "
                                        + "letters, digits and _ only and does not start with a digit, e.g. {{env:PARTNER_URL}}"));
    }

    @Test
    void lookUpWithAnUnknownRootIsAWarningWithASuggestion() {
        ValidationResult result = hookThen("log", "{\"message\": \"Hello {{dat.name}} from {{ sorce }}\"}");

        assertThat(result.isValid()).isTrue();
        assertThat(result.problems()).extracting(Problem::severity).containsOnly(Problem.Severity.WARNING);
        assertThat(result.problems()).extracting(Problem::pointer).containsOnly("/nodes/1/config/message");
        assertThat(result.problems())
                .extracting(Problem::message)
                .containsExactly(
                        "The look-up '{{dat.name}}' in 'message' starts with 'dat', which is not part of every event (data, id, "
                                + "source, type, time, subject, datacontenttype): it reads an extension attribute of that name and "
                                + "renders empty without one. Did you mean 'data'?",
                        "The look-up '{{sorce}}' in 'message' starts with 'sorce', which is not part of every event (data, id, "
                                + "source, type, time, subject, datacontenttype): it reads an extension attribute of that name and "
                                + "renders empty without one. Did you mean 'source'?");
    }

    @Test
    void lookUpOfAFieldWithoutDataIsShownTheDataForm() {
        List<Problem> problems = hookThen("map", "{\"fields\": {\"who\": \"{{customer.name | upper}}\"}}")
                .problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/nodes/1/config/fields/who");
            assertThat(p.message()).endsWith("For the event's data write '{{data.customer.name}}'.");
        });
    }

    @Test
    void extensionAttributesSwitchboardSetsAreNotWarnedAbout() {
        ValidationResult result =
                hookThen("log", "{\"message\": \"{{errornode}}: {{error}} via {{httpuseragent}} {{kafkatopic}}\"}");

        assertThat(result.problems()).isEmpty();
    }
}
